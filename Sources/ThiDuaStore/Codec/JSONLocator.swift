/// Finds the line of a JSON value from a decoding path, so a message can say
/// "people.json, dòng 214" for a wrong type deep in a file. A small scanner of its
/// own because Foundation reports only the path for type errors.
enum JSONLocator {
    /// 1-based line where the value at `path` starts, or nil when it is not found.
    static func line(of path: [CodingKey], in data: Data) -> Int? {
        var scanner = Scanner(bytes: Array(data))
        return scanner.find(path: path.map(PathStep.init))
    }

    /// 1-based line and column of a byte offset.
    static func lineAndColumn(ofOffset offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    enum PathStep {
        case key(String)
        case index(Int)

        init(_ key: CodingKey) {
            if let index = key.intValue { self = .index(index) } else { self = .key(key.stringValue) }
        }
    }

    struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func find(path: [PathStep]) -> Int? {
            skipSpace()
            for step in path {
                switch step {
                case .key(let name):
                    guard peek() == UInt8(ascii: "{") else { return nil }
                    advance()
                    while true {
                        skipSpace()
                        if peek() == UInt8(ascii: "}") || peek() == nil { return nil }
                        guard let key = readString() else { return nil }
                        skipSpace()
                        guard peek() == UInt8(ascii: ":") else { return nil }
                        advance()
                        skipSpace()
                        if key == name { break }
                        guard skipValue() else { return nil }
                        skipSpace()
                        if peek() == UInt8(ascii: ",") { advance() }
                    }
                case .index(let wanted):
                    guard peek() == UInt8(ascii: "[") else { return nil }
                    advance()
                    var index = 0
                    while true {
                        skipSpace()
                        if peek() == UInt8(ascii: "]") || peek() == nil { return nil }
                        if index == wanted { break }
                        guard skipValue() else { return nil }
                        skipSpace()
                        if peek() == UInt8(ascii: ",") { advance() }
                        index += 1
                    }
                }
            }
            return line
        }

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func advance() {
            if position < bytes.count {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
        }

        mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        mutating func readString() -> String? {
            guard peek() == UInt8(ascii: "\"") else { return nil }
            advance()
            var raw: [UInt8] = []
            while let byte = peek() {
                advance()
                if byte == UInt8(ascii: "\\") {
                    if let escaped = peek() { raw.append(escaped); advance() }
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
            guard let first = peek() else { return false }
            switch first {
            case UInt8(ascii: "\""):
                return readString() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let byte = peek() {
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
                while let byte = peek(), ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"),
                                           0x20, 0x0A, 0x0D, 0x09].contains(byte) {
                    advance()
                }
                return true
            }
        }
    }
}

import Foundation
