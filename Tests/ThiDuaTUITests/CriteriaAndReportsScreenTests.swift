import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The criteria set editor and the yearly reports list through the whole program: every
/// edit goes through the store, is on disk when the screen says so, and can be undone.
@Suite struct CriteriaScreenTests {
    let key2026 = CriteriaSetKey(year: 2026, groupID: "III.1")
    let key2027 = CriteriaSetKey(year: 2027, groupID: "III.1")

    @Test func editorGoldens() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3")
        #expect(h.all.contains("Tổng điểm tối đa các tiêu chí thường: 100/100 — khớp"))
        #expect(h.status.hasPrefix("1.1: Triển khai sâu rộng"), "the selected item's text is the hint")
        assertGolden(h.screen(80, 24), "criteria-80x24")
        assertGolden(h.screen(120, 40), "criteria-120x40")
    }

    @Test func maximumMustBeAPositiveNumber() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 a Tab \"Tiêu chí thử\" Tab \"abc\" F2")
        let form = try #require(h.app.top as? CriteriaItemFormScreen)
        #expect(form.form.item("maximum")?.error == "«abc» không phải là số; hãy nhập dạng 8,5 hoặc 8.5.")
        #expect(h.all.contains("! «abc» không phải là số"))
        try h.keys("C-u \"-1\" F2")
        #expect(form.form.item("maximum")?.error
                == "Điểm chuẩn của tiêu chí 1.8 phải lớn hơn 0 và không quá 1000 (đã nhập -1).")
        #expect(h.all.contains("! Điểm chuẩn của tiêu chí 1.8 phải lớn hơn 0"))
        #expect(h.all.contains("Chưa lưu: xem ô «Điểm tối đa»."))
        #expect(h.data.criteriaSets[key2026]?.items.count == 7, "nothing written")
        try h.keys("C-u \"8,5\" F2")
        #expect(h.data.criteriaSets[key2026]?.items.last?.maximum == Points(hundredths: 850))
        #expect(try h.reopened().criteriaSets[key2026]?.items.count == 8)
    }

    @Test func deletingAnItemInUseIsRefusedWithTheReason() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3")
        let users = h.data.sheets.values.filter { $0.year == 2026 && $0.groupID == "III.1" && $0.items["1.1"] != nil }
        #expect(!users.isEmpty)
        try h.keys("d")
        #expect(h.all.contains("Không xóa được"))
        #expect(h.all.contains("Không xóa được tiêu chí 1.1: đang có \(users.count) phiếu chấm năm"))
        try h.keys("Enter")
        #expect(h.data.criteriaSets[key2026]?.items.count == 7)
    }

    @Test func unbalancedSetIsFlaggedAndAnUnusedItemCanBeDeleted() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 a Tab \"Ứng dụng AI trong công việc\" Tab \"5\" F2")
        #expect(h.status.contains("Đã lưu tiêu chí 1.8"))
        #expect(h.all.contains("Tổng điểm tối đa các tiêu chí thường: 105/100 — CHƯA KHỚP"))
        let row = try #require(h.screen().lines().firstIndex { $0.contains("CHƯA KHỚP") })
        #expect(h.screen().styleMask()[row].hasPrefix(".B"), "the flag is bold")
        #expect((h.app.top as? CriteriaSetScreen)?.selectedItem?.code == "1.8", "the new item is selected")
        try h.keys("d c")
        #expect(h.data.criteriaSets[key2026]?.items.count == 7)
        #expect(h.all.contains("100/100 — khớp"))
    }

    @Test func bonusItemsDoNotCountTowardTheTarget() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 a Tab \"Sáng kiến được công nhận\" Tab \"5\" Tab Right F2")
        #expect(h.data.criteriaSets[key2026]?.items.last?.kind == .bonus)
        #expect(h.all.contains("100/100 — khớp · cộng tối đa 5"))
    }

    @Test func itemsCanBeReordered() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 J")
        #expect(h.data.criteriaSets[key2026]?.items.prefix(2).map(\.code) == ["1.2", "1.1"])
        #expect((h.app.top as? CriteriaSetScreen)?.selectedItem?.code == "1.1", "the selection follows the item")
        try h.keys("K K")
        #expect(h.data.criteriaSets[key2026]?.items.prefix(2).map(\.code) == ["1.1", "1.2"])
        #expect(h.status.contains("đã ở đầu bộ"))
        #expect(try h.reopened().criteriaSets[key2026] == h.data.criteriaSets[key2026])
    }

    @Test func copyingTheYearCreatesNextYearsSetAndUndoRemovesIt() throws {
        let h = try AppHarness(sample: true)
        // Make room: remove 2027's set (no sheet uses it yet).
        try h.keys("3 . X c")
        #expect(h.data.criteriaSets[key2027] == nil)
        #expect(h.all.contains("Năm 2027 chưa có bộ tiêu chí nhóm III.1."))
        try h.keys("< J a Tab \"Tiêu chí riêng năm 2026\" Tab \"5\" F2")
        let source = try #require(h.data.criteriaSets[key2026])
        try h.keys("n")
        #expect(h.all.contains("Chép bộ tiêu chí năm 2026 sang năm 2027?"))
        try h.keys("c")
        var expected = source
        expected.year = 2027
        #expect(h.data.criteriaSets[key2027] == expected)
        #expect(try h.reopened().criteriaSets[key2027] == expected)
        #expect(h.status.contains("Đã lưu: Chép bộ tiêu chí năm 2026 sang năm 2027 (nhóm III.1)."))
        try h.keys("u")
        #expect(h.data.criteriaSets[key2027] == nil)
        #expect(try h.reopened().criteriaSets[key2027] == nil)
    }

    @Test func copyingOverAnExistingSetNeedsConfirmation() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 a Tab \"Tiêu chí mới\" Tab \"5\" F2 n m")
        #expect(h.all.contains("Năm 2027 đã có bộ tiêu chí nhóm"))
        try h.keys("Enter")
        #expect(h.data.criteriaSets[key2027]?.items.count == 7, "the default answer keeps 2027")
        try h.keys("n m c")
        #expect(h.data.criteriaSets[key2027]?.items.count == 8)
        #expect(h.data.criteriaSets.values.filter { $0.year == 2027 }.count == 6)
        try h.keys("u")
        #expect(h.data.criteriaSets[key2027]?.items.count == 7, "one undo takes back the whole batch")
    }

    @Test func aMissingSetIsCreatedFromThePlansDefaults() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 . X c m")
        let defaults = try Defaults.dataset()
        #expect(h.data.criteriaSets[key2027] == defaults.criteriaSets[key2027])
        #expect(h.status.contains("Đã tạo bộ tiêu chí nhóm III.1 năm 2027 (7 tiêu chí)."))
        #expect(try h.reopened().criteriaSets[key2027] == defaults.criteriaSets[key2027])
    }

    @Test func villagesStartEmptyAndTheOfficeAddsItems() throws {
        let h = try AppHarness()
        try h.keys("3 [")
        #expect(h.all.contains("Nhóm ◀ THON ▶"))
        #expect(h.all.contains("Bộ tiêu chí nhóm THON năm 2026 chưa có tiêu chí nào."))
        #expect(h.all.contains("Kế hoạch không quy định tiêu chí cho các thôn"))
        try h.keys("a")
        #expect((h.app.top as? CriteriaItemFormScreen)?.form.text("code") == "1")
        try h.keys("C-u \"T.1\" Tab \"Tuyên truyền chuyển đổi số đến hộ gia đình\" Tab \"40\" Tab Tab \"Biên bản\" F2")
        let set = try #require(h.data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "THON")])
        #expect(set.items.map(\.code) == ["T.1"])
        #expect(h.all.contains("40/100 — CHƯA KHỚP"))
    }

    @Test func blocksCanChangeTheirCriteriaGroup() throws {
        let h = try AppHarness(sample: true)
        try h.keys("3 c")
        #expect(h.all.contains("Sự nghiệp"))
        try h.keys("Down Down Down Down Enter")
        #expect(h.all.contains("Bộ tiêu chí cho khối Sự nghiệp"))
        try h.keys("i")
        #expect(h.data.category("su-nghiep")?.criteriaGroupID == "III.1")
        #expect(try h.reopened().category("su-nghiep")?.criteriaGroupID == "III.1")
        try h.keys("u")
        #expect(h.data.category("su-nghiep")?.criteriaGroupID == "SN")
    }
}

