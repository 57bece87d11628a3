/// Code point ranges used by `DisplayWidth`.
///
/// Kept as plain Swift data (not libc `wcwidth`) so widths are identical on
/// every machine and in every locale, which golden screen tests rely on.
enum WidthTables {
    /// East Asian Wide and Fullwidth blocks (Unicode 15, condensed). Emoji are
    /// handled separately through the `Emoji_Presentation` property.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A,
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compat, Kanbun, CJK compat
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6,   // fullwidth forms
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,   // CJK extensions B–H
    ]

    /// Format and other invisible characters that take no column even though
    /// they are not combining marks.
    static let zeroWidth: [ClosedRange<UInt32>] = [
        0x00AD...0x00AD,   // soft hyphen (terminals do not show it)
        0x1160...0x11FF,   // Hangul Jamo medial vowels and finals (join the initial)
        0x200B...0x200F,   // ZWSP, ZWNJ, ZWJ, LRM, RLM
        0x2028...0x202E, 0x2060...0x206F,
        0xFE00...0xFE0F,   // variation selectors
        0xFEFF...0xFEFF,   // BOM / ZWNBSP
        0xE0000...0xE0FFF, // tags, variation selectors supplement
    ]

    static func contains(_ table: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        // Binary search: the tables are sorted and disjoint.
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = table[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
