import Foundation
import ThiDuaStore

/// A test double: a `FileSystem` that forwards to another one and fails chosen operations.
///
/// Public (not in the test target) so that every module's fault tests can use it. It simulates
/// what a real disk does when it fails: a full disk that stops a write partway (`afterBytes`),
/// an fsync or rename that fails once (`nthCall`), or a failure that persists (`fromNthCall`).
///
///     let disk = FaultyFileSystem(wrapping: PosixFileSystem())
///     disk.inject(FaultRule(.write, .afterBytes(10), errno: ENOSPC))
///
/// Counting starts when a rule is injected. A rule may be limited to paths containing a string.
public final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    private let base: any FileSystem
    private let lock = NSLock()
    private var rules: [ActiveRule] = []
    private var calls: [FileOperation: Int] = [:]
    private var mutations = 0
    private var crashAfter: Int?

    public init(wrapping base: any FileSystem = PosixFileSystem()) {
        self.base = base
    }

    /// Adds a fault rule.
    public func inject(_ rule: FaultRule) {
        lock.withLock { rules.append(ActiveRule(rule: rule)) }
    }

    /// Removes all rules (the disk is healthy again).
    public func heal() {
        lock.withLock {
            rules.removeAll()
            crashAfter = nil
        }
    }

    /// Stands for the process being killed: the next `count` calls that change the disk go
    /// through, and every later one fails (EIO) without touching it — what a SIGKILL at that
    /// moment leaves behind. Everything that returned before it is on disk, as after a kill.
    public func crash(afterMutations count: Int) {
        lock.withLock {
            mutations = 0
            crashAfter = count
        }
    }

    /// Calls that changed (or tried to change) the disk since the last `crash(afterMutations:)`.
    public var mutationCount: Int { lock.withLock { mutations } }

    private static let mutating: Set<FileOperation> = [.createDirectory, .open, .write, .sync, .syncDirectory,
                                                       .rename, .remove, .truncate, .setPermissions]

    /// How many times `operation` was attempted since this file system was made.
    public func callCount(_ operation: FileOperation) -> Int {
        lock.withLock { calls[operation, default: 0] }
    }

    /// Counts one call of `operation` on `path` and throws if a rule says so.
    func check(_ operation: FileOperation, _ path: String) throws {
        let failure: Int32? = lock.withLock {
            calls[operation, default: 0] += 1
            if Self.mutating.contains(operation) {
                mutations += 1
                if let crashAfter, mutations > crashAfter { return EIO }
            }
            for index in rules.indices where rules[index].applies(to: operation, path: path) {
                rules[index].calls += 1
                switch rules[index].rule.trigger {
                case .nthCall(let n) where rules[index].calls == n:
                    return rules[index].rule.errno
                case .fromNthCall(let n) where rules[index].calls >= n:
                    return rules[index].rule.errno
                default:
                    continue
                }
            }
            return nil
        }
        if let failure { throw FileSystemError(path: path, operation: operation, errno: failure) }
    }

    /// For a write of `count` bytes: how many may pass before a byte-budget rule fails it, and
    /// with which errno. Also applies call-count rules for `.write`.
    func admitWrite(_ path: String, count: Int) throws -> (allowed: Int, errno: Int32?) {
        try check(.write, path)
        return lock.withLock {
            for index in rules.indices where rules[index].applies(to: .write, path: path) {
                guard case .afterBytes(let budget) = rules[index].rule.trigger else { continue }
                let left = max(0, budget - rules[index].bytes)
                if count > left {
                    rules[index].bytes += left
                    return (left, rules[index].rule.errno)
                }
                rules[index].bytes += count
            }
            return (count, nil)
        }
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        try check(.read, path)
        return try base.readFile(path)
    }

    public func readFile(_ path: String, offset: Int, count: Int) throws -> [UInt8] {
        try check(.read, path)
        return try base.readFile(path, offset: offset, count: count)
    }

    public func exists(_ path: String) -> Bool {
        base.exists(path)
    }

    public func status(_ path: String) throws -> FileStatus {
        try check(.status, path)
        return try base.status(path)
    }

    public func listDirectory(_ path: String) throws -> [String] {
        try check(.listDirectory, path)
        return try base.listDirectory(path)
    }

    public func createDirectory(_ path: String, permissions: UInt32, intermediate: Bool) throws {
        try check(.createDirectory, path)
        try base.createDirectory(path, permissions: permissions, intermediate: intermediate)
    }

    public func openFile(_ path: String, mode: OpenMode, permissions: UInt32) throws -> any WritableFile {
        try check(.open, path)
        let file = try base.openFile(path, mode: mode, permissions: permissions)
        return FaultyWritableFile(base: file, owner: self)
    }

    public func syncDirectory(_ path: String) throws {
        try check(.syncDirectory, path)
        try base.syncDirectory(path)
    }

    public func rename(_ source: String, to destination: String) throws {
        try check(.rename, destination)
        try base.rename(source, to: destination)
    }

    public func remove(_ path: String) throws {
        try check(.remove, path)
        try base.remove(path)
    }

    public func truncate(_ path: String, to size: Int) throws {
        try check(.truncate, path)
        try base.truncate(path, to: size)
    }

    public func setPermissions(_ path: String, _ permissions: UInt32) throws {
        try check(.setPermissions, path)
        try base.setPermissions(path, permissions)
    }

    public func openLock(_ path: String, permissions: UInt32) throws -> any LockFile {
        try check(.lock, path)
        return try base.openLock(path, permissions: permissions)
    }

    /// What `volumeKind` answers for every path: the real answer unless a test fakes one.
    public var fakeVolume: VolumeKind?

    public func volumeKind(_ path: String) throws -> VolumeKind {
        try check(.volume, path)
        return try fakeVolume ?? base.volumeKind(path)
    }
}

