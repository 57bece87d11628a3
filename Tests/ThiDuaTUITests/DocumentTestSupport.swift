import Foundation
import Testing
import ThiDuaOutput
import ThiDuaRender
@testable import ThiDuaTUI

/// Shared steps of the documents tests.
enum DocumentSteps {
    /// The two collectives "6 < g Enter Enter" nominates for Giấy khen xã 2025.
    static let nominees = ["Doanh nghiệp tư nhân Ông Ích (mẫu)", "Công ty TNHH Thương mại Đồng Hỷ (mẫu)"]

    /// The sample commune with two 2025 Giấy khen nominations, back on the home screen.
    static func harnessWithNominations() throws -> AppHarness {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g Enter Enter Esc Esc")
        #expect(h.app.top is HomeScreen)
        #expect(h.data.nominations.count == 2)
        return h
    }

    /// Home → 7 → the nomination list → period 2025, form Giấy khen xã → preview.
    static let giayKhenPreview = "7 Enter Left Tab g F5"

    static func preview(_ h: AppHarness) throws -> DocumentPreviewScreen {
        try #require(h.app.top as? DocumentPreviewScreen)
    }

    static var defaultPDF: (AppHarness) -> String {
        { $0.app.session.documentsFolder + "/danh-sach-giay-khen-xa-2025.pdf" }
    }
}

/// Records what the screens asked to print, without printing.
final class FakeDocumentOutput: DocumentOutput {
    let documentsFolder: String
    private(set) var printed: [DocumentPrintJob] = []
    private(set) var saved: [DocumentSaveJob] = []

    init(documentsFolder: String = "/nowhere/documents") {
        self.documentsFolder = documentsFolder
    }

    func save(_ job: DocumentSaveJob) -> Result<SavedDocument, DocumentOutputError> {
        saved.append(job)
        return .success(SavedDocument(path: job.path, format: job.format))
    }

    func print(_ job: DocumentPrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        printed.append(job)
        return .success(.printed(queue: "VHXH-A4", jobID: "VHXH-A4-7", pageCount: 2, copies: job.copies,
                                 duplex: job.duplex))
    }

    private(set) var printedCertificates: [CertificatePrintJob] = []

    func printCertificates(_ job: CertificatePrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        printedCertificates.append(job)
        return .success(.printed(queue: "VHXH-A4", jobID: "VHXH-A4-8", pageCount: job.certificates.count, copies: job.copies,
                                 duplex: false, media: job.media))
    }
}

/// Real readers of the files the program writes.
enum Readers {
    static func path(of tool: String) -> String? {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return search.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `pdftotext -layout FILE -`; records an issue when poppler-utils is missing (CI installs it).
    static func pdfText(_ file: String) throws -> String {
        guard let tool = path(of: "pdftotext") else {
            Issue.record("pdftotext is not installed (apt-get install poppler-utils)")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", file, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
