#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// The outcome of `FolderLock.acquire`.
public enum LockResult: Sendable {
    /// We hold the folder; call `release()` when done.
    case acquired(FolderLock)
    /// Another live process holds it (or one on another host, whose liveness we cannot check).
    case heldBy(LockHolder)
    /// A `.lock` file exists but cannot be understood: someone unknown may hold the folder. It
    /// is never deleted automatically; `FolderLock.forceBreak` exists for a deliberate choice.
    case heldByUnknown(lockPath: String)

    /// The Vietnamese sentence for a refusal, nil when acquired.
    public var message: String? {
        switch self {
        case .acquired: return nil
        case .heldBy(let holder): return holder.description
        case .heldByUnknown(let path):
            return "Thư mục đang được mở bởi không rõ ai: tệp khóa «\(path)» không đọc được. Nếu chắc chắn không còn ai dùng thư mục này, hãy phá khóa rồi mở lại."
        }
    }
}

/// The single-writer lock of a data folder: a `.lock` file naming the holder.
///
/// - Acquire: create `.lock` with O_CREAT|O_EXCL, which exactly one process can do.
/// - Held by a live process, or by any process on another host: refused with the holder's name.
/// - Stale (names this host and a pid that no longer exists, `kill(pid, 0)` → ESRCH): taken
///   over, safely even when several processes try at once; see `takeOver`.
/// - Unreadable: reported as held by someone unknown, never silently deleted.
/// - Release: removes `.lock` only if it still holds exactly what we wrote.
public final class FolderLock: Sendable {
    public static let fileName = ".lock"

    public let folder: String
    public let lockPath: String
    public let holder: LockHolder
    private let fileSystem: any FileSystem
    /// The exact bytes we wrote: the lock is ours while the file holds them.
    private let contents: [UInt8]

    private init(folder: String, holder: LockHolder, contents: [UInt8], fileSystem: any FileSystem) {
        self.folder = folder
        self.lockPath = FilePath.join(folder, Self.fileName)
        self.holder = holder
        self.contents = contents
        self.fileSystem = fileSystem
    }

    /// Tries to become the folder's single writer.
    ///
    /// - Throws: `FileSystemError` when the lock cannot even be attempted (folder missing,
    ///   read-only, disk full).
    public static func acquire(folder: String, holder: LockHolder, fileSystem: any FileSystem = PosixFileSystem()) throws -> LockResult {
        let ours = try encode(holder)
        let lockPath = FilePath.join(folder, fileName)
        let permissions = StorePermissions.filePermissions(forFolder: folder, fileSystem: fileSystem)
        var lastSeen = LockResult.heldByUnknown(lockPath: lockPath)
        for attempt in 0..<6 {
            if attempt > 0 { usleep(50_000) }
            do {
                try fileSystem.createExclusive(lockPath, contents: ours, permissions: permissions)
                try? fileSystem.syncDirectory(folder)
                return .acquired(FolderLock(folder: folder, holder: holder, contents: ours, fileSystem: fileSystem))
            } catch let error as FileSystemError where error.errno == EEXIST {
                // Someone holds it; find out who.
            }
            switch readHolder(at: lockPath, fileSystem: fileSystem) {
            case .missing:
                continue  // released in the meantime: try again
            case .unreadable:
                return .heldByUnknown(lockPath: lockPath)
            case .holder(let existing, let staleBytes):
                lastSeen = .heldBy(existing)
                guard existing.host == holder.host, !processExists(existing.pid) else { return lastSeen }
                if try takeOver(stale: staleBytes, folder: folder, host: holder.host, ours: ours, permissions: permissions, fileSystem: fileSystem) {
                    return .acquired(FolderLock(folder: folder, holder: holder, contents: ours, fileSystem: fileSystem))
                }
                // Lost a race or the lock changed under us: look again.
            }
        }
        return lastSeen
    }

    /// Whether `.lock` still holds exactly what we wrote.
    public var isHeld: Bool {
        (try? fileSystem.readFile(lockPath)) == contents
    }

    /// Removes `.lock` if it is still ours. Returns false (and touches nothing) if it is not.
    @discardableResult
    public func release() throws -> Bool {
        guard isHeld else { return false }
        try fileSystem.remove(lockPath)
        try? fileSystem.syncDirectory(folder)
        return true
    }

    /// Who the folder's `.lock` names, if it exists and can be read.
    public static func currentHolder(folder: String, fileSystem: any FileSystem = PosixFileSystem()) -> LockHolder? {
        if case .holder(let holder, _) = readHolder(at: FilePath.join(folder, fileName), fileSystem: fileSystem, retries: 0) {
            return holder
        }
        return nil
    }

