import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the real `thidua` executable (built by `swift build --build-tests`)
/// in tmux and on the command line, over a fresh temporary data folder.
enum ThiDuaProgram {
    static var binary: String? { TestPaths.product("thidua")?.path }
    static var canRun: Bool { TmuxSession.isAvailable && binary != nil }
    static let today = "2026-11-24"

    /// A private temporary folder; the data folder inside it does not exist
    /// yet, so the first start also creates it. Remove `root` when done.
    struct Folder {
        let root: String
        var data: String { root + "/data" }

        init() throws {
            let template = FileManager.default.temporaryDirectory
                .appendingPathComponent("thidua-e2e-XXXXXX").path
            var bytes = Array(template.utf8CString)
            guard mkdtemp(&bytes) != nil else {
                throw Spawn.Failure(description: "mkdtemp failed: \(errno)")
            }
            root = cString(bytes)
        }

        /// Removes the folder. After a failed test, the program killed with
        /// the tmux server may still be releasing its lock while we delete,
        /// so retry for a moment until the folder is gone.
        func remove() {
            let deadline = Date().addingTimeInterval(2)
            while (try? FileManager.default.removeItem(atPath: root)) == nil,
                  FileManager.default.fileExists(atPath: root), Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// The environment every run gets: UTF-8, a short ESC delay and a fixed today.
    static func environment(term: String? = nil) -> [String: String] {
        var env = ["LANG": "C.UTF-8", "THIDUA_ESCDELAY": "25", "THIDUA_TODAY": today]
        if let term { env["TERM"] = term }
        return env
    }

    /// Starts the full-screen program on `folder` and waits for the home screen.
    /// `user` names the person (`--user`); a second session of the same account without one
    /// is asked «Ai đang dùng?» before the screen starts.
    /// `lp`: a stand-in for the printer (`THIDUA_LP`), so no test ever reaches a real one.
    static func start(_ tmux: TmuxSession, folder: Folder, width: Int = 100, height: Int = 30,
                      term: String? = nil, user: String? = nil, lp: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let binary else { throw Spawn.Failure(description: "thidua is not built") }
        let command = TmuxSession.shellQuote(binary) + " --data-dir " + TmuxSession.shellQuote(folder.data)
            + (user.map { " --user " + TmuxSession.shellQuote($0) } ?? "")
        var environment = environment(term: term)
        if let lp { environment["THIDUA_LP"] = lp }
        try tmux.start(command, width: width, height: height, environment: environment)
        try tmux.waitFor(Needle.home, timeout: 15, sourceLocation: sourceLocation)
    }

    /// Runs a command-line subcommand to completion (posix_spawn, not Foundation.Process).
    static func run(_ args: [String], folder: Folder) throws -> Spawn.Result {
        guard let binary else { throw Spawn.Failure(description: "thidua is not built") }
        var env = environment()
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try Spawn.run(binary, args + ["--data-dir", folder.data], environment: env)
    }

    /// Texts the tests wait for.
    enum Needle {
        /// Drawn only by the home screen.
        static let home = "Chọn màn hình"
        static let homeTitle = " thidua · Phong Quang · Trang chính "
        static let unitsTitle = "Trang chính › Đơn vị"
        static let peopleTitle = "Trang chính › Cá nhân"
        static let settingsTitle = "Trang chính › Cài đặt"
        static let helpFirstLine = "Trợ giúp — Trang chính"
        static let unsavedQuit = "Còn ô đang nhập dở chưa lưu."
    }
}

extension TmuxSession {
    /// Polls the screen every 20 ms until `predicate` holds; returns that
    /// screen. On timeout records an issue with the last screen and throws.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 5, history: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = (try? screen(history: history)) ?? last
            if predicate(last) { return last }
            if Date() > deadline { break }
            usleep(20_000)
        }
        Issue.record("timed out after \(timeout) s waiting until \(what); last screen:\n\(last)",
                     sourceLocation: sourceLocation)
        throw Timeout(description: "waiting until \(what)")
    }

    /// Waits for one screen row holding every one of `parts`; returns that row.
    @discardableResult
    func waitForLine(containing parts: [String], timeout: Double = 5,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let matches: (Substring) -> Bool = { line in parts.allSatisfy { line.contains($0) } }
        let screen = try waitUntil("a row holds \(parts)", timeout: timeout, sourceLocation: sourceLocation) {
            $0.split(separator: "\n").contains(where: matches)
        }
        return String(screen.split(separator: "\n").first(where: matches) ?? "")
    }

