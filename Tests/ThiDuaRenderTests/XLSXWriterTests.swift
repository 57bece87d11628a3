import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaRender

/// The workbook writer: what each cell is written as, the styles it refers to, the frozen bold
/// header, the column widths, the sheet names Excel accepts, the same bytes every time, and
/// our own reader giving the cells back.
@Suite struct XLSXWriterTests {
    static let header = ["Mã", "Họ và tên", "Điện thoại", "Ghi chú", "Năm", "Điểm", "Ngày quyết định", "Số tiền", "Tỷ lệ"]
    static let kinds: [SpreadsheetColumn.Kind] = [.text, .text, .text, .text, .integer, .decimal, .date, .amount, .percent]
    static let rows = [
        ["DV0012", "Nguyễn Thị Hoà".decomposedStringWithCanonicalMapping, "0912 345 678", "=1+1", "2026", "95.5",
         "25/11/2026", "1490000", "44.4 %"],
        ["CN00001", "Trần Văn Đức", "0208364908", "", "2025", "100", "01/01/2025", "", "100 %"],
        ["CN00002", "Lưu Thị Ỷ Lan", "", "ghi chú\nhai dòng", "2028", "87.25", "29/02/2028", "-20000", ""],
    ]

    static var workbook: XLSXWriter.Workbook {
        XLSXWriter.Workbook(sheets: [
            XLSXWriter.Sheet(name: "Cá nhân", header: header, kinds: kinds, textRows: rows, decimalSeparator: "."),
            XLSXWriter.Sheet(name: "Cá nhân", header: ["STT", "Tên"], kinds: [.integer, .text],
                             rows: [.group("I. TẬP THỂ (1)"), .typed(["1", "Thôn Yên Thịnh"], kinds: [.integer, .text], decimalSeparator: ",")]),
        ])
    }

    private func part(_ path: String, of workbook: XLSXWriter.Workbook = XLSXWriterTests.workbook) throws -> String {
        try #require(XLSXWriter().parts(for: workbook).first { $0.path == path }).xml
    }

