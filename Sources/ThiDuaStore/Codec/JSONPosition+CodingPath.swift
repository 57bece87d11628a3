import Foundation

/// Finding the value a decoding path names ("units[3].order"), for type errors deep in a file.
/// Lenient: it only has to follow text that JSONDecoder has already read this far.
extension JSONPosition {
    enum PathStep {
        case key(String)
        case index(Int)

        init(_ key: CodingKey) {
            if let index = key.intValue { self = .index(index) } else { self = .key(key.stringValue) }
        }
    }
}

extension JSONPosition.Cursor {
    mutating func find(path: [JSONPosition.PathStep]) -> JSONPosition.Place? {
        skipSpace()
        for step in path {
            switch step {
            case .key(let name):
                guard current == UInt8(ascii: "{") else { return nil }
                advance()
                while true {
                    skipSpace()
                    if current == UInt8(ascii: "}") || current == nil { return nil }
                    guard let key = readString() else { return nil }
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return nil }
                    advance()
                    skipSpace()
                    if key == name { break }
                    guard skipValue() else { return nil }
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance() }
                }
            case .index(let wanted):
                guard current == UInt8(ascii: "[") else { return nil }
                advance()
                var index = 0
                while true {
                    skipSpace()
                    if current == UInt8(ascii: "]") || current == nil { return nil }
                    if index == wanted { break }
                    guard skipValue() else { return nil }
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance() }
                    index += 1
                }
            }
        }
        return place
    }

    /// A string's content with escapes reduced to the escaped character (enough to compare
    /// keys); nil when it never closes.
    mutating func readString() -> String? {
        guard current == UInt8(ascii: "\"") else { return nil }
        advance()
        var raw: [UInt8] = []
        while let byte = current {
            advance()
            if byte == UInt8(ascii: "\\") {
                if let escaped = current { raw.append(escaped); advance() }
                continue
            }
            if byte == UInt8(ascii: "\"") { return String(decoding: raw, as: UTF8.self) }
            raw.append(byte)
        }
        return nil
    }

    /// Skips one value of any kind; false on malformed input.
    mutating func skipValue() -> Bool {
        skipSpace()
        guard let first = current else { return false }
        switch first {
        case UInt8(ascii: "\""):
            return readString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = current {
                if byte == UInt8(ascii: "\"") {
                    guard readString() != nil else { return false }
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
                advance()
                if depth == 0 { return true }
            }
            return false
        default:
            while let byte = current, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"),
                                        0x20, 0x0A, 0x0D, 0x09].contains(byte) {
                advance()
            }
            return true
        }
    }
}