/// When and how a `FaultyFileSystem` fails an operation.
public struct FaultRule: Sendable, Equatable {
    public enum Trigger: Sendable, Equatable {
        /// Fail only the n-th matching call (1-based).
        case nthCall(Int)
        /// Fail the n-th matching call and every later one.
        case fromNthCall(Int)
        /// For `.write` only: let this many bytes through in total, then write what still fits
        /// and fail — a disk filling up in the middle of a line. Every later write fails too.
        case afterBytes(Int)
    }

    public var operation: FileOperation
    public var trigger: Trigger
    public var errno: Int32
    /// If set, only paths containing this string are affected.
    public var pathContains: String?

    public init(_ operation: FileOperation, _ trigger: Trigger, errno: Int32, pathContains: String? = nil) {
        self.operation = operation
        self.trigger = trigger
        self.errno = errno
        self.pathContains = pathContains
    }
}

private struct ActiveRule {
    var rule: FaultRule
    var calls = 0
    var bytes = 0

    func applies(to operation: FileOperation, path: String) -> Bool {
        guard rule.operation == operation else { return false }
        guard let fragment = rule.pathContains else { return true }
        return path.contains(fragment)
    }
}

/// Forwards to a real open file, consulting the owner's rules on each write and sync.
private final class FaultyWritableFile: WritableFile {
    let base: any WritableFile
    let owner: FaultyFileSystem

    init(base: any WritableFile, owner: FaultyFileSystem) {
        self.base = base
        self.owner = owner
    }

    var path: String { base.path }

    func write(_ bytes: [UInt8]) throws {
        let (allowed, failure) = try owner.admitWrite(path, count: bytes.count)
        if allowed > 0 { try base.write(allowed == bytes.count ? bytes : Array(bytes[0..<allowed])) }
        if let failure { throw FileSystemError(path: path, operation: .write, errno: failure) }
    }

    func sync() throws {
        try owner.check(.sync, path)
        try base.sync()
    }

    func close() { base.close() }
}
