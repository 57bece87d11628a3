import Foundation
import ThiDuaDomain

/// The data folder, open: the dataset in memory, every edit made durable in the journal
/// before it counts, and checkpoints that rewrite the collection files safely.
///
/// One writer per folder (the `.lock` file); a second program opens read-only or is refused.
/// Not thread-safe: one owner (the app's main actor or a CLI command) drives it.
public final class DataStore {
    public enum Access: Equatable, Sendable {
        case readWrite
        /// Somebody else holds the folder; `holder` says who, in Vietnamese.
        case readOnly(holder: String)
    }

    public struct OpenOptions: Sendable {
        /// Create the folder from the plan's defaults when it has no data yet.
        public var createIfMissing = true
        /// When another program holds the lock, open read-only instead of failing.
        public var allowReadOnly = false
        /// Open read-only even if the folder is free (e.g. `thidua check`, `export`).
        public var readOnly = false
        /// Rewrite the collection files after this many edits.
        public var checkpointEvery = 500
        /// Backups kept in `backups/`.
        public var backupsKept = 10

        public init(createIfMissing: Bool = true, allowReadOnly: Bool = false, readOnly: Bool = false) {
            self.createIfMissing = createIfMissing
            self.allowReadOnly = allowReadOnly
            self.readOnly = readOnly
        }
    }

    public let folder: String
    public internal(set) var dataset: Dataset
    public internal(set) var access: Access
    /// What was found and repaired or skipped on open (torn journal tail …), for the status line.
    public internal(set) var notices: [String] = []
    public let identity: Identity
    public let clock: any Clock

    let fileSystem: any FileSystem
    let journal: JournalFile<JournalPayload>
    let options: OpenOptions
    var lock: FolderLock?
    var checkpointSeq: Int
    var changesSinceCheckpoint = 0
    /// The dataset as the collection files hold it: a checkpoint rewrites only the files
    /// whose records differ from it.
    var checkpointed: Dataset
    /// The journal position `thidua.json` holds.
    var writtenCheckpointSeq: Int
    /// The collection files on disk (relative paths).
    var filesOnDisk: Set<String>
    /// Files to rewrite at the next checkpoint even if their records did not change (they
    /// were normalised when read).
    var pendingRewrite: Set<String> = []
    /// The backup member of each collection file as it is on disk, where known: a backup then
    /// costs only the files written since the last one.
    var knownMembers: [String: BackupMember] = [:]

    init(folder: String, dataset: Dataset, access: Access, identity: Identity, clock: any Clock,
         fileSystem: any FileSystem, journal: JournalFile<JournalPayload>, options: OpenOptions,
         lock: FolderLock?, checkpointSeq: Int, filesOnDisk: Set<String>) {
        self.folder = folder
        self.dataset = dataset
        self.checkpointed = dataset
        self.writtenCheckpointSeq = checkpointSeq
        self.filesOnDisk = filesOnDisk
        self.access = access
        self.identity = identity
        self.clock = clock
        self.fileSystem = fileSystem
        self.journal = journal
        self.options = options
        self.lock = lock
        self.checkpointSeq = checkpointSeq
    }

    deinit {
        _ = try? lock?.release()
    }

    public var isReadOnly: Bool { access != .readWrite }

    /// The context edits are validated in: this user, this clock.
    public var context: ChangeContext { ChangeContext(clock: clock, user: identity.user) }

    func path(_ relative: String) -> String { FilePath.join(folder, relative) }

    // MARK: Editing

