import Foundation
import Testing
import ThiDuaTestSupport

/// Certificates on the real binary under tmux, over the sample commune before its round: a
/// nomination goes through the council's vote, the submission and decision 215, then its
/// Giấy khen is previewed and printed to a stand-in for lp on the blank's paper (one page,
/// numbered 1/GK-2026 (the decision is dated today, 2026)); printed again, it keeps its number as a reprint.
@Suite(.timeLimit(.minutes(1)))
struct CertificatesEndToEndTests {
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func aDecisionsGiayKhenPrintsOnItsBlankAndKeepsItsNumber() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        try PreRoundSample.initialize(folder: folder.data)
        let lp = try FakeLinePrinter(in: folder.root)

        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try ThiDuaProgram.start(tmux, folder: folder, lp: lp.path)

        // A nomination for Giấy khen 2025, voted, submitted and decided by 215/QĐ-UBND.
        try tmux.sendKeys("6")
        try tmux.waitFor("Trang chính › Khen thưởng")
        try tmux.sendKeys("<")
        try tmux.waitFor("Đợt ◀ Năm 2025 ▶")
        try tmux.sendKeys("g")
        try tmux.waitFor("Theo quy tắc:")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("Đã đề nghị «")
        try tmux.sendKeys("Escape")
        try tmux.waitFor("I. TẬP THỂ (1)")
        try tmux.sendKeys("v")
        try tmux.type("9")
        for value in ["9", "7", "2", "0"] {
            try tmux.sendKeys("Tab")
            try tmux.type(value)
        }
        try tmux.sendKeys("F2")
        try tmux.waitFor("Đã ghi biểu quyết")
        try tmux.sendKeys("t")
        try tmux.sendKeys("Enter")
        try tmux.waitFor("sang «Đã trình»")
        try tmux.sendKeys("r")
        try tmux.type("215")
        try tmux.sendKeys("F2")
        try tmux.waitFor("Đã ghi quyết định 215/QĐ-UBND")

        // Its certificate: previewed, printed on the A4 landscape blank, numbered.
        try tmux.sendKeys("p")
        try tmux.waitFor("Quyết định 215/QĐ-UBND: 1 giấy.")
        try tmux.waitFor("Số: 1/GK-2026")
        try tmux.waitFor("Phôi 297 × 210 mm")
        try tmux.sendKeys("F5")
        try tmux.waitFor("phôi 297 × 210 mm")
        try tmux.waitFor("1/GK-2026 (1 giấy).")
        #expect(Array(lp.arguments.dropLast()) == ["-n", "1", "-o", "media=A4", "-o", "print-scaling=none",
                                                  "-t", "Giấy khen xã 215/QĐ-UBND"])
        if let pdfinfo = Spawn.which("pdfinfo") {
            let info = try Spawn.run(pdfinfo, [lp.copy], environment: ["LANG": "C.UTF-8"])
            #expect(info.stdout.contains("Pages:           1"), "\(info.stdout)")
            #expect(info.stdout.contains("841.89 x 595.28 pts"), "\(info.stdout)")
        } else {
            Issue.record("pdfinfo is not installed (apt-get install poppler-utils)")
        }

        // Printed again: the same number, said to be a reprint.
        try tmux.sendKeys("p")
        try tmux.waitFor("1 giấy đã in (in lại giữ số cũ).")
        try tmux.sendKeys("F5")
        try tmux.waitFor("1/GK-2026 (1 giấy).")
    }
}
