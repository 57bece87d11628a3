/// Vietnamese typing for terminals without an input method: Telex (letters for marks), or
/// VNI (digits for marks), chosen in Settings.
///
/// Designed for a text field: give it the text before the cursor and the key typed, get
/// the new text back. Only the last word (the run of letters at the end) is rewritten.
public struct TelexComposer: Sendable, Hashable {
    /// Which keys make the marks.
    public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
        /// s f r x j z tones, aa ee oo w dd letters.
        case telex
        /// 1–5 tones, 0 none, 6 â ê ô, 7 ơ ư, 8 ă, 9 đ.
        case vni

        public var label: String { self == .telex ? "Telex" : "VNI" }
    }

    /// Where the tone goes in oa, oe and uy without a final consonant.
    public enum ToneStyle: Sendable, Hashable, CaseIterable {
        /// hòa, khỏe, thủy (tone on the first vowel).
        case old
        /// hoà, khoẻ, thuỷ (tone on the second vowel).
        case new
    }

    public var toneStyle: ToneStyle
    public var method: Method

    /// Old style by default, as in UniKey; the setting is the user's, and names keep
    /// whichever style they were typed in.
    public init(toneStyle: ToneStyle = .old, method: Method = .telex) {
        self.toneStyle = toneStyle
        self.method = method
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
        var word = [LatinLetter]()
        for character in text[wordStart...] {
            guard let letter = LatinLetter(character: character) else { return literal }
            word.append(letter)
        }
        let editor = TelexWordEditor(style: toneStyle)
        let edited: [LatinLetter]
        var trailing = ""
        if let key = LatinLetter(character: typed) {
            edited = method == .telex ? editor.apply(key, to: word) : editor.appendLetter(key, to: word)
        } else if method == .vni, !word.isEmpty, let mark = TelexWordEditor.vniMark(typed) {
            switch editor.applyVNI(mark, to: word) {
            case .edited(let result): edited = result
            case .typedAsIs(let result):
                edited = result
                trailing = String(typed)
            }
        } else {
            return literal
        }
        var scalars = String.UnicodeScalarView()
        for letter in edited {
            guard let scalar = LatinLetterTable.scalar(for: letter) else { return literal }
            scalars.append(scalar)
        }
        return VietnameseText.nfc(String(prefix) + String(scalars) + trailing)
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
