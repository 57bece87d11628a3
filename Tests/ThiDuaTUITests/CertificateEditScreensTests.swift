import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// What the office types for certificates: one certificate's own text from the preview (kept
/// and reused on a reprint), a field's position in millimetres, and each printer's offset.
@Suite struct CertificateEditScreensTests {
    /// The sample with one Giấy khen 2025 decided by 215/QĐ-UBND, its preview open.
    private func preview() throws -> AppHarness {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g Enter Esc v \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2 t Enter r \"215\" F2 p")
        #expect(h.app.top is CertificatePrintScreen)
        return h
    }

    @Test func oneCertificatesTextIsEditedBeforePrintingAndReusedOnTheReprint() throws {
        let h = try preview()
        let fake = FakeDocumentOutput()
        h.app.documentOutput = fake
        try h.keys("e")
        #expect(h.app.top is CertificateTextScreen)
        // The achievement is the fourth field: Danh xưng, Họ tên, Chức vụ, Thành tích.
        try h.keys("Tab Tab Tab C-u \"Có sáng kiến số hoá hồ sơ một cửa.\" F2")
        #expect(h.app.top is CertificatePrintScreen)
        #expect(h.app.message.contains("Đã lưu chữ của giấy khen"))
        let text = h.text(100, 30)
        #expect(text.contains("▶") && text.contains("(chữ đã sửa riêng)") && text.contains("Có sáng kiến số hoá hồ sơ một cửa."))
        let unprinted = try #require(h.data.nominations.values.compactMap(\.certificate).first)
        #expect(!unprinted.isPrinted)

        try h.keys("F5")
        #expect(fake.printedCertificates.first?.certificates.first?[.achievement] == "Có sáng kiến số hoá hồ sơ một cửa.")
        let issue = try #require(h.data.nominations.values.compactMap(\.certificate).first)
        #expect(issue.number == "1/GK-2026" && issue.edits[.achievement] == "Có sáng kiến số hoá hồ sơ một cửa.")

        // Printed again from the nominations: the same number, the same text.
        try h.keys("p F5")
        #expect(fake.printedCertificates.count == 2)
        #expect(fake.printedCertificates[1].certificates.first?[.achievement] == "Có sáng kiến số hoá hồ sơ một cửa.")
        #expect(h.data.nominations.values.compactMap(\.certificate).first?.printings.count == 2)
        #expect(try h.reopened().nominations.values.compactMap(\.certificate).first?.edits[.achievement]
                == "Có sáng kiến số hoá hồ sơ một cửa.")
    }

    @Test func aFieldIsPlacedByItsNumbersAndRefusedOffTheBlank() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 C-b Tab Enter")
        #expect(h.app.top is CertificateFieldScreen)
        try h.keys("C-u \"12,5\" Tab C-u \"90\" F2")
        let name = h.data.catalog.form("giay-khen-xa")?.certificateLayout(for: .individual).layout(of: .name)
        #expect(name?.x == 12.5 && name?.y == 90)
        #expect(h.app.top is CertificateLayoutScreen && h.app.message.contains("Đã lưu ô «Họ tên / tên tập thể»"))
        try h.keys("u")
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateLayouts == nil)

        try h.keys("Enter Tab Tab C-u \"290\" F2")
        #expect(h.app.top is CertificateFieldScreen)
        #expect(h.text(80, 24).contains("phải nằm trong phôi 297 × 210 mm"))
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateLayouts == nil)
    }

    @Test func eachPrinterHasItsOffsetAndANameTwiceIsRefused() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 C-b o")
        #expect(h.app.top is PrinterOffsetsScreen)
        try h.keys("\"VHXH-A4\" Tab \"2,5\" Tab \"-1\" F2")
        #expect(h.data.settings.printerOffsets == [PrinterOffset(printer: "VHXH-A4", x: 2.5, y: -1)])
        #expect(try h.reopened().settings.printerOffsets == [PrinterOffset(printer: "VHXH-A4", x: 2.5, y: -1)])

        // The saved row and a new one for the same printer.
        try h.keys("o Tab Tab Tab \"VHXH-A4\" Tab \"1\" F2")
        #expect(h.app.top is PrinterOffsetsScreen)
        #expect(h.text(100, 30).contains("Độ lệch của máy in VHXH-A4 được ghi hai lần"))
        #expect(h.data.settings.printerOffsets.count == 1)
    }

    @Test func theCalibrationPageIsPrintedFromTheEditorWithThePrintersOffset() throws {
        let h = try AppHarness(sample: true)
        var settings = h.data.settings
        settings.printerOffsets = [PrinterOffset(printer: "", x: 1, y: 2)]
        _ = try h.store.commit(.updateSettings(settings: settings))
        let fake = FakeDocumentOutput()
        h.app.documentOutput = fake
        try h.keys("9 C-b p")
        let job = try #require(fake.printedCertificates.first)
        #expect(job.calibrationFormName == "Giấy khen của Chủ tịch UBND xã" && job.title == "Trang căn chỉnh Giấy khen xã")
        #expect(job.pageCount == 1 && job.printerOffsets == settings.printerOffsets && job.media == .blank(width: 297, height: 210))
        #expect(h.app.message.contains("Đặt trang lên phôi"))
    }

    @Test func theRegistersNumberPatternIsSetPerFormAndChecked() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 C-b s")
        #expect(h.app.top is PromptScreen && h.text(80, 24).contains("{số}/GK-{năm}"))
        try h.keys("C-u \"GK-{năm}\" Enter")
        #expect(h.app.top is PromptScreen && h.text(80, 24).contains("phải có «{số}»"))
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateNumberPattern == nil)
        try h.keys("C-u \"{số}/GK-XPQ-{năm}\" Enter")
        #expect(h.app.top is CertificateLayoutScreen)
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateNumberPattern == "{số}/GK-XPQ-{năm}")
        let form = try #require(h.data.catalog.form("giay-khen-xa"))
        #expect(CertificateRegister.number(7, year: 2025, form: form) == "7/GK-XPQ-2025")
        // Typed back as the default, the form keeps no pattern of its own.
        try h.keys("s C-u \"{số}/GK-{năm}\" Enter")
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateNumberPattern == nil)
    }
}
