import ThiDuaDomain
import ThiDuaStore

/// What the screens may see of the data folder: the data and where it stands, read-only.
/// They ask for changes through effects (`ScreenAction.commit`); only the app holds the
/// `DataBackend` that makes them (see `Session`).
public protocol DataView: AnyObject {
    var dataset: Dataset { get }
    /// Who holds the folder when this program could only open it read-only.
    var readOnlyHolder: String? { get }
    /// The clock and user every change is checked with (a dry run, a plan of many changes).
    var context: ChangeContext { get }
    /// The data folder; documents are saved beside it.
    var folder: String { get }
    /// The journal position `dataset` holds: an editor's view taken now is based on it.
    var appliedSeq: Int { get }
    /// The records changed since position `seq` (see `DataStore.recordsTouched(after:)`); nil
    /// when unknown, and then a screen builds everything anew.
    func recordsTouched(after seq: Int) -> Set<RecordRef>?
}

/// The data folder as the app uses it: the view, a durable commit, what others wrote, and
/// the audit trail. `DataStore` is the real one; tests may use it over a temporary folder.
public protocol DataBackend: DataView {
    /// Validates, applies and makes `change` durable; when it returns, the edit is saved.
    /// With `base`, refused if someone else replaced what it replaces after that position.
    func commit(_ change: Change, base: Int?) throws(CommitError) -> AppliedChange
    /// Applies what other programs wrote since; the lines applied, oldest first.
    func refresh() throws(StoreFailure) -> [AuditEntry]
    func auditTrail() throws(StoreFailure) -> AuditTrail
}

extension DataStore: DataBackend {
    public var readOnlyHolder: String? {
        if case .readOnly(let holder) = access { return holder }
        return nil
    }
}
