import ThiDuaDomain
import ThiDuaStore

/// What the screens need from the data folder: the current data, a durable commit and
/// the audit trail. `DataStore` is the real one; tests may use it over a temporary folder.
public protocol DataBackend: AnyObject {
    var dataset: Dataset { get }
    /// Who holds the folder when this program could only open it read-only.
    var readOnlyHolder: String? { get }
    var context: ChangeContext { get }
    /// The data folder; documents are saved beside it.
    var folder: String { get }
    /// Validates, applies and makes `change` durable; when it returns, the edit is saved.
    func commit(_ change: Change) throws(CommitError) -> AppliedChange
    func auditTrail() throws(StoreFailure) -> AuditTrail
}

extension DataStore: DataBackend {
    public var readOnlyHolder: String? {
        if case .readOnly(let holder) = access { return holder }
        return nil
    }
}
