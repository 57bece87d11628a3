import ThiDuaDomain

/// A screen that edits one part of the settings in a form and saves it as one
/// `updateSettings` change (legal bases, council, reward money): the keys, the save, the
/// question before closing and the answer to the commit are the same for each; a screen says
/// only how its fields make the settings, and its own save command runs `saveSettings()`.
public protocol SettingsFormScreen: CommandScreen, AnyObject where Message == FormMessage {
    var form: Form { get set }
    /// The settings when the screen opened.
    var originalSettings: Settings { get }
    /// The settings as typed; a field that does not read throws its message.
    func draftSettings() throws(DomainError) -> Settings
    /// Asked before closing with unsaved input.
    var closeQuestion: String { get }
    /// Said once the change is on disk.
    var savedMessage: String { get }
}

extension SettingsFormScreen {
    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var changesData: Bool { true }
    public var hasUnsavedInput: Bool { (try? draftSettings()) != originalSettings }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: closeQuestion) { saveSettings() }
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

    /// The save command of every settings form: checks the fields and commits the settings.
    func saveSettings() -> [Action] {
        guard form.submit() else { return [] }
        let settings: Settings
        do { settings = try draftSettings() } catch {
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
        guard settings != originalSettings else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.updateSettings(settings: settings), reply: FormMessage.saved)]
    }
}
