import Foundation

/// Asks fontconfig (`fc-match`) for the file of a family's style: the override path of
/// `FontLocator`, never the default one.
enum FontconfigMatch {
    /// `charset` ranks above the family in fontconfig's matching, so asking for Times New Roman
    /// with Vietnamese letters (U+1EA0–1EF9) picks Liberation Serif 2 and never Liberation 1.07,
    /// which has no Vietnamese and which a bare "Times New Roman" or `:lang=vi` would pick.
    static func pattern(family: String, style: FontStyle) -> String {
        "\(escaped(family)):style=\(styleName(style)):fontformat=TrueType:lang=vi:charset=1ea0-1ef9"
    }

    /// A family typed by a person may hold the pattern's own punctuation ("Noto Serif-Display"
    /// would otherwise ask for size "Display"); fontconfig takes it literally after a backslash.
    static func escaped(_ family: String) -> String {
        var result = ""
        for character in family {
            if "\\-:,".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func styleName(_ style: FontStyle) -> String {
        switch style {
        case .regular: return "Regular"
        case .bold: return "Bold"
        case .italic: return "Italic"
        case .boldItalic: return "Bold Italic"
        }
    }

    /// One `fc-match` per style, launched together; the styles it found a file for.
    /// Throws `fontNotFound` when fontconfig is not installed.
    static func files(family: String, styles: [FontStyle]) throws -> [(FontStyle, String)] {
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
