import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

@Suite struct ChecklistScreenTests {
    /// Opens the checklist of the first unit (Vietnamese order) of the unit list.
    private func openFirstUnit(_ h: AppHarness) throws -> UnitID {
        try h.keys("1")
        let unit = try #require((h.app.top as? UnitListScreen)?.selectedUnit)
        try h.keys("c")
        return unit.id
    }

    @Test(arguments: [(80, 24), (120, 40)]) func checklistWithEvidence(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        let unit = try openFirstUnit(h)
        // Self 12,5 on the first item, appraised 12; then one piece of evidence.
        // Ctrl-U clears what the field held (the sample already scored this item).
        try h.keys("Enter C-u \"12,5\" Tab C-u \"12\" F2 m a \"15/BC-UBND\" Tab \"20/11/2026\" Tab \"Báo cáo chuyển đổi số\" F2 Esc")
        let score = try #require(h.data.sheets[SheetKey(year: 2026, subject: .unit(unit))]?.items["1.1"])
        #expect(score.selfScore == (try NumberInput.points().points("12,5")))
        #expect(score.appraised == 12)
        #expect(score.evidence.last?.documentNumber == "15/BC-UBND")
        #expect(score.evidence.last?.date == (try CalendarDate(year: 2026, month: 11, day: 20)))
        assertGolden(h.screen(width, height), "checklist-\(width)x\(height)")
    }

    @Test func scoreAboveTheMaximumIsRefusedWithTheRange() throws {
        let h = try AppHarness(sample: true)
        _ = try openFirstUnit(h)
        try h.keys("Enter C-u \"16\" F2")
        #expect(h.all.contains("Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 16)."))
        try h.keys("BSpace BSpace \"abc\" F2")
        #expect(h.all.contains("«abc» không phải là số"))
    }

    @Test func lockedSheetRefusesAnEditUntilUnlockedWithAReason() throws {
        let h = try AppHarness(sample: true)
        let unit = try openFirstUnit(h)
        try h.keys("[")   // 2025: the sample's locked year
        #expect(h.data.sheets[SheetKey(year: 2025, subject: .unit(unit))]?.state == .locked)
        try h.keys("x")
        let screen = h.screen()
        #expect(h.app.message.contains("đã khóa; hãy mở khóa (có ghi lý do) trước khi sửa."))
        assertGolden(screen, "checklist-locked-refusal-80x24")
        try h.keys("< Enter")
        #expect(h.text(200, 40).contains("Mở khóa phiếu của Ban Chỉ huy Quân sự xã (mẫu) năm 2025 cần ghi lý do."))
        try h.keys("\"Đơn vị bổ sung minh chứng\" Enter")
        #expect(h.data.sheets[SheetKey(year: 2025, subject: .unit(unit))]?.state == .appraised)
        let trail = try h.store.auditTrail().entries
        #expect(trail.last?.summary.contains("Đơn vị bổ sung minh chứng") == true || trail.last.map {
            if case .setSheetState(_, _, _, let reason) = $0.change { return reason == "Đơn vị bổ sung minh chứng" }
            return false
        } == true)
        try h.keys("x")
        #expect(h.status.contains("Đã lưu."))
    }

    @Test func stateAdvancesAndLockingAsks() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2 c x")
        let key = SheetKey(year: 2026, subject: .unit(UnitID("DV0001")))
        #expect(h.data.sheets[key]?.state == .draft)
        try h.keys(">")
        #expect(h.data.sheets[key]?.state == .submitted)
        try h.keys(">")
        #expect(h.all.contains("chưa có điểm thẩm định"), "nothing is appraised yet: the reason is asked")
        try h.keys("Esc")
        #expect(h.data.sheets[key]?.state == .submitted, "Esc leaves the sheet as it was")
        try h.keys("> \"Thẩm định trên hồ sơ giấy\" Enter")
        #expect(h.data.sheets[key]?.state == .appraised)
        try h.keys(">")
        #expect(h.all.contains("Khóa phiếu") && h.all.contains("chưa có điểm thẩm định"), "locking says what is unappraised")
        try h.keys("\"Hội đồng đã thống nhất\" Enter")
        #expect(h.data.sheets[key]?.state == .locked)
    }
}
