import Foundation
import ThiDuaDomain

extension DataStore {
    /// Opens (or on first use creates) the data folder: takes the lock, finishes an
    /// interrupted checkpoint, reads the files, replays the journal.
    ///
    /// A file that cannot be read stops the open with its name, line and reason; nothing
    /// is rewritten then. A torn last journal line is skipped and reported in `notices`.
    ///
    /// With `firstScreen`, the first screen can be drawn before the whole folder is read: see
    /// `FirstScreen`.
    public static func open(
        folder: String, options: OpenOptions = OpenOptions(), clock: any Clock = SystemClock(),
        identity: Identity = .current, fileSystem: any FileSystem = PosixFileSystem(),
        defaults: (() throws -> Dataset)? = nil, firstScreen: FirstScreen? = nil
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
        var shared: SharedLocks?
        var access = Access.readWrite
        let volume = (try? fileSystem.volumeKind(folder)) ?? .local
        if case .network(let name) = volume {
            // Locks cannot be trusted here: one writer, by the `.lock` file, as before.
            if options.readOnly {
                access = .readOnly(holder: "Mở ở chế độ chỉ đọc.")
            } else {
                switch try acquireLock(folder: folder, identity: identity, clock: clock, fileSystem: fileSystem) {
                case .acquired(let acquired):
                    lock = acquired
                case .heldBy(let text):
                    let why = "\(text) Thư mục nằm trên ổ mạng (\(name)), nơi khóa tệp không đáng tin, nên mỗi lúc chỉ một người được sửa."
                    guard options.allowReadOnly else { throw StoreFailure(why) }
                    access = .readOnly(holder: why)
                }
            }
        } else {
            let joined = try joinShared(folder: folder, readOnly: options.readOnly, fileSystem: fileSystem)
            shared = joined.locks
            if let refusal = joined.refusal {
                guard options.readOnly || options.allowReadOnly else { throw StoreFailure(refusal) }
                access = .readOnly(holder: refusal)
            } else if options.readOnly {
                access = .readOnly(holder: "Mở ở chế độ chỉ đọc.")
            }
        }

        // Read under the journal lock: no checkpoint is half done while the files are read.
        let writer = access == .readWrite
        do {
            if let journalLock = shared?.journal { _ = try journalLock.lock(writer ? .exclusive : .shared, wait: true) }
        } catch {
            throw StoreFailure("Không khóa được «\(FolderLayout.journalLock)»: \(StoreFailure.message(for: error))")
        }
        defer { shared?.journal.unlock() }
        do {
            if writer { try finishInterruptedCheckpoint(folder: folder, fileSystem: fileSystem) }
            let journalPath = FilePath.join(folder, FolderLayout.journal)
            let firstLook = firstScreen.map { screen in
                DatasetLoader.FirstLook(year: screen.year) { partial in
                    // Only when the journal adds nothing to the files: otherwise the screen would
                    // show what the replay is about to change.
                    guard ((try? fileSystem.fileSize(journalPath)) ?? 0) == 0 else { return }
                    screen.show(partial)
                }
            }
            let loaded = try DatasetLoader.load(folder: folder, fileSystem: fileSystem, firstLook: firstLook)
            let journal = JournalFile<JournalPayload>(
                path: FilePath.join(folder, FolderLayout.journal),
                historyFolder: FilePath.join(folder, FolderLayout.historyFolder), fileSystem: fileSystem)
            let store = DataStore(folder: folder, dataset: loaded.dataset, access: access, identity: identity,
                                  clock: clock, fileSystem: fileSystem, journal: journal, options: options, lock: lock,
                                  checkpointSeq: loaded.header.checkpointSeq, filesOnDisk: Set(loaded.files))
            store.pendingRewrite = loaded.normalisedFiles
            store.journalLock = shared?.journal
            store.folderLock = shared?.folder
            if writer { store.knownMembers = store.trustedMembers() }
            try store.replayJournal()
            return store
        } catch {
            _ = try? lock?.release()
            shared?.folder.close()
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
            // The lock files exist from the start, so that opening the folder creates nothing.
            for name in [FolderLayout.folderLock, FolderLayout.journalLock] {
                try fileSystem.openLock(FilePath.join(folder, name), permissions: permissions).close()
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
            appliedSeq = entry.seq
        }
        appliedSeq = max(appliedSeq, result.tip.seq)
    }

    /// The locks of a folder on a local disk, opened.
    struct SharedLocks {
        var folder: any LockFile
        var journal: any LockFile
    }

    /// Joins the folder's writers: the folder lock held shared for the whole session. Refused
    /// (read-only, with the sentence saying why) while an operation needs the folder alone, or
    /// while a program holds the single-writer `.lock` (one reaching the folder over the network).
    static func joinShared(folder: String, readOnly: Bool,
                           fileSystem: any FileSystem) throws(StoreFailure) -> (locks: SharedLocks, refusal: String?) {
        let permissions = StorePermissions.filePermissions(forFolder: folder, fileSystem: fileSystem)
        let locks: SharedLocks
        do {
            locks = SharedLocks(folder: try fileSystem.openLock(FilePath.join(folder, FolderLayout.folderLock), permissions: permissions),
                                journal: try fileSystem.openLock(FilePath.join(folder, FolderLayout.journalLock), permissions: permissions))
        } catch {
            throw StoreFailure("Không mở được tệp khóa trong «\(folder)»: \(StoreFailure.message(for: error))")
        }
        if readOnly { return (locks, nil) }
        if let holder = FolderLock.currentHolder(folder: folder, fileSystem: fileSystem),
           holder.host != LockHolder.currentHostName() || FolderLock.processExists(holder.pid) {
            return (locks, holder.description)
        }
        do {
            guard try locks.folder.lock(.shared, wait: false) else {
                return (locks, "Thư mục đang được khôi phục từ bản sao lưu (hoặc một việc khác cần dùng thư mục một mình); tạm thời chỉ đọc.")
            }
        } catch {
            throw StoreFailure("Không khóa được «\(FolderLayout.folderLock)»: \(StoreFailure.message(for: error))")
        }
        return (locks, nil)
    }
}

extension DataStore {
    /// Drawing the first screen while the folder is still being read. A province's score sheets
    /// of every year are most of its files, and the home screen shows one year's: `show` is
    /// called once, during `open`, with a dataset that holds every record except the score
    /// sheets of other years than `year(settings)`, when the files are all there is (the
    /// journal holds nothing to replay). It is for that one screen only: `open` returns the
    /// complete data as always, and nothing else ever sees the partial one. A folder with a
    /// problem may still fail to open after `show` was called.
    public struct FirstScreen {
        public var year: (Settings) -> Int
        public var show: (Dataset) -> Void

        public init(year: @escaping (Settings) -> Int, show: @escaping (Dataset) -> Void) {
            self.year = year
            self.show = show
        }
    }
}
