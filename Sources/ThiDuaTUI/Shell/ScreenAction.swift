import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// The outcome of a commit, as the screen that asked for it receives it.
public typealias CommitResult = Result<AppliedChange, CommitError>

/// What a screen asks the app to do. `Message` is the screen's own enum of results: whatever
/// the app learns by doing it — a commit's outcome, a dialog's answer, a file read, what a form
/// opened from here saved — comes back to the same screen as one of its messages, through
/// `Screen.update(_:session:)`. A reply is a function from the result to the message
/// (`.confirm(dialog) { .removeAnswered(id, $0) }`); the app binds it to the screen that asked,
/// so a result never reaches whatever screen happens to be on top.
public enum ScreenAction<Message> {
    /// Open a screen on top of this one.
    case push(any Screen)
    /// Open a screen that answers (a form, a picker): made by `present(_:reply:)`.
    case presentAnswering(any Screen, reply: (Any) -> Message?)
    /// Close this screen, handing its answer to the screen that opened it with `present`:
    /// made by `AnsweringScreen.answer(_:)`.
    case finish(answer: Any)
    /// Close this screen (and any above it).
    case pop
    /// Status-line message.
    case message(String)
    /// Commit a change through the store. Without a reply the app says «Đã lưu.» or why not.
    case commit(Change, reply: ((CommitResult) -> Message)?)
    /// Ask a question; the chosen button's index (nil: dismissed with Esc) comes back.
    case confirm(Dialog, reply: (Int?) -> Message)
    /// Read and check a CSV or Excel file for import, its duplicate rows decided by `duplicates`.
    case planImport(CSVImport.Table, path: String, duplicates: CSVImport.DuplicateChoices,
                    reply: (Result<CSVImport.Plan, ImportFailure>) -> Message)
    /// Read the audit trail.
    case loadAuditTrail(reply: (Result<AuditTrail, StoreFailure>) -> Message)
    /// Read the plan's default criteria sets and categories (what a new folder starts with).
    case loadPlanDefaults(reply: (Result<Dataset, StoreError>) -> Message)
    /// Write a document to a file.
    case saveDocument(DocumentSaveJob, reply: (Result<SavedDocument, DocumentOutputError>) -> Message)
    /// Print a document.
    case printDocument(DocumentPrintJob, reply: (Result<PrintOutcome, DocumentOutputError>) -> Message)
    /// Print certificates on their blanks' paper.
    case printCertificates(CertificatePrintJob, reply: (Result<PrintOutcome, DocumentOutputError>) -> Message)

    /// Commit a change; the app reports the outcome on the status line.
    public static func commit(_ change: Change) -> Self { .commit(change, reply: nil) }

    /// Opens `child`; what it answers comes back as `reply(answer)`.
    public static func present<Child: AnsweringScreen>(_ child: Child, reply: @escaping (Child.Answer) -> Message) -> Self {
        .presentAnswering(child, reply: { ($0 as? Child.Answer).map(reply) })
    }
}

/// A screen that ends with an answer for the screen that opened it: the id a form saved, the
/// subject a picker chose.
public protocol AnsweringScreen: Screen {
    associatedtype Answer
}

extension AnsweringScreen {
    /// Closes this screen and hands `answer` to the screen that opened it.
    public func answer(_ answer: Answer) -> Action { .finish(answer: answer) }
}
