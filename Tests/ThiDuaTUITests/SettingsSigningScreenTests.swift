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
