import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// `thidua import` takes an Excel workbook as it takes a CSV file, and `--sheet` names the sheet.
@Suite struct ImportWorkbookTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ThiDuaStoreTests/Fixtures/xlsx/units-libreoffice.xlsx").standardized.path

    @Test func unitsFromAWorkbookAreImportedAndASheetIsChosenByName() throws {
        let folder = try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "import-xlsx")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (wrongCode, _, wrongErr) = try ChildProcess.run(["import", "units", Self.workbook, "--sheet", "Trang 2", "--data-dir", folder])
        #expect(wrongCode == 1)
        #expect(wrongErr.contains("units-libreoffice.xlsx: không có trang «Trang 2»; bảng tính có các trang «units»."), "\(wrongErr)")
        let (dryCode, dryOut, dryErr) = try ChildProcess.run(["import", "units", Self.workbook, "--sheet", "UNITS", "--dry-run",
                                                              "--data-dir", folder])
        #expect(dryCode == 0, "\(dryErr)")
        #expect(dryOut.contains("Kiểm tra xong: 2 dòng thêm mới, 0 dòng cập nhật."))
        let (code, _, err) = try ChildProcess.run(["import", "units", Self.workbook, "--data-dir", folder])
        #expect(code == 0, "\(err)")
        let data = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset
        #expect(data.units.values.contains { $0.name == "Thôn Đồng Bẩm" && $0.order == 12 })
        #expect(data.units.values.contains { $0.name == "Trường Mầm non Hoa Sen" && $0.categoryID == "su-nghiep" })
    }
}
