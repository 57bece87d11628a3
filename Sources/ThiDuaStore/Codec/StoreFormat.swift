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
}
