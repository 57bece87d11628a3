/// The Telex and VNI rules applied to the last word of a text field: one key in, the new
/// word out.
///
/// Stateless on purpose: everything is deduced from the word itself, so the text field can
/// be edited, pasted into or moved through without the composer going out of step.
struct TelexWordEditor {
    let style: TelexComposer.ToneStyle

    /// What a mark key asks for, whichever method typed it.
    enum Mark: Equatable {
        case tone(VietnameseTone)
        case removeTone
        case stroke
        /// Telex aa, ee, oo (the vowel typed); VNI 6 (nil: whichever of a, e, o fits).
        case circumflex(UInt8?)
        /// Telex w: ă, ơ or ư, whichever fits.
        case hornOrBreve
        /// VNI 7: ơ, ư.
        case horn
        /// VNI 8: ă.
        case breve
    }

    /// What a mark does: the word edited, or the key typed as it is after the word (which an
    /// undo may have changed: "as" + "s" → "a" then "s").
    enum Outcome: Equatable {
        case edited([LatinLetter])
        case typedAsIs([LatinLetter])
    }

    /// A Telex key: a mark letter does its mark, any other letter is typed.
    func apply(_ key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        // A key that arrives already marked (typed with another input method, or pasted) is a
        // letter as it is: nothing before it moves ("thu" + "ỷ" stays "thuỷ").
        guard key.modifier == .none, key.tone == .level else { return word + [key] }
        // A word of several syllables run together ("alo"): the key works on the last one.
        if TelexSyllable(word) == nil, let start = Self.lastSyllableStart(word) {
            return Array(word[..<start]) + apply(key, to: Array(word[start...]))
        }
        guard let mark = Self.telexMark(key) else { return appendPlain(key, to: word) }
        // Telex-only shortcuts for w: ư on its own, and "ww" back to "w".
        if mark == .hornOrBreve, let shortcut = telexW(key: key, word: word) { return shortcut }
        switch apply(mark, to: word, isUpper: key.isUpper) {
        case .edited(let edited): return edited
        case .typedAsIs(let kept): return appendPlain(key, to: kept)
        }
    }

    /// A VNI digit (1–5 tones, 0 no tone, 6 â ê ô, 7 ơ ư, 8 ă, 9 đ), or nil for another key.
    static func vniMark(_ digit: Character) -> Mark? {
        switch digit {
        case "1": return .tone(.acute)
        case "2": return .tone(.grave)
        case "3": return .tone(.hook)
        case "4": return .tone(.tilde)
        case "5": return .tone(.dot)
        case "0": return .removeTone
        case "6": return .circumflex(nil)
        case "7": return .horn
        case "8": return .breve
        case "9": return .stroke
        default: return nil
        }
    }

    /// A VNI key on the word; a plain letter is typed after it.
    func applyVNI(_ mark: Mark, to word: [LatinLetter]) -> Outcome {
        if TelexSyllable(word) == nil, let start = Self.lastSyllableStart(word) {
            let head = Array(word[..<start])
            switch applyVNI(mark, to: Array(word[start...])) {
            case .edited(let tail): return .edited(head + tail)
            case .typedAsIs(let tail): return .typedAsIs(head + tail)
            }
        }
        return apply(mark, to: word, isUpper: word.last?.isUpper ?? false)
    }

    func appendLetter(_ key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        guard key.modifier == .none, key.tone == .level else { return word + [key] }
        return appendPlain(key, to: word)
    }

    private static func telexMark(_ key: LatinLetter) -> Mark? {
        switch key.base {
        case UInt8(ascii: "s"): return .tone(.acute)
        case UInt8(ascii: "f"): return .tone(.grave)
        case UInt8(ascii: "r"): return .tone(.hook)
        case UInt8(ascii: "x"): return .tone(.tilde)
        case UInt8(ascii: "j"): return .tone(.dot)
        case UInt8(ascii: "z"): return .removeTone
        case UInt8(ascii: "d"): return .stroke
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o"): return .circumflex(key.base)
        case UInt8(ascii: "w"): return .hornOrBreve
        default: return nil
        }
    }

    private func apply(_ mark: Mark, to word: [LatinLetter], isUpper: Bool) -> Outcome {
        switch mark {
        case .tone(let tone): return applyTone(tone, to: word)
        case .removeTone: return currentTone(word) == nil ? .typedAsIs(word) : .edited(withoutTone(word))
        case .stroke: return applyStroke(to: word)
        case .circumflex(let base): return applyCircumflex(base, to: word)
        case .hornOrBreve: return applyHorn(to: word, horn: true, breve: true)
        case .horn: return applyHorn(to: word, horn: true, breve: false)
        case .breve: return applyHorn(to: word, horn: false, breve: true)
        }
    }

