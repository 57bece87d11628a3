import Foundation
import Testing
import ThiDuaDomain
import ThiDuaTestSupport
@testable import ThiDuaRender

/// Our workbook in the readers the office and its scripts use: openpyxl gets numbers as int or
/// float, dates as datetime, text as the NFC string (a phone's leading zero and a text starting
/// with «=» included), the frozen bold header and the widths; LibreOffice Calc shows the same
/// cells, dates as dd/mm/yyyy, and saves them again as the same numbers and dates. Skipped
/// where the tools are missing, except under THIDUA_REQUIRE_OFFICE=1 (CI), where that fails.
@Suite struct XLSXRealReaderTests {
    /// The first sheet of `XLSXWriterTests.workbook` as Python types.
    static let expectedCells: [[OfficeReaders.Cell]] = [
        XLSXWriterTests.header.map { .str($0) },
        [.str("DV0012"), .str("Nguyễn Thị Hoà".precomposedStringWithCanonicalMapping), .str("0912 345 678"), .str("=1+1"),
         .int(2026), .float("95.5"), .date("25/11/2026"), .int(1_490_000), .float("0.444")],
        [.str("CN00001"), .str("Trần Văn Đức"), .str("0208364908"), .none, .int(2025), .int(100), .date("01/01/2025"),
         .none, .int(1)],
        [.str("CN00002"), .str("Lưu Thị Ỷ Lan"), .none, .str("ghi chú\nhai dòng"), .int(2028), .float("87.25"),
         .date("29/02/2028"), .int(-20_000), .none],
    ]

    static func cells(of sheet: OfficeReaders.Sheet) -> [[OfficeReaders.Cell]] {
        (0..<4).map { row in (0..<XLSXWriterTests.header.count).map { sheet.cell(row, $0) } }
    }

    private func written() throws -> (work: String, path: String) {
        let work = NSTemporaryDirectory() + "thidua-xlsx-readers-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let path = work + "/ca-nhan.xlsx"
        try XLSXWriter().data(for: XLSXWriterTests.workbook).write(to: URL(fileURLWithPath: path))
        return (work, path)
    }

    @Test(.enabled(if: OfficeTools.pythonWithOpenpyxl != nil || OfficeTools.required, "python's openpyxl is not installed here"))
    func openpyxlReadsTheSameCellsNumbersAndDates() throws {
        let python = try #require(OfficeTools.pythonWithOpenpyxl, "THIDUA_REQUIRE_OFFICE is set but openpyxl is missing")
        let (work, path) = try written()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let sheets = try OfficeReaders.openpyxl(path, python: python, work: work)
        #expect(sheets.map(\.title) == ["Cá nhân", "Cá nhân (2)"])
        let sheet = try #require(sheets.first)
        #expect(Self.cells(of: sheet) == Self.expectedCells)
        #expect(sheet.freezePanes == "A2")
        #expect(sheet.headerBold)
        #expect(sheet.autoFilter == "A1:I4")
        let widths = XLSXWorksheet(sheet: XLSXWriterTests.workbook.sheets[0]).columnWidths()
        #expect(sheet.widths == Dictionary(uniqueKeysWithValues: widths.enumerated().map {
            (XLSXWorksheet.columnName($0.offset), Double($0.element))
        }))
        let grouped = sheets[1]
        #expect(grouped.rows.map { $0.map(\.value) } == [["STT", "Tên"], ["I. TẬP THỂ (1)", nil], ["1", "Thôn Yên Thịnh"]])
        #expect(grouped.cell(2, 0) == .int(1))
        #expect(grouped.freezePanes == "A2" && grouped.autoFilter == nil)
    }

    @Test(.enabled(if: OfficeTools.soffice != nil || OfficeTools.required, "LibreOffice is not installed here"))
    func libreOfficeShowsTheSameCellsAndSavesTheSameNumbersAndDates() throws {
        let soffice = try #require(OfficeTools.soffice, "THIDUA_REQUIRE_OFFICE is set but soffice is missing")
        let (work, path) = try written()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let shown = try #require(try OfficeReaders.libreOfficeCSV([path], soffice: soffice, work: work)["ca-nhan"])
        #expect(shown["Cá nhân"] == [
            XLSXWriterTests.header,
            ["DV0012", "Nguyễn Thị Hoà", "0912 345 678", "=1+1", "2026", "95.5", "25/11/2026", "1,490,000", "44.4%"],
            ["CN00001", "Trần Văn Đức", "0208364908", "", "2025", "100", "01/01/2025", "", "100.0%"],
            ["CN00002", "Lưu Thị Ỷ Lan", "", "ghi chú\nhai dòng", "2028", "87.25", "29/02/2028", "-20,000", ""],
        ].map { $0.map { $0.precomposedStringWithCanonicalMapping } })
        #expect(shown["Cá nhân (2)"] == [["STT", "Tên"], ["I. TẬP THỂ (1)", ""], ["1", "Thôn Yên Thịnh"]])

        // What LibreOffice saves is its own file (shared strings, its styles): openpyxl reads the
        // same types there, so Calc took the numbers for numbers and the dates for dates.
        guard let python = OfficeTools.pythonWithOpenpyxl else {
            if OfficeTools.required { Issue.record("THIDUA_REQUIRE_OFFICE is set but openpyxl is missing") }
            return
        }
        let resaved = try OfficeReaders.libreOfficeResaved(path, soffice: soffice, work: work)
        let sheet = try #require(try OfficeReaders.openpyxl(resaved, python: python, work: work).first)
        #expect(Self.cells(of: sheet) == Self.expectedCells)
        // (Its frozen pane is not checked here: LibreOffice without a window saves no view
        // settings, for openpyxl's own files as well.)
        #expect(sheet.headerBold)
    }
}
