import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The nominations area through the whole program: suggestions from the 2025 ranking of the
/// sample commune (its 2025 sheets are locked), votes, findings, overrides, status steps and
/// decisions — each on disk when the screen says so.
@Suite struct NominationsScreenTests {
    /// Home → Khen thưởng → year 2025 → accept the first two suggestions for Giấy khen xã.
    private func twoAccepted() throws -> AppHarness {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g Enter Enter Esc")
        return h
    }

    private var screen: (AppHarness) -> NominationsScreen? { { $0.app.top as? NominationsScreen } }

    @Test func suggestionsComeFromTheRankingAndAreAcceptedOneByOne() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g")
        let suggestions = try #require(h.app.top as? SuggestionsScreen)
        let expected = h.data.suggestions(period: .year(2025), formID: "giay-khen-xa")
        #expect(suggestions.suggestions.map(\.subject) == expected.map(\.subject))
        #expect(expected.count > 2)
        #expect(h.all.contains("Xếp loại «Xuất sắc» (95 điểm), hạng 1"))
        try h.keys("n")
        #expect(h.status.hasPrefix("Đã bỏ gợi ý"))
        try h.keys("y")
        #expect(h.data.nominations.count == 1)
        let n = try #require(h.data.nominations.values.first)
        #expect(n.nominee == expected[1].subject, "the rejected one was skipped")
        #expect(n.scoreSnapshot == expected[1].snapshot)
        #expect(n.status == .proposed)
        #expect(try h.reopened().nominations[n.id] == n)
        try h.keys("Esc")
        #expect(screen(h)?.selected?.id == n.id)
    }

    @Test func listGoldensShowSectionsVotesAndFindings() throws {
        let h = try twoAccepted()
        try h.keys("v \"9\" Tab \"8\" Tab \"4\" Tab \"4\" Tab \"0\" F2")
        #expect(h.all.contains("Đã ghi biểu quyết cho «Công ty TNHH Thương mại Đồng Hỷ (mẫu)»; chưa"))
        #expect(h.all.contains("I. TẬP THỂ (2)"))
        #expect(h.all.contains("II. CÁ NHÂN (0)"))
        #expect(h.all.contains("4/9 44,4%"))
        #expect(h.all.contains("⚠ Biểu quyết: 4/9 thành viên đồng ý (44,4 % tổng số thành viên), chưa đạt"))
        assertGolden(h.screen(80, 24), "nominations-80x24")
        assertGolden(h.screen(120, 40), "nominations-120x40")
    }

    /// «Tổng kết» has more forms than 80 columns hold: the selected tab is still shown, the
    /// vote fits whole and a warning says what it is about.
    @Test func endOfPhaseAt80x24ShowsTheSelectedTabTheVoteAndShortWarnings() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 > > > > > > F7 Enter F2")
        try h.keys("v \"13\" Tab \"13\" Tab \"11\" Tab \"2\" Tab \"0\" F2")
        let rows = h.text().split(separator: "\n").map(String.init)
        #expect(rows[1].contains("[ Giấy khen xã 1 ]"), "\(rows[1])")
        #expect(rows[1].contains("«"), "hidden tabs are marked")
        let row = try #require(rows.first { $0.contains("Ban Chỉ huy") })
        #expect(row.contains("11/13 84,6%"))
        #expect(row.contains("⚠2 Xếp loại"))
        assertGolden(h.screen(80, 24), "nominations-end-of-phase-warnings-80x24")
    }

    /// A khối whose short name already says «Khối» is not named twice.
    @Test func thePickerNamesEachKhoiOnce() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 F7")
        let text = h.text(120, 40)
        #expect(text.contains("Khối Đảng"))
        #expect(!text.contains("Khối Khối"))
    }

    @Test func formTabsScrollToKeepTheSelectedOneInView() {
        let widths = [20, 20, 20, 20]
        #expect(FormTabWindow(widths: widths, selected: 0, room: 100).range == 0..<4)
        #expect(FormTabWindow(widths: widths, selected: 3, room: 45).range == 2..<4)
        #expect(FormTabWindow(widths: widths, selected: 1, room: 45).range == 0..<2)
        #expect(FormTabWindow(widths: [], selected: nil, room: 10).range == 0..<0)
    }

    @Test func voteEntryShowsTheShareOfAllMembersAndRefusesInconsistentCounts() throws {
        let h = try twoAccepted()
        try h.keys("v \"9\" Tab \"10\" Tab \"5\" Tab \"3\" Tab \"0\"")
        #expect(h.all.contains("Đồng ý 5/9 = 55,6 % tổng số thành viên — đạt ngưỡng trên 50 %"))
        assertGolden(h.screen(80, 24), "vote-form-80x24")
        try h.keys("F2")
        #expect(h.all.contains("Chưa lưu: Số thành viên có mặt (10) không được lớn hơn tổng số thành"))
        #expect(h.data.nominations.values.allSatisfy { $0.vote == nil }, "nothing written")
        try h.keys("Up Up Up C-u \"7\" F2")
        #expect(h.all.contains("Chưa lưu: Tổng đồng ý, không đồng ý và không biểu quyết (8) vượt quá số"))
        try h.keys("Down C-u \"4\" F2")
        let n = try #require(screen(h)?.selected)
        #expect(n.vote == CouncilVote(method: .showOfHands, date: h.app.session.today,
                                      membersTotal: 9, membersPresent: 7, agree: 4, disagree: 3, abstain: 0))
        #expect(n.status == .councilReviewed)
    }

    @Test func aFailedVoteBlocksTheNextStepAndIsNotOverriddenThenTheDecisionEntersTheHistory() throws {
        let h = try twoAccepted()
        try h.keys("v \"9\" Tab \"9\" Tab \"4\" Tab \"5\" Tab \"0\" F2")
        let id = try #require(screen(h)?.selected?.id)
        try h.keys("t Enter")
        #expect(h.all.contains("Chưa lưu: Đề nghị \(id) (Công ty TNHH Thương mại Đồng Hỷ (mẫu)) không đạt"))
        #expect(h.data.nominations[id]?.status == .councilReviewed)
        try h.keys("o")
        #expect(h.status.contains("không đạt biểu quyết của hội đồng"),
                "a failed vote is the council's answer, not a warning")
        #expect(h.data.nominations[id]?.findings.allSatisfy { $0.overrideReason == nil } == true)
        // The vote was typed wrong: record it again.
        try h.keys("v Tab Tab Tab Tab C-u \"7\" Tab C-u \"2\" F2")
        #expect(h.data.councilOutcome(of: h.data.nominations[id]!) == .passed)
        try h.keys("t Enter")
        #expect(h.data.nominations[id]?.status == .submitted)
        try h.keys("r \"123\" F2")
        #expect(h.status.hasPrefix("Đã ghi quyết định 123/QĐ-UBND"), "a number typed as its serial is stored whole")
        let saved = try h.reopened()
        #expect(saved.nominations[id]?.status == .awarded)
        #expect(saved.nominations[id]?.statusHistory.map(\.status) == [.councilReviewed, .submitted, .awarded])
        let award = try #require(saved.awards.values.first { $0.nominationID == id })
        #expect(award.decision.number == "123/QĐ-UBND")
        #expect(award.decision.issuer == "Chủ tịch Ủy ban nhân dân xã Phong Quang")
        #expect(award.year == 2025)
        try h.keys("u")
        #expect(!h.data.awards.values.contains { $0.nominationID == id }, "one undo takes the decision and the award back")
        #expect(h.data.nominations[id]?.status == .submitted)
    }

    @Test func steppingBackNeedsAReasonAndTheHistoryKeepsIt() throws {
        let h = try twoAccepted()
        try h.keys("v \"9\" Tab \"9\" Tab \"8\" Tab \"1\" Tab \"0\" F2")
        let id = try #require(screen(h)?.selected?.id)
        try h.keys("b Enter")
        #expect(h.all.contains("cần ghi lý do"))
        try h.keys("\"Bổ sung hồ sơ\" Enter")
        let n = try #require(try h.reopened().nominations[id])
        #expect(n.status == .proposed)
        #expect(n.statusHistory.last?.reason == "Bổ sung hồ sơ")
        #expect(h.all.contains("Dự kiến — hoa"))
    }

    @Test func oneVoteForTheWholeListIsOneUndoableChange() throws {
        let h = try twoAccepted()
        try h.keys("V \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2")
        #expect(h.status.hasPrefix("Đã ghi biểu quyết cho 2 đề nghị."))
        #expect(h.data.nominations.values.allSatisfy { $0.status == .councilReviewed && $0.vote?.agree == 7 })
        try h.keys("u")
        #expect(h.data.nominations.values.allSatisfy { $0.status == .proposed && $0.vote == nil })
    }

    @Test func addingANomineeBySearchWithAMultiLineSummary() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < F7 \"nguyen hong\"")
        let picker = try #require(h.app.top as? NomineePickerScreen)
        #expect(picker.visible.map(\.name) == ["Nguyễn Hồng Hồng"])
        try h.keys("Enter \"Chủ trì số hoá hồ sơ một cửa.\" Enter \"Hướng dẫn 120 hộ dùng dịch vụ công.\" F2")
        let n = try #require(h.data.nominations.values.first)
        #expect(n.achievementSummary == "Chủ trì số hoá hồ sơ một cửa.\nHướng dẫn 120 hộ dùng dịch vụ công.")
        #expect(n.scoreSnapshot?.className == "Xuất sắc")
        #expect(n.kind == .thematic)
        #expect(h.all.contains("II. CÁ NHÂN (1)"))
        #expect(try h.reopened().nominations[n.id]?.achievementSummary == n.achievementSummary)
        // The same nominee again: saved, but the finding says why it should not be.
        try h.keys("F7 \"nguyen hong\" Enter F2")
        #expect(h.all.contains("⚠ Đã có đề nghị \(n.id) cho Giấy khen của Chủ tịch UBND xã"))
    }

    @Test func homeCountsTheYearsNominationsByStatusAndForm() throws {
        let h = try twoAccepted()
        try h.keys("Esc > Esc")
        #expect(h.all.contains("Đề nghị khen thưởng năm 2026: chưa có"), "home shows the session year")
        try h.keys("6 [ F7 \"Ban Chi huy\" Enter F2 Esc")
        #expect(h.all.contains("Đề nghị khen thưởng: 1 — Bằng khen tỉnh 1 · dự kiến 1"))
    }

    @Test func formsFollowThePeriod() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6")
        #expect(h.all.contains("Đợt ◀ Năm 2026 ▶"))
        #expect(h.all.contains("Bằng khen tỉnh 0"))
        #expect(!h.all.contains("Huân chương"))
        try h.keys("> > > > > >")
        #expect(h.all.contains("Tổng kết giai đoạn 2025 - 2030"))
        #expect(h.all.contains("[ Giấy khen xã 0 ]"), "the selected tab is always in view")
        try h.keys(">")
        #expect(h.status.hasPrefix("Đây là đợt cuối (tổng kết giai đoạn)."))
        try h.keys("[ [ [")
        #expect(screen(h)?.formID == "huan-chuong-lao-dong")
        #expect(h.all.contains("Huân chương LĐ 0"))
        #expect(h.all.contains("Bằng khen TTg 0"))
    }

    @Test func aDecidedNominationCannotBeDeletedAndAnOpenOneAsksFirst() throws {
        let h = try twoAccepted()
        try h.keys("d")
        #expect(h.all.contains("Xóa đề nghị"))
        try h.keys("Enter")
        #expect(h.data.nominations.count == 2, "the dialog starts on Không")
        try h.keys("d Left Enter")
        #expect(h.data.nominations.count == 1)
    }
}
