#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("Sessions: who else has the folder open")
struct SessionRegistryTests {
    static let lan = Identity(user: "lan", host: "may2", pid: 4242, account: "vhxh")
    static let minh = Identity(user: "minh", host: "may2", pid: 4343, account: "vhxh")

    /// 3 December 2026 at `hour`:`minute`, UTC: the order tests compare moments, not wall clocks.
    static func clock(_ hour: Int, _ minute: Int) -> FixedClock {
        FixedClock(Date(timeIntervalSince1970: 1_796_256_000 + TimeInterval(hour * 3600 + minute * 60)))
    }

    static func sessions(_ folder: ScratchFolder) -> String { folder.file(FolderLayout.sessionsFolder) }

    /// The path of `name` in `sessions/`.
    static func entry(_ folder: ScratchFolder, _ name: String) -> String { sessions(folder) + "/" + name }

    /// The names in `sessions/`, sorted.
    static func entries(_ folder: ScratchFolder) -> [String] { folder.names(FolderLayout.sessionsFolder) }

    /// Writes an info file by hand, as another program would have.
    static func writeInfo(_ info: SessionInfo, in folder: ScratchFolder) throws {
        let disk = PosixFileSystem()
        if !disk.isDirectory(sessions(folder)) {
            try disk.createDirectory(sessions(folder), permissions: 0o700, intermediate: false)
        }
        try disk.atomicWrite(try info.encoded(), to: entry(folder, "\(info.id).json"))
    }

    static func someone(_ id: String, user: String = "hoa", since: String = "2026-12-03T07:30:00+07:00") -> SessionInfo {
        SessionInfo(id: id, user: user, account: user, host: "may9", pid: 777, since: since, screen: "Trang chủ")
    }

    /// A lock file nobody holds, as an ended program leaves it.
    /// Lists the sessions until only `leaving` is left in sessions/, for at most 5 s. Other tests
    /// of this process start children, and one between its fork and its exec shares every
    /// descriptor, a just-closed lock's too, for a moment; a later look finds the lock free.
    static func listUntilCleaned(_ folder: ScratchFolder, leaving: [String]) throws {
        let deadline = Date().addingTimeInterval(5)
        while try SessionRegistry.list(folder: folder.path).isEmpty, entries(folder) != leaving, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    static func makeFreeLock(_ path: String) throws {
        try PosixFileSystem().openLock(path, permissions: 0o600).close()
    }

    /// Holds an exclusive lock on `path` in this process, through a file of its own, like
    /// another program would.
    static func hold(_ path: String) throws -> any LockFile {
        let lock = try PosixFileSystem().openLock(path, permissions: 0o600)
        #expect(try lock.lock(.exclusive, wait: false))
        return lock
    }

    @Test("two sessions in one process: both listed by start, own id left out, a new screen shows, leave and the handle's end remove the files")
    func joinListUpdateLeave() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        // The later one joins first: the order is by start, not by the directory.
        let second = try SessionRegistry.join(folder: folder.path, identity: Self.minh, screen: "Đề nghị khen thưởng",
                                              clock: Self.clock(8, 50))
        var first: SessionHandle? = try SessionRegistry.join(folder: folder.path, identity: Self.lan, screen: "Bảng điểm",
                                                             clock: Self.clock(8, 41))
        let firstID = try #require(first?.id)
        #expect(firstID != second.id)
        #expect(firstID.hasPrefix("may2-4242-") && second.id.hasPrefix("may2-4343-"))

        var listed = try SessionRegistry.list(folder: folder.path)
        #expect(listed.map(\.id) == [firstID, second.id])
        #expect(listed.map(\.user) == ["lan", "minh"])
        #expect(listed.first == first?.info)
        #expect(listed.first?.account == "vhxh" && listed.first?.pid == 4242 && listed.first?.program == "thidua")
        #expect(listed.first?.since == Timestamp.string(Self.clock(8, 41).now()))
        #expect(try SessionRegistry.list(folder: folder.path, excluding: firstID).map(\.id) == [second.id])

        let json = try JSONSerialization.jsonObject(with: Data(try PosixFileSystem().readFile(Self.entry(folder, "\(firstID).json"))))
        let fields = try #require(json as? [String: Any])
        #expect(fields.keys.sorted() == ["account", "host", "pid", "program", "screen", "since", "user"])
        #expect(fields["screen"] as? String == "Bảng điểm")

        try second.update(screen: "Cài đặt")
        listed = try SessionRegistry.list(folder: folder.path)
        #expect(listed.map(\.screen) == ["Bảng điểm", "Cài đặt"])
        #expect(second.info.screen == "Cài đặt")

        first?.leave()
        #expect(first?.isActive == false)
        #expect(Self.entries(folder) == ["\(second.id).json", "\(second.id).lock"])
        first?.leave()  // again: nothing happens
        try first?.update(screen: "Trang chủ")  // after leaving: nothing is written
        #expect(try SessionRegistry.list(folder: folder.path).map(\.id) == [second.id])
        first = nil
        #expect(Self.entries(folder).count == 2)

        // The handle's end leaves too.
        func joinAndDrop() throws {
            let handle = try SessionRegistry.join(folder: folder.path, identity: Self.lan, screen: "Trang chủ")
            #expect(handle.isActive && Self.entries(folder).count == 4)
        }
        try joinAndDrop()
        #expect(Self.entries(folder).count == 2)
    }

