import Foundation

/// Finding where JSON syntax breaks: a strict recursive-descent pass that stops at the
/// first error.
extension JSONPosition.Cursor {
    typealias SyntaxError = JSONPosition.SyntaxError

    mutating func firstSyntaxError() -> SyntaxError? {
        skipSpace()
        if let failure = value(depth: 0) { return failure }
        skipSpace()
        if position < bytes.count { return fail("có nội dung thừa sau khi JSON đã kết thúc") }
        return nil
    }

    func fail(_ reason: String) -> SyntaxError { SyntaxError(place: place, reason: reason) }

    mutating func expect(_ byte: UInt8, _ what: String) -> SyntaxError? {
        guard current == byte else {
            return fail(current == nil ? "tệp kết thúc đột ngột, thiếu \(what)" : "cần \(what) tại đây")
        }
        advance()
        return nil
    }

    mutating func value(depth: Int) -> SyntaxError? {
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

    /// A string on one line; one left open is reported where it opened.
    mutating func string() -> SyntaxError? {
        let opening = place
        advance()
        while let byte = current {
            if byte == UInt8(ascii: "\"") { advance(); return nil }
            if byte == 0x0A { return fail("chuỗi chưa đóng ngoặc kép") }
            if byte == UInt8(ascii: "\\") { advance() }
            advance()
        }
        return SyntaxError(place: opening, reason: "chuỗi chưa đóng ngoặc kép")
    }

    mutating func literal(_ word: String) -> SyntaxError? {
        for expected in word.utf8 {
            guard current == expected else { return fail("giá trị không hợp lệ (cần \(word))") }
            advance()
        }
        return nil
    }

    mutating func number() -> SyntaxError? {
        let start = position
        while let byte = current, "+-0123456789.eE".utf8.contains(byte) { advance() }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if text.isEmpty || Double(text) == nil { return fail("giá trị không hợp lệ") }
        return nil
    }
}
