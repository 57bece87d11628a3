import Foundation
import ThiDuaDomain

/// A strict, allocation-light reader for the JSON this program writes.
///
/// It exists for speed: JSONDecoder spends most of a province-sized open (157 MB of score
/// sheets and people) in its generic Decoder machinery. This reader gives up — throws
/// `JSONReader.GiveUp` — on anything it is not sure about (an unknown number form, a
/// duplicate key, a missing field, bad UTF-8, a syntax error), and the caller then decodes
/// the same bytes with JSONDecoder, whose errors name the file and line. So it never has to
/// explain a problem, only to agree with JSONDecoder on the files it does accept.
struct JSONReader {
    struct GiveUp: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Whether text is put in NFC (collection files) or kept exactly as written (journal lines,
    /// whose entries must equal what JSONDecoder gives, byte for byte).
    private let normalising: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, normalising: Bool = true) {
        self.bytes = bytes
        self.normalising = normalising
    }

    /// Runs `body` over `data`'s bytes; nil when the reader gave up or bytes are left over.
    /// `normalised` says some text was not in NFC.
    static func read<T>(_ data: [UInt8], _ body: (inout JSONReader) throws -> T) -> (value: T, normalised: Bool)? {
        data.withUnsafeBufferPointer { buffer in read(buffer, normalising: true, body) }
    }

    /// Runs `body` over `bytes`; nil when the reader gave up or bytes are left over.
    static func read<T>(_ bytes: UnsafeBufferPointer<UInt8>, normalising: Bool,
                        _ body: (inout JSONReader) throws -> T) -> (value: T, normalised: Bool)? {
        var reader = JSONReader(bytes, normalising: normalising)
        guard let value = try? body(&reader) else { return nil }
        reader.skipSpace()
        return reader.index == bytes.count ? (value, reader.convertedToNFC) : nil
    }

    // MARK: Structure

    /// Half of a file's bytes are whitespace, in millions of short runs (indentation, and
    /// the spaces around each colon), so this is the reader's hottest loop: most calls find
    /// no space at all and return at once, and a run of spaces is skipped eight bytes at a time.
    @inline(__always)
    mutating func skipSpace() {
        guard index < bytes.count, bytes[index] <= 0x20 else { return }
        // Two runs in three are the single space on either side of a colon.
        if bytes[index] == 0x20, index + 1 < bytes.count, bytes[index + 1] > 0x20 {
            index += 1
            return
        }
        skipSpaceRun()
    }

