import ThiDuaDomain

/// A text field for a dd/mm/yyyy date, parsed by the domain's `CalendarDate` so forms
/// and files agree on what a date is. Impossible dates (31/02/2026) are refused with a
/// Vietnamese message on Enter.
public struct DateField: Sendable {
    public var field: TextField
    public var isRequired: Bool
    public var years: ClosedRange<Int>

    public init(_ text: String = "", isRequired: Bool = true, years: ClosedRange<Int> = 1900...2100) {
        self.field = TextField(text, maxLength: 10, visibleWidth: 11)
        self.isRequired = isRequired
        self.years = years
    }

    public init(date: CalendarDate?, isRequired: Bool = true) {
        self.init(date?.display ?? "", isRequired: isRequired)
    }

    public var text: String { field.text }

    /// The date, `.success(nil)` for an allowed blank, or the message.
    public func parsed() -> Result<CalendarDate?, ValidationError> {
        let blank = field.text.allSatisfy { $0 == " " }
        if blank { return isRequired ? .failure(ValidationError("Chưa nhập ngày.")) : .success(nil) }
        let date: CalendarDate
        do {
            date = try CalendarDate(parsing: field.text)
        } catch {
            return .failure(ValidationError(error.message))
        }
        guard years.contains(date.year) else {
            return .failure(ValidationError("Năm \(date.year) nằm ngoài khoảng \(years.lowerBound)–\(years.upperBound)."))
        }
        return .success(date)
    }

    public var date: CalendarDate? {
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
            if let d = date { field.setText(d.display) }
        }
        return field.handle(key)
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        field.render(into: &buffer, rect: rect, focused: focused)
    }
}
