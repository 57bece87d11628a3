import ThiDuaDomain

/// A screen that edits one thing in a form and saves it as one change (a part of the settings,
/// a box of a certificate layout, one certificate's text): the keys, the save, the question
/// before closing and the answer to the commit are the same for each; a screen says only how
/// its fields make the change, and its own save command runs `saveChange(session)`.
public protocol ChangeFormScreen: CommandScreen, AnyObject where Message == FormMessage {
    var form: Form { get set }
    /// The change the fields ask for, nil when they ask for none; a field that does not read,
    /// or a rule the change breaks, throws its message.
    func draftChange(session: Session) throws(DomainError) -> Change?
    /// Asked before closing with unsaved input.
    var closeQuestion: String { get }
    /// Said once the change is on disk.
    var savedMessage: String { get }
}

extension ChangeFormScreen {
    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var changesData: Bool { true }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: closeQuestion) { saveChange(session) }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(.success): return [.pop, .message(savedMessage)]
        case .saved(.failure(let error)):
            form.show(error)
            return []
        }
    }

    /// The form under a bold heading on the first row; the second row is left to the screen
    /// (`RewardMoneyScreen` says there where the focused figure comes from).
    func renderForm(into buffer: inout Buffer, rect: Rect, heading: String) {
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2)),
                    focused: true)
    }

    /// The save command of every such form: checks the fields and commits the change.
    func saveChange(_ session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let change: Change?
        do { change = try draftChange(session: session) } catch {
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
        guard let change else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(change, reply: FormMessage.saved)]
    }
}
