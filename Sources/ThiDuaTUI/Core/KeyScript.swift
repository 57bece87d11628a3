/// A readable notation for key sequences, used by tests and by recorded
/// sessions: `F2 Down Down "Nguyễn Văn A" Tab "8,5" Enter C-s M-x Esc`.
///
/// Tokens are separated by spaces. A quoted string types each of its
/// graphemes (`\"` and `\\` escape). `C-x` is Ctrl, `M-x` is Alt, a single
/// character types itself, and the names below (case-insensitive) are keys.
/// `Resize:100x30` is a resize event.
public enum KeyScriptError: Error, Equatable, CustomStringConvertible {
    case unknownToken(String)
    case unterminatedString

    public var description: String {
        switch self {
        case .unknownToken(let t): return "unknown key name in script: \(t)"
        case .unterminatedString: return "unterminated string in key script"
        }
    }
}

extension Key {
    /// Parses a key script (see `KeyScriptError` for the notation).
    public static func script(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == " " || c == "\n" || c == "\t" { chars.removeFirst(); continue }
            if c == "\"" {
                chars.removeFirst()
                var closed = false
                while let d = chars.popFirst() {
                    if d == "\\", let e = chars.popFirst() { keys.append(.char(e)); continue }
                    if d == "\"" { closed = true; break }
                    keys.append(.char(d))
                }
                if !closed { throw KeyScriptError.unterminatedString }
                continue
            }
            var token = ""
            while let d = chars.first, d != " ", d != "\n", d != "\t" { token.append(d); chars.removeFirst() }
            keys.append(try parseToken(token))
        }
        return keys
    }

    private static let names: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "btab": .backTab, "backtab": .backTab, "s-tab": .backTab,
        "bs": .backspace, "bspace": .backspace, "backspace": .backspace,
        "del": .delete, "delete": .delete, "dc": .delete, "ins": .insert, "insert": .insert, "ic": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "ppage": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "npage": .pageDown,
        "space": .char(" "),
    ]

    private static func parseToken(_ token: String) throws -> Key {
        if token.count == 1, let c = token.first { return .char(c) }
        let lower = token.lowercased()
        if let k = names[lower] { return k }
        if lower.hasPrefix("c-"), token.count == 3, let c = token.last { return .control(c) }
        if lower.hasPrefix("m-"), token.count == 3, let c = token.last { return .alt(c) }
        if lower.hasPrefix("f"), let n = Int(lower.suffix(lower.count - 1)), (1...12).contains(n) { return .function(n) }
        if lower.hasPrefix("resize:") {
            let parts = lower.suffix(lower.count - "resize:".count).split(separator: "x")
            if parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) {
                return .resize(Size(width: w, height: h))
            }
        }
        throw KeyScriptError.unknownToken(token)
    }
}
