import Foundation

/// Precomposed Latin letters (Latin-1 Supplement, Latin Extended-A/B and Latin Extended
/// Additional, which hold every Vietnamese letter) mapped to their `LatinLetter` parts.
///
/// Built once from Foundation's canonical decomposition so the table cannot drift from
/// Unicode, then read with a plain array index: folding and collation run over 100,000
/// names per keystroke and cannot afford a normalisation call per string.
enum LatinLetterTable {
    private static let lowRange: Range<UInt32> = 0x00C0..<0x0250
    private static let highRange: Range<UInt32> = 0x1E00..<0x1F00

    private static let entries: [LatinLetter?] = {
        var table = [LatinLetter?]()
        table.reserveCapacity(lowRange.count + highRange.count)
        for value in lowRange { table.append(decompose(value)) }
        for value in highRange { table.append(decompose(value)) }
        return table
    }()

    /// Composition in the other direction, for Telex: only letters with Vietnamese marks.
    private static let composed: [LatinLetter: Unicode.Scalar] = {
        var map = [LatinLetter: Unicode.Scalar]()
        for value in Array(lowRange) + Array(highRange) {
            guard let letter = lookup(value), letter.foreignMark == 0,
                  let scalar = Unicode.Scalar(value) else { continue }
            // Keep the first scalar for a letter; later duplicates would be compatibility forms.
            if map[letter] == nil { map[letter] = scalar }
        }
        return map
    }()

    /// The parts of a precomposed letter, or nil when the scalar is outside the table or is
    /// not a Latin letter built from an ASCII base.
    @inline(__always)
    static func lookup(_ value: UInt32) -> LatinLetter? {
        if value >= lowRange.lowerBound && value < lowRange.upperBound {
            return entries[Int(value - lowRange.lowerBound)]
        }
        if value >= highRange.lowerBound && value < highRange.upperBound {
            return entries[lowRange.count + Int(value - highRange.lowerBound)]
        }
        return nil
    }

    /// The single NFC scalar for a letter, or nil when Unicode has none (e.g. a tone on a consonant).
    static func scalar(for letter: LatinLetter) -> Unicode.Scalar? {
        if letter.modifier == .none && letter.tone == .level && letter.foreignMark == 0 {
            return Unicode.Scalar(letter.isUpper ? letter.base - 0x20 : letter.base)
        }
        return composed[letter]
    }

    private static func decompose(_ value: UInt32) -> LatinLetter? {
        // đ and Đ have no canonical decomposition (the stroke is not a combining mark).
        if value == 0x0111 { return LatinLetter(base: UInt8(ascii: "d"), modifier: .stroke) }
        if value == 0x0110 { return LatinLetter(base: UInt8(ascii: "d"), modifier: .stroke, isUpper: true) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let parts = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = parts.first, var letter = LatinLetter(ascii: first.value) else { return nil }
        for mark in parts.dropFirst() {
            guard CombiningMarks.isCombining(mark) else { return nil }
            letter.apply(mark: mark.value)
        }
        return letter
    }
}
