import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// Two whole programs in one process on one data folder, as two staff at two terminals:
/// hoa (the first harness) and lan on may2 (the second). What one saves reaches the other at
/// its next idle; a form opened before the other's save is refused with the other's name and
/// keeps what was typed; undo never takes back over someone else's edit; each sees who else
/// is in the folder.
@Suite struct SharedFolderAppTests {
    private func pair(sample: Bool = false) throws -> (hoa: AppHarness, lan: AppHarness) {
        let hoa = try AppHarness(sample: sample, joinSessions: true)
        let lan = try AppHarness(beside: hoa, user: "lan", host: "may2", joinSessions: true)
        return (hoa, lan)
    }

    private func unit(named name: String, in data: Dataset) throws -> OrgUnit {
        try #require(data.units.values.first { $0.name == name })
    }

    @Test func aScoreSavedByOneShowsInTheOthersGridAtItsNextIdle() throws {
        let (hoa, lan) = try pair(sample: true)
        try hoa.keys("4")
        try lan.keys("4")
        let hoaGrid = try #require(hoa.app.top as? ScoreGridScreen)
        let lanGrid = try #require(lan.app.top as? ScoreGridScreen)
        #expect(hoaGrid.model.tab == lanGrid.model.tab)
        let subject = hoaGrid.model.rows[0].subject, code = hoaGrid.model.items[0].code
        let key = SheetKey(year: 2026, subject: subject)
        try hoa.keys("\"7,25\" Enter")
        #expect(hoa.data.sheets[key]?.items[code]?.selfScore == Points(hundredths: 725))
        #expect(lan.data.sheets[key]?.items[code]?.selfScore != Points(hundredths: 725), "not before lan looks")

        #expect(lan.app.idle())
        #expect(lan.data.sheets[key]?.items[code]?.selfScore == Points(hundredths: 725))
        #expect(lan.app.message.hasPrefix("hoa: 1 điểm ở "), "\(lan.app.message)")
        let row = try #require(lan.all.split(separator: "\n").first { $0.contains(lanGrid.model.rows[0].name.prefix(12)) })
        #expect(row.contains("7,25"), "the grid shows the new score: \(row)")
        #expect(lan.status.contains("hoa: 1 điểm ở "))

        // lan's own message is not covered by an arrival.
        try lan.keys("Down \"3\" Enter")
        let own = lan.app.message
        try hoa.keys("Down \"2\" Enter")   // another cell: lan's own is refused to hoa, as the next test shows for forms
        #expect(lan.app.idle())
        #expect(lan.app.message == own)
    }

    @Test func aFormOpenedBeforeTheOthersSaveIsRefusedWithTheirNameAndKeepsTheTypedValues() throws {
        let (hoa, lan) = try pair()
        try hoa.keys("1 a \"Công an xã\" F2")
        _ = lan.app.idle()
        try lan.keys("1 e")
        #expect(lan.app.top is UnitFormScreen)

        try hoa.keys("e Tab Tab Tab \"Hà Văn Sơn\" F2")
        #expect(try unit(named: "Công an xã", in: hoa.data).head == "Hà Văn Sơn")

        try lan.keys("Tab Tab Tab \"Lò Thị Dung\" F2")
        #expect(lan.app.top is UnitFormScreen, "the form stays open")
        let id = try unit(named: "Công an xã", in: hoa.data).id
        let refused = lan.all
        #expect(refused.contains("Đơn vị \(id) vừa được hoa@may-vhxh sửa lúc "), "\(refused)")
        #expect(refused.contains("Esc để bỏ rồi xem bản mới."), "the whole refusal shows, to its end")
        assertGolden(lan.screen(80, 24), "unit-form-refused-by-another-80x24")
        #expect(lan.all.contains("Lò Thị Dung"), "lan's typing is still in the form")
        #expect(try unit(named: "Công an xã", in: try hoa.reopened()).head == "Hà Văn Sơn", "nothing written")

        // Told, lan saves again and overwrites knowingly.
        try lan.keys("F2")
        #expect(!(lan.app.top is UnitFormScreen))
        #expect(try unit(named: "Công an xã", in: try hoa.reopened()).head == "Lò Thị Dung")
        try hoa.keys("Esc")   // hoa's own «Đã lưu» stays until hoa's next key
        #expect(hoa.app.idle())
        #expect(hoa.app.message.hasPrefix("lan: Sửa đơn vị"), "\(hoa.app.message)")
    }

    @Test func undoIsRefusedWhenTheOtherChangedTheRecordSince() throws {
        let (hoa, lan) = try pair()
        try hoa.keys("1 a \"Trạm Y tế xã\" F2 e Tab Tab Tab \"Hà Văn Sơn\" F2")
        _ = lan.app.idle()
        try lan.keys("1 e Tab Tab Tab C-u \"Lò Thị Dung\" F2")
        let id = try unit(named: "Trạm Y tế xã", in: lan.data).id

        try hoa.keys("u")
        #expect(hoa.app.message.hasPrefix("Không hoàn tác được «"), "\(hoa.app.message)")
        #expect(hoa.app.message.contains("đã được lan@may2 sửa lúc "))
        #expect(try unit(named: "Trạm Y tế xã", in: try hoa.reopened()).head == "Lò Thị Dung", "lan's edit stands")
        #expect(hoa.data.units[id]?.head == "Lò Thị Dung", "hoa's program now holds lan's edit")
        #expect(hoa.app.session.undoStack.count == 2, "the refused step stays, for a later look")
    }

    @Test func anAddedUnitWhoseCodeTheOtherTookIsGivenTheNextAndSaysSo() throws {
        let (hoa, lan) = try pair()
        try hoa.keys("1 a")
        try lan.keys("1 a")
        try hoa.keys("\"Công an xã\" F2")
        let taken = try unit(named: "Công an xã", in: hoa.data).id
        try lan.keys("\"Trạm Y tế xã\" F2")
        let given = try unit(named: "Trạm Y tế xã", in: lan.data).id
        #expect(given != taken)
        #expect(lan.app.message == "Đã lưu đơn vị «Trạm Y tế xã» (\(given)); mã \(taken) vừa có người khác dùng.")
        let reopened = try hoa.reopened()
        #expect(reopened.units[taken]?.name == "Công an xã" && reopened.units[given]?.name == "Trạm Y tế xã")
    }

    @Test func eachSeesWhoElseIsInAndOnWhichScreen() throws {
        let (hoa, lan) = try pair(sample: true)
        try lan.keys("4")
        _ = lan.app.idle()   // tells the others lan's screen
        _ = hoa.app.idle()
        #expect(hoa.status.contains("Cùng làm: lan"))
        let home = hoa.all
        #expect(home.contains("Đang làm cùng: lan (\(lan.app.top.title))"), "\(home)")
        assertGolden(hoa.screen(80, 24), "home-working-together-80x24")
        #expect(lan.status.contains("Cùng làm: hoa"))

        lan.sessionHandle?.leave()
        #expect(hoa.app.idle(), "the line changes, so the screen is drawn again")
        #expect(!hoa.status.contains("Cùng làm"))
        #expect(!hoa.all.contains("Đang làm cùng"))
    }
}