@Suite struct ReportsScreenTests {
    /// Units without a 2026 report, in the screen's order.
    private func missing(_ data: Dataset) -> Set<UnitID> {
        Set(data.units.values.filter { !$0.archived && data.reports[ReportKey(year: 2026, unitID: $0.id)] == nil }.map(\.id))
    }

    private func markFirstMissing(on date: String, today: (Int, Int, Int)) throws -> (AppHarness, UnitID) {
        let h = try AppHarness(sample: true, today: today)
        try h.keys("5 ]")
        let unit = try #require((h.app.top as? ReportsScreen)?.selectedRow?.unit.id)
        #expect(h.data.reports[ReportKey(year: 2026, unitID: unit)] == nil)
        try h.keys("Enter C-u \"\(date)\" Tab \"15/BC-UBND\" F2")
        return (h, unit)
    }

    @Test func receivedOnTheDeadlineIsOnTime() throws {
        let (h, unit) = try markFirstMissing(on: "25/11/2026", today: (2026, 11, 26))
        let report = try #require(h.data.reports[ReportKey(year: 2026, unitID: unit)])
        #expect(report.receivedDate == (try CalendarDate(year: 2026, month: 11, day: 25)))
        #expect(report.documentNumber == "15/BC-UBND")
        #expect(try h.reopened().reports[report.key] == report)
        #expect(h.status.contains("đã nộp đúng hạn"))
        try h.keys("[")
        let name = h.data.units[unit]!.name
        let row = try #require(h.text(200, 60).split(separator: "\n").first { $0.contains(name) })
        #expect(row.contains("Đã nộp đúng hạn") && row.contains("25/11/2026") && row.contains("15/BC-UBND"))
    }

