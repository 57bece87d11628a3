import Foundation
import Testing
import ThiDuaTestSupport

/// Issue 6's flow on the real binary under tmux, over the sample commune: nominate two units
/// for Giấy khen 2025, open the list in Văn bản, in ấn, find a name typed without accents,
/// save it as PDF beside the data folder and send it to a stand-in for lp.
@Suite(.timeLimit(.minutes(1)))
struct DocumentsEndToEndTests {
    static let nominees = ["Doanh nghiệp tư nhân Ông Ích (mẫu)", "Công ty TNHH Thương mại Đồng Hỷ (mẫu)"]

    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func previewSearchSaveAndPrintTheGiayKhenList() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        // The sample before its award round: this flow makes the round itself.
        try PreRoundSample.initialize(folder: folder.data)
        let lp = try FakeLinePrinter(in: folder.root)
        let pdf = folder.data + "/documents/danh-sach-giay-khen-xa-2025.pdf"

        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder, height: 24, lp: lp.path)

            try tmux.sendKeys("6")
            try tmux.waitFor("Trang chính › Khen thưởng")
            try tmux.sendKeys("<")
            try tmux.waitFor("Đợt ◀ Năm 2025 ▶")
            try tmux.sendKeys("g")
            try tmux.waitFor("Theo quy tắc:")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Đã đề nghị «\(Self.nominees[0])»")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Đã đề nghị «\(Self.nominees[1])»")
            try tmux.sendKeys("Escape")
            try tmux.waitFor("I. TẬP THỂ (2)")
            try tmux.sendKeys("Escape")
            try tmux.waitFor(ThiDuaProgram.Needle.home)

            // The list of documents, the parameters, the preview.
            try tmux.sendKeys("7")
            try tmux.waitFor("Trang chính › Văn bản, in ấn")
            try tmux.waitForLine(containing: ["▶", "1. Danh sách đề nghị khen thưởng"])
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Dùng ở dòng lệnh: thidua print danh-sach")
            try tmux.sendKeys("Left")
            try tmux.waitForLine(containing: ["Đợt", "Năm 2025"])
            try tmux.sendKeys("Tab")
            try tmux.type("g")
            try tmux.waitForLine(containing: ["Hình thức", "Giấy khen xã"])
            try tmux.sendKeys("F5")
            try tmux.waitFor("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
            try tmux.waitFor("Giấy khen của Chủ tịch UBND xã — Năm 2025")
            try tmux.waitFor("I. TẬP THỂ (2)")

            // Search without accents: the closing line, below the screen, scrolls into view.
            try tmux.waitForAbsence(of: "Danh sách có 2 tập thể./.")
            try tmux.sendKeys("/")
            try tmux.type("danh sach co 2")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Danh sách có 2 tập thể./.")

            // Save as PDF beside the data folder.
            try tmux.sendKeys("F2")
            try tmux.waitForLine(containing: ["▶ Định dạng", "PDF"])
            try tmux.waitFor("danh-sach-giay-khen-xa-2025.pdf")
            try tmux.sendKeys("F2")
            try tmux.waitFor("Đã lưu PDF:", timeout: 10)
            try tmux.waitFor("(1 trang)")

            // Print two copies on both sides through the stand-in lp.
            try tmux.sendKeys("p")
            try tmux.waitFor("In hai mặt")
            try tmux.sendKeys("BSpace")
            try tmux.type("2")
            try tmux.sendKeys("Tab", "Right", "F5")
            try tmux.waitFor("Đã gửi in tới máy in mặc định: 2 bản × 1 trang", timeout: 10)
            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        if let pdftotext = Spawn.which("pdftotext") {
            let text = try Spawn.run(pdftotext, ["-layout", pdf, "-"], environment: ["LANG": "C.UTF-8"])
            #expect(text.status == 0)
            #expect(text.stdout.contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
            #expect(text.stdout.contains("Đồng Hỷ"), "\(text.stdout)")
        } else {
            Issue.record("pdftotext is not installed (apt-get install poppler-utils)")
        }
        let args = lp.arguments
        #expect(Array(args.dropLast()) == ["-n", "2", "-o", "media=A4", "-o", "sides=two-sided-long-edge",
                                           "-t", "Danh sách đề nghị khen thưởng Năm 2025"])
        let printed = try Data(contentsOf: URL(fileURLWithPath: lp.copy))
        #expect(printed == bytes, "lp got the same PDF that was saved")
    }
}
