import Foundation

/// A text field whose value must be a decimal number ("8,5" or "8.5").
/// Any text may be typed; Enter checks it and reports a Vietnamese message
/// instead of silently dropping keys or clamping the number.
public struct NumberField: Sendable {
    public var field: TextField
    public var allowNegative: Bool
    public var range: ClosedRange<Decimal>?
    /// When false, an empty field is valid and has no value.
    public var isRequired: Bool
    /// Only whole numbers (a year, an order): "2,5" is refused with a message.
    public var wholeNumber = false

    public init(_ text: String = "", allowNegative: Bool = false, range: ClosedRange<Decimal>? = nil,
                isRequired: Bool = true, visibleWidth: Int = 10) {
        self.field = TextField(text, maxLength: 20, visibleWidth: visibleWidth)
        self.allowNegative = allowNegative
        self.range = range
        self.isRequired = isRequired
    }

    public init(value: Decimal?, allowNegative: Bool = false, range: ClosedRange<Decimal>? = nil,
                isRequired: Bool = true, visibleWidth: Int = 10) {
        self.init(value.map(NumberParser.format) ?? "", allowNegative: allowNegative, range: range,
                  isRequired: isRequired, visibleWidth: visibleWidth)
    }

    public var text: String { field.text }

    /// The parsed number, or a message; `.success(nil)` for an allowed blank.
    public func parsed() -> Result<Decimal?, ValidationError> {
        if !isRequired && field.text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(nil) }
        let result = NumberParser.validate(field.text, allowNegative: allowNegative, range: range)
        if wholeNumber, case .success(let d) = result, d != d.rounded() {
            return .failure(ValidationError("Chỉ nhập số nguyên (đã nhập «\(field.text)»)."))
        }
        return result.map { $0 }
    }

    /// The value as a whole number, when valid and whole.
    public var intValue: Int? {
        guard let d = value, d == d.rounded() else { return nil }
        return NSDecimalNumber(decimal: d).intValue
    }

    /// The number if the text is valid.
    public var value: Decimal? {
        if case .success(let d) = parsed() { return d }
        return nil
    }

    /// The message to show, or nil when valid.
    public func validate() -> String? {
        if case .failure(let e) = parsed() { return e.message }
        return nil
    }

    public mutating func beginEditing() { field.beginEditing() }

    public mutating func handle(_ key: Key) -> FieldEvent {
        if key == .enter, let message = validate() { return .invalid(message) }
        return field.handle(key)
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        field.render(into: &buffer, rect: rect, focused: focused)
    }
}

extension Decimal {
    /// Rounded to a whole number (half away from zero), for whole-number checks.
    func rounded() -> Decimal {
        var copy = self
        var result = Decimal()
        NSDecimalRound(&result, &copy, 0, .plain)
        return result
    }
}
