import Foundation

/// Process-wide memo of loaded faces, keyed by what produced them: a print from the screens
/// must not pay for reading four fonts (or launching fc-match) every time.
final class FontCache: @unchecked Sendable {
    struct Key: Hashable {
        var source: FontLocator.Source
        var overrides: [FontStyle: String]
    }

    static let shared = FontCache()
    private let lock = NSLock()
    private var entries: [Key: FontSet] = [:]

    func fonts(for key: Key, load: () throws -> FontSet) throws -> FontSet {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[key] { return cached }
        let fonts = try load()
        entries[key] = fonts
        return fonts
    }
}
