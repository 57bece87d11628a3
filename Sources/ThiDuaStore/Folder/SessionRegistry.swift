#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaDomain

/// Who else has a data folder open, robust to crashes.
///
/// Each running program keeps a pair of files in `sessions/`: `<id>.json` says who it is and
/// where (`SessionInfo`), and `<id>.lock` carries its exclusive `flock` for as long as the
/// session lives. The kernel drops that lock when the process ends, however it ends, so any
/// reader can tell a live session (lock held) from a crashed one (lock free) and remove the
/// latter's files. `join` takes the lock before it writes the info file, so a reader never
/// sees an info file whose lock is not yet held, and `SessionHandle.leave` removes the info
/// file first.
///
/// Locks are exact on a local disk; on a network file system they may not reach other
/// machines (`FileSystem.volumeKind`), and presence is then only as good as those locks.
public enum SessionRegistry {
    /// Files in `sessions/` that belong to no live session and are older than this are
    /// removed: a reader that crashed halfway through a cleanup, or a lock file whose joiner
    /// is between creating and locking it (microseconds, hence the margin).
    static let orphanAge = 60

    /// `<data folder>/sessions`.
    public static func sessionsFolder(in folder: String) -> String {
        FilePath.join(folder, FolderLayout.sessionsFolder)
    }

    /// Enters the folder as `identity`, on `screen` (a Vietnamese screen title): creates
    /// `sessions/` if needed, then `<id>.lock` with its exclusive lock held, then `<id>.json`.
    /// The session lasts until `leave()` or the handle's end; a crash ends it too.
    ///
    /// - Throws: `FileSystemError` when the files cannot be made (folder missing, read-only,
    ///   disk full); nothing of the attempt is left behind then.
    public static func join(folder: String, identity: Identity, screen: String,
                            fileSystem: any FileSystem = PosixFileSystem(),
                            clock: any Clock = SystemClock()) throws -> SessionHandle {
        let directory = sessionsFolder(in: folder)
        try ensureFolder(directory, inside: folder, fileSystem: fileSystem)
        let permissions = StorePermissions.filePermissions(forFolder: directory, fileSystem: fileSystem)
        for _ in 0..<4 {
            let id = sessionID(host: identity.host, pid: identity.pid)
            let lockPath = FilePath.join(directory, lockFileName(id)), infoPath = FilePath.join(directory, infoFileName(id))
            let lock = try fileSystem.openLock(lockPath, permissions: permissions)
            let info = SessionInfo(id: id, user: identity.user, account: identity.account, host: identity.host,
                                   pid: identity.pid, since: Timestamp.string(clock.now()), screen: screen)
            do {
                // Held already: the random part of the id met another session's. Draw again.
                guard try lock.lock(.exclusive, wait: false) else {
                    lock.close()
                    continue
                }
                try fileSystem.atomicWrite(try info.encoded(), to: infoPath, permissions: permissions)
            } catch {
                // The info file too: only the directory's fsync may have failed after the rename.
                try? fileSystem.remove(infoPath)
                try? fileSystem.remove(lockPath)
                lock.close()
                throw error
            }
            return SessionHandle(folder: folder, info: info, lock: lock, permissions: permissions, fileSystem: fileSystem)
        }
        throw FileSystemError(path: directory, operation: .lock, errno: EEXIST)
    }

