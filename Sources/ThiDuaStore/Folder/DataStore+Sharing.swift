import Foundation
import ThiDuaDomain

/// Several programs editing one folder. On a local disk every program may write: each commit
/// takes the journal lock (`.journal.lock`, flock, released by the kernel if the program dies),
/// first reads and applies the lines others appended since it last looked, checks the change
/// against the state that now holds — including whether someone else replaced what the editor
/// was looking at — appends the next line of the chain, fsyncs and unlocks. Between commits,
/// `refresh` brings in what others wrote, for the screens.
extension DataStore {
    /// One line of the journal as seen by this program: what it replaced and who wrote it.
    struct JournalWrite {
        var seq: Int
        var keys: [ConflictKey]
        var user: String
        var host: String
        var time: String
        /// Written by this program (never a conflict with itself).
        var own: Bool
        /// The change as applied, for `recordsTouched(after:)`.
        var change: Change
    }

    // MARK: The write lock

    /// Takes the journal lock (re-entrant within this program) and applies what others wrote.
    /// Without a journal lock (the single-writer `.lock` mode, or read-only) nobody else writes.
    func beginWrite() throws(StoreFailure) {
        writeDepth += 1
        guard writeDepth == 1, let journalLock else { return }
        do {
            _ = try journalLock.lock(.exclusive, wait: true)
            try absorb(journal.follow(underWriteLock: true))
        } catch {
            endWrite()
            throw StoreFailure(StoreFailure.message(for: error))
        }
    }

    func endWrite() {
        writeDepth -= 1
        if writeDepth == 0 { journalLock?.unlock() }
    }

