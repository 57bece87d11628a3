import Foundation

/// Why typed text is not a number a field takes: the rule it breaks, and the one Vietnamese
/// wording of that rule. With a label the message names the number ("Điểm tự chấm của tiêu
/// chí 1.1 phải từ 0 đến 15 (đã nhập 16)."); without one it stands under a form's field.
public struct NumberInputError: Error, Equatable, Sendable {
    public enum Rule: Equatable, Sendable {
        case empty
        case notANumber
        /// Text or a fraction where a whole number is asked for.
        case notWhole
        /// More digits after the separator than the field keeps.
        case tooManyDecimals(Int)
        case negative
        case outOfRange(ClosedRange<Decimal>)
    }

    public var rule: Rule
    public var label: String?
    /// The text as typed, without surrounding spaces.
    public var typed: String

    public init(rule: Rule, label: String?, typed: String) {
        self.rule = rule
        self.label = label
        self.typed = typed
    }

    public var message: String {
        switch rule {
        case .negative:
            return "\(label ?? "Số") không được âm (đã nhập \(typed))."
        case .outOfRange(let range):
            return "\(label ?? "Số") phải từ \(NumberInput.display(range.lowerBound)) đến "
                + "\(NumberInput.display(range.upperBound)) (đã nhập \(typed))."
        case .empty:
            return sentence("chưa nhập số")
        case .notANumber:
            return sentence("\(DomainError.quote(typed)) không phải là số; hãy nhập dạng 8,5 hoặc 8.5")
        case .notWhole:
            return sentence("chỉ nhập số nguyên (đã nhập \(DomainError.quote(typed)))")
        case .tooManyDecimals(let count):
            return sentence("chỉ nhận tối đa \(Self.count(count)) chữ số thập phân (đã nhập \(typed))")
        }
    }

    /// The same, for code that reports `DomainError`s (named by the label).
    public var domainError: DomainError { DomainError(field: label ?? "Số", message) }

    /// "Điểm: chưa nhập số." with a label, "Chưa nhập số." without.
    private func sentence(_ text: String) -> String {
        if let label { return "\(label): \(text)." }
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private static func count(_ n: Int) -> String {
        switch n {
        case 1: return "một"
        case 2: return "hai"
        case 3: return "ba"
        default: return String(n)
        }
    }
}
