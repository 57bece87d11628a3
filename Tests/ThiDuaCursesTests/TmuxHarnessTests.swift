import Foundation
import Testing
import ThiDuaTUI

@Suite(.timeLimit(.minutes(1)))
struct TmuxHarnessTests {
    @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
    func vietnameseRoundTripResizeAndExit() throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        let script = #"printf "Phòng Văn hoá - Xã hội\n"; read x; echo "got:$x""#
        try tmux.start("/bin/sh -c " + TmuxSession.shellQuote(script), width: 100, height: 30)
        try tmux.waitFor("Phòng Văn hoá - Xã hội")
        try tmux.type("Điểm 9,5 ở Hà Nội")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("got:Điểm 9,5 ở Hà Nội")
        try tmux.resize(width: 60, height: 15)
        #expect(try tmux.windowSize() == Size(width: 60, height: 15))
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func productsFolderIsInsideThePackage() {
        #expect(FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent("Package.swift").path))
        #expect(TestPaths.builtProducts.path.hasSuffix(".build/debug"))
    }

    @Test func shellQuoting() {
        #expect(TmuxSession.shellQuote("it's") == #"'it'\''s'"#)
    }
}