    /// The live sessions of the folder, ordered by start, then person, then id (the same
    /// order for every reader), leaving out `excluding` (one's own id).
    ///
    /// Never blocks: each info file's lock is tried once, shared and non-blocking. Held means
    /// live; free means its program has ended, and the pair is removed (another reader may be
    /// removing it too: that is not an error). An info file without its lock file, or whose
    /// JSON cannot be read, is not listed; a lock that cannot be opened is not judged. Costs a
    /// directory listing and a handful of system calls per session: fit to poll every second.
    ///
    /// - Throws: `FileSystemError` only when `sessions/` exists but cannot be listed.
    public static func list(folder: String, fileSystem: any FileSystem = PosixFileSystem(),
                            excluding: String? = nil) throws -> [SessionInfo] {
        let directory = sessionsFolder(in: folder)
        let names: [String]
        do {
            names = try fileSystem.listDirectory(directory)
        } catch let error as FileSystemError where error.errno == ENOENT {
            return []
        }
        var groups: [String: SessionFiles] = [:]
        for name in names {
            guard let entry = SessionFiles.parse(name), entry.id != excluding else { continue }
            groups[entry.id, default: SessionFiles()].add(name, entry.kind)
        }
        let permissions = StorePermissions.filePermissions(forFolder: directory, fileSystem: fileSystem)
        var live: [SessionInfo] = []
        for (id, files) in groups {
            guard files.hasInfo && files.hasLock else {
                removeOrphan(id, files, in: directory, fileSystem: fileSystem, permissions: permissions)
                continue
            }
            let lockPath = FilePath.join(directory, lockFileName(id))
            guard let lock = try? fileSystem.openLock(lockPath, permissions: permissions) else { continue }
            defer { lock.close() }
            guard let free = try? lock.lock(.shared, wait: false) else { continue }
            if free {
                remove(files, in: directory, fileSystem: fileSystem)
            } else if let bytes = try? fileSystem.readFile(FilePath.join(directory, infoFileName(id))),
                      let info = try? SessionInfo.decode(bytes, id: id) {
                live.append(info)
            }
        }
        return live.sorted(by: SessionInfo.listedBefore)
    }

    /// The live sessions on `identity`'s host under its operating-system account, e.g. to ask
    /// «Ai đang dùng?» at start when the office's staff share one account over SSH.
    public static func othersOfSameAccount(folder: String, identity: Identity,
                                           fileSystem: any FileSystem = PosixFileSystem(),
                                           excluding: String? = nil) throws -> [SessionInfo] {
        try list(folder: folder, fileSystem: fileSystem, excluding: excluding)
            .filter { $0.host == identity.host && $0.account == identity.account }
    }

    // MARK: - Names

    static func infoFileName(_ id: String) -> String { id + ".json" }
    static func lockFileName(_ id: String) -> String { id + ".lock" }

    /// `<host>-<pid>-<8 hex digits>`, the host reduced to letters, digits, «.», «_» and «-».
    static func sessionID(host: String, pid: Int32) -> String {
        var safe = String(String.UnicodeScalarView(host.unicodeScalars.prefix(64).map {
            SessionFiles.isSafe($0) ? $0 : "_"
        }))
        if safe.isEmpty || safe.hasPrefix(".") { safe = "_" + safe }
        return "\(safe)-\(pid)-\(FilePath.randomToken())"
    }

    // MARK: - Files

    private static func ensureFolder(_ directory: String, inside folder: String, fileSystem: any FileSystem) throws {
        if fileSystem.isDirectory(directory) { return }
        do {
            try fileSystem.createDirectory(
                directory, permissions: StorePermissions.directoryPermissions(inside: folder, fileSystem: fileSystem),
                intermediate: false)
        } catch let error as FileSystemError where error.errno == EEXIST && fileSystem.isDirectory(directory) {
            // Another session made it first.
        }
    }

    /// Removes a session's files, the info file first; each may be gone already.
    private static func remove(_ files: SessionFiles, in directory: String, fileSystem: any FileSystem) {
        for name in files.names.sorted(by: { SessionFiles.removalRank($0) < SessionFiles.removalRank($1) }) {
            try? fileSystem.remove(FilePath.join(directory, name))
        }
    }

    /// Files of an incomplete pair: removed once all are older than `orphanAge` and no
    /// process holds the lock file, if there is one.
    private static func removeOrphan(_ id: String, _ files: SessionFiles, in directory: String,
                                     fileSystem: any FileSystem, permissions: UInt32) {
        let cutoff = Int(Date().timeIntervalSince1970) - orphanAge
        for name in files.names {
            guard let status = try? fileSystem.status(FilePath.join(directory, name)),
                  status.modificationTime < cutoff else { return }
        }
        if files.hasLock {
            guard let lock = try? fileSystem.openLock(FilePath.join(directory, lockFileName(id)), permissions: permissions)
            else { return }
            defer { lock.close() }
            guard (try? lock.lock(.shared, wait: false)) == true else { return }
            remove(files, in: directory, fileSystem: fileSystem)
        } else {
            remove(files, in: directory, fileSystem: fileSystem)
        }
    }
}

