import Foundation

/// The six Vietnamese tones. The raw value is the rank in the CLDR "vi" collation
/// (ngang < huyền < hỏi < ngã < sắc < nặng), so collation can use it directly.
enum VietnameseTone: UInt8, Sendable, CaseIterable {
    case level = 0   // ngang
    case grave = 1   // huyền
    case hook = 2    // hỏi
    case tilde = 3   // ngã
    case acute = 4   // sắc
    case dot = 5     // nặng
}

/// Marks that make a distinct letter of the alphabet (ă â ê ô ơ ư đ), as opposed to tones.
enum LetterModifier: UInt8, Sendable {
    case none = 0
    case breve       // ă
    case circumflex  // â ê ô
    case horn        // ơ ư
    case stroke      // đ (has no canonical decomposition, so it never comes from a combining mark)
}

/// A Latin letter split into the parts the Vietnamese rules care about.
///
/// Search folding, collation and Telex all need the same decomposition, and doing it from
/// one table keeps NFC and NFD input behaving identically everywhere.
struct LatinLetter: Sendable, Hashable {
    /// ASCII lower-case letter (`a`...`z`).
    var base: UInt8
    var modifier: LetterModifier = .none
    var tone: VietnameseTone = .level
    var isUpper: Bool = false
    /// 0 when the letter carries only Vietnamese marks; otherwise a code for the first
    /// other mark (diaeresis, cedilla...), so foreign letters still sort deterministically.
    var foreignMark: UInt8 = 0

    var isVowel: Bool {
        switch base {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    /// True for a letter Telex can produce: a Vietnamese letter, or f j w z, with no
    /// foreign marks and tones only on vowels.
    var isVietnamese: Bool {
        foreignMark == 0 && (tone == .level || isVowel)
    }

    init(base: UInt8, modifier: LetterModifier = .none, tone: VietnameseTone = .level,
         isUpper: Bool = false, foreignMark: UInt8 = 0) {
        self.base = base
        self.modifier = modifier
        self.tone = tone
        self.isUpper = isUpper
        self.foreignMark = foreignMark
    }

    /// An ASCII letter, or nil for any other byte.
    init?(ascii value: UInt32) {
        switch value {
        case 0x61...0x7A: self.init(base: UInt8(value))
        case 0x41...0x5A: self.init(base: UInt8(value + 0x20), isUpper: true)
        default: return nil
        }
    }

    /// Applies a combining mark that follows this letter (NFD input). Marks the Vietnamese
    /// rules do not know are remembered as `foreignMark` rather than dropped, so "ü" and "u"
    /// stay different in collation.
    mutating func apply(mark: UInt32) {
        if let tone = CombiningMarks.tone(mark), self.tone == .level {
            self.tone = tone
            return
        }
        if let modifier = CombiningMarks.modifier(mark), self.modifier == .none,
           LatinLetter.accepts(modifier, on: base) {
            self.modifier = modifier
            return
        }
        if foreignMark == 0 {
            foreignMark = CombiningMarks.foreignCode(mark)
        }
    }

    static func accepts(_ modifier: LetterModifier, on base: UInt8) -> Bool {
        switch modifier {
        case .none: return true
        case .breve: return base == UInt8(ascii: "a")
        case .circumflex: return base == UInt8(ascii: "a") || base == UInt8(ascii: "e") || base == UInt8(ascii: "o")
        case .horn: return base == UInt8(ascii: "o") || base == UInt8(ascii: "u")
        case .stroke: return base == UInt8(ascii: "d")
        }
    }
}

/// Classification of combining marks (U+0300 block and beyond).
enum CombiningMarks {
    static func tone(_ value: UInt32) -> VietnameseTone? {
        switch value {
        case 0x0300, 0x0340: return .grave   // U+0340 is a deprecated canonical twin of U+0300
        case 0x0309: return .hook
        case 0x0303: return .tilde
        case 0x0301, 0x0341: return .acute
        case 0x0323: return .dot
        default: return nil
        }
    }

    static func modifier(_ value: UInt32) -> LetterModifier? {
        switch value {
        case 0x0306: return .breve
        case 0x0302: return .circumflex
        case 0x031B: return .horn
        default: return nil
        }
    }

    static func foreignCode(_ value: UInt32) -> UInt8 {
        (0x0300...0x036F).contains(value) ? UInt8(value - 0x02FF) : 0x71
    }

    /// Fast for the common block; falls back to the Unicode category for the rest.
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0300 { return false }
        if value <= 0x036F { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
