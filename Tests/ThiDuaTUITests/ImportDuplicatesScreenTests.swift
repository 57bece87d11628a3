import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaTUI

/// The import screen lists rows that repeat a kept unit and writes nothing until each has a
/// choice; the unit and person forms ask before adding one by hand.
@Suite struct ImportDuplicatesScreenTests {
    /// A fixed path, so that the golden shows the same file name on every machine.
    static func writeCSV(_ text: String, name: String) throws -> String {
        let folder = "/tmp/thidua-import-screen"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Row 3 repeats the sample's «Thôn Ao Sen (mẫu)»; rows 2 and 4 are new.
    static let csv = "Tên đơn vị,Khối,Zalo\nTrạm Y tế xã,ubnd,\nthôn ao sen (mẫu),Thôn,\nThôn Nà Kéo,thon,\n"

    func keptUnit(_ h: AppHarness, named name: String) throws -> OrgUnit {
        try #require(h.data.units.values.first { $0.name == name })
    }

    @Test func aDuplicateIsListedAndSkippingItImportsTheOtherRows() throws {
        let h = try AppHarness(sample: true)
        let path = try Self.writeCSV(Self.csv, name: "don-vi-trung.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let kept = try keptUnit(h, named: "Thôn Ao Sen (mẫu)")
        let before = h.data.units.count
        try h.keys("1 i")
        h.type(path)
        try h.keys("Enter")
        #expect(h.status.contains("Có 1 dòng trùng với dữ liệu đã có"))
        assertGolden(h.screen(80, 24), "import-duplicate-80x24")
        #expect(h.all.contains("[chưa chọn] dòng 3: «thôn ao sen (mẫu)» trùng với \(kept.id)"))
        #expect(h.all.contains("Các cột không nhận ra, sẽ không được đọc: «Zalo»."))
        try h.keys("F2")
        #expect(h.status.contains("Còn 1 dòng trùng chưa chọn"))
        #expect(h.data.units.count == before)
        try h.keys("b")
        #expect(h.all.contains("[bỏ qua] dòng 3"))
        #expect(h.all.contains("Sẽ ghi 2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua."))
        try h.keys("F2")
        #expect(h.status.contains("Đã nhập: 2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua."))
        let after = try h.reopened()
        #expect(after.units.count == before + 2)
        #expect(after.units[kept.id] == kept)
    }

    @Test func aChoiceForAllThenOneRowItsOwn() throws {
        let h = try AppHarness(sample: true)
        let path = try Self.writeCSV(Self.csv + "Thôn Ao Sen (mẫu),thon,\n", name: "don-vi-trung-hai.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let kept = try keptUnit(h, named: "Thôn Ao Sen (mẫu)")
        let before = h.data.units.count
        try h.keys("1 i")
        h.type(path)
        try h.keys("Enter T")
        #expect(h.all.contains("[vẫn thêm mới] dòng 3"))
        #expect(h.all.contains("[vẫn thêm mới] dòng 5"))
        try h.keys("Down c")
        #expect(h.all.contains("[cập nhật bản đã có] dòng 5"))
        try h.keys("F2")
        let after = try h.reopened()
        // Rows 2, 3 (added anyway) and 4 are new; row 5 rewrote the kept unit with its own spelling.
        #expect(after.units.count == before + 3)
        #expect(after.units[kept.id]?.name == "Thôn Ao Sen (mẫu)")
    }

    @Test func addingAUnitByHandThatRepeatsAKeptOneAsksFirst() throws {
        let h = try AppHarness(sample: true)
        let categoryID = try #require(h.data.categories.min { $0.order < $1.order }).id
        let kept = try #require(h.data.units.values.filter { $0.categoryID == categoryID }.min { $0.order < $1.order })
        let before = h.data.units.count
        try h.keys("1 a")
        h.type(kept.name.uppercased())
        try h.keys("F2")
        #expect(h.all.contains("Có thể bị trùng"))
        #expect(h.all.contains("trùng với \(kept.id)"))
        try h.keys("n")
        #expect(h.status.contains("Chưa thêm"))
        #expect(h.data.units.count == before)
        try h.keys("F2 y")
        #expect(h.data.units.count == before + 1)
        #expect(h.status.contains("Đã lưu đơn vị «\(kept.name.uppercased())»"))
    }

    @Test func addingAPersonByHandThatRepeatsAKeptOneAsksFirst() throws {
        let h = try AppHarness()
        for name in ["Lê Văn Bình", "le van binh"] {
            try h.keys("2 a")
            h.type(name)
            try h.keys("Tab Tab Tab")
            h.type("1980")
            try h.keys("Tab Tab Tab")
            h.type("Thôn Ấp Mới")
            try h.keys("F2")
        }
        #expect(h.data.people.count == 1)
        #expect(h.all.contains("«le van binh» trùng với CN00001 «Lê Văn Bình» (sinh 1980)"))
        try h.keys("Esc")
        #expect(h.data.people.count == 1, "Esc answers «Không»")
    }
}