    @Test func receivedTheDayAfterIsOneDayLate() throws {
        let (h, unit) = try markFirstMissing(on: "26/11/2026", today: (2026, 11, 26))
        #expect(h.status.contains("nộp muộn (1 ngày)"))
        try h.keys("]")
        #expect((h.app.top as? ReportsScreen)?.visibleUnitIDs == [unit], "the late filter shows it")
        #expect(h.all.contains("Nộp muộn (1 ngày)"))
    }

    @Test func aFutureDateIsRefusedUnderItsField() throws {
        let h = try AppHarness(sample: true)
        try h.keys("5 ] Enter C-u \"25/11/2026\" F2")
        let form = try #require(h.app.top as? ReportFormScreen)
        #expect(form.form.item("date")?.error?.contains("không được sau hôm nay (24/11/2026)") == true)
        #expect(h.data.reports[ReportKey(year: 2026, unitID: form.unit.id)] == nil)
    }

    @Test func missingFilterListsExactlyTheUnitsWithoutAReport() throws {
        let h = try AppHarness(sample: true)
        try h.keys("5 ]")
        let screen = try #require(h.app.top as? ReportsScreen)
        let shown = screen.visibleUnitIDs
        #expect(Set(shown) == missing(h.data))
        #expect(shown.count == missing(h.data).count)
        #expect(h.all.contains(" Chưa nộp (\(shown.count)) "))
        try h.keys("]")
        #expect(screen.visibleUnitIDs.isEmpty, "no 2026 report is late yet")
        #expect(h.all.contains("Không có báo cáo nào nộp muộn năm 2026."))
        try h.keys("<")
        #expect(!screen.visibleUnitIDs.isEmpty, "2025 had late reports")
        #expect(h.all.contains("Hạn đơn vị nộp 25/11/2025: đã qua"))
    }

    @Test func reportCanBeEditedRemovedAndTheRemovalUndone() throws {
        let h = try AppHarness(sample: true)
        try h.keys("5")
        let screen = try #require(h.app.top as? ReportsScreen)
        let row = try #require(screen.rows.first { $0.report != nil })
        screen.select(row.unit.id)
        try h.keys("e Tab C-u \"99/BC-UBND\" F2")
        #expect(h.data.reports[row.report!.key]?.documentNumber == "99/BC-UBND")
        try h.keys("d Enter")
        #expect(h.data.reports[row.report!.key] != nil, "the confirm starts on Không")
        try h.keys("d c")
        #expect(h.data.reports[row.report!.key] == nil)
        #expect(try h.reopened().reports[row.report!.key] == nil)
        try h.keys("u")
        #expect(h.data.reports[row.report!.key]?.documentNumber == "99/BC-UBND")
    }

    @Test func reportsGolden() throws {
        let h = try AppHarness(sample: true)
        try h.keys("5")
        #expect(h.all.contains("Hạn đơn vị nộp 25/11/2026: còn 1 ngày (!)"))
        let row = try #require(h.screen().lines().firstIndex { $0.hasPrefix(" Hạn đơn vị nộp") })
        #expect(h.screen().styleMask()[row].hasPrefix(".BBBB"), "an urgent deadline is bold")
        assertGolden(h.screen(80, 24), "reports-80x24")
    }
}
