import Foundation
import Testing
import ThiDuaCurses
import ThiDuaTUI

/// End-to-end: the real CursesTerminal + DemoApp in a real pty under tmux.
///
/// There is no demo executable (targets cannot be added), so the test
/// binary hosts the demo itself: the host tests start this same binary in
/// tmux with THIDUA_DEMO_CHILD=1 and a filter selecting `DemoChild`, whose
/// only test runs the curses loop. Without that variable the child test is
/// skipped.
enum DemoHost {
    static let childVariable = "THIDUA_DEMO_CHILD"
    static var isChild: Bool { ProcessInfo.processInfo.environment[childVariable] == "1" }

    /// This test binary (on Linux `swift test` runs the .xctest directly).
    static var testBinary: String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? TestPaths.builtProducts.appendingPathComponent("thiduaPackageTests.xctest").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static var canHost: Bool { !isChild && TmuxSession.isAvailable && testBinary != nil }

    static func start(_ tmux: TmuxSession, width: Int = 100, height: Int = 30) throws {
        guard let binary = testBinary else { return }
        let command = TmuxSession.shellQuote(binary)
            + " --testing-library swift-testing --filter 'DemoChild'"
        try tmux.start(command, width: width, height: height,
                       environment: [childVariable: "1", "THIDUA_ESCDELAY": "25", "NO_COLOR": ""])
    }

    /// The pid of the test binary inside the pane (a child of the wrapper sh).
    static func childPID(_ tmux: TmuxSession) throws -> Int32? {
        let panePID = try tmux.run(["display-message", "-p", "-t", tmux.target, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(panePID)/task/\(panePID)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }
}

@Suite struct DemoChild {
    @Test(.enabled(if: DemoHost.isChild, "runs only inside the tmux end-to-end test"))
    @MainActor func runDemoInTerminal() throws {
        let terminal = CursesTerminal()
        try terminal.run(app: DemoApp())
        if terminal.receivedSignal != 0 { print("[signal \(terminal.receivedSignal)]") }
    }
}

@Suite(.timeLimit(.minutes(1)))
struct DemoEndToEndTests {
    @Test(.enabled(if: DemoHost.canHost, "needs tmux and the test binary"))
    func typeResizeAndQuit() throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try DemoHost.start(tmux)
        try tmux.waitFor("thidua — thử giao diện", timeout: 15)
        try tmux.waitFor("100×30")
        try tmux.type("Nguyễn Văn An")
        try tmux.sendKeys("BSpace", "BSpace")
        try tmux.type("Ánh")
        try tmux.waitFor("Nguyễn Văn Ánh")
        #expect(try tmux.cursor() == Point(x: 14 + "Nguyễn Văn Ánh".displayWidth, y: 2))
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Đã nhập: Nguyễn Văn Ánh")
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("120×40")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor("Cửa sổ quá nhỏ")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("100×30")
        try tmux.sendKeys("Tab", "Down", "Enter")
        try tmux.waitFor("Đã chọn: Trần Thị Bích")
        try tmux.sendKeys("Escape", "0")   // mc convention: Esc 0 = F10 = quit
        #expect(try tmux.waitForExit(timeout: 15) == 0)
    }

    @Test(.enabled(if: DemoHost.canHost, "needs tmux and the test binary"))
    func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try DemoHost.start(tmux)
        try tmux.waitFor("thidua — thử giao diện", timeout: 15)
        let pid = try #require(try DemoHost.childPID(tmux))
        kill(pid, SIGTERM)
        let screen = try tmux.waitFor("[signal 15]", timeout: 15, history: true)
        #expect(!screen.contains("thidua — thử giao diện"))
        #expect(try tmux.waitForExit(timeout: 15) == 0)
    }
}
