/// Vietnamese spelling tables used by Telex to tell a syllable from a non-word.
enum TelexSpelling {
    static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
        "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]

    /// With k, as place names of the Central Highlands spell it (Đắk Lắk, Krông Búk).
    static let finals: Set<String> = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"]

    static let stopFinals: Set<String> = ["c", "ch", "k", "p", "t"]

    /// Pairs whose tone position depends on the old/new style when no final follows.
    static let styledPairs: Set<String> = ["oa", "oe", "uy"]

    /// Vowel nuclei, mapped to whether a final consonant may follow.
    ///
    /// Besides the real nuclei this lists the unfinished spellings people type on the way
    /// (nguoi before the w, tieng before the second e), so a tone typed early is accepted
    /// and then moved when the mark arrives.
    static let nuclei: [String: Bool] = {
        var table = [String: Bool]()
        let open = [
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư",
            "iê", "oa", "oă", "oe", "oo", "uâ", "uê", "uô", "uy", "ươ", "yê", "uyê",
            // unfinished: iê, yê, uô, ươ, uyê, uê before their marks
            "ie", "ye", "uo", "ưo", "uơ", "uye", "ue",
        ]
        let closed = [
            "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
            "ua", "ui", "ưa", "ưi", "ưu",
            "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
            // unfinished: iêu, yêu, uôi, ươi, ươu before their marks
            "ieu", "yeu", "uoi", "ưoi", "uơi", "uou", "ưou", "uơu",
        ]
        for nucleus in open { table[nucleus] = true }
        for nucleus in closed { table[nucleus] = false }
        return table
    }()
}
