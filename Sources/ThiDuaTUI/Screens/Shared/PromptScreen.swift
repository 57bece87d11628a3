import ThiDuaDomain

/// Asks for one line of text (a reason, a number) and commits the change built from it.
/// Used where the rules require a written reason: unlocking a sheet, stepping its state
/// back, overriding a finding.
public final class PromptScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "prompt"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Ghi", fKey: 2, twin: .ctrl("s"))
            }
        }
    }

    public let title: String
    private let question: [String]
    private let label: String
    private var form: Form
    private let makeChange: (String) -> Change
    private let done: String

    /// `makeChange` turns the typed text into the change to commit; `done` is the status
    /// message after it is saved.
    /// `initial` is the text the field starts with (the value being corrected).
    public init(title: String, question: [String], label: String, done: String, initial: String = "",
                makeChange: @escaping (String) -> Change) {
        self.title = title
        self.question = question
        self.label = label
        self.done = done
        self.initial = initial
        self.makeChange = makeChange
        form = Form([FormItem(id: "text", label: label, field: .text(TextField(initial, maxLength: 500, visibleWidth: 50)))])
    }

    private let initial: String

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { (form.text("text") ?? "") != initial }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Enter hoặc F2 ghi · Esc thôi." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: [.commit(makeChange(form.text("text") ?? ""), reply: FormMessage.saved)]
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch form.handle(key) {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return [.commit(makeChange(form.text("text") ?? ""), reply: FormMessage.saved)]
        case .cancelled: return [.pop, .message("Đã thôi, không ghi gì.")]
        }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success: return [.pop, .message(done)]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        var y = rect.y + 1
        for line in question.flatMap({ TextWrap.wrap($0, width: max(1, rect.width - 4)) }) where y < rect.maxY - 3 {
            buffer.put(line, at: Point(x: rect.x + 2, y: y), clipWidth: rect.width - 4)
            y += 1
        }
        form.render(into: &buffer, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1),
                    focused: true)
    }
}
