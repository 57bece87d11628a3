/// A text field for a dd/mm/yyyy date. Impossible dates (31/02/2026) are
/// refused with a Vietnamese message on Enter.
public struct DateField: Sendable {
    public var field: TextField
    public var isRequired: Bool
    public var years: ClosedRange<Int>

    public init(_ text: String = "", isRequired: Bool = true, years: ClosedRange<Int> = 1900...2100) {
        self.field = TextField(text, maxLength: 10, visibleWidth: 11)
        self.isRequired = isRequired
        self.years = years
    }

    public init(date: SimpleDate?, isRequired: Bool = true) {
        self.init(date?.description ?? "", isRequired: isRequired)
    }

    public var text: String { field.text }

    /// The date, `.success(nil)` for an allowed blank, or the message.
    public func parsed() -> Result<SimpleDate?, ValidationError> {
        if !isRequired && field.text.allSatisfy({ $0 == " " }) { return .success(nil) }
        return SimpleDate.parse(field.text, years: years).map { $0 }
    }

    public var date: SimpleDate? {
        if case .success(let d) = parsed() { return d }
        return nil
    }

    public func validate() -> String? {
        if case .failure(let e) = parsed() { return e.message }
        return nil
    }

    public mutating func beginEditing() { field.beginEditing() }

    /// Enter commits a valid date and rewrites it as dd/mm/yyyy ("5/1/2026"
    /// becomes "05/01/2026").
    public mutating func handle(_ key: Key) -> FieldEvent {
        if key == .enter {
            if let message = validate() { return .invalid(message) }
            if let d = date { field.setText(d.description) }
        }
        return field.handle(key)
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        field.render(into: &buffer, rect: rect, focused: focused)
    }
}
