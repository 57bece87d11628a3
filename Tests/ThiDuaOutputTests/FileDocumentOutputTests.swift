import Foundation
import Testing
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// Saving and printing through the real output service, in a temporary folder: where a typed
/// path lands, what is refused and how, and the PDF kept when there is no printer.
@Suite struct FileDocumentOutputTests {
    let root = NSTemporaryDirectory() + "thidua-output-\(UUID().uuidString)"
    var documents: String { root + "/documents" }
    let note = Document(blocks: [.paragraph(.init("Giấy mời họp Hội đồng Thi đua - Khen thưởng xã."))], title: "Giấy mời")

    func service(lp: String? = nil) throws -> FileDocumentOutput {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return FileDocumentOutput(documentsFolder: documents, printer: LinePrinter(lp: lp, lpstat: nil))
    }

    @Test func aBareNameIsSavedInTheDocumentsFolderWhichIsCreatedOnFirstUse() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try service()
        let saved = try output.save(DocumentSaveJob(document: note, format: .txt, path: " giay-moi.txt ")).get()
        #expect(saved.path == documents + "/giay-moi.txt")
        #expect(saved.message == "Đã lưu TXT: \(documents)/giay-moi.txt.")
        let text = try String(contentsOfFile: saved.path, encoding: .utf8)
        #expect(text.contains("Giấy mời họp Hội đồng Thi đua"))
    }

    @Test func anExistingFileIsKeptUnlessTheJobAllowsOverwriting() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try service()
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        let path = documents + "/giay-moi.txt"
        try "bản cũ".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = output.save(DocumentSaveJob(document: note, format: .txt, path: path))
        #expect(refused == .failure(.fileExists(path: path)))
        #expect(DocumentOutputError.fileExists(path: path).message == "Tệp «\(path)» đã có.")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bản cũ")
        _ = try output.save(DocumentSaveJob(document: note, format: .txt, path: path, overwrite: true)).get()
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "bản cũ")
    }

    @Test func aFolderAMissingFolderOrNoPathIsRefusedWithAMessage() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try service()
        #expect(output.save(DocumentSaveJob(document: note, format: .pdf, path: "  ")) == .failure(.failed("Chưa nhập đường dẫn tệp.")))
        #expect(output.save(DocumentSaveJob(document: note, format: .pdf, path: root))
                == .failure(.failed("«\(root)» là thư mục; hãy thêm tên tệp, ví dụ \(root)/van-ban.pdf.")))
        #expect(output.save(DocumentSaveJob(document: note, format: .pdf, path: root + "/khong-co/a.pdf"))
                == .failure(.failed("Chưa lưu được PDF: không có thư mục «\(root)/khong-co».")))
    }

    @Test func withoutLpThePDFIsSavedInsteadUnderANameThatReplacesNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = try service()
        let job = DocumentPrintJob(document: note, title: "Giấy mời", fileName: "giay-moi.pdf")
        let first = try output.print(job).get()
        #expect(first == .savedInstead(path: documents + "/giay-moi.pdf", pageCount: 1, reason: "chưa cài lệnh lp (gói cups-client)"))
        #expect(first.message.hasPrefix("Không có máy in; đã lưu PDF tại \(documents)/giay-moi.pdf (1 trang)."))
        let second = try output.print(job).get()
        #expect(second == .savedInstead(path: documents + "/giay-moi-2.pdf", pageCount: 1, reason: "chưa cài lệnh lp (gói cups-client)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: documents + "/giay-moi.pdf")).starts(with: Array("%PDF-".utf8)))
    }

    @Test func aPrinterThatAnswersGivesThePrintedMessage() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let lp = root + "/lp"
        try "#!/bin/sh\necho 'request id is VHXH-A4-3 (1 file(s))'\n".write(toFile: lp, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lp)
        let output = try service(lp: lp)
        let outcome = try output.print(DocumentPrintJob(document: note, title: "Giấy mời", fileName: "giay-moi.pdf",
                                                        copies: 2, duplex: true, queue: "VHXH-A4")).get()
        #expect(outcome == .printed(queue: "VHXH-A4", jobID: "VHXH-A4-3", pageCount: 1, copies: 2, duplex: true))
        #expect(outcome.message == "Đã gửi in tới máy in VHXH-A4: 2 bản × 1 trang, khổ A4, in hai mặt (lệnh in VHXH-A4-3).")
        #expect(!FileManager.default.fileExists(atPath: documents), "nothing is kept when the job was printed")
    }

    /// Two data folders side by side must never write into one documents folder.
    @Test func eachDataFolderHasItsOwnDocumentsFolder() {
        #expect(DocumentFolders.default(forDataFolder: "/home/hoa/.local/share/thidua/") == "/home/hoa/.local/share/thidua/documents")
        #expect(DocumentFolders.default(forDataFolder: "/srv/xa-a") != DocumentFolders.default(forDataFolder: "/srv/xa-b"))
    }
}
