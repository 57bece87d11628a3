/// Primary, secondary and tertiary weights for `VietnameseCollation`.
///
/// Hand-written rather than ICU: the machine has no "vi" locale and keys must be identical
/// on every platform. Order of primaries: whitespace < ASCII punctuation and symbols (in
/// ASCII order) < other symbols < digits < letters (Vietnamese alphabet, with f j w z in
/// their Latin places) < letters of other scripts. This follows CLDR's non-ignorable
/// default, which is what makes "An" < "An Bình" < "Anh".
enum CollationWeights {
    static let levelSeparator: UInt16 = 0
    static let whitespace: UInt16 = 1
    /// Followed by two units holding the scalar value, for symbols outside ASCII.
    static let otherSymbolMarker: UInt16 = 0x30
    static let digitZero: UInt16 = 0x40
    static let firstLetter: UInt16 = 0x100
    /// Followed by two units holding the lower-cased scalar value, for non-Latin letters.
    static let otherLetterMarker: UInt16 = 0x200

    static let lowerCase: UInt16 = 1
    static let upperCase: UInt16 = 2

    /// The 33 letters in order; the alphabet of §6.1 plus f j w z.
    private static let alphabet: [(base: Character, modifier: LetterModifier)] = [
        ("a", .none), ("a", .breve), ("a", .circumflex), ("b", .none), ("c", .none),
        ("d", .none), ("d", .stroke), ("e", .none), ("e", .circumflex), ("f", .none),
        ("g", .none), ("h", .none), ("i", .none), ("j", .none), ("k", .none), ("l", .none),
        ("m", .none), ("n", .none), ("o", .none), ("o", .circumflex), ("o", .horn),
        ("p", .none), ("q", .none), ("r", .none), ("s", .none), ("t", .none), ("u", .none),
        ("u", .horn), ("v", .none), ("w", .none), ("x", .none), ("y", .none), ("z", .none),
    ]

    /// Indexed by (base - "a") * 5 + modifier; built once from `alphabet`.
    private static let letterTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 26 * 5)
        for (rank, entry) in alphabet.enumerated() {
            let base = Int(entry.base.asciiValue! - UInt8(ascii: "a"))
            table[base * 5 + Int(entry.modifier.rawValue)] = firstLetter + UInt16(rank)
        }
        return table
    }()

    /// ASCII punctuation and symbols, 2...33, in ASCII order.
    private static let punctuationTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 128)
        var next: UInt16 = 2
        for value in 0x21..<0x7F {
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value)
            if !isAlphanumeric {
                table[value] = next
                next += 1
            }
        }
        return table
    }()

    @inline(__always)
    static func primary(_ letter: LatinLetter) -> UInt16 {
        letterTable[Int(letter.base - UInt8(ascii: "a")) * 5 + Int(letter.modifier.rawValue)]
    }

    /// Tone rank 1...6 (0 is the separator), shifted by foreign marks so "ü" differs from "u".
    @inline(__always)
    static func secondary(tone: VietnameseTone, foreignMark: UInt8) -> UInt16 {
        1 + UInt16(tone.rawValue) + 8 * UInt16(foreignMark)
    }

    static let secondaryMinimum: UInt16 = 1

    @inline(__always)
    static func punctuation(_ ascii: UInt32) -> UInt16 {
        punctuationTable[Int(ascii)]
    }

    /// A scalar value as two non-zero units, so a key never has a 0 inside a level.
    @inline(__always)
    static func scalarUnits(_ value: UInt32) -> (UInt16, UInt16) {
        (UInt16(value >> 15) + 1, UInt16(value & 0x7FFF) + 1)
    }
}