    /// Deletes the folder's lock whatever it says — for an explicit command-line option, after
    /// the user has confirmed nobody is using the folder. Also removes leftover takeover claims.
    /// Returns the holder the lock named, if it could be read.
    @discardableResult
    public static func forceBreak(folder: String, fileSystem: any FileSystem = PosixFileSystem()) throws -> LockHolder? {
        let previous = currentHolder(folder: folder, fileSystem: fileSystem)
        let lockPath = FilePath.join(folder, fileName)
        if fileSystem.exists(lockPath) { try fileSystem.remove(lockPath) }
        for name in try fileSystem.listDirectory(folder) where name.hasPrefix(claimPrefix) {
            try? fileSystem.remove(FilePath.join(folder, name))
        }
        try? fileSystem.syncDirectory(folder)
        return previous
    }

    // MARK: - Stale takeover

    private static let claimPrefix = fileName + ".takeover-"

    /// Replaces a stale `.lock` (whose exact bytes are `stale`) with ours. Returns true if we
    /// now hold the lock, false if someone else is taking it over or it changed meanwhile.
    ///
    /// Why this is safe with several takers at once: takers first compete for a claim file
    /// `.lock.takeover-<id of the stale lock>-<generation>`, created with O_CREAT|O_EXCL, so
    /// exactly one of them gets it. Only the claim's owner touches `.lock`: it re-reads `.lock`,
    /// checks it still holds the very same stale bytes, replaces it with a temporary file and
    /// `rename` (so `.lock` never disappears and no plain O_EXCL acquirer can slip in), then
    /// re-reads it to verify. Our own lock bytes differ from the stale ones (our pid is alive,
    /// theirs is not), so once replaced the stale lock never comes back and a late taker's
    /// re-check fails. If a claim's owner died mid-takeover (its pid is gone too), the claim is
    /// abandoned and the next generation is competed for the same way; a claim whose owner is
    /// alive or unknown means someone else is at work, and we step back.
    private static func takeOver(
        stale: [UInt8], folder: String, host: String, ours: [UInt8], permissions: UInt32, fileSystem: any FileSystem
    ) throws -> Bool {
        let lockPath = FilePath.join(folder, fileName)
        let id = String(JournalLineCodec.hex(SHA256.hash(data: stale)).prefix(16))
        for generation in 1...8 {
            let claim = FilePath.join(folder, "\(claimPrefix)\(id)-\(generation)")
            do {
                try fileSystem.createExclusive(claim, contents: ours, permissions: permissions)
            } catch let error as FileSystemError where error.errno == EEXIST {
                if case .holder(let claimer, _) = readHolder(at: claim, fileSystem: fileSystem),
                   claimer.host == host, !processExists(claimer.pid) {
                    continue  // abandoned claim: compete for the next generation
                }
                return false
            }
            defer { removeClaims(id: id, upTo: generation, folder: folder, fileSystem: fileSystem) }
            guard (try? fileSystem.readFile(lockPath)) == stale else { return false }
            try fileSystem.atomicWrite(ours, to: lockPath, permissions: permissions)
            return (try? fileSystem.readFile(lockPath)) == ours
        }
        return false
    }

    private static func removeClaims(id: String, upTo generation: Int, folder: String, fileSystem: any FileSystem) {
        for index in 1...generation {
            try? fileSystem.remove(FilePath.join(folder, "\(claimPrefix)\(id)-\(index)"))
        }
    }

    // MARK: - Reading and writing lock files

    enum ReadOutcome {
        case missing
        case unreadable
        case holder(LockHolder, bytes: [UInt8])
    }

    /// Reads a lock or claim file. An empty or unparseable file is re-read a few times first:
    /// its creator may be between the O_EXCL create and the write of its contents.
    static func readHolder(at path: String, fileSystem: any FileSystem, retries: Int = 5) -> ReadOutcome {
        for attempt in 0...retries {
            if attempt > 0 { usleep(20_000) }
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(path)
            } catch let error as FileSystemError where error.errno == ENOENT {
                return .missing
            } catch {
                continue
            }
            if let holder = try? decodeHolder(bytes) { return .holder(holder, bytes: bytes) }
        }
        return .unreadable
    }

    static func encode(_ holder: LockHolder) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(holder)) + [0x0A]
    }

    static func decodeHolder(_ bytes: [UInt8]) throws -> LockHolder {
        try JSONDecoder().decode(LockHolder.self, from: Data(bytes))
    }

    /// Whether a process with this pid exists on this host. EPERM means it exists but belongs to
    /// another user. A pid we cannot judge (0 or negative would address process groups) counts
    /// as alive: never take over a lock on a guess.
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return true }
        if kill(pid, 0) == 0 { return true }
        return errno != ESRCH
    }
}
