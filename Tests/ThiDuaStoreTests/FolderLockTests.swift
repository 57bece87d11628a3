#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

@Suite("Folder lock")
struct FolderLockTests {
    static func holder(_ user: String, pid: Int32 = getpid(), host: String = LockHolder.currentHostName()) -> LockHolder {
        LockHolder(user: user, host: host, pid: pid, since: "2026-11-24T08:00:00+07:00", program: "thidua")
    }

    @Test("acquire, refuse a second writer naming the holder, release")
    func acquireHeldRelease() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        guard case .acquired(let lock) = try FolderLock.acquire(folder: folder.path, holder: Self.holder("lan")) else {
            Issue.record("first acquire failed")
            return
        }
        #expect(lock.isHeld)
        #expect(FolderLock.currentHolder(folder: folder.path) == Self.holder("lan"))

        let second = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa"))
        guard case .heldBy(let holder) = second else {
            Issue.record("second writer was not refused: \(second)")
            return
        }
        #expect(holder == Self.holder("lan"))
        let host = LockHolder.currentHostName()
        #expect(second.message == "Thư mục đang được mở bởi lan@\(host) (pid \(getpid())) từ \(LockHolder.sinceText("2026-11-24T08:00:00+07:00")).")

        #expect(try lock.release())
        #expect(!PosixFileSystem().exists(folder.file(".lock")))
        #expect(try !lock.release())
        guard case .acquired(let again) = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa")) else {
            Issue.record("acquire after release failed")
            return
        }
        try again.release()
    }

    @Test("release leaves a lock that is no longer ours")
    func releaseOnlyOurs() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        guard case .acquired(let lock) = try FolderLock.acquire(folder: folder.path, holder: Self.holder("lan")) else {
            Issue.record("acquire failed")
            return
        }
        let other = try FolderLock.encode(Self.holder("hoa"))
        try PosixFileSystem().atomicWrite(other, to: folder.file(".lock"))
        #expect(try !lock.release())
        #expect(try PosixFileSystem().readFile(folder.file(".lock")) == other)
    }

    @Test("a lock naming a dead process on this host is taken over")
    func staleTakeover() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let dead = try deadProcessID()
        try PosixFileSystem().createExclusive(folder.file(".lock"), contents: try FolderLock.encode(Self.holder("lan", pid: dead)))

        let result = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa"))
        guard case .acquired(let lock) = result else {
            Issue.record("stale lock was not taken over: \(result)")
            return
        }
        #expect(FolderLock.currentHolder(folder: folder.path) == Self.holder("hoa"))
        #expect(folder.names() == [".lock"])  // no claim or temporary files left
        try lock.release()
    }

    @Test("a dead pid on another host is not judged stale")
    func otherHostIsRespected() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let remote = Self.holder("lan", pid: try deadProcessID(), host: "may-khac")
        try PosixFileSystem().createExclusive(folder.file(".lock"), contents: try FolderLock.encode(remote))
        guard case .heldBy(let holder) = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa")) else {
            Issue.record("a lock from another host was taken over")
            return
        }
        #expect(holder == remote)
    }

    @Test("several takers of one stale lock at once: exactly one wins")
    func racingTakeover() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try PosixFileSystem().createExclusive(folder.file(".lock"), contents: try FolderLock.encode(Self.holder("lan", pid: try deadProcessID())))
        let path = folder.path
        let winners = Winners()
        let group = DispatchGroup()
        for index in 0..<8 {
            DispatchQueue.global().async(group: group) {
                if case .acquired(let lock)? = try? FolderLock.acquire(folder: path, holder: Self.holder("taker\(index)")) {
                    winners.add(lock.holder.user)
                }
            }
        }
        group.wait()
        #expect(winners.users.count == 1)
        #expect(FolderLock.currentHolder(folder: path)?.user == winners.users.first)
        #expect(folder.names() == [".lock"])
    }

    @Test("an unreadable lock is reported as held by someone unknown and left alone until forceBreak")
    func garbageLock() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let lockPath = folder.file(".lock")
        try PosixFileSystem().createExclusive(lockPath, contents: bytes("rác"))
        let result = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa"))
        guard case .heldByUnknown(let path) = result else {
            Issue.record("garbage lock not reported: \(result)")
            return
        }
        #expect(path == lockPath)
        #expect(result.message?.contains("không rõ ai: tệp khóa «\(lockPath)» không đọc được") == true)
        #expect(text(try PosixFileSystem().readFile(lockPath)) == "rác")

        #expect(try FolderLock.forceBreak(folder: folder.path) == nil)
        guard case .acquired(let lock) = try FolderLock.acquire(folder: folder.path, holder: Self.holder("hoa")) else {
            Issue.record("acquire after forceBreak failed")
            return
        }
        try lock.release()
    }
}

private final class Winners: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ user: String) { lock.withLock { list.append(user) } }
    var users: [String] { lock.withLock { list } }

    /// The banner of a read-only copy shows when the holder started, on the local clock.
    @Test func theHolderSaysWhenItStartedInLocalTime() {
        let holder = LockHolder(user: "hoa", host: "may-vhxh", pid: 7, since: "2026-12-02T18:43:35+07:00", program: "thidua")
        #expect(!holder.description.contains("2026-12-02T"))
        #expect(holder.description.range(of: #"từ \d\d:\d\d ngày 02/12/2026\.$"#, options: .regularExpression) != nil,
                "\(holder.description)")
        #expect(LockHolder.sinceText("2026-12-02T11:43:35Z", local: { Timestamp.localFields($0, offsetSeconds: 7 * 3600) })
                == "18:43 ngày 02/12/2026")
    }
}
