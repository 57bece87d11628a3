import ThiDuaDomain

/// What one rule form edits: its fields, and how the fields change the rules. The three
/// kinds of rows of the rules screen (eligibility rule, vote threshold, suggestion rule)
/// differ only in this; saving, refusals and closing are `RuleFormScreen`'s.
protocol RuleEditor {
    var title: String { get }
    /// What is edited, on the first row ("Quy tắc «mot-de-nghi» · …").
    var heading: String { get }
    var items: [FormItem] { get }
    /// Dim lines under the form: what the values mean.
    var notes: [String] { get }
    /// The rules with the form's values applied, or the field that cannot be read.
    func apply(_ form: Form, to rules: Rules) -> Result<Rules, RuleFieldProblem>
    /// The field a refusal of the domain is about, when it names none of the form's labels.
    func fieldID(for error: DomainError) -> String?
    /// "quy tắc «mot-de-nghi»", for "Đã lưu …".
    var savedWhat: String { get }
    func hint(for fieldID: String?) -> String?
}

/// A value the form cannot turn into a rule (nil field: about the form as a whole).
struct RuleFieldProblem: Error {
    var fieldID: String?
    var message: String
}

/// Edits one row of the rules screen. F2 writes the whole rules as one `.updateRules`
/// change, built from the rules as they are now (not as they were when the form opened),
/// so an edit never undoes another one made meanwhile.
public final class RuleFormScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "ruleForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi quy tắc (hoàn tác được bằng u)")
            }
        }
    }

    public var title: String { editor.title }
    public private(set) var form: Form
    private let editor: any RuleEditor
    private let pristine: [String]

    init(editor: any RuleEditor) {
        self.editor = editor
        form = Form(editor.items)
        pristine = form.items.map(\.field.text)
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { form.items.map(\.field.text) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        editor.hint(for: form.focusedItem?.id) ?? "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc hủy ô đang sửa, Esc lần nữa đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu quy tắc đã sửa?") {
            save(session: session)
        }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save(session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let current = session.data.rules
        switch editor.apply(form, to: current) {
        case .failure(let problem):
            show(problem.message, on: problem.fieldID)
            return []
        case .success(let rules):
            guard rules != current else { return [.pop, .message("Không có gì thay đổi.")] }
            return [.commit(.updateRules(rules: rules), reply: FormMessage.saved)]
        }
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            return [.pop, .message("Đã lưu \(editor.savedWhat). Hoàn tác: u.")]
        case .failure(let error):
            if case .invalid(let domain) = error, let field = editor.fieldID(for: domain) {
                show(domain.message, on: field)
            } else {
                form.show(error)
            }
            return []
        }
    }

    private func show(_ message: String, on fieldID: String?) {
        guard let fieldID, let index = form.items.firstIndex(where: { $0.id == fieldID }) else {
            form.message = "Chưa lưu: \(message)"
            return
        }
        form.setError(message, for: fieldID)
        form.focus(on: index)
        form.message = "Chưa lưu: xem ô «\(form.items[index].label)»."
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        var head = DashboardLines(rect: Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: 2))
        head.add(editor.heading, style: .bold)
        head.draw(into: &buffer)
        let top = head.y + 1
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 3) }
        let formHeight = min(rect.maxY - top, form.items.count + errors + 2)
        let formRect = Rect(x: rect.x, y: top, width: rect.width, height: max(0, formHeight))
        form.render(into: &buffer, rect: formRect, focused: true)
        var below = DashboardLines(rect: Rect(x: rect.x + 2, y: formRect.maxY, width: rect.width - 4,
                                              height: max(0, rect.maxY - formRect.maxY)))
        for note in editor.notes { below.add(note, style: .dim) }
        below.draw(into: &buffer)
    }
}

extension RuleEditor {
    func fieldID(for error: DomainError) -> String? { nil }
    func hint(for fieldID: String?) -> String? { nil }

    /// A choice among `options`, starting on `selected` (the first when absent).
    static func choice(_ id: String, _ label: String, _ options: [String], selected: Int?) -> FormItem {
        FormItem(id: id, label: label, field: .choice(ChoiceField(options, selected: selected ?? 0)))
    }

    static func description(_ text: String) -> FormItem {
        FormItem(id: "description", label: "Mô tả", field: .text(TextField(text, maxLength: 2000, visibleWidth: 60)))
    }
}
