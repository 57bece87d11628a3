/// JSON as text, kept exactly: objects keep their key order and scalars their original
/// spelling (so a 1 stays a number and never turns into `true`, as it can through
/// JSONSerialization). Used to write valid hand edits of the store's files: keys in
/// another order, everything on one line.
public indirect enum JSONText: Equatable, Sendable {
    case object([(key: String, value: JSONText)])
    case array([JSONText])
    /// A string (with its quotes and escapes), number, true, false or null, as written.
    case scalar(String)

    public static func == (a: JSONText, b: JSONText) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Parses well-formed JSON (the store's own files); nil for anything else.
    public static func parse(_ text: String) -> JSONText? {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.scalars.count ? value : nil
    }

    /// Every object with its keys in reverse order.
    public var reversingKeys: JSONText {
        switch self {
        case .object(let members): return .object(members.reversed().map { ($0.key, $0.value.reversingKeys) })
        case .array(let items): return .array(items.map(\.reversingKeys))
        case .scalar: return self
        }
    }

    /// Pretty-printed like the store writes (two spaces, `"key" : value`), or on one line.
    public func text(pretty: Bool, indent: Int = 0) -> String {
        let pad = pretty ? String(repeating: " ", count: indent + 2) : ""
        let end = pretty ? "\n" + String(repeating: " ", count: indent) : ""
        let separator = pretty ? ",\n" : ","
        let open = pretty ? "\n" : ""
        switch self {
        case .scalar(let raw):
            return raw
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[" + open + items.map { pad + $0.text(pretty: pretty, indent: indent + 2) }.joined(separator: separator) + end + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let colon = pretty ? " : " : ":"
            return "{" + open + members.map { pad + $0.key + colon + $0.value.text(pretty: pretty, indent: indent + 2) }
                .joined(separator: separator) + end + "}"
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[index]) { index += 1 }
        }

        mutating func value() -> JSONText? {
            skipSpace()
            guard index < scalars.count else { return nil }
            switch scalars[index] {
            case "{":
                return items(until: "}") { parser -> (String, JSONText)? in
                    parser.skipSpace()
                    guard let key = parser.string() else { return nil }
                    parser.skipSpace()
                    guard parser.index < parser.scalars.count, parser.scalars[parser.index] == ":" else { return nil }
                    parser.index += 1
                    return parser.value().map { (key, $0) }
                }.map { JSONText.object($0.map { (key: $0.0, value: $0.1) }) }
            case "[":
                return items(until: "]") { $0.value() }.map(JSONText.array)
            case "\"":
                return string().map(JSONText.scalar)
            default:
                let start = index
                while index < scalars.count, !",]} \n\r\t".unicodeScalars.contains(scalars[index]) { index += 1 }
                return index > start ? .scalar(String(String.UnicodeScalarView(scalars[start..<index]))) : nil
            }
        }

        /// The comma-separated items after an opening bracket, up to `close`; nil on a syntax error.
        mutating func items<T>(until close: Unicode.Scalar, _ item: (inout Parser) -> T?) -> [T]? {
            index += 1
            skipSpace()
            var result: [T] = []
            if index < scalars.count, scalars[index] == close { index += 1; return result }
            while true {
                guard let next = item(&self) else { return nil }
                result.append(next)
                skipSpace()
                guard index < scalars.count else { return nil }
                index += 1
                if scalars[index - 1] == close { return result }
                guard scalars[index - 1] == "," else { return nil }
            }
        }

        /// A string token with its quotes, as written.
        mutating func string() -> String? {
            guard index < scalars.count, scalars[index] == "\"" else { return nil }
            let start = index
            index += 1
            while index < scalars.count, scalars[index] != "\"" {
                index += scalars[index] == "\\" ? 2 : 1
            }
            guard index < scalars.count else { return nil }
            index += 1
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }
    }
}
