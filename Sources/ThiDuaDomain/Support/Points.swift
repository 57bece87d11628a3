import Foundation

/// A score in hundredths of a point. Fixed point so that totals of many items add up
/// exactly (8,5 + 0,1 … never drifts) and files hold the number the user typed. What
/// people type is read by `NumberInput.points`.
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
            // The typed-number rule and its words, for a number in a file.
            let refusal = NumberInputError(rule: .tooManyDecimals(2), label: "Điểm", typed: "\(value)")
            throw DecodingError.dataCorruptedError(in: container, debugDescription: refusal.message)
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
