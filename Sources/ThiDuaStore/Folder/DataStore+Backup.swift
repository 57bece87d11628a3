import Foundation
import ThiDuaDomain

extension DataStore {
    var archiver: BackupArchiver {
        BackupArchiver(folder: folder, backupsFolder: path(FolderLayout.backupsFolder),
                       keep: options.backupsKept, fileSystem: fileSystem)
    }

    func hasBackup() -> Bool {
        !((try? archiver.backups()) ?? []).isEmpty
    }

    /// Zips the collection files (as the last checkpoint wrote them) into `backups/`.
    @discardableResult
    func makeBackup() throws -> String {
        try archiver.createBackup(of: filesOnDisk.sorted(), date: clock.now())
    }

    /// Checkpoints and zips a backup now; returns the backup's path.
    public func backupNow() throws(StoreFailure) -> String {
        try checkpoint(backup: false)
        do {
            return try makeBackup()
        } catch {
            throw StoreFailure("Không tạo được bản sao lưu: \(StoreFailure.message(for: error))")
        }
    }

    /// Replaces the data with a backup's content, after checking that it reads cleanly.
    /// The current data is backed up first, and the restore is recorded in the audit trail.
    public func restore(from archive: String) throws(StoreFailure) -> Dataset {
        if case .readOnly(let holder) = access { throw StoreFailure("Chỉ đọc: \(holder)") }
        let scratch = path(".restore-\(identity.pid)")
        defer { try? removeTree(scratch) }
        let restored: Dataset
        do {
            try? removeTree(scratch)
            try fileSystem.createDirectory(scratch, permissions: 0o700, intermediate: true)
            _ = try archiver.extract(archive, into: scratch)
            restored = try DatasetLoader.load(folder: scratch, fileSystem: fileSystem).dataset
        } catch {
            throw StoreFailure("Bản sao lưu «\(archive)» không dùng được: \(StoreFailure.message(for: error)). Dữ liệu hiện tại giữ nguyên.")
        }
        try checkpoint(backup: true)
        let note = Change.batch(label: "Khôi phục từ bản sao lưu \(URL(fileURLWithPath: archive).lastPathComponent)", changes: [])
        do {
            try journal.append(payload: JournalPayload(change: note, inverse: note, summary: note.summary(in: dataset)),
                               time: Timestamp.string(clock.now()), user: identity.user, host: identity.host)
        } catch {
            throw StoreFailure(StoreFailure.message(for: error))
        }
        dataset = restored
        try checkpoint(backup: false)
        return restored
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
