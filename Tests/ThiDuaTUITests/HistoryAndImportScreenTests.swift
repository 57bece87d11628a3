import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

@Suite struct HistoryAndImportScreenTests {
    @Test func historyListsWhoWhenWhatNewestFirst() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 a \"Trạm Y tế xã\" F2 Esc 8")
        let rows = h.text().split(separator: "\n").map(String.init)
        let first = try #require(rows.firstIndex { $0.contains("Thêm đơn vị «Trạm Y tế xã»") })
        let second = try #require(rows.firstIndex { $0.contains("Thêm đơn vị «Công an xã»") })
        #expect(first < second)
        #expect(rows[first].contains("2026-11-24") && rows[first].contains("hoa"))
        try h.keys("Enter")
        #expect(h.all.contains("Người sửa: hoa (máy may-vhxh)"))
        #expect(h.all.contains("• đơn vị DV0002"))
    }

    @Test func undoOfAnOlderIndependentChangeIsAllowed() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 a \"Trạm Y tế xã\" F2 Esc 8")
        try h.keys("Down F8")
        #expect(h.all.contains("Hoàn tác «Thêm đơn vị «Công an xã»"))
        try h.keys("c")
        #expect(h.status.contains("Đã hoàn tác"))
        #expect(h.data.units.values.map(\.name) == ["Trạm Y tế xã"])
        #expect(try h.reopened().units.count == 1)
        #expect(h.all.contains("Xóa đơn vị «Công an xã»"), "the undo is itself in the history")
    }

    @Test func historyReloadsAfterTheGlobalUndo() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 a \"Trạm Y tế xã\" F2 Esc 8")
        #expect(h.all.contains("2/2 thay đổi"))
        try h.keys("u")
        #expect(h.status.contains("Đã hoàn tác"))
        #expect(h.all.contains("3/3 thay đổi"), "the undo is a new entry of the trail")
        #expect(h.all.contains("Xóa đơn vị «Trạm Y tế xã»"))
    }

    @Test func historyDetailShowsEachChangedFieldOldToNew() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 e Tab Tab Tab \"Hà Văn Sơn\" F2 Esc 8")
        try h.keys("Enter")
        #expect(h.all.contains("Trước → sau:"))
        #expect(h.all.contains("Người đứng đầu: (trống) → «Hà Văn Sơn»"))
        #expect(!h.all.contains("Tên:"), "unchanged fields are not listed")
    }

    @Test func undoIsRefusedWhenALaterChangeTouchedTheSameRecord() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 e Tab Tab Tab \"Hà Văn Sơn\" F2 Esc 8")
        try h.keys("Down F8")
        #expect(h.status.contains("Không hoàn tác được: đơn vị DV0001 đã được sửa tiếp"))
        #expect(h.data.units.count == 1)
    }

    private func writeCSV(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "thidua-import-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importShowsErrorsWithLineNumbersAndWritesNothing() throws {
        let h = try AppHarness()
        let path = try writeCSV("Tên đơn vị,Khối\nCông an xã,Khối UBND\nTrạm Y tế,Khối Bệnh viện\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try h.keys("1 i")
        h.type(path)
        try h.keys("Enter")
        #expect(h.text(200, 40).contains("dòng 3: không có khối «Khối Bệnh viện»"))
        #expect(h.all.contains("dòng 3:"), "long lines wrap at 80 columns instead of being cut")
        #expect(h.status.contains("Tệp có lỗi; chưa ghi gì."))
        try h.keys("F2")
        #expect(h.data.units.isEmpty)
    }

    @Test func importPreviewThenWriteAsOneUndoableChange() throws {
        let h = try AppHarness()
        let path = try writeCSV("Tên đơn vị,Khối,Người đứng đầu\nCông an xã,Khối UBND,Lương Văn Hiếu\nTrạm Y tế,Sự nghiệp,\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try h.keys("1 i")
        h.type(path)
        try h.keys("Enter")
        #expect(h.all.contains("Sẽ ghi 2 dòng thêm mới, 0 dòng cập nhật."))
        #expect(h.all.contains("dòng 2: thêm DV0001 «Công an xã»"))
        #expect(h.data.units.isEmpty, "the preview writes nothing")
        try h.keys("F2")
        #expect(h.status.contains("Đã nhập: 2 dòng thêm mới, 0 dòng cập nhật."))
        #expect(try h.reopened().units.count == 2)
        try h.keys("u")
        #expect(h.data.units.isEmpty)
    }

    @Test func importNamesAMissingFile() throws {
        let h = try AppHarness()
        try h.keys("2 i \"/khong/co/tep.csv\" Enter")
        #expect(h.all.contains("Không có tệp «/khong/co/tep.csv»."))
    }
}
