/// One word split the way Vietnamese spelling works: initial consonants, vowel nucleus,
/// final consonants.
///
/// Telex uses it to refuse marks that would make a non-Vietnamese word (so "aaaa", "dddd"
/// and "asss" stay literal after an undo) and to decide where the tone goes (§6.7).
struct TelexSyllable {
    let letters: [LatinLetter]
    /// The run of vowel letters, including the u of "qu" and the i of "gi".
    let vowels: Range<Int>
    /// The vowels that carry the rhyme: `vowels` without the glide owned by "qu"/"gi".
    let nucleus: Range<Int>

    var initial: Range<Int> { 0..<nucleus.lowerBound }
    var final: Range<Int> { vowels.upperBound..<letters.count }

    /// Nil when the word has two separate vowel groups (it cannot be one syllable).
    init?(_ letters: [LatinLetter]) {
        self.letters = letters
        var index = 0
        while index < letters.count && !letters[index].isVowel { index += 1 }
        let start = index
        while index < letters.count && letters[index].isVowel { index += 1 }
        let end = index
        while index < letters.count {
            if letters[index].isVowel { return nil }
            index += 1
        }
        vowels = start..<end
        nucleus = TelexSyllable.glideAdjusted(letters, vowels: vowels)
    }

    /// In "qu" and "gi" the u or i belongs to the consonant (quý, giá), except that "gi"
    /// followed by no other vowel is g + i (gì, gìn).
    private static func glideAdjusted(_ letters: [LatinLetter], vowels: Range<Int>) -> Range<Int> {
        guard vowels.lowerBound == 1, !vowels.isEmpty else { return vowels }
        let consonant = letters[0], glide = letters[vowels.lowerBound]
        if consonant.base == UInt8(ascii: "q") && glide.base == UInt8(ascii: "u") && glide.modifier == .none {
            return (vowels.lowerBound + 1)..<vowels.upperBound
        }
        if consonant.base == UInt8(ascii: "g") && glide.base == UInt8(ascii: "i") && vowels.count >= 2 {
            return (vowels.lowerBound + 1)..<vowels.upperBound
        }
        return vowels
    }

    /// Whether the word is (or is on its way to being) a Vietnamese syllable.
    var isValid: Bool {
        let finalSpelling = spelling(final)
        guard TelexSpelling.finals.contains(finalSpelling) else { return false }
        guard hasVietnameseInitial || hasLooseInitial else { return false }
        if nucleus.isEmpty { return finalSpelling.isEmpty }
        guard let takesFinal = TelexSpelling.nuclei[spelling(nucleus)] else { return false }
        return finalSpelling.isEmpty || takesFinal
    }

    /// The initial consonants are one of Vietnamese's (or none).
    var hasVietnameseInitial: Bool {
        TelexSpelling.initials.contains(spelling(initial))
    }

    /// Ends in c, ch, p or t: such syllables take only sắc or nặng (các, cạc, never càc).
    var hasStopFinal: Bool {
        TelexSpelling.stopFinals.contains(spelling(final))
    }

    /// Where the tone mark goes by the usual orthography rules, or nil without a vowel.
    func toneIndex(style: TelexComposer.ToneStyle) -> Int? {
        guard !nucleus.isEmpty else { return nil }
        // A vowel with its own mark takes the tone; for ươ that is the ơ, the later one.
        if let marked = nucleus.last(where: { letters[$0].modifier != .none }) {
            return marked
        }
        if !final.isEmpty { return nucleus.upperBound - 1 }
        switch nucleus.count {
        case 1:
            return nucleus.lowerBound
        case 2:
            if TelexSpelling.styledPairs.contains(spelling(nucleus)) {
                return style == .old ? nucleus.lowerBound : nucleus.lowerBound + 1
            }
            return nucleus.lowerBound
        default:
            // oai, oay, uya, uyu, oeo...: the middle vowel (xoáy, khuỷu, ngoẹo).
            return nucleus.lowerBound + 1
        }
    }

    /// Foreign and minority-language initials (Ksor, Mlô, Kpă) are allowed when they are a
    /// short run of distinct plain consonants; repeated letters ("dd") and đ are not, which
    /// is what keeps "dddd" literal.
    private var hasLooseInitial: Bool {
        let range = initial
        guard range.count <= 3 else { return false }
        var seen = Set<UInt8>()
        for index in range {
            let letter = letters[index]
            guard letter.modifier == .none, !letter.isVowel, seen.insert(letter.base).inserted else { return false }
        }
        return true
    }

    /// Lower-case spelling without tones, for looking up the tables.
    private func spelling(_ range: Range<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for index in range {
            var letter = letters[index]
            letter.tone = .level
            letter.isUpper = false
            if let scalar = LatinLetterTable.scalar(for: letter) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
