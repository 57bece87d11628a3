import Foundation

/// Builds a `CollationKey` in one pass over the scalars.
///
/// A letter is held back as `pending` until the next base character arrives, so combining
/// marks of NFD input land on it exactly as the precomposed (NFC) letter would: both
/// spellings produce the same key without normalising the string first.
struct CollationKeyBuilder {
    /// Becomes the key itself: primaries are written here, the other levels appended at the end.
    private var primary: [UInt16] = []
    /// Tone and case weights of each character, packed as `secondary << 1 | upper` so a key
    /// costs two allocations, not four.
    private var levels: [UInt16] = []
    private var pending: LatinLetter?
    /// Non-zero when `pending` is a letter of another script (its lower-cased scalar value).
    private var pendingOther: UInt32 = 0
    private var pendingWhitespace = false

    init(capacity: Int) {
        primary.reserveCapacity(3 * capacity + 2)
        levels.reserveCapacity(capacity)
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            addASCII(value)
        } else if let letter = LatinLetterTable.lookup(value) {
            begin(letter, other: 0)
        } else if CombiningMarks.isCombining(scalar) {
            // A mark with nothing to attach to (start of text, after a digit) is ignored.
            pending?.apply(mark: value)
        } else {
            addRare(scalar)
        }
    }

    mutating func finish() -> CollationKey {
        flush()
        // Dropping trailing minimum weights is safe: the separator after the level is lower
        // than the minimum, so a shortened level still compares below any level that has a
        // larger weight further on, and equal levels stay equal.
        var secondaryEnd = levels.count
        while secondaryEnd > 0 && levels[secondaryEnd - 1] >> 1 == CollationWeights.secondaryMinimum {
            secondaryEnd -= 1
        }
        var tertiaryEnd = levels.count
        while tertiaryEnd > 0 && levels[tertiaryEnd - 1] & 1 == 0 { tertiaryEnd -= 1 }
        // Written into an array of exactly the key's length: `primary` was reserved for the
        // longest key the text could give, and a list keeps 100,000 people's keys for a session.
        let count = primary.count + 1 + secondaryEnd + 1 + tertiaryEnd
        let weights = [UInt16](unsafeUninitializedCapacity: count) { buffer, written in
            var at = 0
            for weight in primary { buffer[at] = weight; at += 1 }
            buffer[at] = CollationWeights.levelSeparator; at += 1
            for index in 0..<secondaryEnd { buffer[at] = levels[index] >> 1; at += 1 }
            buffer[at] = CollationWeights.levelSeparator; at += 1
            for index in 0..<tertiaryEnd {
                buffer[at] = levels[index] & 1 == 1 ? CollationWeights.upperCase : CollationWeights.lowerCase
                at += 1
            }
            written = at
        }
        return CollationKey(weights: weights)
    }

    private mutating func addASCII(_ value: UInt32) {
        if let letter = LatinLetter(ascii: value) {
            begin(letter, other: 0)
            return
        }
        switch value {
        case 0x30...0x39:
            flush()
            emit(CollationWeights.digitZero + UInt16(value - 0x30))
        case 0x20, 0x09...0x0D:
            flush()
            pendingWhitespace = true
        case 0x00..<0x20, 0x7F:
            break  // control characters carry no meaning for order
        default:
            flush()
            emit(CollationWeights.punctuation(value))
        }
    }

    /// Other scripts and non-ASCII symbols: rare, so decomposed with Foundation to keep
    /// NFC and NFD equal without a table.
    private mutating func addRare(_ scalar: Unicode.Scalar) {
        let parts = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
        for part in parts {
            let properties = part.properties
            if CombiningMarks.isCombining(part) {
                pending?.apply(mark: part.value)
            } else if properties.isWhitespace {
                flush()
                pendingWhitespace = true
            } else if properties.generalCategory == .control || properties.generalCategory == .format {
                continue
            } else if properties.isAlphabetic {
                let lower = properties.lowercaseMapping.unicodeScalars.first ?? part
                // base 0 makes every modifier mark "foreign" for these letters.
                begin(LatinLetter(base: 0, isUpper: properties.changesWhenLowercased), other: lower.value)
            } else {
                flush()
                let (high, low) = CollationWeights.scalarUnits(part.value)
                emit(CollationWeights.otherSymbolMarker, high, low)
            }
        }
    }

    private mutating func begin(_ letter: LatinLetter, other: UInt32) {
        flush()
        pending = letter
        pendingOther = other
    }

    private mutating func flush() {
        guard let letter = pending else { return }
        pending = nil
        let packed = CollationWeights.secondary(tone: letter.tone, foreignMark: letter.foreignMark) << 1
            | (letter.isUpper ? 1 : 0)
        emitSeparatorIfNeeded()
        if pendingOther == 0 {
            primary.append(CollationWeights.primary(letter))
        } else {
            let (high, low) = CollationWeights.scalarUnits(pendingOther)
            primary.append(CollationWeights.otherLetterMarker)
            primary.append(high)
            primary.append(low)
        }
        levels.append(packed)
    }

    /// A character without tone or case: digit, punctuation, symbol.
    private mutating func emit(_ weights: UInt16...) {
        emitSeparatorIfNeeded()
        primary.append(contentsOf: weights)
        levels.append(CollationWeights.secondaryMinimum << 1)
    }

    /// Whitespace is collapsed to one separator and dropped at both ends, so keys of
    /// untrimmed input equal keys of cleaned input.
    private mutating func emitSeparatorIfNeeded() {
        guard pendingWhitespace else { return }
        pendingWhitespace = false
        if !primary.isEmpty {
            primary.append(CollationWeights.whitespace)
            levels.append(CollationWeights.secondaryMinimum << 1)
        }
    }
}