    /// Validates and applies `change`, then writes it to the journal and fsyncs.
    /// When this returns, the edit is durable; the screen may say "Đã lưu".
    @discardableResult
    public func commit(_ change: Change) throws(CommitError) -> AppliedChange {
        if case .readOnly(let holder) = access { throw CommitError.readOnly(holder: holder) }
        let summary = change.normalised().summary(in: dataset)
        // Edit the store's dataset in place: nobody else holds it, so its collections are
        // not copied and the cost does not grow with the size of the data.
        let applied: (change: Change, inverse: Change)
        do {
            applied = try dataset.applyInPlace(change, context: context)
        } catch {
            throw CommitError.invalid(error)
        }
        let payload = JournalPayload(change: applied.change, inverse: applied.inverse, summary: summary)
        do {
            try journal.append(payload: payload, time: Timestamp.string(clock.now()),
                               user: identity.user, host: identity.host)
        } catch {
            // Not durable, so not done: take the edit back before anyone sees it.
            do {
                _ = try dataset.applyInPlace(applied.inverse, context: context)
            } catch {
                preconditionFailure("the inverse of an applied change must apply: \(error.message)")
            }
            throw CommitError.io(StoreFailure.message(for: error))
        }
        changesSinceCheckpoint += 1
        if changesSinceCheckpoint >= options.checkpointEvery {
            do {
                try checkpoint(backup: false)
            } catch {
                // The edit is already durable in the journal; the files catch up next time.
                notices.append("Chưa ghi lại được các tệp dữ liệu (sẽ thử lại): \(error.message)")
            }
        }
        return AppliedChange(dataset: dataset, change: applied.change, inverse: applied.inverse)
    }

    /// Checkpoints (with a backup) and releases the folder. Safe to call twice.
    public func close() throws(StoreFailure) {
        defer {
            _ = try? lock?.release()
            lock = nil
            journal.close()
        }
        if access == .readWrite && (changesSinceCheckpoint > 0 || fileSystem.exists(path(FolderLayout.journal))
                                    && (try? fileSystem.fileSize(path(FolderLayout.journal))) ?? 0 > 0) {
            try checkpoint(backup: true)
        }
        access = .readOnly(holder: "đã đóng")
    }

    // MARK: Audit trail

    /// Every recorded change, oldest first, from `history/` and the journal, and the
    /// problems found while reading them (a broken hash chain, a torn line …).
    public func auditTrail() throws(StoreFailure) -> AuditTrail {
        do {
            let result = try journal.readAuditTrail()
            return AuditTrail(entries: result.entries.map(AuditEntry.init), problems: result.problems.map(\.message))
        } catch {
            throw StoreFailure(StoreFailure.message(for: error))
        }
    }
}

/// One line of the audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var seq: Int
    public var time: String
    public var user: String
    public var host: String
    public var summary: String
    public var change: Change
    public var inverse: Change
    /// For a restore: the backup whose content replaced the data.
    public var restoredFrom: String?

    init(_ entry: JournalEntry<JournalPayload>) {
        seq = entry.seq
        time = entry.time
        user = entry.user
        host = entry.host
        summary = entry.payload.summary
        change = entry.payload.change
        inverse = entry.payload.inverse
        restoredFrom = entry.payload.restore?.backup
    }
}

public struct AuditTrail: Sendable {
    public var entries: [AuditEntry]
    public var problems: [String]
}

/// Why an edit was not saved. `message` is Vietnamese and names the cause.
public enum CommitError: Error, Equatable, Sendable {
    /// The change broke a rule; nothing was written.
    case invalid(DomainError)
    /// Writing failed (disk full, I/O error); nothing changed.
    case io(String)
    /// The folder is open read-only.
    case readOnly(holder: String)

    public var message: String {
        switch self {
        case .invalid(let error): return error.message
        case .io(let message): return "Chưa lưu được: \(message)"
        case .readOnly(let holder): return "Chỉ đọc: \(holder) Không sửa được dữ liệu."
        }
    }
}

/// A store operation that failed; `message` is Vietnamese and names the file.
public struct StoreFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public init(_ error: StoreError) { self.message = error.message }
    public var description: String { message }

    static func message(for error: Error) -> String {
        if let error = error as? StoreFailure { return error.message }
        if let error = error as? StoreError { return error.message }
        if let error = error as? any UserFacingError { return error.message }
        return "\(error)"
    }
}