    /// Waits until `needle` is no longer on the screen.
    func waitForAbsence(of needle: String, timeout: Double = 5,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitUntil("«\(needle)» is gone", timeout: timeout, sourceLocation: sourceLocation) {
            !$0.contains(needle)
        }
    }

    /// The pid of the program the wrapper sh runs in the pane.
    func programPID() throws -> Int32? {
        try DemoHost.childPID(self)
    }
}

/// A NUL-terminated C string buffer as a Swift string.
private func cString(_ bytes: [CChar]) -> String {
    String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Byte-level check: `haystack` holds `needle` encoded as NFC UTF-8.
/// (Swift's `String.contains` treats NFC and NFD as equal, so it cannot tell.)
private func containsNFC(_ haystack: String, _ needle: String) -> Bool {
    let nfc = Data(needle.precomposedStringWithCanonicalMapping.utf8)
    return Data(haystack.utf8).range(of: nfc) != nil
}

@Suite(.timeLimit(.minutes(1)))
struct ProgramEndToEndTests {
    static let unitName = "Trường Tiểu học Phong Quang"
    static let personName = "Nguyễn Thị Hòa"
    /// What the people list's 26-column "Đơn vị / địa chỉ" shows of the unit at 100×30.
    static let unitColumn = "Trường Tiểu học Phong Qua…"

    /// The issue's flow: add a unit (UTF-8 typed), add a person with built-in
    /// Telex, pick the unit, search without accents, survive a too-small
    /// window, quit, reopen and find both, then export both as NFC CSV.
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func addUnitAndPersonSearchResizeReopenAndExport() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        typealias N = ThiDuaProgram.Needle

        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder)
            try tmux.waitFor(N.homeTitle)

            // A unit, typed as UTF-8 the way an input method delivers it.
            try tmux.sendKeys("1")
            try tmux.waitFor(N.unitsTitle)
            try tmux.sendKeys("a")
            try tmux.waitFor("Thêm đơn vị")
            try tmux.type(Self.unitName)
            try tmux.waitForLine(containing: ["Tên đơn vị", Self.unitName])
            try tmux.sendKeys("F2")
            try tmux.waitFor("Đã lưu đơn vị «\(Self.unitName)» (DV0001).")
            try tmux.waitForLine(containing: ["DV0001", Self.unitName])
            try tmux.sendKeys("Escape")
            try tmux.waitFor(N.home)

            // A person, typed as plain ASCII with the built-in Telex.
            try tmux.sendKeys("2")
            try tmux.waitFor(N.peopleTitle)
            try tmux.sendKeys("a")
            try tmux.waitFor("Thêm cá nhân")
            try tmux.sendKeys("C-t")
            try tmux.waitFor("Telex ^T: BẬT")
            try tmux.type("Nguyeenx Thij Hoaf")
            try tmux.waitForLine(containing: ["Họ và tên", Self.personName])
            // Họ và tên → Tên → Giới tính → Năm sinh → Chức vụ → Đơn vị.
            try tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Tab")
            try tmux.waitFor("Gõ chữ đầu tên đơn vị để nhảy tới")
            try tmux.sendKeys("T")
            try tmux.waitForLine(containing: ["Đơn vị", "< " + Self.unitName])
            try tmux.sendKeys("F2")
            try tmux.waitFor("Đã lưu «\(Self.personName)» (CN00001).")

            // Search without accents (Telex is still on and applies to the search
            // box too, so no Telex letters here): a miss first, so the hit proves
            // the filter works.
            try tmux.sendKeys("/")
            try tmux.waitFor("[TÌM]")
            try tmux.type("nguyenk")
            try tmux.waitFor("Không có ai khớp «nguyenk»")
            try tmux.sendKeys("BSpace")
            try tmux.waitUntil("the search box holds «nguyen»") {
                $0.split(separator: "\n").contains { $0.contains("1 người") && $0.hasSuffix("Tìm: nguyen") }
            }
            try tmux.waitForLine(containing: ["CN00001", Self.personName, Self.unitColumn])
            try tmux.sendKeys("Enter")
            try tmux.waitForAbsence(of: "[TÌM]")

            // Too small, then back.
            try tmux.resize(width: 60, height: 20)
            try tmux.waitFor(TooSmallScreen.message(for: Size(width: 60, height: 20)))
            try tmux.resize(width: 100, height: 30)
            try tmux.waitForLine(containing: ["CN00001", Self.personName, Self.unitColumn])
            try tmux.waitFor(N.peopleTitle)

            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        // Reopen: both records are still there.
        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder)
            try tmux.sendKeys("2")
            try tmux.waitForLine(containing: ["CN00001", Self.personName, Self.unitColumn])
            try tmux.sendKeys("Escape")
            try tmux.waitFor(N.home)
            try tmux.sendKeys("1")
            try tmux.waitForLine(containing: ["DV0001", Self.unitName])
            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        // The command line sees the same data, in NFC.
        let people = try ThiDuaProgram.run(["export", "people", "--format", "csv"], folder: folder)
        #expect(people.status == 0, "stderr: \(people.stderr)")
        #expect(containsNFC(people.stdout, Self.personName), "\(people.stdout)")
        #expect(containsNFC(people.stdout, Self.unitName), "\(people.stdout)")
        let units = try ThiDuaProgram.run(["export", "units", "--format", "csv"], folder: folder)
        #expect(units.status == 0, "stderr: \(units.stderr)")
        #expect(containsNFC(units.stdout, Self.unitName), "\(units.stdout)")
    }

    /// Settings → "Kiểu mới" tone placement; Telex then writes "Hoà", not "Hòa".
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func newToneStyleAppliesToTelex() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        typealias N = ThiDuaProgram.Needle
        try ThiDuaProgram.start(tmux, folder: folder)

        try tmux.sendKeys("9")
        try tmux.waitFor(N.settingsTitle)
        try tmux.waitForLine(containing: ["Bỏ dấu khi gõ Telex", "Kiểu cũ: hòa, thủy, khỏe"])
        // The tone style is the tenth and last field.
        try tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        try tmux.waitFor("← → chọn kiểu")
        try tmux.sendKeys("Right")
        try tmux.waitForLine(containing: ["Bỏ dấu khi gõ Telex", "Kiểu mới: hoà, thủy, khoẻ"])
        try tmux.sendKeys("F2")
        try tmux.waitFor("Đã lưu cài đặt.")
        try tmux.waitFor(N.home)

        try tmux.sendKeys("2")
        try tmux.waitFor(N.peopleTitle)
        try tmux.sendKeys("a")
        try tmux.waitFor("Thêm cá nhân")
        try tmux.sendKeys("C-t")
        try tmux.waitFor("Telex ^T: BẬT")
        try tmux.type("Nguyeenx Thij Hoaf")
        let row = try tmux.waitForLine(containing: ["Họ và tên", "Nguyễn Thị Hoà"])
        #expect(!row.contains("Hòa"))

        // Quitting with a half-filled form asks first.
        try tmux.sendKeys("F10")
        try tmux.waitFor(N.unsavedQuit)
        try tmux.sendKeys("c")
        #expect(try tmux.waitForExit(timeout: 10) == 0)
    }

    /// An input method's correction burst (v i e ⌫ ê t) in one write yields "viêt".
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func unikeyBurstInTextField() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try ThiDuaProgram.start(tmux, folder: folder)

        try tmux.sendKeys("1")
        try tmux.waitFor(ThiDuaProgram.Needle.unitsTitle)
        try tmux.sendKeys("a")
        try tmux.waitFor("Thêm đơn vị")
        // One send-keys call: tmux writes the whole burst to the pty at once.
        try tmux.sendKeys("vie", "BSpace", "êt")
        let row = try tmux.waitForLine(containing: ["Tên đơn vị", "viêt"])
        #expect(!row.contains("viet") && !row.contains("vieêt"))

        try tmux.sendKeys("F10")
        try tmux.waitFor(ThiDuaProgram.Needle.unsavedQuit)
        try tmux.sendKeys("c")
        #expect(try tmux.waitForExit(timeout: 10) == 0)
    }

    /// Text arriving decomposed (base letters plus combining marks, as some
    /// input methods and pastes send it) is saved in NFC.
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func decomposedInputIsSavedAsNFC() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try ThiDuaProgram.start(tmux, folder: folder)

        let name = "Thôn Hòa Bình"
        let decomposed = name.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > name.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        try tmux.sendKeys("1")
        try tmux.waitFor(ThiDuaProgram.Needle.unitsTitle)
        try tmux.sendKeys("a")
        try tmux.waitFor("Thêm đơn vị")
        try tmux.type(decomposed)
        try tmux.waitForLine(containing: ["Tên đơn vị", name])
        try tmux.sendKeys("F2")
        try tmux.waitFor("Đã lưu đơn vị «\(name)» (DV0001).")
        try tmux.sendKeys("F10")
        #expect(try tmux.waitForExit(timeout: 10) == 0)

        let units = try ThiDuaProgram.run(["export", "units", "--format", "csv"], folder: folder)
        #expect(units.status == 0, "stderr: \(units.stderr)")
        #expect(containsNFC(units.stdout, name), "\(units.stdout)")
        #expect(Data(units.stdout.utf8).range(of: Data(decomposed.utf8)) == nil)
    }

    /// Start, open a list, go back, help, quit, under common terminal types.
    /// Letters and Esc only: vt100 has no F-keys beyond F4.
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"),
          arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func terminalTypes(term: String) throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        typealias N = ThiDuaProgram.Needle
        try ThiDuaProgram.start(tmux, folder: folder, term: term)
        try tmux.waitFor(N.homeTitle)

        try tmux.sendKeys("1")
        try tmux.waitFor(N.unitsTitle)
        // Wait for each screen, wholly drawn, before the next key: Esc followed at once by a
        // key is read as Alt+key (or Esc+digit as an F-key). A capture taken while the
        // terminal is being redrawn can hold the new title over the old body, so the old
        // screen's text must be gone too.
        try tmux.waitForAbsence(of: N.home)
        try tmux.sendKeys("Escape")
        try tmux.waitFor(N.home)
        try tmux.waitForAbsence(of: N.unitsTitle)
        try tmux.sendKeys("?")
        try tmux.waitFor(N.helpFirstLine)
        try tmux.sendKeys("Escape")
        try tmux.waitForAbsence(of: N.helpFirstLine)
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit(timeout: 10) == 0)
    }

    /// An instance on a folder whose single-writer lock is held (by a program that reaches the
    /// folder over a network file system, where only one may write) is read-only, names the
    /// holder and opens no edit form; both quit with status 0.
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func anInstanceBesideTheSingleWriterLockIsReadOnly() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        typealias N = ThiDuaProgram.Needle

        let first = try TmuxSession()
        defer { first.kill() }
        try ThiDuaProgram.start(first, folder: folder)
        #expect(!(try first.screen()).contains("CHỈ ĐỌC"))
        let holderPID = try #require(try first.programPID())
        // The lock a network writer takes, naming the first program as its holder.
        let holder = LockHolder(user: Self.userName(), host: Self.hostName(), pid: holderPID,
                                since: Timestamp.string(Date()), program: "thidua")
        guard case .acquired(let networkLock) = try FolderLock.acquire(folder: folder.data, holder: holder) else {
            Issue.record("the single-writer lock could not be taken")
            return
        }

        let second = try TmuxSession()
        defer { second.kill() }
        // Wide enough for the whole holder sentence whatever the host name.
        try ThiDuaProgram.start(second, folder: folder, width: 160, user: "minh")
        let banner = try second.waitForLine(containing: ["CHỈ ĐỌC — Thư mục đang được mở bởi"])
        #expect(banner.contains("\(Self.userName())@\(Self.hostName()) (pid \(holderPID))"), "\(banner)")
        try second.waitForLine(containing: ["Telex ^T: tắt", "CHỈ ĐỌC"])

        try second.sendKeys("1")
        try second.waitFor(N.unitsTitle)
        // The form never opens: the key says at once why.
        try second.sendKeys("a")
        try second.waitFor("Chỉ đọc: không sửa được dữ liệu")
        #expect(!(try second.screen()).contains("Thêm đơn vị"))

        try second.sendKeys("F10")
        #expect(try second.waitForExit(timeout: 10) == 0)

        // The holder is untouched and still quits cleanly.
        try networkLock.release()
        try first.sendKeys("F10")
        #expect(try first.waitForExit(timeout: 10) == 0)
        let units = try ThiDuaProgram.run(["export", "units"], folder: folder)
        #expect(units.status == 0, "stderr: \(units.stderr)")
        #expect(!units.stdout.contains("Thôn Đông"))
    }

    static func userName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? ""
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return cString(buffer)
    }
}
