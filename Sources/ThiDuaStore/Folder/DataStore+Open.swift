import Foundation
import ThiDuaDomain

extension DataStore {
    /// Opens (or on first use creates) the data folder: takes the lock, finishes an
    /// interrupted checkpoint, reads the files, replays the journal.
    ///
    /// A file that cannot be read stops the open with its name, line and reason; nothing
    /// is rewritten then. A torn last journal line is skipped and reported in `notices`.
    public static func open(
        folder: String, options: OpenOptions = OpenOptions(), clock: any Clock = SystemClock(),
        identity: Identity = .current, fileSystem: any FileSystem = PosixFileSystem(),
        defaults: (() throws -> Dataset)? = nil
    ) throws(StoreFailure) -> DataStore {
        let settingsPath = FilePath.join(folder, FolderLayout.settings)
        if !fileSystem.exists(settingsPath) {
            guard options.createIfMissing, !options.readOnly else {
                throw StoreFailure("Thư mục «\(folder)» chưa có dữ liệu (thiếu \(FolderLayout.settings)); hãy chạy «thidua init».")
            }
            let initial: Dataset
            do {
                initial = try defaults?() ?? Defaults.dataset()
            } catch {
                throw StoreFailure(StoreFailure.message(for: error))
            }
            try initialize(folder: folder, with: initial, fileSystem: fileSystem)
        }

        var lock: FolderLock?
        var access = Access.readWrite
        if options.readOnly {
            access = .readOnly(holder: "Mở ở chế độ chỉ đọc.")
        } else {
            switch try acquireLock(folder: folder, identity: identity, clock: clock, fileSystem: fileSystem) {
            case .acquired(let acquired):
                lock = acquired
            case .heldBy(let text):
                guard options.allowReadOnly else { throw StoreFailure(text) }
                access = .readOnly(holder: text)
            }
        }

        do {
            if lock != nil { try finishInterruptedCheckpoint(folder: folder, fileSystem: fileSystem) }
            let loaded = try DatasetLoader.load(folder: folder, fileSystem: fileSystem)
            let journal = JournalFile<JournalPayload>(
                path: FilePath.join(folder, FolderLayout.journal),
                historyFolder: FilePath.join(folder, FolderLayout.historyFolder), fileSystem: fileSystem)
            let store = DataStore(folder: folder, dataset: loaded.dataset, access: access, identity: identity,
                                  clock: clock, fileSystem: fileSystem, journal: journal, options: options, lock: lock,
                                  checkpointSeq: loaded.header.checkpointSeq, filesOnDisk: Set(loaded.files))
            store.pendingRewrite = loaded.normalisedFiles
            if lock != nil { store.knownMembers = store.trustedMembers() }
            try store.replayJournal()
            return store
        } catch {
            _ = try? lock?.release()
            if let failure = error as? StoreFailure { throw failure }
            throw StoreFailure(StoreFailure.message(for: error))
        }
    }

    /// Creates a new data folder holding `dataset` (refuses a folder that already has data).
    public static func initialize(folder: String, with dataset: Dataset,
                                  fileSystem: any FileSystem = PosixFileSystem()) throws(StoreFailure) {
        if fileSystem.exists(FilePath.join(folder, FolderLayout.settings)) {
            throw StoreFailure("Thư mục «\(folder)» đã có dữ liệu; không ghi đè. Hãy chọn thư mục khác hoặc dùng «thidua restore».")
        }
        do {
            try fileSystem.createDirectory(folder, permissions: 0o700, intermediate: true)
            let files = try DatasetCodec.encode(dataset, header: .init(checkpointSeq: 0))
            let permissions = StorePermissions.filePermissions(forFolder: folder, fileSystem: fileSystem)
            // thidua.json last: a folder is "initialised" only once every other file exists.
            for (name, data) in files.sorted(by: { $0.key < $1.key }) where name != FolderLayout.settings {
                try ensureParent(of: name, in: folder, fileSystem: fileSystem)
                try fileSystem.atomicWrite(data, to: FilePath.join(folder, name), permissions: permissions)
            }
            try fileSystem.atomicWrite(files[FolderLayout.settings]!, to: FilePath.join(folder, FolderLayout.settings),
                                       permissions: permissions)
        } catch {
            throw StoreFailure("Không tạo được thư mục dữ liệu «\(folder)»: \(StoreFailure.message(for: error))")
        }
    }

    static func ensureParent(of relative: String, in folder: String, fileSystem: any FileSystem) throws {
        let parts = relative.split(separator: "/")
        guard parts.count > 1 else { return }
        let directory = FilePath.join(folder, parts.dropLast().joined(separator: "/"))
        if !fileSystem.isDirectory(directory) {
            try fileSystem.createDirectory(
                directory, permissions: StorePermissions.directoryPermissions(inside: folder, fileSystem: fileSystem),
                intermediate: true)
        }
    }

    /// Applies the journal's entries that the files do not hold yet.
    func replayJournal() throws {
        let result = try journal.read()
        notices += result.problems.map(\.message)
        for entry in result.entries where entry.seq > checkpointSeq {
            if let restore = entry.payload.restore {
                // A restore's files are committed together with its line, so they always hold it.
                throw StoreFailure("\(FolderLayout.journal), thay đổi số \(entry.seq) là lần khôi phục từ «\(restore.backup)» nhưng các tệp dữ liệu chưa chứa nó (\(FolderLayout.settings) ghi đến số \(checkpointSeq)). Không áp dụng gì; hãy chạy lại «thidua restore \(restore.backup)».")
            }
            let when = Timestamp.date(entry.time) ?? clock.now()
            let replayContext = ChangeContext(clock: FixedClock(when), user: entry.user)
            do {
                dataset = try dataset.apply(entry.payload.change, context: replayContext).dataset
            } catch {
                throw StoreFailure("\(FolderLayout.journal), thay đổi số \(entry.seq) (\(entry.time), \(entry.user)) không áp dụng được: \(error.message)")
            }
            changesSinceCheckpoint += 1
        }
    }
}
