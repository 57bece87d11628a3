import Foundation

/// A failed check on user input, with the message shown under the field.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Decimal input as office staff type it: "8,5" (Vietnamese) and "8.5" both
/// mean eight and a half. Nothing is ever clamped or rounded: a value out of
/// range is refused with a message, so a typo cannot become a wrong score.
public enum NumberParser {
    /// Parses `text` (surrounding spaces ignored). Accepts an optional sign,
    /// digits, and at most one decimal separator `,` or `.` followed by digits.
    public static func parse(_ text: String) -> Result<Decimal, ValidationError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return .failure(ValidationError("Chưa nhập số.")) }
        var body = Substring(t)
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "−" {
            negative = first != "+"
            body = body.dropFirst()
        }
        var intDigits = "", fracDigits = ""
        var seenSeparator = false
        for c in body {
            if c.isASCII, c.isNumber {
                if seenSeparator { fracDigits.append(c) } else { intDigits.append(c) }
            } else if (c == "," || c == ".") && !seenSeparator {
                seenSeparator = true
            } else {
                return .failure(notANumber(t))
            }
        }
        if intDigits.isEmpty && fracDigits.isEmpty { return .failure(notANumber(t)) }
        if seenSeparator && fracDigits.isEmpty { return .failure(notANumber(t)) }
        let canonical = (negative ? "-" : "") + (intDigits.isEmpty ? "0" : intDigits)
            + (fracDigits.isEmpty ? "" : "." + fracDigits)
        guard let d = Decimal(string: canonical, locale: Locale(identifier: "en_US_POSIX")) else {
            return .failure(notANumber(t))
        }
        return .success(d)
    }

    /// Parses and checks sign and range; returns the value or the message.
    public static func validate(_ text: String, allowNegative: Bool = false,
                                range: ClosedRange<Decimal>? = nil) -> Result<Decimal, ValidationError> {
        switch parse(text) {
        case .failure(let e): return .failure(e)
        case .success(let d):
            if d < 0 && !allowNegative { return .failure(ValidationError("Không được nhập số âm.")) }
            if let r = range, !r.contains(d) {
                return .failure(ValidationError(
                    "Số \(format(d)) nằm ngoài khoảng cho phép \(format(r.lowerBound))–\(format(r.upperBound))."))
            }
            return .success(d)
        }
    }

    /// Vietnamese form of a number: decimal comma, no grouping ("8,5").
    public static func format(_ d: Decimal) -> String {
        var copy = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 6, .plain)   // display only; the stored value is untouched
        return NSDecimalNumber(decimal: rounded).stringValue.replacingOccurrences(of: ".", with: ",")
    }

    private static func notANumber(_ t: String) -> ValidationError {
        ValidationError("«\(t)» không phải là số; hãy nhập dạng 8,5 hoặc 8.5.")
    }
}
