import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaTUI

/// Who signs what and the legal bases, set in Cài đặt through the whole program.
@Suite struct SettingsSigningScreenTests {
    /// From the first field of Cài đặt to «Quyết định khen thưởng».
    static let toDecisionSigner = Array(repeating: "Tab", count: 13).joined(separator: " ")

    @Test func aDeputySigningNeedsANameAndThenSignsTheDecisions() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 " + Self.toDecisionSigner)
        #expect(h.app.top is SettingsScreen)
        #expect(h.status.contains("«CHỦ TỊCH» hoặc «KT. CHỦ TỊCH»"))
        try h.keys("Right F2")
        #expect(h.text(120, 40).contains("Phó Chủ tịch ký thay không được để trống."))
        #expect(!h.data.settings.decisionSigning.byDeputy, "nothing written")
        #expect(h.app.top is SettingsScreen)
        #expect((h.app.top as? SettingsScreen)?.form.focusedItem?.id == "deputy", "the refusal puts the cursor on the name")
        try h.keys("\"Trần Văn Phó\" Tab \"Lê Thị Thu\" Tab Right F2")
        #expect(h.status.contains("Đã lưu cài đặt."))
        let settings = h.data.settings
        #expect(settings.signature(for: .chairmanDecision) == SignatureLines(authority: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Trần Văn Phó"))
        #expect(settings.signature(for: .office) == SignatureLines(authority: ["TRƯỞNG PHÒNG"], name: "Lê Thị Thu"))
        #expect(settings.nomineeOrder == .rankInBlock)
        #expect(try h.reopened().settings == settings, "on disk")
        try h.keys("u")
        #expect(h.data.settings.decisionSigning == DecisionSigning(), "one undo takes it back")
    }

    @Test func theLegalBasesAreEditedAsTheyAreCited() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 F7")
        #expect(h.app.top is LegalBasesScreen)
        let text = h.text(120, 40)
        #expect(text.contains("Từ 01/07/2025 · quyết định"))
        #expect(text.contains("Đến 30/06/2025"))
        assertGolden(h.screen(80, 24), "legal-bases-80x24")
        try h.keys("Tab C-u F2")
        #expect(h.text(120, 40).contains("Căn cứ pháp lý 2 không được để trống."))
        try h.keys("\"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội thông qua ngày 15 tháng 6 năm 2022;\" F2")
        #expect(h.status.contains("Đã lưu các căn cứ pháp lý."))
        let cited = h.data.settings.legalBases(for: .submission, on: try CalendarDate(year: 2026, month: 1, day: 5))
        #expect(cited.first == "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội thông qua ngày 15 tháng 6 năm 2022;")
    }
}

/// The council's roster and the day's meeting, typed in Cài đặt › Hội đồng.
@Suite struct CouncilScreenTests {
    @Test func theRosterAndTheMeetingAreSavedForTheMinutes() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 F8")
        #expect(h.app.top is CouncilScreen)
        assertGolden(h.screen(80, 24), "council-80x24")
        try h.keys("\"Nguyễn Ánh Xuân\" Tab \"Chủ tịch UBND xã\" Tab \"Lò Thị Hạnh\" Tab Tab "
                   + "\"Hoàng Văn Đức, Phó Chủ tịch UBND xã; Ma Thị Lan, Chủ tịch Hội Phụ nữ xã\" Tab \"8h\" F2")
        #expect(h.text(120, 40).contains("Giờ bắt đầu họp «8h» không đúng dạng giờ:phút, ví dụ 08:00."))
        try h.keys("C-u \"08:00\" Tab \"10:30\" Tab \"Hội trường UBND xã\" Tab \"Ma Thị Lan\" F2")
        #expect(h.status.contains("Đã lưu thành phần hội đồng."))
        let settings = h.data.settings
        #expect(settings.councilRoster.chair == CouncilMember(name: "Nguyễn Ánh Xuân", position: "Chủ tịch UBND xã"))
        #expect(settings.councilRoster.secretary == CouncilMember(name: "Lò Thị Hạnh"))
        #expect(settings.councilRoster.members.map(\.name) == ["Hoàng Văn Đức", "Ma Thị Lan"])
        let meeting = try #require(settings.councilMeeting(for: .year(2026)))
        #expect(meeting.startTime == "08:00" && meeting.endTime == "10:30" && meeting.place == "Hội trường UBND xã")
        #expect(meeting.present.map(\.name) == ["Hoàng Văn Đức"] && meeting.absent.map(\.name) == ["Ma Thị Lan"])
        #expect(try h.reopened().settings == settings)
    }
}

/// The office's sections of the commune's year report, written in Báo cáo › b.
@Suite struct CommuneReportScreenTests {
    @Test func theSectionsAreWrittenAndPrintedInTheYearReport() throws {
        let h = try AppHarness(sample: true)
        try h.keys("5 b")
        let screen = try #require(h.app.top as? CommuneReportScreen)
        #expect(screen.year == 2026)
        try h.keys("\"100% thôn có tổ công nghệ số cộng đồng.\" Enter \"Cấp 1.200 chữ ký số cho người dân.\" Tab Tab "
                   + "\"Mở lớp Bình dân học AI cho các thôn.\"")
        assertGolden(h.screen(80, 24), "commune-report-80x24")
        try h.keys("F2")
        #expect(h.status.contains("Đã lưu báo cáo năm 2026 của xã."))
        let report = try #require(h.data.communeReports[2026])
        #expect(report.results == "100% thôn có tổ công nghệ số cộng đồng.\nCấp 1.200 chữ ký số cho người dân.")
        #expect(report.shortcomings.isEmpty && report.nextYearTasks == "Mở lớp Bình dân học AI cho các thôn.")
        #expect(try h.reopened().communeReports[2026] == report, "kept in the folder")
        try h.keys("u")
        #expect(h.data.communeReports[2026] == nil, "one undo takes it back")
    }
}

/// Reward money figures, edited in Cài đặt › Tiền thưởng with their sources shown.
@Suite struct RewardMoneyScreenTests {
    @Test func aCoefficientIsUnsetOrCorrectedAndABadAmountIsNamed() throws {
        let h = try AppHarness(sample: true)
        try h.keys("9 F9")
        #expect(h.app.top is RewardMoneyScreen)
        #expect(h.all.contains("Giấy khen xã — cá nhân: Điều 54 khoản 1 Nghị định 152/2025/NĐ-CP"), "the source on screen")
        assertGolden(h.screen(80, 24), "reward-money-80x24")
        try h.keys("C-u Tab C-u \"0,7\" F2")
        #expect(h.status.contains("Đã lưu tiền thưởng."))
        let money = h.data.settings.rewardMoney
        #expect(money.coefficients[0].coefficient == nil, "left empty: not set")
        #expect(money.coefficients[1].coefficient == (try Coefficient(parsing: "0.7")))
        try h.keys("F9 " + Array(repeating: "Tab", count: money.coefficients.count).joined(separator: " ") + " C-u \"hai triệu\" F2")
        #expect(h.text(160, 40).contains("Mức lương cơ sở từ 01/07/2024 «hai triệu» không phải số đồng, ví dụ 2.340.000."))
        #expect(h.app.top is RewardMoneyScreen, "the cursor is on the base salaries, beyond the first screen")
    }
}
