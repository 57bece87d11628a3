/// A key press as the application sees it, after the front end has folded
/// terminal quirks away (three Backspace codes, Esc-digit F-keys, ESC-prefix
/// Alt, Enter as 10 or 13).
public enum Key: Hashable, Sendable {
    /// A printable grapheme (typed letter, digit, space, Vietnamese letter…).
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1–F12.
    case function(Int)
    /// Ctrl + key; letters are stored lowercase (`.ctrl("s")`).
    case ctrl(Character)
    /// Alt/Meta + key (arrives as ESC then the key).
    case alt(Character)
    /// The terminal changed size; carries the new size.
    case resize(Size)
    /// A code the front end could not name (kept for logs and debugging).
    case unknown(Int32)

    /// `.ctrl` with the letter normalised to lowercase.
    public static func control(_ c: Character) -> Key {
        .ctrl(Character(c.lowercased()))
    }

    /// True for `.char`: something a text field would insert.
    public var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }

    /// Short label for the F-key bar, help and palette: "F2", "^S", "M-x",
    /// "Enter", "↑"…
    /// The character a printable key types; nil for any other key.
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }

    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "^" + c.uppercased()
        case .alt(let c): return "M-" + String(c)
        case .resize(let s): return "resize \(s.width)x\(s.height)"
        case .unknown(let code): return "?\(code)"
        }
    }
}
