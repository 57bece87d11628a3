/// The kinds of input a `Form` can hold. An enum rather than a protocol so
/// a form stays a plain `Sendable` value that tests can copy and compare.
public enum FormField: Sendable {
    case text(TextField)
    case number(NumberField)
    case choice(ChoiceField)
    case date(DateField)

    public mutating func handle(_ key: Key) -> FieldEvent {
        switch self {
        case .text(var f): let e = f.handle(key); self = .text(f); return e
        case .number(var f): let e = f.handle(key); self = .number(f); return e
        case .choice(var f): let e = f.handle(key); self = .choice(f); return e
        case .date(var f): let e = f.handle(key); self = .date(f); return e
        }
    }

    public mutating func beginEditing() {
        switch self {
        case .text(var f): f.beginEditing(); self = .text(f)
        case .number(var f): f.beginEditing(); self = .number(f)
        case .choice(var f): f.beginEditing(); self = .choice(f)
        case .date(var f): f.beginEditing(); self = .date(f)
        }
    }

    /// The Vietnamese message when the value is not acceptable, else nil.
    public func validate() -> String? {
        switch self {
        case .text: return nil
        case .number(let f): return f.validate()
        case .choice: return nil
        case .date(let f): return f.validate()
        }
    }

    /// The text shown (NFC for text fields, the option title for choices).
    public var text: String {
        switch self {
        case .text(let f): return f.value
        case .number(let f): return f.text
        case .choice(let f): return f.selected ?? ""
        case .date(let f): return f.text
        }
    }

    /// Columns the field would like; the form gives it at most that.
    public var preferredWidth: Int {
        switch self {
        case .text(let f): return f.visibleWidth
        case .number(let f): return f.field.visibleWidth
        case .choice(let f): return (f.options.map(\.displayWidth).max() ?? 0) + 4
        case .date(let f): return f.field.visibleWidth
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        switch self {
        case .text(let f): f.render(into: &buffer, rect: rect, focused: focused)
        case .number(let f): f.render(into: &buffer, rect: rect, focused: focused)
        case .choice(let f): f.render(into: &buffer, rect: rect, focused: focused)
        case .date(let f): f.render(into: &buffer, rect: rect, focused: focused)
        }
    }
}

/// A labelled field in a form, with its current error message.
public struct FormItem: Sendable {
    /// Key the app uses to read the value back ("name", "score"…).
    public let id: String
    public var label: String
    public var field: FormField
    public var error: String?

    public init(id: String, label: String, field: FormField) {
        self.id = id
        self.label = label
        self.field = field
    }
}
