/// The Telex rules applied to the last word of a text field: one key in, the new word out.
///
/// Stateless on purpose: everything is deduced from the word itself, so the text field can
/// be edited, pasted into or moved through without the composer going out of step.
struct TelexWordEditor {
    let style: TelexComposer.ToneStyle

    func apply(_ key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        // A key that arrives already marked (typed with another input method, or pasted) is a
        // letter as it is: nothing before it moves ("thu" + "ỷ" stays "thuỷ").
        guard key.modifier == .none, key.tone == .level else { return word + [key] }
        // A word of several syllables run together ("alo"): the key works on the last one.
        if TelexSyllable(word) == nil, let start = Self.lastSyllableStart(word) {
            return Array(word[..<start]) + apply(key, to: Array(word[start...]))
        }
        switch key.base {
        case UInt8(ascii: "s"): return applyTone(.acute, key: key, to: word)
        case UInt8(ascii: "f"): return applyTone(.grave, key: key, to: word)
        case UInt8(ascii: "r"): return applyTone(.hook, key: key, to: word)
        case UInt8(ascii: "x"): return applyTone(.tilde, key: key, to: word)
        case UInt8(ascii: "j"): return applyTone(.dot, key: key, to: word)
        case UInt8(ascii: "z"): return removeTone(key: key, from: word)
        case UInt8(ascii: "d"): return applyStroke(key: key, to: word)
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o"): return applyCircumflex(key: key, to: word)
        case UInt8(ascii: "w"): return applyHorn(key: key, to: word)
        default: return appendPlain(key, to: word)
        }
    }

    // MARK: Tones

    private func applyTone(_ tone: VietnameseTone, key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        // The same tone again cancels it and types the key: "as" → "á", "ass" → "as".
        if currentTone(word) == tone {
            return withoutTone(word) + [key]
        }
        guard let syllable = TelexSyllable(word), syllable.isValid,
              !syllable.hasStopFinal || tone == .acute || tone == .dot,
              let index = syllable.toneIndex(style: style) else {
            return appendPlain(key, to: word)
        }
        var result = withoutTone(word)
        result[index].tone = tone
        return result
    }

    private func removeTone(key: LatinLetter, from word: [LatinLetter]) -> [LatinLetter] {
        currentTone(word) == nil ? appendPlain(key, to: word) : withoutTone(word)
    }

    // MARK: Letter marks

    /// dd → đ at the start of the syllable (also typed later: "dongd" → "đong"), and in a
    /// word without vowels so abbreviations such as HĐND can be typed ("HDDND").
    private func applyStroke(key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        let hasVowel = word.contains(where: \.isVowel)
        let target: Int
        if let first = word.first, first.base == UInt8(ascii: "d") {
            target = 0
        } else if !hasVowel, let last = word.last, last.base == UInt8(ascii: "d") {
            target = word.count - 1
        } else {
            return appendPlain(key, to: word)
        }
        var result = word
        if word[target].modifier == .stroke {
            result[target].modifier = .none
            return result + [key]  // "ddd" → "dd"
        }
        result[target].modifier = .stroke
        // An abbreviation has no syllable to check; a syllable must stay one ("dddd" → "ddd").
        if target == 0, !(TelexSyllable(result)?.isValid ?? false) {
            return appendPlain(key, to: word)
        }
        return normalizedTone(result)
    }

    /// aa → â, ee → ê, oo → ô, on the matching vowel of the nucleus wherever it is.
    private func applyCircumflex(key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        guard let syllable = TelexSyllable(word) else { return appendPlain(key, to: word) }
        let nucleus = markableVowels(syllable)
        for index in nucleus.reversed() where word[index].base == key.base && word[index].modifier != .circumflex {
            var candidate = word
            // ươ + o → uô: the horn pair goes together.
            if word[index].modifier == .horn, index > 0, candidate[index - 1].modifier == .horn {
                candidate[index - 1].modifier = .none
            }
            candidate[index].modifier = .circumflex
            if TelexSyllable(candidate)?.isValid ?? false {
                return normalizedTone(candidate)
            }
        }
        // Typing the key again undoes the mark and types the letter: "aaa" → "aa".
        if let index = nucleus.last(where: { word[$0].base == key.base && word[$0].modifier == .circumflex }) {
            var result = word
            result[index].modifier = .none
            return result + [key]
        }
        return appendPlain(key, to: word)
    }

    /// aw → ă, ow → ơ, uw → ư, uow → ươ; w alone in a word without vowels → ư.
    private func applyHorn(key: LatinLetter, to word: [LatinLetter]) -> [LatinLetter] {
        guard let syllable = TelexSyllable(word) else { return appendPlain(key, to: word) }
        let nucleus = markableVowels(syllable)
        if nucleus.isEmpty {
            // Only after a real Vietnamese initial: after "w" or "http" the w is a letter ("www").
            guard syllable.hasVietnameseInitial else { return appendPlain(key, to: word) }
            return word + [LatinLetter(base: UInt8(ascii: "u"), modifier: .horn, isUpper: key.isUpper)]
        }
        for candidate in hornCandidates(word, nucleus: nucleus) where TelexSyllable(candidate)?.isValid ?? false {
            return normalizedTone(candidate)
        }
        let marked = nucleus.filter { word[$0].modifier == .horn || word[$0].modifier == .breve }
        guard !marked.isEmpty else { return appendPlain(key, to: word) }
        // "ww" → "w": a lone ư was most likely typed as w. Otherwise restore u/o/a: "uww" → "uw"
        // cannot be told apart from "ww" inside a longer word, so the typed letters are kept.
        if word.count == 1, word[0].base == UInt8(ascii: "u") {
            return [LatinLetter(base: UInt8(ascii: "w"), isUpper: word[0].isUpper)]
        }
        var result = word
        for index in marked { result[index].modifier = .none }
        return result + [key]
    }

    /// Candidates in preference order: the uo pair (→ ươ), then single vowels from the end.
    private func hornCandidates(_ word: [LatinLetter], nucleus: Range<Int>) -> [[LatinLetter]] {
        var candidates = [[LatinLetter]]()
        for index in nucleus.dropLast() {
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
            case UInt8(ascii: "a") where letter.modifier == .none || letter.modifier == .circumflex:
                modifier = .breve
            case UInt8(ascii: "o") where letter.modifier == .none || letter.modifier == .circumflex:
                modifier = .horn
            case UInt8(ascii: "u") where letter.modifier == .none:
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
