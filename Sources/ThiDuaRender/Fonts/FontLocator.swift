import Foundation
import ThiDuaResources

/// Finds the four serif faces documents are drawn with.
///
/// By default these are the Liberation Serif 2 files shipped in `Resources/fonts` (metric twin of
/// Times New Roman, full Vietnamese): no `fc-match` process runs, and a PDF has the same bytes on
/// every machine, whatever fonts it has installed. Fontconfig is asked only for a family named on
/// purpose (`THIDUA_FONT_FAMILY`), or when the shipped files are missing (a binary copied without
/// its resource folder). Results are cached for the life of the process: each `fc-match` launch
/// costs about 50 ms here, parsing a font about 2 ms.
public struct FontLocator: Sendable {
    public enum Source: Sendable, Hashable {
        /// The Liberation Serif 2 files in `Resources/fonts`; fontconfig only if they are missing.
        case bundled
        /// A fontconfig family, then DejaVu Serif for the styles the family cannot supply.
        case fontconfig(family: String)
    }

    public var source: Source
    /// Files to use instead, per style (tests); the other styles come from `source`.
    public var overrides: [FontStyle: String]

    public init(source: Source = .bundled, overrides: [FontStyle: String] = [:]) {
        self.source = source
        self.overrides = overrides
    }

    /// Letters every chosen face must have; a face without them is skipped for the fallback.
    static let probe = "ĂÂĐÊÔƠƯăâđêôơưẠỹ"

    /// The faces, loaded once per process for the same source and overrides.
    public func fonts() throws -> FontSet {
        try FontCache.shared.fonts(for: FontCache.Key(source: source, overrides: overrides)) {
            try locateAndLoad()
        }
    }

    /// The font files in use, one per style.
    public func paths() throws -> [FontStyle: String] {
        try fonts().pathsByStyle
    }

    /// Uncached: every call reads the files (and asks fontconfig, if it comes to that) again.
    func locateAndLoad() throws -> FontSet {
        try locateAndLoad(bundledDirectory: ResourceLocator.fontsDirectory())
    }

    /// `bundledDirectory` is where the shipped faces are, nil when they were not found.
    func locateAndLoad(bundledDirectory: URL?) throws -> FontSet {
        var loaded: [FontStyle: TrueTypeFont] = [:]
        for (style, path) in overrides { loaded[style] = try TrueTypeFont(path: path) }
        // Why each step found nothing, for the message when no step is left.
        var notes: [String] = []
        if source == .bundled {
            if let bundledDirectory {
                for style in Self.missing(from: loaded) {
                    let path = bundledDirectory.appendingPathComponent(Self.bundledFileName(style)).path
                    if let font = try? TrueTypeFont(path: path), Self.covers(font) { loaded[style] = font }
                }
            } else {
                notes.append("không thấy thư mục phông đi kèm chương trình (fonts)")
            }
        }
        var asked = false
        for family in fontconfigFamilies {
            let missing = Self.missing(from: loaded)
            if missing.isEmpty { break }
            let matches: [(FontStyle, String)]
            do {
                matches = try FontconfigMatch.files(family: family, styles: missing)
            } catch let RenderError.fontNotFound(_, detail) {
                notes.append(detail)
                break
            }
            asked = true
            for (style, path) in matches {
                guard let font = try? TrueTypeFont(path: path), Self.covers(font) else { continue }
                loaded[style] = font
            }
        }
        guard let regular = loaded[.regular], let bold = loaded[.bold],
              let italic = loaded[.italic], let boldItalic = loaded[.boldItalic] else {
            if asked { notes.append("fc-match không trả về phông TrueType phù hợp") }
            if case .fontconfig(let family) = source {
                // The family came from the office's setting: say how to get the bundled fonts back.
                notes.append("phông «\(family)» do biến \(Self.familyVariable) chọn; bỏ biến này thì dùng phông đi kèm chương trình")
            }
            let style = Self.missing(from: loaded).first ?? .regular
            throw RenderError.fontNotFound(style: style, detail: notes.joined(separator: "; "))
        }
        return FontSet(regular: regular, bold: bold, italic: italic, boldItalic: boldItalic)
    }

    /// The families fontconfig is asked for, in order. Times New Roman stands for Liberation
    /// Serif 2 when the shipped copy is missing (see `FontconfigMatch.pattern`); DejaVu Serif
    /// is the last resort because nearly every Linux has it and it covers Vietnamese.
    var fontconfigFamilies: [String] {
        switch source {
        case .bundled: return ["Times New Roman", "DejaVu Serif"]
        case .fontconfig(let family): return family == "DejaVu Serif" ? [family] : [family, "DejaVu Serif"]
        }
    }

    static func bundledFileName(_ style: FontStyle) -> String {
        let files = ResourceLocator.serifFontFiles
        switch style {
        case .regular: return files.regular
        case .bold: return files.bold
        case .italic: return files.italic
        case .boldItalic: return files.boldItalic
        }
    }

    static func missing(from loaded: [FontStyle: TrueTypeFont]) -> [FontStyle] {
        FontStyle.allCases.filter { loaded[$0] == nil }
    }

    static func covers(_ font: TrueTypeFont) -> Bool {
        probe.unicodeScalars.allSatisfy { font.glyphID(for: $0) != nil }
    }
}

extension FontSet {
    var pathsByStyle: [FontStyle: String] {
        Dictionary(uniqueKeysWithValues: FontStyle.allCases.map { ($0, font($0).path) })
    }
}
