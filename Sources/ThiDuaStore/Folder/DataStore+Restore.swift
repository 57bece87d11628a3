import Foundation
import ThiDuaDomain

extension DataStore {
    /// Replaces the data with a backup's content (a manifest in `backups/` or a zip from
    /// anywhere), after checking that it reads cleanly.
    ///
    /// One atomic, journaled operation:
    /// 1. the current state is checkpointed and backed up (the journal line names that backup);
    /// 2. the restored data's files, `thidua.json` at the restore's journal position and a new
    ///    journal holding only the restore line (backup name, content hash) are staged;
    /// 3. `checkpoint.json` naming them is the commit point, then they are moved into place.
    /// A crash before 3 leaves the old state (the staged files are dropped on open); after it,
    /// the open finishes the moves. Replay starts after the restore line, from the restored
    /// files, so it never needs the backup again.
    public func restore(from source: String) throws(StoreFailure) -> Dataset {
        if case .readOnly(let holder) = access { throw StoreFailure("Chỉ đọc: \(holder)") }
        try takeTheFolderAlone()
        defer { shareTheFolderAgain() }
        let archive = backupPath(source)
        let restored = try readBackup(archive)
        try beginWrite()
        defer { endWrite() }
        try checkpoint(backup: false)
        do {
            let before = try makeBackup()
            let name = FilePath.name(archive)
            let record = RestoreRecord(backup: name, contentHash: try DatasetCodec.contentHash(restored),
                                       previousStateBackup: FilePath.name(before))
            let note = Change.batch(label: "Khôi phục từ bản sao lưu \(name)", changes: [])
            let summary = "Khôi phục từ bản sao lưu «\(name)»; dữ liệu trước đó giữ trong «\(record.previousStateBackup)»."
            let seq = try journal.currentTip().seq + 1
            let line = try journal.nextLine(payload: JournalPayload(change: note, inverse: note, summary: summary, restore: record),
                                            time: Timestamp.string(clock.now()), user: identity.user, host: identity.host)
            let files = try filesToWrite(for: restored, seq: seq) + [(FolderLayout.journal, Data(line))]
            try writeTwoPhase(files)
            journal.forgetPosition()
            dataset = restored
            noteWritten(files, holding: restored, seq: seq)
            changesSinceCheckpoint = 0
            // Read the new journal (the restore line) so that following it starts after it.
            _ = try journal.read()
            appliedSeq = seq
        } catch {
            journal.forgetPosition()
            throw StoreFailure("Chưa khôi phục được từ «\(archive)»: \(StoreFailure.message(for: error)). Dữ liệu hiện tại giữ nguyên.")
        }
        return restored
    }

    /// A restore replaces everyone's data, so nobody else may have the folder open meanwhile;
    /// while it runs, programs that start open read-only.
    private func takeTheFolderAlone() throws(StoreFailure) {
        guard let folderLock else { return }
        let alone = (try? folderLock.lock(.exclusive, wait: false)) ?? false
        guard alone else {
            // A refused conversion drops the shared hold: take it back.
            _ = try? folderLock.lock(.shared, wait: true)
            throw StoreFailure("Chưa khôi phục: \(whoElseIsIn()). Mọi người cần thoát chương trình trước khi khôi phục; dữ liệu hiện tại giữ nguyên.")
        }
    }

    /// Who holds the folder besides this program, named from `sessions/` when they are there:
    /// «lan (may2) · Chấm điểm · từ 08:41 đang mở thư mục «…»». A writer without a session
    /// (`thidua apply`, `import`) is only known by its lock.
    private func whoElseIsIn() -> String {
        let others = (try? SessionRegistry.list(folder: folder, fileSystem: fileSystem)) ?? []
        guard !others.isEmpty else {
            return "còn một chương trình khác (thidua apply, import hoặc một phiên khác) đang mở thư mục «\(folder)»"
        }
        let today = context.today
        let named = others.map { $0.line(today: today) }.joined(separator: "; ")
        return "còn \(others.count == 1 ? "người khác" : "\(others.count) người khác") đang mở thư mục «\(folder)»: \(named)"
    }

    private func shareTheFolderAgain() {
        _ = try? folderLock?.lock(.shared, wait: true)
    }

    /// The dataset a backup holds, read from a scratch copy; nothing in the folder changes.
    private func readBackup(_ archive: String) throws(StoreFailure) -> Dataset {
        let scratch = path(".restore-\(identity.pid)")
        defer { try? removeTree(scratch) }
        do {
            try? removeTree(scratch)
            try fileSystem.createDirectory(scratch, permissions: 0o700, intermediate: true)
            if BackupName(fileName: FilePath.name(archive))?.kind == .manifest || archive.hasSuffix(".manifest.json") {
                try ManifestBackups.materialize(archive, into: scratch, fileSystem: fileSystem)
            } else {
                _ = try BackupArchiver(folder: folder, fileSystem: fileSystem).extract(archive, into: scratch)
            }
            return try DatasetLoader.load(folder: scratch, fileSystem: fileSystem).dataset
        } catch {
            throw StoreFailure("Bản sao lưu «\(archive)» không dùng được: \(StoreFailure.message(for: error)). Dữ liệu hiện tại giữ nguyên.")
        }
    }

    private func removeTree(_ directory: String) throws {
        guard fileSystem.exists(directory) else { return }
        if fileSystem.isDirectory(directory) {
            for name in try fileSystem.listDirectory(directory) {
                try removeTree(FilePath.join(directory, name))
            }
        }
        try fileSystem.remove(directory)
    }
}
