import Foundation
import ThiDuaDomain

/// The data folder, open: the dataset in memory, every edit made durable in the journal
/// before it counts, and checkpoints that rewrite the collection files safely.
///
/// Several programs may edit one folder on a local disk, one commit at a time under the
/// journal lock (see `DataStore+Sharing.swift`). On a network file system, where locks cannot
/// be trusted, there is one writer (the `.lock` file) and the others open read-only.
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
    /// The single-writer lock, on a network file system only.
    var lock: FolderLock?
    /// The commit lock, on a local disk (nil in the single-writer mode).
    var journalLock: (any LockFile)?
    /// Held shared while this program edits the folder; `restore` needs it exclusive.
    var folderLock: (any LockFile)?
    /// How deep `beginWrite` calls are nested (the journal lock is taken once).
    var writeDepth = 0
    /// The journal position the dataset holds: every line up to it is applied.
    public internal(set) var appliedSeq: Int
    /// The lines applied since this program opened the folder, own and others', for the
    /// conflict check.
    var writeLog: [JournalWrite] = []
    /// Lines of others applied and not yet handed to `refresh`'s caller.
    var arrivals: [AuditEntry] = []
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
        self.appliedSeq = checkpointSeq
    }

    deinit {
        _ = try? lock?.release()
        journalLock?.close()
        folderLock?.close()
    }

    public var isReadOnly: Bool { access != .readWrite }

    /// The context edits are validated in: this user, this clock.
    public var context: ChangeContext { ChangeContext(clock: clock, user: identity.user) }

    func path(_ relative: String) -> String { FilePath.join(folder, relative) }

    // MARK: Editing

    /// Validates and applies `change`, then writes it to the journal and fsyncs.
    /// When this returns, the edit is durable; the screen may say "Đã lưu".
    ///
    /// What others wrote is applied first. `base` is the journal position the editor's view
    /// was taken at (`appliedSeq` when the form opened): if someone else has since replaced
    /// what this change replaces, it is refused with their name and time. Added records whose
    /// code was taken meanwhile get the next free one (the returned change says which).
    @discardableResult
    public func commit(_ change: Change, base: Int? = nil) throws(CommitError) -> AppliedChange {
        if case .readOnly(let holder) = access { throw CommitError.readOnly(holder: holder) }
        do {
            try beginWrite()
        } catch {
            throw CommitError.io(error.message)
        }
        defer { endWrite() }
        if let base, let (write, key) = conflict(for: change, since: base) {
            throw CommitError.conflict(what: key.description, user: write.user, host: write.host,
                                       time: Timestamp.localFields(write.time)?.clock ?? write.time)
        }
        let change = change.withFreeCodes(in: dataset).change
        let summary = change.normalised().summary(in: dataset)
        // Edit the store's dataset in place: nobody else holds it, so its collections are
        // not copied and the cost does not grow with the size of the data.
        let applied: (change: Change, inverse: Change)
        do {
            applied = try dataset.applyInPlace(change, context: context)
        } catch {
            throw CommitError.invalid(error)
        }
        let payload = JournalPayload(change: applied.change, inverse: applied.inverse, summary: summary, base: base)
        let time = Timestamp.string(clock.now())
        do {
            let entry = try journal.append(payload: payload, time: time, user: identity.user, host: identity.host)
            appliedSeq = entry.seq
            writeLog.append(JournalWrite(seq: entry.seq, keys: applied.change.conflictKeys, user: identity.user,
                                         host: identity.host, time: time, own: true, change: applied.change))
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
            journalLock?.close()
            journalLock = nil
            folderLock?.close()
            folderLock = nil
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
