import Foundation
import ThiDuaDomain

extension DataStore {
    /// Writes the dataset into the collection files and starts a fresh journal.
    ///
    /// Only files whose records differ from what was last written (or read) are encoded.
    /// Two phases, so a crash at any moment leaves either the old files plus the journal, or
    /// the new files: (1) every changed file is written to `<name>.checkpoint` and fsync'd;
    /// (2) `checkpoint.json` names them (atomically) — the commit point; (3) each is renamed
    /// over its target; (4) the manifest is removed. On open, a manifest means "finish step 3".
    /// `thidua.json` carries the journal position the files now hold, so replay never applies
    /// an edit twice. Then the journal moves to `history/` and, if asked, a backup is zipped.
    ///
    /// Under the journal lock, after applying what others wrote: the files then hold every line
    /// up to the tip, and the lines rotated to `history/` are exactly those (others following
    /// the journal find the rest there).
    public func checkpoint(backup: Bool) throws(StoreFailure) {
        if case .readOnly(let holder) = access { throw StoreFailure("Chỉ đọc: \(holder)") }
        try beginWrite()
        defer { endWrite() }
        do {
            try checkHoldingTheWholeJournal()
            let tip = try journal.currentTip()
            let seq = max(tip.seq, checkpointSeq)
            let changed = try filesToWrite(for: dataset, seq: seq)
            if !changed.isEmpty { try writeTwoPhase(changed) }
            noteWritten(changed, holding: dataset, seq: seq)
            try journal.rotate()
            changesSinceCheckpoint = 0
            if backup && (!changed.isEmpty || !hasBackup()) {
                try makeBackup()
            }
        } catch {
            throw StoreFailure("Chưa ghi được các tệp dữ liệu: \(StoreFailure.message(for: error))")
        }
    }

    /// What to write so that the files hold `target` at journal position `seq`: each file whose
    /// records differ from what was last written (or that was normalised when read),
    /// `thidua.json` when the position moves, and, emptied, the file of a year or period that
    /// no longer has records. Sorted by path.
    func filesToWrite(for target: Dataset, seq: Int) throws -> [(String, Data)] {
        var names = DatasetCodec.changedFiles(from: checkpointed, to: target).union(pendingRewrite)
        if seq != writtenCheckpointSeq { names.insert(FolderLayout.settings) }
        let files = try DatasetCodec.encode(target, header: .init(checkpointSeq: seq), only: names)
        var changed = Array(files)
        for name in names where files[name] == nil && filesOnDisk.contains(name) {
            changed.append((name, Data("[]\n".utf8)))
        }
        return changed.sorted { $0.0 < $1.0 }
    }

    /// After `files` are in place: the files now hold `target` at `seq`, and each written file's
    /// digest is known for the next backup (hashed from the bytes in hand, not read back).
    func noteWritten(_ files: [(String, Data)], holding target: Dataset, seq: Int) {
        for (name, bytes) in files where name != FolderLayout.journal {
            filesOnDisk.insert(name)
            let modified = (try? fileSystem.status(path(name)).modificationTime) ?? 0
            knownMembers[name] = BackupMember(path: name, bytes: bytes, modified: modified)
        }
        checkpointed = target
        writtenCheckpointSeq = seq
        pendingRewrite = []
        checkpointSeq = seq
    }

    func writeTwoPhase(_ files: [(String, Data)]) throws {
        let permissions = StorePermissions.filePermissions(forFolder: folder, fileSystem: fileSystem)
        for (name, data) in files {
            try DataStore.ensureParent(of: name, in: folder, fileSystem: fileSystem)
            let staged = path(name) + CheckpointManifest.stagedSuffix
            if fileSystem.exists(staged) { try fileSystem.remove(staged) }
            try fileSystem.createExclusive(staged, contents: [UInt8](data), permissions: permissions)
        }
        for directory in Set(files.map { FilePath.parent(path($0.0)) }) {
            try fileSystem.syncDirectory(directory)
        }
        let manifest = CheckpointManifest(files: files.map(\.0))
        try fileSystem.atomicWrite(try StoreFormat.encode(manifest), to: path(FolderLayout.checkpointManifest),
                                   permissions: permissions)
        try DataStore.completeCheckpoint(manifest, folder: folder, fileSystem: fileSystem)
    }

    /// Renames the staged files into place and removes the manifest (idempotent).
    static func completeCheckpoint(_ manifest: CheckpointManifest, folder: String,
                                   fileSystem: any FileSystem) throws {
        var directories = Set<String>()
        for name in manifest.files {
            let target = FilePath.join(folder, name)
            let staged = target + CheckpointManifest.stagedSuffix
            if fileSystem.exists(staged) {
                try fileSystem.rename(staged, to: target)
                directories.insert(FilePath.parent(target))
            }
        }
        for directory in directories { try fileSystem.syncDirectory(directory) }
        try fileSystem.remove(FilePath.join(folder, FolderLayout.checkpointManifest))
        try fileSystem.syncDirectory(folder)
    }

    /// On open: a manifest means the new files were all durable, so finish moving them in;
    /// staged files without a manifest belong to a checkpoint that never committed: drop them.
    static func finishInterruptedCheckpoint(folder: String, fileSystem: any FileSystem) throws {
        let manifestPath = FilePath.join(folder, FolderLayout.checkpointManifest)
        if fileSystem.exists(manifestPath) {
            let manifest: CheckpointManifest = try DatasetCodec.decode(Data(try fileSystem.readFile(manifestPath)),
                                                                      file: FolderLayout.checkpointManifest)
            try completeCheckpoint(manifest, folder: folder, fileSystem: fileSystem)
        }
        for directory in [folder] + FolderLayout.collectionFolders.map({ FilePath.join(folder, $0) })
        where fileSystem.isDirectory(directory) {
            for name in try fileSystem.listDirectory(directory) where name.hasSuffix(CheckpointManifest.stagedSuffix) {
                try fileSystem.remove(FilePath.join(directory, name))
            }
        }
    }
}

/// `checkpoint.json`: the files a checkpoint is moving into place.
struct CheckpointManifest: Codable, Equatable {
    static let stagedSuffix = ".checkpoint"
    var files: [String]
}
