import Foundation

/// Finds the four serif faces through fontconfig. Liberation Serif 2 (metric twin of Times New
/// Roman, full Vietnamese) when installed, else DejaVu Serif. Results are cached for the life of
/// the process: each `fc-match` launch costs about 50 ms here, parsing a font about 2 ms.
public struct FontLocator: Sendable {
    /// Files to use instead of asking fontconfig, per style (tests, bundled fonts).
    public var overrides: [FontStyle: String]

    public init(overrides: [FontStyle: String] = [:]) {
        self.overrides = overrides
    }

    /// `charset` ranks above the family in fontconfig's matching, so asking for Times New Roman
    /// with Vietnamese letters (U+1EA0–1EF9) picks Liberation Serif 2 and never Liberation 1.07,
    /// which has no Vietnamese and which a bare "Times New Roman" or `:lang=vi` would pick.
    static func pattern(family: String, style: FontStyle) -> String {
        "\(family):style=\(styleName(style)):fontformat=TrueType:lang=vi:charset=1ea0-1ef9"
    }

    static func styleName(_ style: FontStyle) -> String {
        switch style {
        case .regular: return "Regular"
        case .bold: return "Bold"
        case .italic: return "Italic"
        case .boldItalic: return "Bold Italic"
        }
    }

    /// Letters every chosen face must have; a face without them is skipped for the fallback.
    static let probe = "ĂÂĐÊÔƠƯăâđêôơưẠỹ"

    /// The faces, loaded once per process for the same overrides.
    public func fonts() throws -> FontSet {
        try FontCache.shared.fonts(for: overrides) { try locateAndLoad() }
    }

    /// The font files fontconfig proposes (or the overrides), one per style.
    public func paths() throws -> [FontStyle: String] {
        try fonts().pathsByStyle
    }

    /// Uncached: every call asks fontconfig and parses the files again.
    func locateAndLoad() throws -> FontSet {
        var loaded: [FontStyle: TrueTypeFont] = [:]
        for (style, path) in overrides { loaded[style] = try TrueTypeFont(path: path) }
        for family in ["Times New Roman", "DejaVu Serif"] {
            let missing = FontStyle.allCases.filter { loaded[$0] == nil }
            if missing.isEmpty { break }
            for (style, path) in try Self.match(family: family, styles: missing) {
                guard let font = try? TrueTypeFont(path: path), Self.covers(font) else { continue }
                loaded[style] = font
            }
        }
        guard let regular = loaded[.regular], let bold = loaded[.bold],
              let italic = loaded[.italic], let boldItalic = loaded[.boldItalic] else {
            let style = FontStyle.allCases.first { loaded[$0] == nil } ?? .regular
            throw RenderError.fontNotFound(style: style, detail: "fc-match không trả về phông TrueType phù hợp")
        }
        return FontSet(regular: regular, bold: bold, italic: italic, boldItalic: boldItalic)
    }

    static func covers(_ font: TrueTypeFont) -> Bool {
        probe.unicodeScalars.allSatisfy { font.glyphID(for: $0) != nil }
    }

    /// One `fc-match` per style, launched together.
    private static func match(family: String, styles: [FontStyle]) throws -> [(FontStyle, String)] {
        guard let fcMatch = ProcessRunner.which("fc-match") else {
            throw RenderError.fontNotFound(style: styles[0], detail: "không có lệnh fc-match (gói fontconfig)")
        }
        let commands = styles.map { style in
            (executable: fcMatch, arguments: ["-f", "%{file}", pattern(family: family, style: style)])
        }
        let results = try ProcessRunner.runAll(commands)
        return zip(styles, results).compactMap { style, result in
            let path = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return result.status == 0 && !path.isEmpty ? (style, path) : nil
        }
    }
}

extension FontSet {
    var pathsByStyle: [FontStyle: String] {
        Dictionary(uniqueKeysWithValues: FontStyle.allCases.map { ($0, font($0).path) })
    }
}

/// Process-wide memo of loaded faces, keyed by the overrides that produced them.
private final class FontCache: @unchecked Sendable {
    static let shared = FontCache()
    private let lock = NSLock()
    private var entries: [[FontStyle: String]: FontSet] = [:]

    func fonts(for key: [FontStyle: String], load: () throws -> FontSet) throws -> FontSet {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[key] { return cached }
        let fonts = try load()
        entries[key] = fonts
        return fonts
    }
}
