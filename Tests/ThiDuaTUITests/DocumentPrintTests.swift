import Foundation
import Testing
import ThiDuaTestSupport
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore
@testable import ThiDuaTUI

/// Printing the previewed document: what the screen asks for, the `lp` command line the
/// real service runs (through a script standing in for `lp`), and the PDF kept when there is
/// no printer.
@Suite struct DocumentPrintTests {
    private func previewed() throws -> AppHarness {
        let h = try DocumentSteps.harnessWithNominations()
        try h.keys(DocumentSteps.giayKhenPreview)
        _ = try DocumentSteps.preview(h)
        return h
    }

    @Test func thePrintFormAsksForCopiesAndSidesAndHandsTheJobToTheService() throws {
        let h = try previewed()
        let fake = FakeDocumentOutput()
        h.app.documentOutput = fake
        try h.keys("p")
        #expect(h.app.top is DocumentPrintScreen)
        assertGolden(h.screen(80, 24), "document-print-80x24")
        try h.keys("BSpace \"0\" F5")
        #expect(fake.printed.isEmpty)
        #expect(h.all.contains("1"), "0 copies is refused with the allowed range")
        try h.keys("BSpace \"2\" Tab Right F5")
        let job = try #require(fake.printed.first)
        #expect(job.copies == 2)
        #expect(job.duplex)
        #expect(job.queue == nil)
        #expect(job.title == "Danh sách đề nghị khen thưởng Năm 2025")
        #expect(job.fileName == "danh-sach-giay-khen-xa-2025.pdf")
        #expect(job.document == (try DocumentSteps.preview(h)).document)
        #expect(h.app.message == "Đã gửi in tới máy in VHXH-A4: 2 bản × 2 trang, khổ A4, in hai mặt (lệnh in VHXH-A4-7).")
    }

    @Test func withoutAPrinterThePDFIsSavedInTheDocumentsFolderUnderAFreeName() throws {
        let h = try previewed()
        let path = DocumentSteps.defaultPDF(h)
        try h.keys("p F5")
        #expect(h.app.message.hasPrefix("Không có máy in; đã lưu PDF tại \(path) (1 trang). Lý do: chưa cài lệnh lp"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Array("%PDF-".utf8)))
        try h.keys("p F5")
        let second = path.replacingOccurrences(of: ".pdf", with: "-2.pdf")
        #expect(h.app.message.hasPrefix("Không có máy in; đã lưu PDF tại \(second)"), "the first file is kept")
        #expect(FileManager.default.fileExists(atPath: second))
    }

    /// A stand-in for `lp` that records its arguments, one per line, and copies the file it
    /// was given, so the test sees what `lp` would have read.
    static func fakeLP(in folder: String, exitCode: Int = 0, stderr: String = "") throws -> String {
        let script = folder + "/fake-lp"
        try ExecutableScript.write("""
        #!/bin/sh
        printf '%s\\n' "$@" > "\(folder)/lp-args.txt"
        for last in "$@"; do :; done
        cp "$last" "\(folder)/lp-file.pdf"
        echo "request id is VHXH-A4-12 (1 file(s))"
        printf '%s' '\(stderr)' >&2
        exit \(exitCode)
        """, to: script)
        return script
    }

