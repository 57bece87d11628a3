import Foundation

/// Where something is in a JSON text, so that a message can say "people.json, dòng 214":
/// the value a decoding path names, or the first place the syntax breaks. Foundation reports
/// only the path for a wrong type, and on Linux nothing but "not valid JSON" for bad syntax,
/// so one small scanner of our own walks the bytes for both.
enum JSONPosition {
    /// 1-based; the column counts characters, not bytes.
    struct Place: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    struct SyntaxError: Equatable, Sendable {
        var place: Place
        /// Vietnamese, for the end of "JSON không hợp lệ: …".
        var reason: String

        var line: Int { place.line }
    }

    /// Where the value at `path` starts, or nil when the text has no such value.
    static func of(_ path: [CodingKey], in data: Data) -> Place? {
        var cursor = Cursor(bytes: Array(data))
        return cursor.find(path: path.map(PathStep.init))
    }

    /// The first place the text stops being JSON, with why; nil for valid JSON.
    static func firstSyntaxError(in data: Data) -> SyntaxError? {
        var cursor = Cursor(bytes: Array(data))
        return cursor.firstSyntaxError()
    }

    /// A position in the bytes that keeps count of lines as it moves.
    struct Cursor {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        /// Where the current line starts, for the column.
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        var place: Place {
            let end = min(position, bytes.count)
            let characters = bytes[lineStart..<end].filter { $0 & 0xC0 != 0x80 }.count
            return Place(line: line, column: characters + 1)
        }

        mutating func advance() {
            guard position < bytes.count else { return }
            if bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }
    }
}
