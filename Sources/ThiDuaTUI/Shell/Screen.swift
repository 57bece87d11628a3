import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// One screen of the program (home, unit list, a form …). The app keeps a stack of
/// them; the top one gets the keys and draws the body between the title bar and the
/// status line. Screens never do I/O: they return `ScreenAction`s and the app runs them.
public protocol Screen: AnyObject {
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

    /// A key no command took. Return nil when the screen does not use it (the app then
    /// treats Esc as "back").
    func handle(_ key: Key, session: Session) -> [ScreenAction]?
    /// A command of this screen's context was invoked (by its key or the palette).
    func run(_ command: Command, session: Session) -> [ScreenAction]
    /// The result of a `.commit` this screen asked for.
    func didCommit(_ result: Result<AppliedChange, CommitError>, session: Session) -> [ScreenAction]
    /// The answer to a `.confirm` this screen asked for: the chosen button's index, or
    /// nil when the dialog was dismissed with Esc.
    func didAnswer(_ tag: String, button: Int?, session: Session) -> [ScreenAction]
    /// The result of an effect that loads something (audit trail, import file).
    func didLoad(_ result: LoadResult, session: Session) -> [ScreenAction]
    /// The data changed (this screen's commit, an undo, another screen's edit):
    /// rebuild lists from `session.data`.
    func dataChanged(session: Session)
    /// Loading to do after the data changed, for the top screen when it shows something
    /// read from the folder rather than from `session.data` (the audit trail).
    func actionsAfterDataChange(session: Session) -> [ScreenAction]
    /// The Telex switch changed: give text fields the new transform.
    func inputTransformChanged(_ transform: TextField.InputTransform?)
    func render(into buffer: inout Buffer, rect: Rect, session: Session)
}

extension Screen {
    public var isEditingText: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public var changesData: Bool { false }
    public var mode: String? { nil }
    public var hint: String? { nil }
    public var editBase: Int? { nil }
    public func run(_ command: Command, session: Session) -> [ScreenAction] { [] }
    public func didCommit(_ result: Result<AppliedChange, CommitError>, session: Session) -> [ScreenAction] {
        switch result {
        case .success: return [.message("Đã lưu.")]
        case .failure(let error): return [.message(error.message)]
        }
    }
    public func didAnswer(_ tag: String, button: Int?, session: Session) -> [ScreenAction] { [] }
    public func didLoad(_ result: LoadResult, session: Session) -> [ScreenAction] { [] }
    public func dataChanged(session: Session) {}
    public func actionsAfterDataChange(session: Session) -> [ScreenAction] { [] }
    public func inputTransformChanged(_ transform: TextField.InputTransform?) {}
}

/// A screen whose commands are a `CommandSet`: the registry's command comes back as the
/// screen's own case, and its context is the set's.
public protocol CommandScreen: Screen {
    associatedtype Commands: CommandSet
    /// One of this screen's commands was invoked (by its key or the palette).
    func perform(_ command: Commands, session: Session) -> [ScreenAction]
}

extension CommandScreen {
    /// What the app's registry holds of this screen (`ThiDuaApp.allCommands`).
    public static var commands: [Command] { Commands.commands }
    public var context: CommandContext { Commands.context }
    public func run(_ command: Command, session: Session) -> [ScreenAction] {
        Commands(command).map { perform($0, session: session) } ?? []
    }
}

/// What a screen asks the app to do.
public enum ScreenAction {
    case push(any Screen)
    case pop
    /// Status-line message.
    case message(String)
    /// Commit a change through the store; the result comes back in `didCommit`.
    case commit(Change)
    /// Ask a question; the answer comes back in `didAnswer` with `tag`.
    case confirm(Dialog, tag: String)
    /// Read and check a CSV or Excel file for import, its duplicate rows decided by `duplicates`;
    /// the plan comes back in `didLoad`.
    case planImport(CSVImport.Table, path: String, duplicates: CSVImport.DuplicateChoices)
    /// Read the audit trail; it comes back in `didLoad`.
    case loadAuditTrail
    /// Read the plan's default criteria sets (Resources/defaults); they come back in `didLoad`.
    case loadPlanDefaults
    /// Write a document to a file; the result comes back in `didLoad` as `.documentSaved`.
    case saveDocument(DocumentSaveJob)
    /// Print a document; the result comes back in `didLoad` as `.documentPrinted`.
    case printDocument(DocumentPrintJob)
}

/// Results of the loading effects.
public enum LoadResult {
    case importPlan(Result<CSVImport.Plan, ImportFailure>)
    case auditTrail(Result<AuditTrail, StoreFailure>)
    /// The dataset a new folder would start with: the plan's criteria sets and categories.
    case planDefaults(Result<Dataset, StoreError>)
    case documentSaved(Result<SavedDocument, DocumentOutputError>)
    case documentPrinted(Result<PrintOutcome, DocumentOutputError>)
}
