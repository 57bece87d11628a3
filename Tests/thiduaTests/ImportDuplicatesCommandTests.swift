import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// `thidua import` refuses rows that repeat a kept unit unless `--duplicates` says what to do,
/// and each choice does what it says.
@Suite struct ImportDuplicatesCommandTests {
    /// Row 3 repeats DV0003 «Thôn Ấp Mới»; rows 2 and 4 are new.
    static let csv = "Tên đơn vị,Khối,Người đứng đầu,Email\nTrạm Y tế,ubnd,,\nthôn ấp mới,Thôn,Lò Văn Tâm,\nThôn Nà Kéo,thon,,\n"

    func folderWithFile() throws -> (folder: String, file: String) {
        let folder = try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "import-duplicates")
        let file = folder + "-don-vi.csv"
        try Self.csv.write(toFile: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    func units(in folder: String) throws -> [String: OrgUnit] {
        let units = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset.units
        return Dictionary(uniqueKeysWithValues: units.map { ($0.key.rawValue, $0.value) })
    }

    @Test func aDuplicateRowIsRefusedUntilAChoiceIsGiven() throws {
        let (folder, file) = try folderWithFile()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: file) }
        let before = try units(in: folder)
        for extra in [[], ["--dry-run"]] {
            let (code, out, err) = try ChildProcess.run(["import", "units", file, "--data-dir", folder] + extra)
            #expect(code == 1)
            #expect(out.contains("Các cột không nhận ra, sẽ không được đọc: «Email»."), "\(out)")
            #expect(err.contains("có 1 dòng trùng với dữ liệu đã có; chưa ghi dòng nào:"), "\(err)")
            #expect(err.contains("dòng 3: «thôn ấp mới» trùng với DV0003 «Thôn Ấp Mới» (cùng khối Thôn)."))
            #expect(err.contains("--duplicates add (vẫn thêm mới), --duplicates skip (bỏ qua) hoặc --duplicates update"))
        }
        #expect(try units(in: folder) == before)
        let (badCode, _, badErr) = try ChildProcess.run(["import", "units", file, "--duplicates", "keep", "--data-dir", folder])
        #expect(badCode != 0)
        #expect(badErr.contains("keep"), "\(badErr)")
    }

    @Test func skipAddsOnlyTheNewRows() throws {
        let (folder, file) = try folderWithFile()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: file) }
        let before = try units(in: folder)
        let (code, out, err) = try ChildProcess.run(["import", "units", file, "--duplicates", "skip", "--data-dir", folder])
        #expect(code == 0, "\(err)")
        #expect(out.contains("Đã lưu: 2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua."), "\(out)")
        let after = try units(in: folder)
        #expect(after.count == before.count + 2)
        #expect(after["DV0003"] == before["DV0003"])
        #expect(Set(after.values.map(\.name)).isSuperset(of: ["Trạm Y tế", "Thôn Nà Kéo"]))
    }

    @Test func addAddsTheDuplicateAsANewUnit() throws {
        let (folder, file) = try folderWithFile()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: file) }
        let before = try units(in: folder)
        let (code, out, err) = try ChildProcess.run(["import", "units", file, "--duplicates", "add", "--data-dir", folder])
        #expect(code == 0, "\(err)")
        #expect(out.contains("Đã lưu: 3 dòng thêm mới, 0 dòng cập nhật."))
        let after = try units(in: folder)
        #expect(after.count == before.count + 3)
        #expect(after.values.filter { $0.categoryID == "thon" && $0.name.lowercased() == "thôn ấp mới" }.count == 2)
    }

    @Test func updateWritesTheRowIntoTheKeptUnit() throws {
        let (folder, file) = try folderWithFile()
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: file) }
        let before = try units(in: folder)
        let (code, out, err) = try ChildProcess.run(["import", "units", file, "--duplicates", "update", "--data-dir", folder])
        #expect(code == 0, "\(err)")
        #expect(out.contains("Đã lưu: 2 dòng thêm mới, 1 dòng cập nhật."))
        let after = try units(in: folder)
        #expect(after.count == before.count + 2)
        #expect(after["DV0003"]?.head == "Lò Văn Tâm")
        #expect(after["DV0003"]?.name == "thôn ấp mới", "the row's name, as typed")
    }
}
