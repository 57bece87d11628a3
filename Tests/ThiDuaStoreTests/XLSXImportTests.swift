import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

/// Excel workbooks in: the sheets LibreOffice and openpyxl write (shared and inline strings,
/// numbers, dates stored as serials, booleans), a header row found under a title, a sheet
/// chosen by name, and the same import plan as a CSV file gives.
@Suite struct XLSXImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx").path

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + name))
    }

    static let libreOfficeRows: [[String]] = [
        ["Tên đơn vị", "Khối", "Thứ tự", "Điện thoại", "Ngày đăng ký", "Đang hoạt động"],
        ["Thôn Đồng Bẩm", "Thôn", "12", "0208 3649 908", "25/11/2026", "TRUE"],
        ["Trường Mầm non Hoa Sen", "Sự nghiệp", "3", "", "01/02/2026", "FALSE"],
    ]

    static func checkLibreOfficeSheet(_ sheet: XLSXReader.Sheet) {
        #expect(sheet.rows.first?.line == 1 && sheet.rows.first?.cells == ["Danh sách đơn vị đăng ký thi đua"])
        let table = sheet.table(fields: CSVImport.unitFields)
        #expect(table.headerLine == 3, "the title and the blank row above the header are skipped")
        #expect([table.header] + table.rows.map(\.cells) == libreOfficeRows)
        #expect(table.rows.map(\.line) == [4, 5])
    }

    @Test func theSheetLibreOfficeWroteFromACSVReadsBackToItsCells() throws {
        let sheet = try XLSXReader.read(try Self.fixture("units-libreoffice.xlsx"), file: "units.xlsx")
        Self.checkLibreOfficeSheet(sheet)
    }

    /// LibreOffice converts the CSV here and now (in CI it is installed and this never skips).
    @Test(.enabled(if: OfficeTools.soffice != nil || OfficeTools.required, "LibreOffice is not installed here"))
    func aWorkbookConvertedByLibreOfficeNowReadsTheSame() throws {
        let soffice = try #require(OfficeTools.soffice, "THIDUA_REQUIRE_OFFICE is set but soffice is missing")
        let work = try ScratchFolder()
        defer { work.remove() }
        try FileManager.default.copyItem(atPath: Self.fixtures + "/units-libreoffice.csv", toPath: work.file("units.csv"))
        let result = try OfficeTools.run(soffice, ["-env:UserInstallation=file://\(work.path)/profile", "--headless",
                                                   "--infilter=CSV:44,34,76,1,,1066", "--convert-to", "xlsx",
                                                   "--outdir", work.path, work.file("units.csv")])
        #expect(result == 0)
        let sheet = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: work.file("units.xlsx"))), file: "units.xlsx")
        Self.checkLibreOfficeSheet(sheet)
    }

    @Test func inlineStringsDatesBooleansNumbersAndASheetByName() throws {
        let data = try Self.fixture("people-openpyxl.xlsx")
        #expect(try XLSXReader.read(data, file: "p.xlsx").name == "Hướng dẫn", "the first sheet by default")
        let sheet = try XLSXReader.read(data, file: "p.xlsx", sheet: "ca nhan")
        #expect(sheet.name == "Cá nhân", "the name is matched without accents or case")
        #expect(sheet.rows.map(\.cells) == [
            ["Họ và tên", "Giới tính", "Năm sinh", "Đơn vị", "Ngày vào", "Đảng viên", "Điểm"],
            ["Nguyễn Thị Hoà", "Nữ", "1985", "DV0001", "25/11/2026", "Có", "12.5"],
            ["Trần Văn Đức", "Nam", "1979", "DV0002", "01/02/2025", "Không", "8"],
        ])
        let error = #expect(throws: StoreError.self) { try XLSXReader.read(data, file: "p.xlsx", sheet: "Đơn vị") }
        #expect(error?.message == "p.xlsx: không có trang «Đơn vị»; bảng tính có các trang «Hướng dẫn», «Cá nhân».")
    }

    @Test func unitsImportFromAWorkbookAsFromACSV() throws {
        let data = try FaultFixtures.everyFileDataset()
        let plan = try CSVImport.plan(.units, data: try Self.fixture("units-libreoffice.xlsx"), file: "units.xlsx",
                                      into: data, context: FaultFixtures.context)
        #expect(plan.added == 2 && plan.updated == 0)
        let applied = try data.apply(try #require(plan.change), context: FaultFixtures.context).dataset
        let added = applied.units.values.filter { data.units[$0.id] == nil }.sorted { $0.order > $1.order }
        #expect(added.map(\.name) == ["Thôn Đồng Bẩm", "Trường Mầm non Hoa Sen"])
        #expect(added.map(\.categoryID) == ["thon", "su-nghiep"])
        #expect(added.map(\.order) == [12, 3])
        #expect(added[0].phone == "0208 3649 908")

        // The same rows as CSV (header on the first line) give the same changes.
        let csv = Data(([Self.libreOfficeRows[0]] + Self.libreOfficeRows.dropFirst()).map { $0.joined(separator: ",") }
            .joined(separator: "\n").utf8)
        let fromCSV = try CSVImport.plan(.units, data: csv, file: "units.xlsx", into: data, context: FaultFixtures.context)
        #expect(fromCSV.change == plan.change)
    }

    @Test func aZipThatIsNoWorkbookAndADamagedOneSaySo() throws {
        let notWorkbook = try BackupArchiver.makeZip([(path: "readme.txt", bytes: Array("xin chào".utf8), modified: Date())])
        let error = #expect(throws: StoreError.self) { try XLSXReader.read(Data(notWorkbook), file: "a.xlsx") }
        #expect(error?.message == "a.xlsx: tệp zip này không phải bảng tính Excel (thiếu xl/workbook.xml).")
        var damaged = try Self.fixture("units-libreoffice.xlsx")
        damaged.removeLast(damaged.count / 2)
        let broken = #expect(throws: StoreError.self) { try XLSXReader.read(damaged, file: "b.xlsx") }
        #expect(broken?.message.hasPrefix("b.xlsx: ") == true)
    }
}