    /// Runs `body` holding the journal lock, with everything others wrote applied first.
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        try beginWrite()
        defer { endWrite() }
        return try body()
    }

    // MARK: Following others

    /// Brings in what other programs wrote since this one last looked: one `stat` when nothing
    /// is new. Returns the lines applied since the last call (here or during a commit), oldest
    /// first, for the status line. Never blocks on another program's commit for long: a reader
    /// waits only for the one append in progress.
    public func refresh() throws(StoreFailure) -> [AuditEntry] {
        if writeDepth == 0, journal.hasNewLines() {
            do {
                if let journalLock { _ = try journalLock.lock(.shared, wait: true) }
                defer { if writeDepth == 0 { journalLock?.unlock() } }
                try absorb(journal.follow(underWriteLock: false))
            } catch {
                throw StoreFailure(StoreFailure.message(for: error))
            }
        }
        defer { arrivals = [] }
        return arrivals
    }

    /// Applies lines others appended. When they checkpointed meanwhile, the files hold the state
    /// at `rotatedAt`, which this program passes through on the way: it notes it, so its own
    /// next checkpoint writes exactly the files that differ from what is on disk.
    func absorb(_ follow: JournalFollow<JournalPayload>) throws {
        notices += follow.problems.map(\.message)
        if follow.filesUnknown { try forgetWhatTheFilesHold() }
        if let rotatedAt = follow.rotatedAt, rotatedAt == appliedSeq { try noteCheckpointByOther(at: rotatedAt) }
        // When the other program checkpointed at a line still to be applied, the snapshot of the
        // files is replaced there: let go of the old one now, before applying.
        let replacesSnapshot = follow.rotatedAt.map { $0 > appliedSeq } ?? false
        if replacesSnapshot { letGoOfSnapshot() }
        defer {
            // Stopped short of that line (an error below): the files are unknown.
            if replacesSnapshot && checkpointSeq != follow.rotatedAt { try? forgetWhatTheFilesHold() }
        }
        // Lines written in the same second carry the same time: read once for all of them.
        var lastTime: (text: String, date: Date?)?
        for entry in follow.entries {
            if let restore = entry.payload.restore {
                throw StoreFailure("\(FolderLayout.journal), thay đổi số \(entry.seq): dữ liệu vừa được khôi phục từ «\(restore.backup)» (\(entry.user)@\(entry.host)). Hãy đóng chương trình rồi mở lại.")
            }
            if lastTime?.text != entry.time { lastTime = (entry.time, Timestamp.date(entry.time)) }
            let when = lastTime?.date ?? clock.now()
            do {
                _ = try dataset.applyInPlace(entry.payload.change, context: ChangeContext(clock: FixedClock(when), user: entry.user))
            } catch {
                access = .readOnly(holder: "Dữ liệu trong bộ nhớ không còn khớp với \(FolderLayout.journal).")
                throw StoreFailure("\(FolderLayout.journal), thay đổi số \(entry.seq) (\(entry.time), \(entry.user)@\(entry.host)) không áp dụng được: \(error.message) Hãy đóng chương trình rồi mở lại.")
            }
            appliedSeq = entry.seq
            changesSinceCheckpoint += 1
            writeLog.append(JournalWrite(seq: entry.seq, keys: entry.payload.change.conflictKeys, user: entry.user,
                                         host: entry.host, time: entry.time, own: false, change: entry.payload.change))
            arrivals.append(AuditEntry(entry))
            if entry.seq == follow.rotatedAt { try noteCheckpointByOther(at: entry.seq) }
        }
    }

    private func noteCheckpointByOther(at seq: Int) throws {
        checkpointed = dataset
        writtenCheckpointSeq = seq
        checkpointSeq = seq
        changesSinceCheckpoint = 0
        pendingRewrite = []
        // The other program wrote the files: what this one knew of them (to skip hashing for a
        // backup, to empty a file no record needs any more) is out of date.
        knownMembers = [:]
        filesOnDisk = Set(try CollectionFile.list(folder: folder, fileSystem: fileSystem))
    }

    /// Drops the snapshot of what the files hold, when a newer one will be taken further on. Kept,
    /// it would share the dataset's collections: the first line applied would copy every
    /// collection it touches, and the snapshot would be freed when replaced — at province scale
    /// (90,000 sheets) that took longer than applying a thousand lines. In its place: the same
    /// settings and no records, with every file to be rewritten, which is what the next
    /// checkpoint does if the new snapshot is somehow not taken.
    private func letGoOfSnapshot() {
        checkpointed = Dataset(settings: dataset.settings, categories: dataset.categories,
                               criteriaGroups: dataset.criteriaGroups, catalog: dataset.catalog, rules: dataset.rules)
        pendingRewrite = filesOnDisk
        writtenCheckpointSeq = -1
        knownMembers = [:]
    }

    /// When it is not known at which line another program checkpointed, the next checkpoint
    /// rewrites every file: slower, never wrong.
    private func forgetWhatTheFilesHold() throws {
        filesOnDisk = Set(try CollectionFile.list(folder: folder, fileSystem: fileSystem))
        pendingRewrite = DatasetCodec.fileNames(of: dataset).union(filesOnDisk)
        writtenCheckpointSeq = -1
        knownMembers = [:]
    }

    /// The last guard before the collection files are rewritten: the dataset must hold exactly
    /// the journal up to its tip, with nothing in `history/` beyond it.
    func checkHoldingTheWholeJournal() throws {
        let tip = try journal.currentTip().seq
        let archived = try journal.segments().last?.lastSeq ?? 0
        guard tip == appliedSeq, archived <= appliedSeq else {
            throw StoreFailure("dữ liệu trong bộ nhớ (đến thay đổi số \(appliedSeq)) không khớp với nhật ký (đến số \(max(tip, archived))); không ghi gì. Hãy đóng chương trình rồi mở lại.")
        }
    }

    // MARK: Conflicts

    /// The latest line by someone else, after `base`, that replaced something `change` replaces.
    func conflict(for change: Change, since base: Int) -> (write: JournalWrite, key: ConflictKey)? {
        let keys = change.conflictKeys
        guard !keys.isEmpty else { return nil }
        for write in writeLog.reversed() {
            if write.seq <= base { break }
            guard !write.own else { continue }
            if let key = keys.first(where: { mine in write.keys.contains { mine.overlaps($0) } }) {
                return (write, key)
            }
        }
        return nil
    }
}
