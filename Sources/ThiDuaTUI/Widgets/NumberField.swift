import Foundation
import ThiDuaDomain

/// A text field whose value must be a number ("8,5" or "8.5"), checked by the domain's
/// `NumberInput`, so a form says what the score grid and the CSV import say. Any text may
/// be typed; Enter checks it and reports a Vietnamese message instead of silently dropping
/// keys or clamping the number.
public struct NumberField: Sendable {
    public var field: TextField
    /// What the field accepts.
    public var input: NumberInput
    /// When false, an empty field is valid and has no value.
    public var isRequired: Bool

    public init(_ text: String = "", input: NumberInput, isRequired: Bool = true, visibleWidth: Int = 10) {
        self.field = TextField(text, maxLength: 20, visibleWidth: visibleWidth)
        self.input = input
        self.isRequired = isRequired
    }

    public init(_ text: String = "", allowNegative: Bool = false, range: ClosedRange<Decimal>? = nil,
                isRequired: Bool = true, visibleWidth: Int = 10) {
        self.init(text, input: NumberInput(range: range, allowsNegative: allowNegative), isRequired: isRequired,
                  visibleWidth: visibleWidth)
    }

    public init(value: Decimal?, allowNegative: Bool = false, range: ClosedRange<Decimal>? = nil,
                isRequired: Bool = true, visibleWidth: Int = 10) {
        self.init(value.map(NumberInput.display) ?? "", allowNegative: allowNegative, range: range,
                  isRequired: isRequired, visibleWidth: visibleWidth)
    }

    /// Only whole numbers (a year, an order): "2,5" is refused with a message.
    public var wholeNumber: Bool {
        get { input.decimals == 0 }
        set { input.decimals = newValue ? 0 : nil }
    }

    public var text: String { field.text }

    /// The parsed number, or a message; `.success(nil)` for an allowed blank.
    public func parsed() -> Result<Decimal?, ValidationError> {
        if !isRequired && field.text.trimmingCharacters(in: .whitespaces).isEmpty { return .success(nil) }
        do {
            return .success(try input.parse(field.text))
        } catch {
            return .failure(ValidationError(error.message))
        }
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
