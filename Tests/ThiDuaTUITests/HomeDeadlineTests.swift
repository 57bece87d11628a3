import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The home screen's two deadlines: a countdown while open, and once met the fact instead —
/// «đã nhận 40/40» never sits beside «đã quá hạn», and after the commune's report is recorded
/// as sent the 30/11 line says when it went.
@Suite struct HomeDeadlineTests {
    /// Every active unit's 2026 report received (some late), as of `today`.
    static func allReportsIn(_ h: AppHarness) throws {
        let received = try CalendarDate(year: 2026, month: 11, day: 26)
        let missing = h.data.unitReports(year: 2026).filter { $0.standing == .missing }.map(\.unit)
        try h.store.commit(.batch(label: "Nhận báo cáo", changes: missing.map {
            .recordReport(report: ReportSubmission(year: 2026, unitID: $0.id, receivedDate: received))
        }))
        h.app.top.dataChanged(session: h.app.session)
    }

    /// The home screen counts without putting the units in name order; the counts must be
    /// those of the ordered standings, and the order a strict Vietnamese name order.
    @Test func theCountsAgreeWithTheStandingsInNameOrder() throws {
        let h = try AppHarness(sample: true, today: (2026, 12, 2))
        func expectAgreement() {
            let standings = h.data.unitReports(year: 2026).map(\.standing)
            let counts = h.data.unitReportCounts(year: 2026)
            #expect(counts.units == standings.count)
            #expect(counts.missing == standings.filter { $0 == .missing }.count)
            #expect(counts.late == standings.filter { if case .late = $0 { true } else { false } }.count)
        }
        expectAgreement()
        let units = h.data.unitReports(year: 2026).map(\.unit)
        let early = try CalendarDate(year: 2026, month: 11, day: 20), late = try CalendarDate(year: 2026, month: 11, day: 28)
        try h.store.commit(.batch(label: "Nhận báo cáo", changes:
            units.prefix(5).map { .recordReport(report: ReportSubmission(year: 2026, unitID: $0.id, receivedDate: early)) }
            + units.dropFirst(5).prefix(3).map { .recordReport(report: ReportSubmission(year: 2026, unitID: $0.id, receivedDate: late)) }))
        expectAgreement()
        #expect(h.data.unitReportCounts(year: 2026).late == 3)
        let keys = h.data.unitReports(year: 2026).map { h.data.nameKey(of: .unit($0.unit.id)) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(keys.count == h.data.units.values.filter { !$0.archived }.count)
    }

    @Test func allReportsInAndTheCommunesSentShowNoCountdown() throws {
        let h = try AppHarness(sample: true, today: (2026, 12, 2))
        try Self.allReportsIn(h)
        #expect(h.text().contains("Hạn xã báo cáo tỉnh 30/11/2026: đã quá hạn 2 ngày (!)"), "not sent yet: overdue")
        // Recorded through the screen: Báo cáo năm › G.
        try h.keys("5 G")
        #expect(h.app.top is CommuneDispatchScreen)
        try h.keys("\"45/BC-UBND\" Tab")
        try h.keys("BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \"28/11/2026\" F2")
        #expect(h.app.message == "Đã báo cáo tỉnh ngày 28/11/2026 (số 45/BC-UBND, Hệ thống quản lý văn bản và điều hành).")
        #expect(try h.reopened().communeReports[2026]?.sent?.number == "45/BC-UBND")
        try h.keys("Esc")
        let text = h.text()
        #expect(text.contains("Đã nhận đủ báo cáo của 40/40 đơn vị (hạn 25/11/2026)"))
        #expect(text.contains("Đã báo cáo tỉnh ngày 28/11/2026 (số 45/BC-UBND"))
        #expect(!text.contains("quá hạn") && !text.contains("(!)"))
        assertGolden(h.screen(80, 24), "home-reports-done-80x24")
    }

    @Test func theCommunesDeadlineNearIsUrgentWhileTheUnitsLineSaysAllAreIn() throws {
        let h = try AppHarness(sample: true, today: (2026, 11, 27))
        try Self.allReportsIn(h)
        let text = h.text()
        #expect(text.contains("Hạn xã báo cáo tỉnh 30/11/2026: còn 3 ngày (!)"))
        #expect(text.contains("Đã nhận đủ báo cáo của 40/40 đơn vị") && !text.contains("đã quá hạn"))
        assertGolden(h.screen(80, 24), "home-commune-deadline-near-80x24")
    }

    @Test func writingTheSectionsKeepsTheRecordOfSending() throws {
        let h = try AppHarness(sample: true, today: (2026, 12, 2))
        let sent = ReportDispatch(number: "45/BC-UBND", date: try CalendarDate(year: 2026, month: 11, day: 28), channel: "Bưu điện")
        try h.store.commit(.putCommuneReport(report: CommuneYearReport(year: 2026, sent: sent)))
        try h.keys("5 b \"Kết quả nổi bật\" F2")
        #expect(h.data.communeReports[2026]?.results == "Kết quả nổi bật")
        #expect(h.data.communeReports[2026]?.sent == sent)
    }

    @Test func aDispatchNeedsANumberAndADayNotInTheFuture() throws {
        let h = try AppHarness(sample: true, today: (2026, 12, 2))
        try h.keys("5 G F2")
        #expect(h.all.contains("Ghi số, ký hiệu của báo cáo đã gửi tỉnh (ví dụ 45/BC-UBND)."))
        try h.keys("\"45/BC-UBND\" Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \"03/12/2026\" F2")
        #expect(h.all.contains("! Ngày gửi báo cáo tỉnh (03/12/2026) không được sau hôm nay") && h.all.contains("(02/12/2026)."))
        #expect(h.data.communeReports[2026]?.sent == nil)
    }
}
