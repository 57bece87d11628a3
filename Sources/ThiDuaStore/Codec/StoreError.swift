import Foundation

/// A problem with the data folder, always naming the file (and line when known).
/// `message` is what the office reads, in Vietnamese.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var message: String {
        if let line { return "\(file), dòng \(line): \(reason)" }
        return "\(file): \(reason)"
    }

    public var description: String { message }

    /// Explains a JSONDecoder failure with the line it points at (also for `thidua apply`,
    /// whose input lines are JSON too).
    public static func decoding(_ error: Error, file: String, data: Data) -> StoreError {
        guard let decodingError = error as? DecodingError else {
            return StoreError(file: file, reason: "không đọc được: \(error.localizedDescription)")
        }
        switch decodingError {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                // Foundation on Linux gives no position for syntax errors: find it ourselves.
                let syntax = JSONPosition.firstSyntaxError(in: data)
                return StoreError(file: file, line: syntax?.line,
                                  reason: "JSON không hợp lệ: \(syntax?.reason ?? "không đọc được").")
            }
            return StoreError(file: file, line: JSONPosition.of(context.codingPath, in: data)?.line,
                              reason: "giá trị «\(pathText(context.codingPath))» sai: \(valueReason(context.debugDescription))")
        case .keyNotFound(let key, let context):
            let path = context.codingPath
            return StoreError(file: file, line: JSONPosition.of(path, in: data)?.line,
                              reason: "thiếu trường «\(key.stringValue)»\(path.isEmpty ? "" : " trong «\(pathText(path))»").")
        case .typeMismatch(let type, let context):
            return StoreError(file: file, line: JSONPosition.of(context.codingPath, in: data)?.line,
                              reason: "trường «\(pathText(context.codingPath))» phải là \(typeName(type)).")
        case .valueNotFound(let type, let context):
            return StoreError(file: file, line: JSONPosition.of(context.codingPath, in: data)?.line,
                              reason: "trường «\(pathText(context.codingPath))» đang trống, cần \(typeName(type)).")
        @unknown default:
            return StoreError(file: file, reason: "không đọc được: \(decodingError)")
        }
    }

    /// Our own types explain a bad value in Vietnamese (an impossible date, a score with three
    /// decimals) and are shown as they are. Foundation explains a value outside an enum's list
    /// in English ("Cannot initialize Gender from invalid String value nu"): say it in Vietnamese.
    static func valueReason(_ description: String) -> String {
        guard description.hasPrefix("Cannot initialize") else { return description }
        if let value = description.range(of: " value ") {
            return "«\(description[value.upperBound...])» không phải một giá trị được phép."
        }
        return "không phải một giá trị được phép."
    }

    /// "units[3].name" from a coding path.
    static func pathText(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(gốc)" : text
    }

    static func typeName(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "String": return "chuỗi ký tự"
        case "Int", "Double", "Decimal": return "số"
        case "Bool": return "true hoặc false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "danh sách [ … ]" }
            if name.hasPrefix("Dictionary") { return "đối tượng { … }" }
            return "đối tượng { … }"
        }
    }

}
