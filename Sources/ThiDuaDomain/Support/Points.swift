import Foundation

/// A score in hundredths of a point. Fixed point so that totals of many items add up
/// exactly (8,5 + 0,1 … never drifts) and files hold the number the user typed.
public struct Points: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    AdditiveArithmetic, ExpressibleByIntegerLiteral
{
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(_ whole: Int) { self.hundredths = whole * 100 }
    public init(integerLiteral value: Int) { self.init(value) }

    public static let zero = Points(hundredths: 0)

    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    /// Parses what a user types: "8", "8,5", "8.5", " 9,25 ". More than two decimals,
    /// signs, thousands separators and words are refused with a message, never rounded.
    public init(parsing text: String, field: String = "Điểm") throws(DomainError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let refusal = DomainError(field: field,
            "\(field): «\(trimmed)» không phải là số; hãy nhập số như 8 hoặc 8,5.")
        guard !trimmed.isEmpty else {
            throw DomainError(field: field, "\(field): chưa nhập điểm.")
        }
        if trimmed.hasPrefix("-") {
            throw DomainError(field: field, "\(field): điểm không được âm (đã nhập \(trimmed)).")
        }
        let parts = trimmed.split(separator: trimmed.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty,
              wholeText.allSatisfy({ $0.isASCII && $0.isNumber }), wholeText.count <= 6
        else { throw refusal }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw refusal }
        if parts.count == 2 && fraction.isEmpty { throw refusal }
        guard fraction.count <= 2 else {
            throw DomainError(field: field,
                "\(field): chỉ nhận tối đa hai chữ số thập phân (đã nhập \(trimmed)).")
        }
        while fraction.count < 2 { fraction += "0" }
        hundredths = Int(wholeText)! * 100 + Int(fraction)!
    }

    /// Vietnamese form with a decimal comma and no trailing zeros: 8 · 8,5 · 8,25.
    public var display: String {
        let sign = hundredths < 0 ? "-" : ""
        let value = abs(hundredths)
        let whole = value / 100
        let fraction = value % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole),\(fraction / 10)" }
        return String(format: "%@%d,%02d", sign, whole, fraction)
    }

    public var description: String { display }

    /// Plain number for CSV/JSON consumers (decimal point).
    public var decimalString: String {
        display.replacingOccurrences(of: ",", with: ".")
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        let scaled = (value * 100).rounded()
        guard abs(value * 100 - scaled) < 1e-6, abs(scaled) < 1e12 else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "Điểm \(value) có hơn hai chữ số thập phân.")
        }
        hundredths = Int(scaled)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if hundredths % 100 == 0 {
            try container.encode(hundredths / 100)
        } else {
            try container.encode(Decimal(hundredths) / 100)
        }
    }
}