    @Test("the order is total: start, then person, then id")
    func order() {
        let early = "2026-12-03T08:00:00+07:00"
        let sessions = [
            Self.someone("b", user: "lan", since: early), Self.someone("a", user: "minh", since: early),
            Self.someone("c", user: "an", since: "2026-12-03T01:30:00Z"),  // 08:30 in Hà Nội
            Self.someone("a", user: "lan", since: early),
        ]
        let sorted = sessions.sorted(by: SessionInfo.listedBefore)
        #expect(sorted.map { "\($0.user)/\($0.id)" } == ["lan/a", "lan/b", "minh/a", "an/c"])
    }

    @Test("a crashed session: listed while a real process holds its lock, gone with its files once the process is killed")
    func killedOwner() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard search.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/flock") }) else {
            Issue.record("flock is not installed (apt-get install util-linux)")
            return
        }
        let info = Self.someone("may9-777-0badcafe", user: "minh")
        try Self.writeInfo(info, in: folder)
        let lockPath = Self.entry(folder, "\(info.id).lock")
        // The shell opens the lock file as descriptor 9, flock(1) locks it, and sleep inherits
        // it: one process holds the lock, and SIGKILL ends it without any cleanup.
        let script = #"exec 9>>"$1"; flock -x 9 || exit 3; echo ready; exec sleep 600"#
        let out = folder.file("holder.out")
        let holder = try ChildProcess.spawn(executable: "/bin/sh", ["-c", script, "sh", lockPath],
                                            stdoutPath: out, stderrPath: folder.file("holder.err"))
        var killed = false
        defer { if !killed { holder.kill(SIGKILL); _ = holder.wait() } }  // a failed check leaves no sleeper
        var ready = false
        for _ in 0..<3000 where !ready {  // up to 30 s: slow under a full parallel test run
            ready = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").contains("ready")
            if !ready { usleep(10_000) }
        }
        #expect(ready, "the lock holder did not start")

        #expect(try SessionRegistry.list(folder: folder.path) == [info])
        #expect(try SessionRegistry.list(folder: folder.path) == [info], "a live session's files are kept")

        holder.kill(SIGKILL)
        killed = true
        #expect(holder.wait() == 128 + SIGKILL)
        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder).isEmpty)
    }

    @Test("a session whose lock is free is removed with its leftover temporary file; other names are left alone")
    func staleInProcess() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let info = Self.someone("may9-777-00000001")
        try Self.writeInfo(info, in: folder)
        let lock = try Self.hold(Self.entry(folder, "\(info.id).lock"))
        let disk = PosixFileSystem()
        try disk.createExclusive(Self.entry(folder, ".\(info.id).json.tmp-777-1234abcd"), contents: bytes("{"))
        try disk.createExclusive(Self.entry(folder, "ghi-chu.txt"), contents: bytes("để nguyên"))
        #expect(try SessionRegistry.list(folder: folder.path) == [info])
        #expect(Self.entries(folder).count == 4, "a live session's temporary file may be in use")
        lock.close()  // as the kernel does when its process dies
        try Self.listUntilCleaned(folder, leaving: ["ghi-chu.txt"])
        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder) == ["ghi-chu.txt"])
    }

    @Test("a corrupt info file is cleaned when its lock is free, skipped but kept while it is held")
    func corruptInfo() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = PosixFileSystem()
        try disk.createDirectory(Self.sessions(folder), permissions: 0o700, intermediate: false)
        let held = Self.entry(folder, "may9-1-aaaaaaaa")
        let free = Self.entry(folder, "may9-2-bbbbbbbb")
        try disk.createExclusive(held + ".json", contents: bytes("{\"user\": hỏng"))
        try disk.createExclusive(free + ".json", contents: bytes("không phải JSON"))
        let holder = try Self.hold(held + ".lock")
        try Self.makeFreeLock(free + ".lock")

        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder) == ["may9-1-aaaaaaaa.json", "may9-1-aaaaaaaa.lock"])
        holder.close()
        try Self.listUntilCleaned(folder, leaving: [])
        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder).isEmpty)
    }

    @Test("half a pair is skipped; removed only once old, and a held lock never")
    func orphans() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let noLock = Self.someone("may9-3-cccccccc")
        try Self.writeInfo(noLock, in: folder)
        let heldAlone = try Self.hold(Self.entry(folder, "may9-4-dddddddd.lock"))
        try Self.makeFreeLock(Self.entry(folder, "may9-5-eeeeeeee.lock"))
        let everything = Self.entries(folder)

        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder) == everything, "fresh: a joiner or leaver may be at work")

        let old = Date().addingTimeInterval(-Double(SessionRegistry.orphanAge) - 5)
        for name in everything {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: Self.entry(folder, name))
        }
        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(Self.entries(folder) == ["may9-4-dddddddd.lock"])
        heldAlone.close()
    }

    @Test("a folder nobody joined has no sessions and is not changed by listing")
    func noSessionsFolder() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        #expect(try SessionRegistry.list(folder: folder.path).isEmpty)
        #expect(folder.names().isEmpty)
    }

    @Test("in a setgid shared folder sessions/ is 2770 and its files 0660; in a private one 0700 and 0600")
    func permissions() throws {
        for shared in [true, false] {
            let folder = try ScratchFolder()
            defer { folder.remove() }
            let disk = PosixFileSystem()
            if shared { try disk.setPermissions(folder.path, 0o2770) }
            let handle = try SessionRegistry.join(folder: folder.path, identity: Self.lan, screen: "Trang chủ")
            try handle.update(screen: "Bảng điểm")
            let directory = Self.sessions(folder)
            #expect(try disk.status(directory).permissions == (shared ? 0o2770 : 0o700))
            for name in ["\(handle.id).json", "\(handle.id).lock"] {
                #expect(try disk.status(directory + "/" + name).permissions == (shared ? 0o660 : 0o600), "\(name)")
            }
        }
    }

    @Test("the others under the same account on the same host, e.g. staff sharing one SSH account")
    func sameAccount() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let me = try SessionRegistry.join(folder: folder.path, identity: Self.lan, screen: "Trang chủ", clock: Self.clock(8, 0))
        let colleague = try SessionRegistry.join(folder: folder.path, identity: Self.minh, screen: "Bảng điểm", clock: Self.clock(8, 5))
        let otherAccount = Identity(user: "hoa", host: "may2", pid: 5, account: "hoa")
        let otherHost = Identity(user: "an", host: "may3", pid: 6, account: "vhxh")
        let others = try [otherAccount, otherHost].map {
            try SessionRegistry.join(folder: folder.path, identity: $0, screen: "Trang chủ", clock: Self.clock(7, 0))
        }
        #expect(try SessionRegistry.othersOfSameAccount(folder: folder.path, identity: Self.lan).map(\.user) == ["lan", "minh"])
        #expect(try SessionRegistry.othersOfSameAccount(folder: folder.path, identity: Self.lan, excluding: me.id)
            .map(\.id) == [colleague.id])
        #expect(try SessionRegistry.list(folder: folder.path).count == 4)
        others.forEach { $0.leave() }
    }

    @Test("a join that cannot write its info file leaves nothing; a cleanup that fails is not an error")
    func faults() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem(wrapping: PosixFileSystem())
        disk.inject(FaultRule(.write, .nthCall(1), errno: ENOSPC))
        let error = #expect(throws: FileSystemError.self) {
            try SessionRegistry.join(folder: folder.path, identity: Self.lan, screen: "Trang chủ", fileSystem: disk)
        }
        #expect(error?.errno == ENOSPC && error?.message.hasPrefix("Ổ đĩa đã đầy") == true)
        #expect(Self.entries(folder).isEmpty)
        disk.heal()

        let dead = Self.someone("may9-8-12345678")
        try Self.writeInfo(dead, in: folder)
        try Self.makeFreeLock(Self.entry(folder, "\(dead.id).lock"))
        disk.inject(FaultRule(.remove, .fromNthCall(1), errno: EACCES))
        #expect(try SessionRegistry.list(folder: folder.path, fileSystem: disk).isEmpty)
        disk.heal()
        #expect(try SessionRegistry.list(folder: folder.path, fileSystem: disk).isEmpty)
        #expect(Self.entries(folder).isEmpty)
    }

    @Test("ids use safe characters only, whatever the host is called, and name their files")
    func ids() {
        let id = SessionRegistry.sessionID(host: ".máy 2/../x", pid: 77)
        #expect(id.unicodeScalars.allSatisfy(SessionFiles.isSafe))
        #expect(!id.hasPrefix("."))
        #expect(id.hasPrefix("_.m_y_2_.._x-77-") && id.count == "_.m_y_2_.._x-77-".count + 8)
        #expect(SessionFiles.parse(id + ".json")?.id == id && SessionFiles.parse(id + ".lock")?.kind == .lock)
        #expect(SessionFiles.parse(".\(id).json.tmp-1-abcdef01")?.kind == .temporary)
        for other in ["ghi chú.json", ".json", ".hidden.lock", "a/b.json", "x.txt"] {
            #expect(SessionFiles.parse(other) == nil, "\(other)")
        }
    }

    @Test("one line per session and one sentence for the others, in Vietnamese")
    func descriptions() throws {
        let hanoi = { (text: String) in Timestamp.localFields(text, offsetSeconds: 7 * 3600) }
        let today = try CalendarDate(year: 2026, month: 12, day: 3)
        var lan = SessionInfo(id: "a", user: "lan", account: "vhxh", host: "may2", pid: 1,
                              since: "2026-12-03T01:41:00Z", screen: "Bảng điểm")
        #expect(lan.line(today: today, local: hanoi) == "lan (may2) · Bảng điểm · từ 08:41")
        lan.since = "2026-12-02T17:05:00+07:00"
        #expect(lan.line(today: today, local: hanoi) == "lan (may2) · Bảng điểm · từ 17:05 ngày 02/12/2026")
        lan.screen = ""
        lan.since = "không rõ"
        #expect(lan.line(today: today, local: hanoi) == "lan (may2)")

        let minh = SessionInfo(id: "b", user: "minh", account: "vhxh", host: "may2", pid: 2,
                               since: "2026-12-03T08:50:00+07:00", screen: "Đề nghị khen thưởng")
        lan.screen = "Bảng điểm"
        #expect(SessionInfo.workingTogether([lan, minh]) == "Đang làm cùng: lan (Bảng điểm), minh (Đề nghị khen thưởng)")
        lan.screen = ""
        #expect(SessionInfo.workingTogether([lan]) == "Đang làm cùng: lan")
        #expect(SessionInfo.workingTogether([]) == nil)
    }
}

