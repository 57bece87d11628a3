import Foundation
import Testing
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaStore
import ThiDuaTestSupport

/// Reading and planning an import file, as the import screen and `thidua import` both do:
/// every failure is lines to show, and nothing is written.
@Suite struct ImportFileTests {
    let folder = NSTemporaryDirectory() + "thidua-import-\(UUID().uuidString)"

    func write(_ text: String, name: String = "don-vi.csv") throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func failure(_ result: Result<CSVImport.Plan, ImportFailure>) -> [String]? {
        if case .failure(let failure) = result { return failure.lines }
        return nil
    }

    @Test func aMissingFileAndAFolderAreNamedAsTyped() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try FaultFixtures.everyFileDataset()
        let missing = ImportFile.plan(.units, path: "/khong/co/tep.csv", into: data, context: FaultFixtures.context)
        #expect(failure(missing) == ["Không có tệp «/khong/co/tep.csv»."])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let directory = ImportFile.plan(.units, path: folder, into: data, context: FaultFixtures.context)
        #expect(failure(directory) == ["Không đọc được tệp «\(folder)» (không có quyền đọc, hoặc đó là thư mục)."])
    }

    @Test func badRowsComeBackOneLineEachNamingTheFileByItsName() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try write("Tên đơn vị,Khối\nTrạm Y tế,Không có khối này\n,ubnd\n")
        let file = try ImportFile.read(path).get()
        #expect(file.name == "don-vi.csv")
        let lines = try #require(failure(file.plan(.units, into: try FaultFixtures.everyFileDataset(), context: FaultFixtures.context)))
        #expect(lines.first == "Tệp «don-vi.csv» có 2 dòng lỗi; chưa ghi dòng nào:")
        #expect(lines.contains { $0.hasPrefix("  don-vi.csv, dòng 2: không có khối «Không có khối này»") })
        #expect(lines.contains("  don-vi.csv, dòng 3: Tên đơn vị không được để trống."))
        #expect(ImportFailure(lines: lines).message == lines.joined(separator: "\n"))
    }

    @Test func aGoodFileGivesThePlanAndWritesNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try write("Tên đơn vị,Khối\nTrạm Y tế,ubnd\n")
        let data = try FaultFixtures.everyFileDataset()
        let plan = try ImportFile.plan(.units, path: path, into: data, context: FaultFixtures.context).get()
        #expect(plan.added == 1)
        #expect(plan.updated == 0)
        #expect(plan.preview.contains { $0.hasPrefix("dòng 2: thêm DV0004 «Trạm Y tế»") })
    }
}