/// The entries of `sessions/` that belong to one id: `<id>.json`, `<id>.lock`, and temporary
/// files of an interrupted `update` (`.<id>.json.tmp-…`, see `TemporaryFileName`).
struct SessionFiles {
    enum Kind: Equatable {
        case info
        case lock
        case temporary
    }

    private(set) var names: [String] = []
    private(set) var hasInfo = false
    private(set) var hasLock = false

    mutating func add(_ name: String, _ kind: Kind) {
        names.append(name)
        if kind == .info { hasInfo = true }
        if kind == .lock { hasLock = true }
    }

    /// The id and kind of an entry name, nil for anything else (which is left alone).
    static func parse(_ name: String) -> (id: String, kind: Kind)? {
        let parsed: (Substring, Kind)
        if name.hasPrefix("."), let range = name.range(of: ".json.tmp-") {
            parsed = (name[name.index(after: name.startIndex)..<range.lowerBound], .temporary)
        } else if name.hasSuffix(".json") {
            parsed = (name.dropLast(".json".count), .info)
        } else if name.hasSuffix(".lock") {
            parsed = (name.dropLast(".lock".count), .lock)
        } else {
            return nil
        }
        let id = parsed.0
        guard !id.isEmpty, !id.hasPrefix("."), id.unicodeScalars.allSatisfy(isSafe) else { return nil }
        return (String(id), parsed.1)
    }

    /// The characters of ids: ASCII letters, digits, «.», «_» and «-».
    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }

    /// The info file first and the lock file last: a reader never meets an info file whose
    /// lock file is gone, and the id stays taken until the end.
    static func removalRank(_ name: String) -> Int {
        switch parse(name)?.kind {
        case .info: return 0
        case .temporary: return 1
        case .lock, nil: return 2
        }
    }
}

/// This process's session in a data folder, from `SessionRegistry.join` until `leave()` (or
/// the handle's end). Safe to share between threads.
public final class SessionHandle: @unchecked Sendable {
    // @unchecked: the mutable state below is only touched with `state` held.
    /// The data folder.
    public let folder: String
    public let id: String
    private let fileSystem: any FileSystem
    private let permissions: UInt32
    private let state = NSLock()
    private var current: SessionInfo
    private var lock: (any LockFile)?

    init(folder: String, info: SessionInfo, lock: any LockFile, permissions: UInt32, fileSystem: any FileSystem) {
        self.folder = folder
        self.id = info.id
        self.current = info
        self.lock = lock
        self.permissions = permissions
        self.fileSystem = fileSystem
    }

    deinit { leave() }

    /// What the info file says now.
    public var info: SessionInfo { state.withLock { current } }

    /// Until `leave()`.
    public var isActive: Bool { state.withLock { lock != nil } }

    private var directory: String { SessionRegistry.sessionsFolder(in: folder) }

    /// Says which screen the user is on now: rewrites the info file atomically (temporary file
    /// and rename), only if the title changed. Does nothing after `leave()`.
    public func update(screen: String) throws {
        try state.withLock {
            guard lock != nil, current.screen != screen else { return }
            var next = current
            next.screen = screen
            try fileSystem.atomicWrite(try next.encoded(), to: FilePath.join(directory, SessionRegistry.infoFileName(id)),
                                       permissions: permissions)
            current = next
        }
    }

    /// Ends the session: removes the info file, then the lock file, then releases the lock.
    /// Calling it again does nothing. A file that cannot be removed is left to the next
    /// `list`, which sees the lock free and removes it.
    public func leave() {
        state.withLock {
            guard let held = lock else { return }
            try? fileSystem.remove(FilePath.join(directory, SessionRegistry.infoFileName(id)))
            try? fileSystem.remove(FilePath.join(directory, SessionRegistry.lockFileName(id)))
            held.close()
            lock = nil
        }
    }
}