    @Test func theRealServiceRunsLpWithAnArgumentArray() throws {
        let h = try previewed()
        let scripts = h.root + "/bin"
        try FileManager.default.createDirectory(atPath: scripts, withIntermediateDirectories: true)
        let lp = try Self.fakeLP(in: scripts)
        let lpstat = scripts + "/fake-lpstat"
        try ExecutableScript.write("#!/bin/sh\n[ \"$1\" = -d ] && echo 'system default destination: VHXH-A4'\nexit 0\n", to: lpstat)
        h.app.documentOutput = FileDocumentOutput(documentsFolder: h.app.session.documentsFolder,
                                                  printer: LinePrinter.fromEnvironment(["THIDUA_LP": lp,
                                                                                        "THIDUA_LPSTAT": lpstat]))
        try h.keys("p BSpace \"3\" Tab Right Enter")
        let args = try String(contentsOfFile: scripts + "/lp-args.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(Array(args.dropLast()) == ["-d", "VHXH-A4", "-n", "3", "-o", "media=A4", "-o", "sides=two-sided-long-edge",
                                           "-t", "Danh sách đề nghị khen thưởng Năm 2025"])
        #expect(args.last?.hasSuffix("/danh-sach-giay-khen-xa-2025.pdf") == true)
        #expect(!FileManager.default.fileExists(atPath: args.last ?? "/"), "the temporary copy is gone after lp")
        let copied = try Data(contentsOf: URL(fileURLWithPath: scripts + "/lp-file.pdf"))
        #expect(copied.starts(with: Array("%PDF-".utf8)), "lp was given a finished PDF")
        #expect(h.app.message == "Đã gửi in tới máy in VHXH-A4: 3 bản × 1 trang, khổ A4, in hai mặt (lệnh in VHXH-A4-12).")
    }

    @Test func lpErrorsAreShownAndNoDefaultQueueFallsBackToSaving() throws {
        let h = try previewed()
        let scripts = h.root + "/bin"
        try FileManager.default.createDirectory(atPath: scripts, withIntermediateDirectories: true)
        let folder = h.app.session.documentsFolder
        let failing = try Self.fakeLP(in: scripts, exitCode: 1, stderr: "lp: Error - The printer or class does not exist.")
        h.app.documentOutput = FileDocumentOutput(documentsFolder: folder, printer: LinePrinter(lp: failing, lpstat: nil))
        try h.keys("p F5")
        #expect(h.app.top is DocumentPrintScreen)
        #expect(h.app.message == "Lệnh in báo lỗi (mã 1): lp: Error - The printer or class does not exist.")

        let missing = scripts + "/khong-co-lp"
        h.app.documentOutput = FileDocumentOutput(documentsFolder: folder, printer: LinePrinter(lp: missing, lpstat: nil))
        try h.keys("F5")
        #expect(h.app.message == "Chưa in được. Không chạy được chương trình «\(missing)»: không có tệp này.")
        let notExecutable = scripts + "/lp-khong-chay-duoc"
        try "#!/bin/sh\n".write(toFile: notExecutable, atomically: true, encoding: .utf8)
        h.app.documentOutput = FileDocumentOutput(documentsFolder: folder, printer: LinePrinter(lp: notExecutable, lpstat: nil))
        try h.keys("F5")
        #expect(h.app.message == "Chưa in được. Không chạy được chương trình «\(notExecutable)»: tệp không có quyền chạy.")

        let noDefault = try Self.fakeLP(in: scripts, exitCode: 1, stderr: "lp: Error - No default destination.")
        h.app.documentOutput = FileDocumentOutput(documentsFolder: folder, printer: LinePrinter(lp: noDefault, lpstat: nil))
        try h.keys("F5")
        #expect(h.app.message.hasPrefix("Không có máy in; đã lưu PDF tại \(folder)/danh-sach-giay-khen-xa-2025.pdf"))
        #expect(h.app.message.contains("Lý do: chưa chọn máy in mặc định."))
    }

    @Test func theQueueComesFromLpstatOrIsMissingForAReason() throws {
        #expect(LinePrinter.defaultQueue(fromLpstatD: "system default destination: TestA4\n") == "TestA4")
        #expect(LinePrinter.defaultQueue(fromLpstatD: "no system default destination\n") == nil)
        #expect(LinePrinter(lp: "/bin/true", lpstat: nil).destination(requested: nil) == .lpDefault)
        #expect(LinePrinter(lp: "/bin/true", lpstat: nil).destination(requested: "Q2") == .queue("Q2"))
        #expect(LinePrinter.arguments(queue: nil, copies: 1, duplex: false, title: "Tờ trình", file: "/t/a b.pdf")
                == ["-n", "1", "-o", "media=A4", "-t", "Tờ trình", "/t/a b.pdf"])
        let folder = NSTemporaryDirectory() + "thidua-lpstat-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func lpstat(_ body: String) throws -> LinePrinter {
            let path = folder + "/lpstat-\(UUID().uuidString.prefix(4))"
            try ExecutableScript.write("#!/bin/sh\n\(body)\n", to: path)
            return LinePrinter(lp: "/bin/true", lpstat: path)
        }
        let onlyOne = try lpstat("[ \"$1\" = -d ] && echo 'no system default destination' || echo TestA4")
        #expect(onlyOne.destination(requested: nil) == .queue("TestA4"))
        let none = try lpstat("[ \"$1\" = -d ] && echo 'no system default destination'; exit 0")
        #expect(none.destination(requested: nil) == .none(reason: "máy này chưa khai báo máy in nào (hoặc dịch vụ in CUPS chưa chạy)"))
        let two = try lpstat("[ \"$1\" = -d ] && echo 'no system default destination' || printf 'A\\nB\\n'")
        #expect(two.destination(requested: nil) == .none(reason: "có 2 máy in (A, B) nhưng chưa chọn máy in mặc định"))
    }
}
