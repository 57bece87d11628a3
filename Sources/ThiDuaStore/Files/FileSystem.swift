/// The file operations the store needs, and nothing more.
///
/// Everything the store does to disk goes through this protocol so that tests can swap in
/// a faulty one (`FaultyFileSystem` in the test support target) and prove that a full disk or an
/// I/O error never costs data. Every method throws `FileSystemError` (path, operation, errno)
/// and nothing else.
///
/// Paths are plain POSIX path strings; relative paths are relative to the process's working
/// directory. Composite operations (atomic rewrite, append-and-sync) are built in extensions
/// from these primitives, so a fault injected into a primitive reaches every caller.
public protocol FileSystem: Sendable {
    /// The whole contents of a regular file.
    func readFile(_ path: String) throws -> [UInt8]

    /// Up to `count` bytes starting at `offset` (fewer at end of file).
    func readFile(_ path: String, offset: Int, count: Int) throws -> [UInt8]

    /// Whether anything (file, directory, …) exists at `path`.
    func exists(_ path: String) -> Bool

    /// Size, permission bits, type and modification time of `path` (following symlinks).
    func status(_ path: String) throws -> FileStatus

    /// Names (not paths) of the entries of a directory, without "." and "..", in no particular order.
    func listDirectory(_ path: String) throws -> [String]

    /// Creates a directory with exactly `permissions` (not masked by the umask). With
    /// `intermediate`, missing parents are created too and an existing directory is not an error.
    func createDirectory(_ path: String, permissions: UInt32, intermediate: Bool) throws

    /// Opens a file for writing. The permissions apply only when the file is created and are
    /// exact (not masked by the umask).
    func openFile(_ path: String, mode: OpenMode, permissions: UInt32) throws -> any WritableFile

    /// Flushes a directory's entries (creations, renames, removals) to disk.
    func syncDirectory(_ path: String) throws

    /// Atomically renames `source` to `destination`, replacing a file that is there.
    func rename(_ source: String, to destination: String) throws

    /// Removes a file or an empty directory.
    func remove(_ path: String) throws

    /// Cuts a file to `size` bytes.
    func truncate(_ path: String, to size: Int) throws

    /// Sets the permission bits of `path`.
    func setPermissions(_ path: String, _ permissions: UInt32) throws

    /// Opens (creating if missing, with exact `permissions`) a file to take `flock` locks on.
    func openLock(_ path: String, permissions: UInt32) throws -> any LockFile

    /// What kind of file system `path` is on (`statfs`).
    func volumeKind(_ path: String) throws -> VolumeKind
}

/// How `FileSystem.openFile` opens a file.
public enum OpenMode: Sendable, Equatable {
    /// Create a new file; fail with EEXIST if the name is taken (O_CREAT|O_EXCL).
    case createExclusive
    /// Append to a file, creating it if missing (O_APPEND|O_CREAT).
    case append
}

/// An open file that accepts writes. Not shared between threads: its owner serialises access.
public protocol WritableFile: AnyObject {
    /// The path the file was opened with, for messages.
    var path: String { get }
    /// Writes all of `bytes` (retrying short writes and EINTR) or throws.
    func write(_ bytes: [UInt8]) throws
    /// Forces written bytes to stable storage (fsync).
    func sync() throws
    /// Closes the file; further calls do nothing.
    func close()
}

/// What `FileSystem.status` reports about a path.
public struct FileStatus: Sendable, Equatable {
    public var size: Int
    /// Permission bits including setuid/setgid/sticky (`st_mode & 0o7777`).
    public var permissions: UInt32
    public var isDirectory: Bool
    public var isRegularFile: Bool
    /// Modification time, seconds since 1970.
    public var modificationTime: Int
    /// Which file this is (device and inode): a name replaced by a rename names another file.
    public var fileID: FileID

    public init(size: Int, permissions: UInt32, isDirectory: Bool, isRegularFile: Bool, modificationTime: Int,
                fileID: FileID = FileID(device: 0, inode: 0)) {
        self.size = size
        self.permissions = permissions
        self.isDirectory = isDirectory
        self.isRegularFile = isRegularFile
        self.modificationTime = modificationTime
        self.fileID = fileID
    }

    /// The set-group-ID bit (S_ISGID).
    public var hasSetGroupID: Bool { permissions & 0o2000 != 0 }
}

/// A file's identity on its machine: device and inode.
public struct FileID: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// The operations named in `FileSystemError`, and the ones a test's faulty file system targets.
public enum FileOperation: String, Sendable, Equatable, CaseIterable {
    case read
    case status
    case listDirectory
    case createDirectory
    case open
    case write
    case sync
    case syncDirectory
    case rename
    case remove
    case truncate
    case setPermissions
    case lock
    case volume
}

extension FileSystem {
    /// The size in bytes of the file at `path`.
    public func fileSize(_ path: String) throws -> Int {
        try status(path).size
    }

    /// Appends `bytes` to `path` (creating it with `permissions` if missing) and fsyncs before
    /// returning. For many appends keep a `WritableFile` open instead (see `JournalFile`).
    public func appendAndSync(_ bytes: [UInt8], to path: String, permissions: UInt32 = 0o600) throws {
        let file = try openFile(path, mode: .append, permissions: permissions)
        defer { file.close() }
        try file.write(bytes)
        try file.sync()
    }

    /// Creates a new file with O_CREAT|O_EXCL, writes `bytes` and fsyncs it. Fails with EEXIST
    /// if the name is taken. The directory entry itself is not synced (see `syncDirectory`).
    public func createExclusive(_ path: String, contents bytes: [UInt8], permissions: UInt32 = 0o600) throws {
        let file = try openFile(path, mode: .createExclusive, permissions: permissions)
        do {
            try file.write(bytes)
            try file.sync()
            file.close()
        } catch {
            file.close()
            try? remove(path)
            throw error
        }
    }

    /// Whether `path` exists and is a directory.
    public func isDirectory(_ path: String) -> Bool {
        (try? status(path).isDirectory) ?? false
    }
}
