/// Telex typing for terminals without a Vietnamese input method.
///
/// Designed for a text field: give it the text before the cursor and the key typed, get
/// the new text back. Only the last word (the run of letters at the end) is rewritten.
public struct TelexComposer: Sendable, Hashable {
    /// Where the tone goes in oa, oe and uy without a final consonant.
    public enum ToneStyle: Sendable, Hashable, CaseIterable {
        /// hòa, khỏe, thủy (tone on the first vowel).
        case old
        /// hoà, khoẻ, thuỷ (tone on the second vowel).
        case new
    }

    public var toneStyle: ToneStyle

    /// Old style by default, as in UniKey; the setting is the user's, and names keep
    /// whichever style they were typed in.
    public init(toneStyle: ToneStyle = .old) {
        self.toneStyle = toneStyle
    }

    /// The text after typing `typed` at the end of `text`, always NFC.
    ///
    /// Keys that cannot apply (no vowel, a word glued to a digit such as "A4", a spelling
    /// that is not Vietnamese) are typed as the literal letter. The first `keeping`
    /// characters are never changed: they were there before this run of typing (pasted,
    /// loaded, typed elsewhere), so a key only works on the letters typed after them.
    public func apply(_ typed: Character, to text: String, keeping: Int = 0) -> String {
        let boundary = text.index(text.startIndex, offsetBy: min(max(0, keeping), text.count))
        var wordStart = text.endIndex
        while wordStart > boundary {
            let previous = text.index(before: wordStart)
            guard text[previous].isLetter else { break }
            wordStart = previous
        }
        let prefix = text[..<wordStart]
        let literal = VietnameseText.nfc(text + String(typed))

        // After a digit the letters are a code (12A, 3b), not Vietnamese.
        if prefix.last?.isNumber ?? false { return literal }
        guard let key = LatinLetter(character: typed) else { return literal }
        var word = [LatinLetter]()
        for character in text[wordStart...] {
            guard let letter = LatinLetter(character: character) else { return literal }
            word.append(letter)
        }

        let edited = TelexWordEditor(style: toneStyle).apply(key, to: word)
        var scalars = String.UnicodeScalarView()
        for letter in edited {
            guard let scalar = LatinLetterTable.scalar(for: letter) else { return literal }
            scalars.append(scalar)
        }
        return VietnameseText.nfc(String(prefix) + String(scalars))
    }

    /// The text with its last character (grapheme) removed; no Telex processing.
    public func backspace(_ text: String) -> String {
        VietnameseText.nfc(String(text.dropLast()))
    }

    /// Types every character of `keys` in turn, starting from `text`.
    /// Useful for pasting Telex and for tests: `compose("Nguyeenx")` is "Nguyễn".
    public func compose(_ keys: String, startingWith text: String = "") -> String {
        keys.reduce(text) { apply($1, to: $0) }
    }
}

extension LatinLetter {
    /// A letter Telex can work with, from a character in NFC or NFD; nil for anything else.
    init?(character: Character) {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return nil }
        guard var letter = LatinLetter(ascii: first.value) ?? LatinLetterTable.lookup(first.value) else {
            return nil
        }
        while let mark = scalars.next() {
            guard CombiningMarks.isCombining(mark) else { return nil }
            letter.apply(mark: mark.value)
        }
        guard letter.isVietnamese else { return nil }
        self = letter
    }
}