    @Test func cellsAreWrittenAsTheirTypes() throws {
        let sheet = try part("xl/worksheets/sheet1.xml")
        let text = { (reference: String, value: String, style: String) in
            "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(value)</t></is></c>"
        }
        #expect(sheet.contains(text("A1", "Mã", " s=\"1\"")), "the header is bold")
        #expect(sheet.contains(text("A2", "DV0012", "")))
        #expect(sheet.contains(text("B2", "Nguyễn Thị Hoà".precomposedStringWithCanonicalMapping, "")), "NFC")
        #expect(sheet.contains(text("C2", "0912 345 678", "")), "a phone keeps its zero")
        #expect(sheet.contains(text("D2", "=1+1", "")), "an inline string, never a formula")
        #expect(sheet.contains(text("D4", "ghi chú\nhai dòng", " s=\"5\"")), "several lines wrap")
        #expect(sheet.contains("<c r=\"E2\"><v>2026</v></c>"))
        #expect(sheet.contains("<c r=\"F2\"><v>95.5</v></c><c r=\"G2\" s=\"2\"><v>46351</v></c>"))
        #expect(sheet.contains("<c r=\"H2\" s=\"3\"><v>1490000</v></c><c r=\"I2\" s=\"4\"><v>0.444</v></c>"))
        #expect(sheet.contains("<c r=\"G4\" s=\"2\"><v>46812</v></c><c r=\"H4\" s=\"3\"><v>-20000</v></c></row>"))
        #expect(!sheet.contains("r=\"D3\"") && !sheet.contains("r=\"H3\""), "an empty cell is no cell")
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:I4\"/>"))
        #expect(sheet.contains("<dimension ref=\"A1:I4\"/>"))

        let grouped = try part("xl/worksheets/sheet2.xml")
        #expect(grouped.contains("<row r=\"2\">" + text("A2", "I. TẬP THỂ (1)", " s=\"1\"") + "</row>"), "a group row is bold")
        #expect(grouped.contains("<c r=\"A3\"><v>1</v></c>"))
        #expect(!grouped.contains("autoFilter"), "no filter over a table cut into groups")
        #expect(!grouped.contains("tabSelected"))
    }

    @Test func stylesHaveTheBoldFontTheDateAndNumberFormats() throws {
        let styles = try part("xl/styles.xml")
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"))
        #expect(styles.contains("<font><b/>"))
        #expect(styles.contains("<cellXfs count=\"\(XLSXPackage.Style.wrap.rawValue + 1)\">"))
        let workbook = try part("xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"Cá nhân\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Cá nhân (2)\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Cá nhân'!$A$1:$I$4</definedName>"))
        let types = try part("[Content_Types].xml")
        #expect(types.contains("PartName=\"/xl/worksheets/sheet2.xml\""))
        #expect(XLSXWriter().parts(for: Self.workbook).map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
    }

    @Test func columnsAreAsWideAsTheirLongestLineWithinBounds() throws {
        let sheet = XLSXWorksheet(sheet: Self.workbook.sheets[0])
        // The longest line plus 2: «CN00001», «Nguyễn Thị Hoà» (14 letters however its marks were
        // typed), «0912 345 678», «hai dòng» (a line, not the cell), «Năm» raised to the minimum 6,
        // «87.25», the header «Ngày quyết định», «1,490,000» as shown, «100.0%».
        #expect(sheet.columnWidths() == [9, 16, 14, 10, 6, 7, 17, 11, 8])
        let note = String(repeating: "Hoàn thành xuất sắc nhiệm vụ. ", count: 10)
        let long = XLSXWorksheet(sheet: .init(name: "x", header: ["Ghi chú"], kinds: [.text], textRows: [[note]], decimalSeparator: "."))
        #expect(long.columnWidths() == [XLSXWorksheet.maximumWidth])
        #expect(long.xml(selected: true).contains(" s=\"5\"><is>"), "text wider than the column wraps")
        #expect(try part("xl/worksheets/sheet1.xml").contains("<col min=\"2\" max=\"2\" width=\"16\" customWidth=\"1\"/>"))
    }

    @Test func sheetNamesAreMadeFitForExcel() {
        let names = XLSXWriter.sheetNames([
            "Đơn vị", "ĐƠN VỊ", "a/b:c*d?e[f]g\\h", "", "'Trích dẫn'",
            "Đề nghị khen thưởng của các tập thể năm 2025", "Đề nghị khen thưởng của các tập thể năm 2025",
        ])
        #expect(names == ["Đơn vị", "ĐƠN VỊ (2)", "a-b-c-d-e-f-g-h", "Bảng 4", "Trích dẫn",
                          "Đề nghị khen thưởng của các tập", "Đề nghị khen thưởng của các (2)"])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let first = try XLSXWriter().data(for: Self.workbook)
        let second = try XLSXWriter().data(for: Self.workbook)
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(throws: RenderError.self) { try XLSXWriter().data(for: XLSXWriter.Workbook(sheets: [])) }
    }

    @Test func ourReaderGivesTheCellsBack() throws {
        let data = try XLSXWriter().data(for: Self.workbook)
        let sheet = try XLSXReader.read(data, file: "x.xlsx")
        #expect(sheet.name == "Cá nhân")
        #expect(sheet.rows.map(\.cells) == [
            Self.header,
            ["DV0012", "Nguyễn Thị Hoà", "0912 345 678", "=1+1", "2026", "95.5", "25/11/2026", "1490000", "0.444"],
            ["CN00001", "Trần Văn Đức", "0208364908", "", "2025", "100", "01/01/2025", "", "1"],
            ["CN00002", "Lưu Thị Ỷ Lan", "", "ghi chú\nhai dòng", "2028", "87.25", "29/02/2028", "-20000"],
        ].map { $0.map { $0.precomposedStringWithCanonicalMapping } })
        let second = try XLSXReader.read(data, file: "x.xlsx", sheet: "Cá nhân (2)")
        #expect(second.rows.map(\.cells) == [["STT", "Tên"], ["I. TẬP THỂ (1)"], ["1", "Thôn Yên Thịnh"]])
    }

    /// Every document of the sample as a workbook: one sheet per table with its own name, and
    /// every filled cell of a number or date column written as one (the columns' kinds match
    /// what the builders put in them).
    @Test(arguments: DocumentGoldenTests.requests.map(\.0)) func documentTablesAreTypedByTheirColumns(name: String) throws {
        let request = try #require(DocumentGoldenTests.requests.first { $0.0 == name }?.1)
        let document = try DocumentGoldenTests.build(request)
        let workbook = XLSXExporter.workbook(for: document)
        #expect(workbook.sheets.count == document.tables.count)
        #expect(Set(XLSXWriter.sheetNames(workbook.sheets.map(\.name))).count == workbook.sheets.count)
        #expect(document.tables.allSatisfy { $0.name != nil }, "every builder names its tables")
        var typed = 0
        for sheet in workbook.sheets {
            for row in sheet.rows {
                guard case .cells(let cells) = row else { continue }
                for (column, cell) in cells.enumerated() where sheet.kinds[column] != .text {
                    if case .text(let text) = cell { Issue.record("\(name), «\(sheet.header[column])»: «\(text)» stays text") }
                    if cell != nil { typed += 1 }
                }
            }
        }
        #expect(typed > 0, "\(name) has numbers or dates")
    }

    @Test func aDocumentWithoutATableIsNoWorkbook() throws {
        let document = Document(blocks: [.paragraph(.init("Chỉ có chữ."))])
        let error = #expect(throws: DocumentError.self) { try DocumentEncoder().encode(document, as: .xlsx) }
        #expect(error?.message == "Văn bản này không có bảng nào để xuất XLSX; hãy chọn PDF, DOCX hoặc TXT.")
        let table = Document.Table(columns: [.init("Hệ số", width: 1, kind: .decimal), .init("Số tiền", width: 1, kind: .amount)],
                                   rows: [.data(["0,3", "1.490.000"]), .data(["", "Tổng cộng"])])
        let workbook = XLSXExporter.workbook(for: Document(blocks: [.table(table), .table(table)]))
        #expect(workbook.sheets.map(\.name) == ["Bảng 1", "Bảng 2"])
        #expect(workbook.sheets[0].rows == [.cells([.number(Decimal(string: "0.3")!), .number(1_490_000)]),
                                           .cells([nil, .text("Tổng cộng")])])
    }
}
