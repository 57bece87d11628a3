/// Finds where JSON syntax breaks, because Foundation on Linux says only "not valid JSON".
/// A strict recursive-descent pass over the bytes; it stops at the first error.
enum JSONSyntaxCheck {
    struct Failure: Equatable {
        var line: Int
        var reason: String
    }

    static func firstError(in data: Data) -> Failure? {
        var parser = Parser(bytes: [UInt8](data))
        parser.skipSpace()
        if let failure = parser.value(depth: 0) { return failure }
        parser.skipSpace()
        if parser.position < parser.bytes.count { return parser.fail("có nội dung thừa sau khi JSON đã kết thúc") }
        return nil
    }

    struct Parser {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func advance() {
            if current == 0x0A { line += 1 }
            position += 1
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

        mutating func expect(_ byte: UInt8, _ what: String) -> Failure? {
            guard current == byte else {
                return fail(current == nil ? "tệp kết thúc đột ngột, thiếu \(what)" : "cần \(what) tại đây")
            }
            advance()
            return nil
        }

        mutating func value(depth: Int) -> Failure? {
            guard depth < 512 else { return fail("lồng nhau quá sâu") }
            switch current {
            case UInt8(ascii: "{"):
                advance(); skipSpace()
                if current == UInt8(ascii: "}") { advance(); return nil }
                while true {
                    skipSpace()
                    guard current == UInt8(ascii: "\"") else { return fail("cần tên trường trong ngoặc kép") }
                    if let failure = string() { return failure }
                    skipSpace()
                    if let failure = expect(UInt8(ascii: ":"), "dấu «:»") { return failure }
                    skipSpace()
                    if let failure = value(depth: depth + 1) { return failure }
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance(); continue }
                    return expect(UInt8(ascii: "}"), "dấu «,» hoặc «}»")
                }
            case UInt8(ascii: "["):
                advance(); skipSpace()
                if current == UInt8(ascii: "]") { advance(); return nil }
                while true {
                    skipSpace()
                    if let failure = value(depth: depth + 1) { return failure }
                    skipSpace()
                    if current == UInt8(ascii: ",") { advance(); continue }
                    return expect(UInt8(ascii: "]"), "dấu «,» hoặc «]»")
                }
            case UInt8(ascii: "\""):
                return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case nil:
                return fail("tệp kết thúc đột ngột")
            default:
                return number()
            }
        }

        mutating func string() -> Failure? {
            let startLine = line
            advance()
            while let byte = current {
                if byte == UInt8(ascii: "\"") { advance(); return nil }
                if byte == 0x0A { return fail("chuỗi chưa đóng ngoặc kép") }
                if byte == UInt8(ascii: "\\") { advance() }
                advance()
            }
            return Failure(line: startLine, reason: "chuỗi chưa đóng ngoặc kép")
        }

        mutating func literal(_ word: String) -> Failure? {
            for expected in word.utf8 {
                guard current == expected else { return fail("giá trị không hợp lệ (cần \(word))") }
                advance()
            }
            return nil
        }

        mutating func number() -> Failure? {
            let start = position
            while let byte = current, "+-0123456789.eE".utf8.contains(byte) { advance() }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if text.isEmpty || Double(text) == nil { return fail("giá trị không hợp lệ") }
            return nil
        }
    }
}

import Foundation
