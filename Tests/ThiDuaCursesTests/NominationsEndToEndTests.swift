import Foundation
import Testing
import ThiDuaTUI
import ThiDuaTestSupport

/// Issue 5's flow on the real binary under tmux, over the sample commune: suggest from the
/// 2025 ranking, accept two, record a vote that fails the threshold for one (which blocks the
/// next step and cannot be overridden), record it again as it was, record the decision by its
/// serial, see it in the award history, then export the nominations as CSV from the command line.
@Suite(.timeLimit(.minutes(1)))
struct NominationsEndToEndTests {
    static let nominee = "Công ty TNHH Thương mại Đồng Hỷ (mẫu)"

    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func suggestVoteRevoteDecideAndExport() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        // The sample before its award round: this flow makes the round itself.
        try PreRoundSample.initialize(folder: folder.data)

        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder)
            try tmux.sendKeys("6")
            try tmux.waitFor("Trang chính › Khen thưởng")
            try tmux.sendKeys("<")
            try tmux.waitFor("Đợt ◀ Năm 2025 ▶")

            // Suggest, accept the first two.
            try tmux.sendKeys("g")
            try tmux.waitFor("Theo quy tắc:")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Đã đề nghị «Doanh nghiệp tư nhân Ông Ích (mẫu)»")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Đã đề nghị «\(Self.nominee)»")
            try tmux.sendKeys("Escape")
            try tmux.waitFor("I. TẬP THỂ (2)")
            try tmux.waitForLine(containing: ["▶", Self.nominee, "Dự kiến"])

            // A vote of 4 out of 9 members: below "more than 50 %".
            try tmux.sendKeys("v")
            try tmux.waitFor("Biểu quyết của hội đồng")
            try tmux.type("9")
            try tmux.sendKeys("Tab")
            try tmux.type("9")
            try tmux.sendKeys("Tab")
            try tmux.type("4")
            try tmux.sendKeys("Tab")
            try tmux.type("5")
            try tmux.sendKeys("Tab")
            try tmux.type("0")
            try tmux.waitFor("CHƯA ĐẠT ngưỡng trên 50 %")
            try tmux.sendKeys("F2")
            try tmux.waitFor("⚠ Biểu quyết: 4/9 thành viên đồng ý (44,4 % tổng số thành viên)")
            try tmux.waitForLine(containing: [Self.nominee, "4/9 44,4%", "Hội đồng đã xét", "⚠ Biểu quyết"])

            // A failed vote blocks the next step, and is not a warning to override.
            try tmux.sendKeys("t")
            try tmux.waitFor("Chuyển bước")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("không đạt biểu quyết")
            try tmux.sendKeys("o")
            try tmux.waitFor("không đạt biểu quyết của hội đồng")

            // The vote was typed wrong: recorded again, 7 of 9 agree.
            try tmux.sendKeys("v")
            try tmux.waitFor("Biểu quyết của hội đồng")
            for _ in 0..<4 { try tmux.sendKeys("Tab") } // from the method to «Đồng ý»
            try tmux.sendKeys("C-u")
            try tmux.type("7")
            try tmux.sendKeys("Tab")
            try tmux.sendKeys("C-u")
            try tmux.type("2")
            try tmux.waitFor("— đạt ngưỡng trên 50 %")
            try tmux.sendKeys("F2")
            try tmux.waitForLine(containing: [Self.nominee, "7/9 77,8%", "Hội đồng đã xét"])
            try tmux.sendKeys("t")
            try tmux.waitFor("Chuyển bước")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("sang «Đã trình»")

            // The decision, then the award history of the nominee.
            try tmux.sendKeys("r")
            try tmux.waitFor("Ghi quyết định khen thưởng")
            try tmux.type("123")
            try tmux.sendKeys("F2")
            try tmux.waitFor("Đã ghi quyết định 123/QĐ-UBND")
            try tmux.waitForLine(containing: [Self.nominee, "Đã khen"])
            try tmux.sendKeys("k")
            try tmux.waitFor("Trang chính › Khen thưởng › Lịch sử khen thưởng")
            try tmux.waitForLine(containing: [Self.nominee, "khen thưởng"])
            try tmux.waitForLine(containing: ["2025", "Giấy khen", "123/QĐ-UBND"])
            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        let csv = try ThiDuaProgram.run(["export", "nominations", "--period", "2025", "--format", "csv"], folder: folder)
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first?.contains("Đợt,Mã đề nghị,Hình thức") == true, "\(lines.first ?? "")")
        let decided = try #require(lines.first { $0.contains(Self.nominee) })
        for part in ["2025", "Giấy khen của Chủ tịch UBND xã", "7/9", "77.8", "Đã khen", "123/QĐ-UBND", "24/11/2026"] {
            #expect(decided.contains(part), "«\(part)» missing from: \(decided)")
        }
        #expect(lines.contains { $0.contains("Doanh nghiệp tư nhân Ông Ích (mẫu)") && $0.contains("Dự kiến") })
        let other = try ThiDuaProgram.run(["export", "nominations", "--period", "so-ket", "--format", "json"], folder: folder)
        #expect(other.status == 0)
        #expect(other.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "no nominations at the mid-term")
        let bad = try ThiDuaProgram.run(["export", "nominations", "--period", "giua-ky"], folder: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("«giua-ky» không phải đợt khen thưởng"))
    }
}
