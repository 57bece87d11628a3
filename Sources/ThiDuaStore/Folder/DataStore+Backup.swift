import Foundation
import ThiDuaDomain

extension DataStore {
    var backupFolder: BackupFolder {
        BackupFolder(path: path(FolderLayout.backupsFolder), keep: options.backupsKept, fileSystem: fileSystem)
    }

    func hasBackup() -> Bool {
        !((try? backupFolder.list()) ?? []).isEmpty
    }

    /// Backs up the collection files as the last checkpoint wrote them: a manifest in
    /// `backups/` naming one member per file, of which only those not kept yet are copied.
    @discardableResult
    func makeBackup() throws -> String {
        var members: [BackupMember] = []
        for name in filesOnDisk.sorted() {
            if let known = knownMembers[name] {
                members.append(known)
                continue
            }
            let file = path(name)
            let bytes = try fileSystem.readFile(file)
            members.append(BackupMember(path: name, bytes: bytes, modified: try fileSystem.status(file).modificationTime))
        }
        let backups = ManifestBackups(dataFolder: folder, folder: backupFolder, fileSystem: fileSystem)
        let made = try backups.create(members: members, checkpointSeq: writtenCheckpointSeq, date: clock.now(),
                                      created: Timestamp.string(clock.now()))
        for member in made.members { knownMembers[member.path] = member }
        return made.path
    }

    /// On open: the members of the newest manifest that still describe the files, i.e. it was
    /// taken at the journal position the files hold and each file has the member's size and
    /// modification time. Any other file is read and hashed at the next backup.
    func trustedMembers() -> [String: BackupMember] {
        guard let newest = try? backupFolder.manifests().last,
              let manifest = try? BackupManifest.read(newest, fileSystem: fileSystem),
              manifest.checkpointSeq == writtenCheckpointSeq
        else { return [:] }
        var trusted: [String: BackupMember] = [:]
        for member in manifest.members where filesOnDisk.contains(member.path) && !pendingRewrite.contains(member.path) {
            guard let status = try? fileSystem.status(path(member.path)),
                  status.size == member.size, status.modificationTime == member.modified else { continue }
            trusted[member.path] = member
        }
        return trusted
    }

    /// Checkpoints and backs up now; returns the manifest's path.
    public func backupNow() throws(StoreFailure) -> String {
        // One hold of the journal lock: nobody checkpoints between these files and the copy.
        try beginWrite()
        defer { endWrite() }
        try checkpoint(backup: false)
        do {
            return try makeBackup()
        } catch {
            throw StoreFailure("Không tạo được bản sao lưu: \(StoreFailure.message(for: error))")
        }
    }

    /// Checkpoints and writes one standalone zip of the data to `target` (to carry away);
    /// `restore` accepts it. Never overwrites an existing file.
    public func fullBackup(to target: String) throws(StoreFailure) {
        try beginWrite()
        defer { endWrite() }
        try checkpoint(backup: false)
        do {
            try BackupArchiver(folder: folder, backupsFolder: path(FolderLayout.backupsFolder), fileSystem: fileSystem)
                .writeZip(of: filesOnDisk.sorted(), to: target, date: clock.now())
        } catch {
            throw StoreFailure("Không tạo được bản sao lưu đầy đủ: \(StoreFailure.message(for: error))")
        }
    }

    /// A backup named by the user: the path as given, or else the name inside `backups/`.
    public func backupPath(_ given: String) -> String {
        if fileSystem.exists(given) || given.contains("/") { return given }
        let inFolder = FilePath.join(path(FolderLayout.backupsFolder), given)
        return fileSystem.exists(inFolder) ? inFolder : given
    }
}
