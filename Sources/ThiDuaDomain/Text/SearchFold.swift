import Foundation

extension VietnameseText {
    /// Lower case, no diacritics, đ/Đ → d; NFC and NFD input give the same result.
    ///
    /// Runs over every name on every keystroke, so it walks the scalars once with a table
    /// lookup instead of calling `folding(options:)` (which normalises and allocates per call).
    /// Whitespace of any kind becomes a plain space so query tokens match across NBSP.
    public static func searchFold(_ s: String) -> String {
        // Folding Latin text never makes it longer, so the result is written in place into
        // a string of the input's size; only text with other scripts takes the slower path.
        var complete = true
        let folded = String(unsafeUninitializedCapacity: s.utf8.count) { buffer in
            var count = 0
            for scalar in s.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    // ASCII upper case to lower case by arithmetic.
                    buffer[count] = value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value)
                    count += 1
                } else if let letter = LatinLetterTable.lookup(value) {
                    buffer[count] = letter.base
                    count += 1
                } else if !CombiningMarks.isCombining(scalar) {
                    complete = false
                    return 0
                }
            }
            return count
        }
        return complete ? folded : foldGeneral(s)
    }

    /// The same fold for any text; scalars outside the Latin tables are decomposed with
    /// Foundation so NFC and NFD input stay equal for other scripts too.
    private static func foldGeneral(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
            } else if let letter = LatinLetterTable.lookup(value) {
                out.append(letter.base)
            } else if scalar.properties.isWhitespace {
                out.append(0x20)
            } else if !CombiningMarks.isCombining(scalar) {
                let parts = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
                for part in parts where !CombiningMarks.isCombining(part) {
                    out.append(contentsOf: part.properties.lowercaseMapping.utf8)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
