import Foundation
import Testing
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore
import ThiDuaTestSupport
@testable import ThiDuaTUI

/// Saving the previewed document: the default path in the data folder's documents folder, the five formats,
/// asking before replacing a file, and the disk's refusals in Vietnamese.
@Suite struct DocumentSaveTests {
    private func previewed() throws -> AppHarness {
        let h = try DocumentSteps.harnessWithNominations()
        try h.keys(DocumentSteps.giayKhenPreview)
        _ = try DocumentSteps.preview(h)
        return h
    }

    @Test func theNextSaveStartsInTheFolderOfTheLastOne() throws {
        let h = try previewed()
        let other = h.root + "/khac"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try h.keys("F2 Tab C-u \"\(other)/mot.pdf\" F2")
        #expect(FileManager.default.fileExists(atPath: other + "/mot.pdf"))
        try h.keys("F2")
        let save = try #require(h.app.top as? DocumentSaveScreen)
        #expect(save.form.text("path") == other + "/danh-sach-giay-khen-xa-2025.pdf")
    }

    @Test func savesThePDFInTheDataFolderAndSaysWhereAndHowLong() throws {
        let h = try previewed()
        try h.keys("F2")
        let save = try #require(h.app.top as? DocumentSaveScreen)
        let path = DocumentSteps.defaultPDF(h)
        #expect(path == h.folder + "/documents/danh-sach-giay-khen-xa-2025.pdf")
        #expect(save.form.text("path") == path)
        #expect(!FileManager.default.fileExists(atPath: h.folder + "/documents"), "made on the first save")
        try h.keys("F2")
        #expect(h.app.top is DocumentPreviewScreen)
        #expect(h.app.message == "Đã lưu PDF: \(path) (1 trang).")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let text = try Readers.pdfText(path)
        for name in DocumentSteps.nominees {
            #expect(text.contains(name.prefix(12)), "\(name) in:\n\(text)")
        }
        #expect(text.contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
    }

    @Test func docxCsvXlsxAndTextFollowTheChosenFormat() throws {
        let h = try previewed()
        let folder = h.app.session.documentsFolder
        try h.keys("F2 Right")
        let save = try #require(h.app.top as? DocumentSaveScreen)
        #expect(save.form.text("path") == folder + "/danh-sach-giay-khen-xa-2025.docx")
        try h.keys("F2")
        let docx = try Data(contentsOf: URL(fileURLWithPath: folder + "/danh-sach-giay-khen-xa-2025.docx"))
        #expect(docx.starts(with: Array("PK".utf8)))
        #expect(h.app.message == "Đã lưu DOCX: \(folder)/danh-sach-giay-khen-xa-2025.docx.")

        try h.keys("F2 Right Right F2")
        let csv = try Data(contentsOf: URL(fileURLWithPath: folder + "/danh-sach-giay-khen-xa-2025.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let csvText = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(csvText.hasPrefix("STT,Tên tập thể,Khối,"))
        for name in DocumentSteps.nominees { #expect(csvText.contains(name)) }

        try h.keys("F2 Right Right Right F2")
        let xlsx = folder + "/danh-sach-giay-khen-xa-2025.xlsx"
        #expect(h.app.message == "Đã lưu XLSX: \(xlsx).")
        let sheet = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: xlsx)), file: "danh-sach.xlsx")
        #expect(sheet.name == "Tập thể" && sheet.rows.first?.cells.prefix(3) == ["STT", "Tên tập thể", "Khối"])
        for name in DocumentSteps.nominees { #expect(sheet.rows.contains { $0.cells.contains(name) }, "\(name)") }

        // A path typed by hand keeps its own ending; a bare name goes into the documents folder.
        try h.keys("F2 End Tab C-u \"ban-sao.text\" Enter")
        let text = try String(contentsOfFile: folder + "/ban-sao.text", encoding: .utf8)
        #expect(text.contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
        #expect(text.contains("│ I. TẬP THỂ (2)"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 }, "landscape lists are 120 columns")
    }

    @Test func anExistingFileIsReplacedOnlyAfterYes() throws {
        let h = try previewed()
        let path = DocumentSteps.defaultPDF(h)
        try FileManager.default.createDirectory(atPath: h.app.session.documentsFolder, withIntermediateDirectories: true)
        try "bản cũ".write(toFile: path, atomically: true, encoding: .utf8)
        try h.keys("F2 F2")
        #expect(h.all.contains("Ghi đè"))
        #expect(h.all.contains("danh-sach-giay-khen-xa-2025.pdf» đã có."))
        try h.keys("Enter")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bản cũ", "the dialog starts on Không")
        #expect(h.app.top is DocumentSaveScreen)
        #expect(h.status.contains("Chưa lưu: tệp cũ giữ nguyên."))
        try h.keys("F2 c")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Array("%PDF-".utf8)))
        #expect(h.app.top is DocumentPreviewScreen)
    }

    @Test func aFullDiskOrAForbiddenFolderIsReportedWithThePathAndNothingIsLeftHalfWritten() throws {
        let h = try previewed()
        let folder = h.app.session.documentsFolder
        let disk = FaultyFileSystem(wrapping: PosixFileSystem())
        h.app.documentOutput = FileDocumentOutput(documentsFolder: folder, printer: LinePrinter(lp: nil, lpstat: nil),
                                                  fileSystem: disk)
        disk.inject(FaultRule(.write, .afterBytes(100), errno: ENOSPC))
        try h.keys("F2 F2")
        #expect(h.app.top is DocumentSaveScreen, "the form stays for another try")
        #expect(h.app.message.hasPrefix("Chưa lưu được PDF: Ổ đĩa đã đầy: không ghi được «\(folder)/danh-sach-giay-khen-xa-2025.pdf»"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "no temporary file left")

        disk.heal()
        disk.inject(FaultRule(.open, .fromNthCall(1), errno: EACCES))
        try h.keys("F2")
        #expect(h.app.message.hasPrefix("Chưa lưu được PDF: Không có quyền mở để ghi «\(folder)/danh-sach-giay-khen-xa-2025.pdf»"))

        disk.heal()
        try h.keys("Tab C-u \"/khong/co/thu/muc/nay.pdf\" F2")
        #expect(h.app.message == "Chưa lưu được PDF: không có thư mục «/khong/co/thu/muc».")
    }

    @Test func aLetterThePrintFontLacksIsNamedInsteadOfWritingABrokenPDF() throws {
        let h = try DocumentSteps.harnessWithNominations()
        let unit = try #require(h.data.units.values.first { $0.name == DocumentSteps.nominees[1] })
        var renamed = unit
        renamed.name = "Công ty 日 (mẫu)"
        _ = try h.store.commit(.updateUnit(unit: renamed))
        try h.keys(DocumentSteps.giayKhenPreview + " F2 F2")
        #expect(h.app.message.hasPrefix("Chưa lưu được PDF vào «\(DocumentSteps.defaultPDF(h))»: Phông chữ"))
        #expect(h.app.message.contains("không có ký tự U+65E5 «日»"))
        #expect(!FileManager.default.fileExists(atPath: DocumentSteps.defaultPDF(h)))
        // Text formats carry any letter.
        try h.keys("Right Right Right Right F2")
        #expect(h.app.message.hasPrefix("Đã lưu TXT:"))
    }
}
