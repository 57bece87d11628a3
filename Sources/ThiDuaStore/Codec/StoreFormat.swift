import Foundation

/// The JSON dialect of every file in the data folder: sorted keys, pretty-printed,
/// unescaped slashes, so files diff small and read well by hand.
enum StoreFormat {
    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder { JSONDecoder() }

    /// Pretty JSON with a final newline (editors and `cat` like it).
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// The same bytes as `encode(elements)`, written one element at a time: JSONEncoder holds
    /// the whole value tree while it writes, about 100 MB for one year of a province's score
    /// sheets. Each element's lines are indented one level (raw newlines only ever separate
    /// lines: inside strings they are escaped), blank lines excepted, as JSONEncoder does.
    static func encodeArray<T: Encodable>(_ elements: [T]) throws -> Data {
        guard !elements.isEmpty else { return try encode(elements) }
        let encoder = encoder()
        let indent: [UInt8] = [0x20, 0x20]
        var out = Data("[\n".utf8)
        for (index, element) in elements.enumerated() {
            let bytes = try encoder.encode(element)
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if line.startIndex != bytes.startIndex { out.append(0x0A) }
                // JSONEncoder leaves the blank line inside an empty [ ] or { } unindented.
                if !line.isEmpty { out.append(contentsOf: indent) }
                out.append(contentsOf: line)
            }
            out.append(contentsOf: index == elements.count - 1 ? [0x0A] : [0x2C, 0x0A])
        }
        out.append(contentsOf: [0x5D, 0x0A])
        return out
    }
}