    private mutating func skipSpaceRun() {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = index
        while i < count {
            let byte = base[i]
            if byte == 0x20 {
                if i + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let notSpace = word ^ 0x2020_2020_2020_2020
                    // The first byte is a space, so this moves on by one to eight.
                    i += notSpace == 0 ? 8 : notSpace.trailingZeroBitCount >> 3
                } else {
                    i += 1
                }
            } else if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                i += 1
            } else {
                break
            }
        }
        index = i
    }

    private mutating func next() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw GiveUp() }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try next() == byte else { throw GiveUp() }
        index += 1
    }

    /// `[ element, … ]`.
    mutating func array<T>(_ element: (inout JSONReader) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        var result: [T] = []
        if try next() == UInt8(ascii: "]") {
            index += 1
            return result
        }
        while true {
            result.append(try element(&self))
            switch try next() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return result
            default: throw GiveUp()
            }
        }
    }

    /// An object's key, as its bytes: matched against literals without building a String.
    struct Key {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>

        static func ~= (pattern: StaticString, key: Key) -> Bool {
            pattern.utf8CodeUnitCount == key.bytes.count
                && memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0
        }

        /// The key's length in bytes.
        var count: Int { bytes.count }

        /// Whether the key is `name` (not empty), byte for byte.
        func matches(_ name: [UInt8]) -> Bool {
            name.count == bytes.count && name.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        }

    }

    /// A key as text (for keys that are data, like criteria codes).
    mutating func text(of key: Key) throws -> String { try text(key.bytes) }

    /// `{ "key": value, … }`; `field` must consume the value of each key it is given. Keys
    /// with escapes give up: this program never writes them.
    mutating func object(_ field: (inout JSONReader, Key) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try next() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            try expect(UInt8(ascii: "\""))
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 else { throw GiveUp() }
                index += 1
            }
            guard index < bytes.count else { throw GiveUp() }
            let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            index += 1
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            switch try next() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw GiveUp()
            }
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() throws -> Bool {
        guard try next() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Any value, read and dropped: JSONDecoder ignores keys a type does not know.
    mutating func skipValue() throws {
        switch try next() {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): _ = try array { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): _ = try null()
        default: try skipNumber()
        }
    }

    /// Any JSON number, exponent included: a skipped value need not fit `Points` or `Int`.
    private mutating func skipNumber() throws {
        skipSpace()
        func digits() throws {
            let start = index
            while index < bytes.count, Self.digit(bytes[index]) != nil { index += 1 }
            guard index > start else { throw GiveUp() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        try digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw GiveUp() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw GiveUp() }
        index += count
    }

    // MARK: Values

    mutating func bool() throws -> Bool {
        switch try next() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw GiveUp()
        }
    }

    /// A string; escapes decoded, UTF-8 validated, raw control characters refused (as JSON does).
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        guard let base = bytes.baseAddress else { throw GiveUp() }
        // A journal line is mostly strings (hashes, times, names, codes): scanned through a
        // pointer, noting on the way whether any byte is not ASCII.
        var end = start, high: UInt8 = 0
        while end < bytes.count {
            let byte = base[end]
            if byte == UInt8(ascii: "\"") {
                index = end
                let utf8 = UnsafeBufferPointer(start: base + start, count: end - start)
                let text = try high < 0x80 ? String(decoding: utf8, as: UTF8.self) : text(utf8)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                index = end
                return try escapedString(from: start)
            }
            if byte < 0x20 { throw GiveUp() }
            high |= byte
            end += 1
        }
        throw GiveUp()
    }

    /// True once a string had to be put in NFC (decomposed accents from a hand edit).
    private(set) var convertedToNFC = false

    /// Bytes without escapes as an NFC String, refusing invalid UTF-8. (`String(validating:)`
    /// is generic and spent most of its time in metadata lookups here; decoding repairs bad
    /// bytes, so a repaired result — one whose bytes differ — means the input was invalid. The
    /// bytes are compared with memcmp: a generic `elementsEqual` cost more than the decoding.)
    private mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        var text = String(decoding: utf8, as: UTF8.self)
        guard utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let unchanged = text.withUTF8 { decoded in
            decoded.count == utf8.count && memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0
        }
        if !unchanged { throw GiveUp() }
        return nfc(text)
    }

    private mutating func nfc(_ text: String) -> String {
        if !normalising || VietnameseText.isSurelyNFC(text) { return text }
        convertedToNFC = true
        return VietnameseText.nfc(text)
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Escapes may spell out combining marks too (\u0301).
                guard let text = String(validating: utf8, as: UTF8.self) else { throw GiveUp() }
                return nfc(text)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw GiveUp() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8 += try unicodeEscape()
                default: throw GiveUp()
                }
            case 0..<0x20:
                throw GiveUp()
            default:
                utf8.append(byte)
            }
        }
        throw GiveUp()
    }

    /// After `\u`: four hex digits, a surrogate pair taken whole; a lone surrogate gives up.
    private mutating func unicodeEscape() throws -> [UInt8] {
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value) {
            try literal("\\u")
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw GiveUp() }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(value) {
            throw GiveUp()
        }
        guard let scalar = Unicode.Scalar(value) else { throw GiveUp() }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw GiveUp() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw GiveUp()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A plain integer: `-?digits`, no fraction or exponent (those go to JSONDecoder).
    mutating func int() throws -> Int {
        let (whole, _, fractionDigits) = try decimal()
        guard fractionDigits == 0 else { throw GiveUp() }
        return whole
    }

    /// A score with at most two decimals, in hundredths, exactly as `Points` decodes it.
    mutating func points() throws -> Points {
        let (whole, fraction, fractionDigits) = try decimal()
        // Points refuses |value| ≥ 10¹⁰ (its hundredths must stay below 10¹²): JSONDecoder says why.
        guard abs(whole) < 10_000_000_000 else { throw GiveUp() }
        let scaledFraction = fractionDigits == 1 ? fraction * 10 : fraction
        let sign = whole < 0 || (whole == 0 && negativeZero) ? -1 : 1
        return Points(hundredths: whole * 100 + sign * scaledFraction)
    }

    /// Set by `decimal()` for "-0.5", whose whole part is 0 but whose sign is not.
    private var negativeZero = false

    /// `-?(0|[1-9][0-9]*)(\.[0-9]{1,2})?`, at most 12 digits before the point. Anything else
    /// (an exponent, three decimals, a leading zero) gives up.
    private mutating func decimal() throws -> (whole: Int, fraction: Int, fractionDigits: Int) {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var whole = 0
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            // Checked before multiplying: a longer number would overflow `whole`.
            guard index - start < 12 else { throw GiveUp() }
            whole = whole * 10 + digit
            index += 1
        }
        let count = index - start
        guard count > 0, count <= 12, !(count > 1 && bytes[start] == UInt8(ascii: "0")) else { throw GiveUp() }
        var fraction = 0, fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                guard fractionDigits < 2 else { throw GiveUp() }
                fraction = fraction * 10 + digit
                fractionDigits += 1
                index += 1
            }
            guard (1...2).contains(fractionDigits) else { throw GiveUp() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { throw GiveUp() }
        negativeZero = negative && whole == 0
        return (negative ? -whole : whole, fraction, fractionDigits)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