    // MARK: Tones

    private func applyTone(_ tone: VietnameseTone, to word: [LatinLetter]) -> Outcome {
        // The same tone again cancels it and types the key: "as" → "á", "ass" → "as".
        if currentTone(word) == tone {
            return .typedAsIs(withoutTone(word))
        }
        guard let syllable = TelexSyllable(word), syllable.isValid,
              !syllable.hasStopFinal || tone == .acute || tone == .dot,
              let index = syllable.toneIndex(style: style) else {
            return .typedAsIs(word)
        }
        var result = withoutTone(word)
        result[index].tone = tone
        return .edited(result)
    }

    // MARK: Letter marks

    /// dd → đ at the start of the syllable (also typed later: "dongd" → "đong"), and in a
    /// word without vowels so abbreviations such as HĐND can be typed ("HDDND").
    private func applyStroke(to word: [LatinLetter]) -> Outcome {
        let hasVowel = word.contains(where: \.isVowel)
        let target: Int
        if let first = word.first, first.base == UInt8(ascii: "d") {
            target = 0
        } else if !hasVowel, let last = word.last, last.base == UInt8(ascii: "d") {
            target = word.count - 1
        } else {
            return .typedAsIs(word)
        }
        var result = word
        if word[target].modifier == .stroke {
            result[target].modifier = .none
            return .typedAsIs(result)  // "ddd" → "dd"
        }
        result[target].modifier = .stroke
        // An abbreviation has no syllable to check; a syllable must stay one ("dddd" → "ddd").
        if target == 0, !(TelexSyllable(result)?.isValid ?? false) {
            return .typedAsIs(word)
        }
        return .edited(normalizedTone(result))
    }

