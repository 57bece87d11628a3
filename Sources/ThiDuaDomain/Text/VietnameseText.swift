import Foundation

/// Normalisation of text entering the program.
///
/// Everything is stored in NFC ("dựng sẵn"): text pasted from Word or macOS may arrive
/// decomposed (NFD), and two spellings of the same name must never end up as two records.
public enum VietnameseText {
    /// Canonical composition (NFC).
    public static func nfc(_ s: String) -> String {
        // ASCII is already NFC; skipping Foundation keeps the common case allocation-free.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// True when `s` is certainly in NFC without asking Foundation: every scalar is below the
    /// combining marks (U+0300), a precomposed Latin letter (Vietnamese included), or common
    /// punctuation (dashes, quotes, «…», ₫). Anything else may be NFD; callers then normalise.
    public static func isSurelyNFC(_ s: String) -> Bool {
        allScalars(of: s, satisfy: isSurelyComposed)
    }

    /// Whether `test` holds for every scalar of `s`, read from its UTF-8: walking the scalar
    /// view cost a province's open more than making its strings. Scalars beyond the first
    /// plane (nothing Vietnamese) are given to `test` as `UInt32.max`.
    @inline(__always)
    static func allScalars(of s: String, satisfy test: (UInt32) -> Bool) -> Bool {
        let fromUTF8 = s.utf8.withContiguousStorageIfAvailable { bytes in
            // A String's UTF-8 is valid by construction, so each lead byte has its continuations.
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let value: UInt32
                if lead < 0x80 {
                    value = UInt32(lead)
                    index += 1
                } else if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = .max
                    index += 4
                }
                if !test(value) { return false }
            }
            return true
        }
        return fromUTF8 ?? s.unicodeScalars.allSatisfy { test($0.value > 0xFFFF ? .max : $0.value) }
    }

    private static func isSurelyComposed(_ value: UInt32) -> Bool {
        value < 0x300 || LatinLetterTable.lookup(value) != nil || (0x2010...0x2027).contains(value) || value == 0x20AB
    }

    /// NFC, control characters removed, whitespace runs collapsed to one space, ends trimmed.
    ///
    /// Used on every text that enters the program, so stray tabs, newlines and terminal
    /// escape bytes from a paste never reach stored records or documents.
    public static func cleanedInput(_ s: String) -> String {
        if isAlreadyClean(s) { return s }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
            } else if scalar.properties.generalCategory == .control {
                // Dropped without ending a whitespace run: "a \u{1} b" is "a b".
                continue
            } else {
                if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return nfc(String(scalars))
    }

    /// True for the usual case (typed or stored text that went through here before): single
    /// inner spaces, no controls, only ASCII and precomposed Latin letters. Such text is
    /// already NFC, because Unicode composes nothing onto a base without a combining mark,
    /// so the Foundation round trip can be skipped (imports clean 100,000 names at once).
    static func isAlreadyClean(_ s: String) -> Bool {
        var previousWasSpace = true  // also rejects a leading space
        let clean = allScalars(of: s) { value in
            if value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                return true
            }
            previousWasSpace = false
            if value < 0x20 || value == 0x7F { return false }
            return value < 0x80 || LatinLetterTable.lookup(value) != nil
        }
        return clean && (!previousWasSpace || s.isEmpty)
    }
}