@Suite("Who the user is: --user, THIDUA_USER, the OS account")
struct IdentityResolutionTests {
    static let system = Identity(user: "vhxh", host: "may2", pid: 4242)

    static func resolve(_ option: String?, _ environment: [String: String] = [:]) throws(UserNameError) -> Identity {
        try Identity.resolve(user: option, environment: environment, system: system)
    }

    static func message(_ option: String?, _ environment: [String: String] = [:]) -> String? {
        do {
            _ = try resolve(option, environment)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("the option beats the environment, which beats the OS user; the account stays the OS user's")
    func precedence() throws {
        #expect(try Self.resolve(nil) == Self.system)
        #expect(try Self.resolve(nil, ["THIDUA_USER": ""]) == Self.system, "an empty variable is as unset")
        let fromEnvironment = try Self.resolve(nil, ["THIDUA_USER": "Nguyễn Thị Lan"])
        #expect(fromEnvironment.user == "Nguyễn Thị Lan")
        #expect(fromEnvironment.account == "vhxh" && fromEnvironment.host == "may2" && fromEnvironment.pid == 4242)
        #expect(try Self.resolve("minh", ["THIDUA_USER": "Nguyễn Thị Lan"]).user == "minh")
        #expect(try Self.resolve("minh", ["THIDUA_USER": "lan@may2"]).user == "minh", "an unused bad variable is no error")
        #expect(Identity.current.account == Identity.current.user)
    }

    @Test("names are trimmed and stored in NFC; forty characters are allowed")
    func cleaning() throws {
        #expect(try Self.resolve("  lan ").user == "lan")
        #expect(try Self.resolve("Hoa\u{300}").user == "Hoà")
        let forty = String(repeating: "Ữ", count: 40)
        #expect(try Self.resolve(forty).user == forty)
    }

    @Test("each bad name gets its own message, naming where it came from")
    func badNames() {
        #expect(Self.message("") == "Tên người dùng (--user) không được để trống.")
        #expect(Self.message(nil, ["THIDUA_USER": "   "]) == "Tên người dùng (biến THIDUA_USER) không được để trống.")
        #expect(Self.message(String(repeating: "a", count: 41)) == "Tên người dùng (--user) dài 41 ký tự; tối đa 40 ký tự.")
        let control = "Tên người dùng (--user) có ký tự điều khiển (như xuống dòng hoặc tab); hãy ghi tên trên một dòng."
        for name in ["lan\nminh", "lan\tminh", "lan\u{1B}[31m", "lan\u{202E}"] {
            #expect(Self.message(name) == control, "\(name.debugDescription)")
        }
        #expect(Self.message(nil, ["THIDUA_USER": "lan@may2"])
            == "Tên người dùng «lan@may2» (biến THIDUA_USER) không được có «@»: thông báo ghi người dùng kèm tên máy dạng «tên@máy».")
    }
}