    /// aa → â, ee → ê, oo → ô, on the matching vowel of the nucleus wherever it is (VNI 6: the
    /// last a, e or o that makes a syllable).
    private func applyCircumflex(_ base: UInt8?, to word: [LatinLetter]) -> Outcome {
        guard let syllable = TelexSyllable(word) else { return .typedAsIs(word) }
        let nucleus = markableVowels(syllable)
        func matches(_ letter: LatinLetter) -> Bool {
            if let base { return letter.base == base }
            return [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o")].contains(letter.base)
        }
        for index in nucleus.reversed() where matches(word[index]) && word[index].modifier != .circumflex {
            var candidate = word
            // ươ + o → uô: the horn pair goes together.
            if word[index].modifier == .horn, index > 0, candidate[index - 1].modifier == .horn {
                candidate[index - 1].modifier = .none
            }
            candidate[index].modifier = .circumflex
            if TelexSyllable(candidate)?.isValid ?? false {
                return .edited(normalizedTone(candidate))
            }
        }
        // Typing the key again undoes the mark and types the letter: "aaa" → "aa".
        if let index = nucleus.last(where: { matches(word[$0]) && word[$0].modifier == .circumflex }) {
            var result = word
            result[index].modifier = .none
            return .typedAsIs(result)
        }
        return .typedAsIs(word)
    }

    /// Telex's own w: in a word without vowels, ư after a real Vietnamese initial ("tw" → "tư"),
    /// and a lone ư typed again back to "w" ("ww" → "w"); nil for the usual horn or breve.
    private func telexW(key: LatinLetter, word: [LatinLetter]) -> [LatinLetter]? {
        guard let syllable = TelexSyllable(word) else { return nil }
        if markableVowels(syllable).isEmpty {
            // Only after a real Vietnamese initial: after "w" or "http" the w is a letter ("www").
            guard syllable.hasVietnameseInitial else { return appendPlain(key, to: word) }
            return word + [LatinLetter(base: UInt8(ascii: "u"), modifier: .horn, isUpper: key.isUpper)]
        }
        // "ww" → "w": a lone ư was most likely typed as w.
        if word.count == 1, word[0].base == UInt8(ascii: "u"), word[0].modifier == .horn {
            return [LatinLetter(base: UInt8(ascii: "w"), isUpper: word[0].isUpper)]
        }
        return nil
    }

    /// aw → ă, ow → ơ, uw → ư, uow → ươ (VNI: 7 for ơ, ư; 8 for ă).
    private func applyHorn(to word: [LatinLetter], horn: Bool, breve: Bool) -> Outcome {
        guard let syllable = TelexSyllable(word) else { return .typedAsIs(word) }
        let nucleus = markableVowels(syllable)
        guard !nucleus.isEmpty else { return .typedAsIs(word) }
        for candidate in hornCandidates(word, nucleus: nucleus, horn: horn, breve: breve)
        where TelexSyllable(candidate)?.isValid ?? false {
            return .edited(normalizedTone(candidate))
        }
        let marked = nucleus.filter { (horn && word[$0].modifier == .horn) || (breve && word[$0].modifier == .breve) }
        guard !marked.isEmpty else { return .typedAsIs(word) }
        // Typed again: the marks go and the key is typed ("uww" → "uw", "a88" → "a8").
        var result = word
        for index in marked { result[index].modifier = .none }
        return .typedAsIs(result)
    }

    /// Candidates in preference order: the uo pair (→ ươ), then single vowels from the end.
    private func hornCandidates(_ word: [LatinLetter], nucleus: Range<Int>, horn: Bool, breve: Bool) -> [[LatinLetter]] {
        var candidates = [[LatinLetter]]()
        for index in nucleus.dropLast() where horn {
            let u = word[index], o = word[index + 1]
            guard u.base == UInt8(ascii: "u"), o.base == UInt8(ascii: "o"),
                  u.modifier == .none || u.modifier == .horn, o.modifier == .none || o.modifier == .horn,
                  !(u.modifier == .horn && o.modifier == .horn) else { continue }
            var candidate = word
            candidate[index].modifier = .horn
            candidate[index + 1].modifier = .horn
            candidates.append(candidate)
        }
        for index in nucleus.reversed() {
            let letter = word[index]
            let modifier: LetterModifier
            switch letter.base {
            case UInt8(ascii: "a") where breve && (letter.modifier == .none || letter.modifier == .circumflex):
                modifier = .breve
            case UInt8(ascii: "o") where horn && (letter.modifier == .none || letter.modifier == .circumflex):
                modifier = .horn
            case UInt8(ascii: "u") where horn && letter.modifier == .none:
                modifier = .horn
            default:
                continue
            }
            var candidate = word
            candidate[index].modifier = modifier
            candidates.append(candidate)
        }
        return candidates
    }

    // MARK: Plain letters and tone placement

    /// Appends a letter and moves the tone if the new letter changes where it belongs
    /// ("hóa" + "n" → "hoán").
    private func appendPlain(_ key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        normalizedTone(word + [key])
    }

    /// The word with its tone on the vowel §6.7 asks for; unchanged if it is not a syllable.
    /// A half-marked «ưo» or «uơ» with a letter after it is «ươ» (duwoi → dươi, thuơn → thươn):
    /// only «thuở», «huơ» end in uơ, and nothing Vietnamese is spelled ưo.
    private func normalizedTone(_ word: [LatinLetter]) -> [LatinLetter] {
        let word = Self.completedHornPair(word)
        guard let tone = currentTone(word), let syllable = TelexSyllable(word), syllable.isValid,
              let index = syllable.toneIndex(style: style) else { return word }
        var result = withoutTone(word)
        result[index].tone = tone
        return result
    }

    private static func completedHornPair(_ word: [LatinLetter]) -> [LatinLetter] {
        guard let syllable = TelexSyllable(word) else { return word }
        let nucleus = syllable.nucleus
        // Only with a letter after the pair: «ươ» is still being typed until then.
        for index in nucleus.dropLast() where index + 2 < word.count {
            let u = word[index], o = word[index + 1]
            guard u.base == UInt8(ascii: "u"), o.base == UInt8(ascii: "o"),
                  (u.modifier == .horn) != (o.modifier == .horn),
                  u.modifier == .horn || u.modifier == .none, o.modifier == .horn || o.modifier == .none else { continue }
            var result = word
            result[index].modifier = .horn
            result[index + 1].modifier = .horn
            return result
        }
        return word
    }

    /// Where the last syllable of a word of several begins: after the vowel that ends the
    /// syllable before it ("alo" → 1, "lo"). Nil for a word with one vowel group or none.
    static func lastSyllableStart(_ word: [LatinLetter]) -> Int? {
        guard var index = word.lastIndex(where: \.isVowel) else { return nil }
        while index > 0 && word[index - 1].isVowel { index -= 1 }
        var start = index
        while start > 0 && !word[start - 1].isVowel { start -= 1 }
        return start > 0 ? start : nil
    }

    /// The vowels a mark key may change: the nucleus, or for a bare "qu" its u ("quw" → "qư").
    private func markableVowels(_ syllable: TelexSyllable) -> Range<Int> {
        syllable.nucleus.isEmpty ? syllable.vowels : syllable.nucleus
    }

    private func currentTone(_ word: [LatinLetter]) -> VietnameseTone? {
        word.first(where: { $0.tone != .level })?.tone
    }

    private func withoutTone(_ word: [LatinLetter]) -> [LatinLetter] {
        word.map { letter in
            var plain = letter
            plain.tone = .level
            return plain
        }
    }
}
