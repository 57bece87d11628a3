import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// One screen of the program (home, unit list, a form …). The app keeps a stack of
/// them; the top one gets the keys and draws the body between the title bar and the
/// status line. Screens never do I/O: they return `ScreenAction`s, the app runs them, and
/// what they ask to learn comes back to them as their own `Message`s.
public protocol Screen: AnyObject {
    /// The screen's own results (a commit's outcome, a dialog's answer …): see `ScreenAction`.
    /// A screen that asks for none leaves it `Never`.
    associatedtype Message = Never
    typealias Action = ScreenAction<Message>

    /// Shown in the title bar, e.g. "Đơn vị".
    var title: String { get }
    /// The command context of this screen (its keys, F-key bar and help).
    var context: CommandContext { get }
    /// True while a text input has focus, so printable keys are typed into it rather
    /// than taken as commands ("q" in a name is a letter, not Quit).
    var isEditingText: Bool { get }
    /// Input that backing out or quitting would throw away.
    var hasUnsavedInput: Bool { get }
    /// A form or step that only exists to change data. On a read-only copy the app never
    /// opens it (see `ThiDuaApp.apply`), so nobody types a whole form that cannot be saved.
    var changesData: Bool { get }
    /// A mode shown in the status line ("TÌM", "SỬA"), if any.
    var mode: String? { get }
    /// A hint for the status line when there is no message (e.g. the focused item's text).
    var hint: String? { get }
    /// The journal position of what an edit in progress started from (a grid cell being typed),
    /// when the screen knows better than the app (see `ThiDuaApp.base(for:)`).
    var editBase: Int? { get }
    /// Whether typing `character` goes into what has focus although no text field is open (a
    /// digit typed on a score cell opens it with that digit). Such characters are text, not
    /// keys: they need no command, and the screen's hint says so.
    func acceptsTyping(_ character: Character) -> Bool

    /// A key no command took. Return nil when the screen does not use it (the app then
    /// treats Esc as "back").
    func handle(_ key: Key, session: Session) -> [Action]?
    /// A command of this screen's context was invoked (by its key or the palette).
    func run(_ command: Command, session: Session) -> [Action]
    /// A result this screen asked for, as its own message.
    func update(_ message: Message, session: Session) -> [Action]
    /// The screen was just opened: loading to do for it (the audit trail).
    func opened(session: Session) -> [Action]
    /// The data changed (this screen's commit, an undo, another screen's edit):
    /// rebuild lists from `session.data`.
    func dataChanged(session: Session)
    /// Loading to do after the data changed, for the top screen when it shows something
    /// read from the folder rather than from `session.data` (the audit trail).
    func actionsAfterDataChange(session: Session) -> [Action]
    /// The Telex switch changed: give text fields the new transform.
    func inputTransformChanged(_ transform: TextField.InputTransform?)
    /// The screen's rect, given by the app after every key, effect or arrival that may have
    /// changed the screen, and on resize: the one place to fit what depends on the room —
    /// a table's page for PgUp/PgDn, lines wrapped to the width, the scroll that keeps the
    /// focus in view.
    func layout(_ rect: Rect, session: Session)
    /// Draws the screen as `layout` left it, and changes nothing: drawing twice, or not at
    /// all, leaves the screen as it was (`RenderPurityTests`).
    func render(into buffer: inout Buffer, rect: Rect, session: Session)
}

extension Screen {
    public var isEditingText: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public var changesData: Bool { false }
    public var mode: String? { nil }
    public var hint: String? { nil }
    public var editBase: Int? { nil }
    public func acceptsTyping(_ character: Character) -> Bool { false }
    public func run(_ command: Command, session: Session) -> [Action] { [] }
    public func opened(session: Session) -> [Action] { [] }
    public func dataChanged(session: Session) {}
    public func actionsAfterDataChange(session: Session) -> [Action] { [] }
    public func inputTransformChanged(_ transform: TextField.InputTransform?) {}
    public func layout(_ rect: Rect, session: Session) {}
}

extension Screen where Message == Never {
    public func update(_ message: Never, session: Session) -> [Action] {}
}

/// A screen whose commands are a `CommandSet`: the registry's command comes back as the
/// screen's own case, and its context is the set's.
public protocol CommandScreen: Screen {
    associatedtype Commands: CommandSet
    /// One of this screen's commands was invoked (by its key or the palette).
    func perform(_ command: Commands, session: Session) -> [Action]
}

extension CommandScreen {
    /// What the app's registry holds of this screen (`ThiDuaApp.allCommands`).
    public static var commands: [Command] { Commands.commands }
    public var context: CommandContext { Commands.context }
    public func run(_ command: Command, session: Session) -> [Action] {
        Commands(command).map { perform($0, session: session) } ?? []
    }
}
