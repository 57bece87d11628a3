import Foundation
import Testing
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore
@testable import ThiDuaTUI

/// Printing a decision's certificates from the nominations: the preview, the register written
/// before printing and taken back when printing fails, and the refusals before a decision.
@Suite struct CertificatePrintScreenTests {
    /// An output whose printer always fails, as a jammed or unplugged one would.
    final class FailingOutput: DocumentOutput {
        let documentsFolder = "/nowhere"
        func save(_ job: DocumentSaveJob) -> Result<SavedDocument, DocumentOutputError> { .failure(.failed("hỏng")) }
        func print(_ job: DocumentPrintJob) -> Result<PrintOutcome, DocumentOutputError> { .failure(.failed("hỏng")) }
        func printCertificates(_ job: CertificatePrintJob) -> Result<PrintOutcome, DocumentOutputError> {
            .failure(.failed("Lệnh in báo lỗi (mã 1): máy in hết giấy."))
        }
    }

    /// One nomination for Giấy khen 2025 decided by 215/QĐ-UBND (dated the harness's today).
    private func decided() throws -> AppHarness {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g Enter Esc v \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2 t Enter r \"215\" F2")
        #expect(h.data.nominations.values.contains { $0.decision?.number == "215/QĐ-UBND" })
        return h
    }

    @Test func beforeADecisionThereIsNothingToPrint() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g Enter Esc p")
        #expect(!(h.app.top is CertificatePrintScreen))
        #expect(h.app.message.contains("chưa có quyết định khen"))
    }

    @Test func thePreviewPrintsAndTheRegisterKeepsTheNumber() throws {
        let h = try decided()
        let fake = FakeDocumentOutput()
        h.app.documentOutput = fake
        try h.keys("p")
        let screen = try #require(h.app.top as? CertificatePrintScreen)
        #expect(screen.preview.map { $0[.number] } == ["Số: 1/GK-2026"])
        #expect(h.text(100, 30).contains("Phôi 297 × 210 mm"))
        try h.keys("F5")
        #expect(fake.printedCertificates.count == 1 && fake.printedCertificates[0].media == .blank(width: 297, height: 210))
        let issue = try #require(h.data.nominations.values.compactMap(\.certificate).first)
        #expect(issue.number == "1/GK-2026" && issue.printings.count == 1)
        #expect(!(h.app.top is CertificatePrintScreen) && h.app.message.contains("1/GK-2026 (1 giấy)"))
        // One undo takes the register's record back.
        try h.keys("u")
        #expect(h.data.nominations.values.allSatisfy { $0.certificate == nil })
    }

    @Test func aFailedPrintingIsTakenBackFromTheRegister() throws {
        let h = try decided()
        h.app.documentOutput = FailingOutput()
        try h.keys("p F5")
        #expect(h.data.nominations.values.allSatisfy { $0.certificate == nil })
        #expect(try h.reopened().nominations.values.allSatisfy { $0.certificate == nil })
        #expect(h.app.message.contains("máy in hết giấy") && h.app.message.contains("Sổ cấp phát không ghi lần in này"))
    }
}
