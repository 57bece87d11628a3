import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The award history of a unit or person and the entry of older awards, through the whole
/// program: every edit goes through the store, is on disk when the screen says so, and
/// the domain's refusals show under the field they are about.
@Suite struct AwardHistoryScreenTests {
    /// From the person list: `k` opens the history of the selected person, `a` the form.
    private func openFormForFirstPerson(_ h: AppHarness) throws -> Person {
        try h.keys("2")
        let person = try #require((h.app.top as? PersonListScreen)?.selectedPerson)
        try h.keys("k")
        #expect(h.app.top is AwardHistoryScreen)
        #expect(h.app.top.title == "Lịch sử khen thưởng — \(person.fullName)")
        #expect(h.all.contains("Chưa ghi khen thưởng nào cho «\(person.fullName)»."))
        try h.keys("a")
        #expect(h.app.top is AwardFormScreen)
        return person
    }

    @Test func pastAwardIsAddedFromThePersonList() throws {
        let h = try AppHarness(sample: true)
        let person = try openFormForFirstPerson(h)
        #expect(h.all.contains("Chưa ghi khen thưởng nào") == false, "the form covers the history")
        // Most senior form first: Huân chương (with grades) → Bằng khen TTg → Bằng khen tỉnh;
        // kind: one to the left of the default «theo chuyên đề» is «theo công trạng».
        try h.keys("Tab Right Right Tab Left Tab \"2023\" Tab \"45/QĐ-UBND\" Tab \"12/12/2023\" F2")
        let id = AwardRecordID("KT00003")
        #expect(h.text(200, 30).contains("Đã lưu khen thưởng KT00003 (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, năm 2023)"))
        let expected = AwardRecord(id: id, recipient: .person(person.id),
                                   recognition: .form(id: "bang-khen-tinh", grade: nil), kind: .merit, year: 2023,
                                   decision: Decision(number: "45/QĐ-UBND",
                                                      date: try CalendarDate(year: 2023, month: 12, day: 12),
                                                      issuer: "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên"))
        #expect(h.data.awards[id] == expected, "an empty issuer becomes the form's own")
        #expect(try h.reopened().awards[id] == expected)
        #expect(h.app.top is AwardHistoryScreen)
        let screen = h.all
        #expect(screen.contains("2023 Bằng khen của Chủ tịch"))
        #expect(screen.contains("45/QĐ-UBND"))
        #expect(screen.contains("12/12/2023"))
        #expect(screen.contains("Nhập từ quyết định đã có (không qua đề nghị)."))
    }

    @Test func yearOutOfRangeShowsTheDomainMessageUnderYear() throws {
        let h = try AppHarness(sample: true)
        _ = try openFormForFirstPerson(h)
        try h.keys("Tab Right Right Tab Tab \"1900\" Tab \"12/QĐ-UBND\" Tab \"01/02/2020\" F2")
        let form = try #require(h.app.top as? AwardFormScreen)
        #expect(form.form.item("year")?.error == "Năm khen thưởng phải từ 1945 đến 2026 (đã nhập 1900).")
        #expect(h.all.contains("! Năm khen thưởng phải từ 1945 đến 2026 (đã nhập 1900)."))
        #expect(h.all.contains("Chưa lưu: xem ô «Năm»."))
        #expect(h.data.awards.count == 2, "nothing written")
        try h.keys("C-u \"2020\" F2")
        #expect(h.data.awards.count == 3)
    }

    @Test func titleEntryStoresATitleNotAForm() throws {
        let h = try AppHarness(sample: true)
        let person = try openFormForFirstPerson(h)
        // Only individual titles are offered to a person; the first is «Lao động tiên tiến».
        try h.keys("Right")
        #expect(h.all.contains("Danh hiệu"))
        #expect(h.all.contains("Lao động tiên tiến"))
        #expect(!h.all.contains("Hạng"), "a title has no grade")
        try h.keys("Tab Tab Tab \"2024\" Tab \"7/QĐ-UBND\" Tab \"15/01/2025\" F2")
        let award = try #require(h.data.awards[AwardRecordID("KT00003")])
        #expect(award.recognition == .title(id: "lao-dong-tien-tien"))
        #expect(award.recipient == .person(person.id))
        #expect(award.decision.issuer == "", "titles have no signer in the catalog")
        #expect(h.all.contains("Danh hiệu: Lao động tiên tiến"))
    }

    @Test func formWithGradesAsksForTheGrade() throws {
        let h = try AppHarness(sample: true)
        _ = try openFormForFirstPerson(h)
        #expect(h.all.contains("Hạng"), "Huân chương Lao động has grades")
        try h.keys("Tab Tab Left Tab Tab \"2021\" Tab \"9/QĐ-CTN\" Tab \"02/09/2021\" F2")
        #expect(h.data.awards[AwardRecordID("KT00003")]?.recognition
                == .form(id: "huan-chuong-lao-dong", grade: "hạng Nhì"))
    }

    @Test func deleteAsksDefaultingToNoAndCanBeUndone() throws {
        let h = try AppHarness(sample: true)
        let subject = try #require(h.data.awards[AwardRecordID("KT00001")]?.recipient)
        try openHistory(h, of: subject)
        try h.keys("d")
        #expect(h.all.contains("Xóa khen thưởng"))
        #expect(h.all.contains("Có thể hoàn tác bằng u"))
        try h.keys("Enter")
        #expect(h.data.awards[AwardRecordID("KT00001")] != nil, "Enter by habit keeps it")
        try h.keys("d c")
        #expect(h.data.awards[AwardRecordID("KT00001")] == nil)
        #expect(try h.reopened().awards[AwardRecordID("KT00001")] == nil)
        #expect(h.status.contains("Đã xóa khen thưởng KT00001"))
        #expect(h.all.contains("Chưa ghi khen thưởng nào"))
        try h.keys("u")
        #expect(h.data.awards[AwardRecordID("KT00001")] != nil)
        #expect(h.all.contains("215/QĐ-UBND"))
    }

    @Test func deletingAnAwardFromANominationSaysTheNominationStays() throws {
        let h = try AppHarness(sample: true)
        let subject = try threeAwards(h)
        try openHistory(h, of: subject)
        // Newest first: the 2025 decision from the nomination leads.
        #expect((h.app.top as? AwardHistoryScreen)?.selectedAward?.nominationID == NominationID("DN00001"))
        try h.keys("d")
        let text = h.text(120, 40)
        #expect(text.contains("từ đề nghị DN00001"))
        #expect(text.contains("«Đã khen»"))
        try h.keys("Esc")
        #expect(h.data.awards.count == 4)
    }

    /// A certificate printed for the award's decision shows its register number, and reprints.
    @Test func theCertificateNumberShowsInTheAwardsDetails() throws {
        let h = try AppHarness(sample: true)
        let subject = try threeAwards(h)
        let nomination = try #require(h.data.nominations[NominationID("DN00001")])
        for time in ["2025-12-23T09:00:00+07:00", "2025-12-24T09:00:00+07:00"] {
            let printed = try CertificateRegister.printing(decisionNumber: nomination.decision!.number, formID: nomination.formID,
                                                           chosen: [nomination.id], in: h.data, time: time, user: "hoa")
            _ = try h.store.commit(printed.change)
        }
        try openHistory(h, of: subject)
        #expect((h.app.top as? AwardHistoryScreen)?.selectedAward?.nominationID == nomination.id)
        let text = h.text(120, 40)
        #expect(text.contains("Giấy chứng nhận số 1/BK-2026, đã in lại 1 lần."), "\(text)")
    }

    @Test func editingKeepsTheID() throws {
        let h = try AppHarness(sample: true)
        let subject = try #require(h.data.awards[AwardRecordID("KT00001")]?.recipient)
        try openHistory(h, of: subject)
        let before = try #require((h.app.top as? AwardHistoryScreen)?.selectedAward)
        try h.keys("Enter")
        #expect(h.all.contains("sửa khen thưởng \(before.id)"))
        try h.keys("Tab Tab Tab Tab C-u \"216/QĐ-UBND\" F2")
        let after = try #require(h.data.awards[before.id])
        #expect(after.decision.number == "216/QĐ-UBND")
        #expect(after.recognition == before.recognition)
        #expect(h.data.awards.count == 2, "edited in place, not added")
        #expect(try h.reopened().awards[before.id] == after)
        #expect((h.app.top as? AwardHistoryScreen)?.selectedAward?.id == before.id)
    }

    @Test func escWithTypedInputAsksBeforeDiscarding() throws {
        let h = try AppHarness(sample: true)
        _ = try openFormForFirstPerson(h)
        try h.keys("Tab Tab Tab Tab \"2022\" Tab Esc")
        #expect(h.all.contains("Bỏ thay đổi"))
        try h.keys("Enter")
        #expect(h.app.top is AwardFormScreen, "«Không» keeps the form")
        try h.keys("Esc c")
        #expect(h.app.top is AwardHistoryScreen)
        #expect(h.data.awards.count == 2)
    }

    @Test func historyOpensFromTheUnitListToo() throws {
        let h = try AppHarness(sample: true)
        try h.keys("1")
        let unit = try #require((h.app.top as? UnitListScreen)?.selectedUnit)
        try h.keys("k")
        #expect((h.app.top as? AwardHistoryScreen)?.subject == .unit(unit.id))
        try h.keys("a Right")
        // Units get collective titles only.
        #expect(h.all.contains("Tập thể lao động tiên tiến"))
        #expect(!h.all.contains("Lao động tiên tiến "))
    }

    @Test func telexTypingSurvivesSwitchingToATitle() throws {
        let h = try AppHarness(sample: true, telex: true)
        _ = try openFormForFirstPerson(h)
        // Switching to a title rebuilds the fields; the note field must still compose Telex.
        try h.keys("Right Tab Tab Tab Tab Tab Tab Tab")
        h.type("Ghi chus")
        let form = try #require(h.app.top as? AwardFormScreen)
        #expect(form.form.text("note") == "Ghi chú")
    }

    @Test func recordWithoutGradeKeepsNoGradeWhenEdited() throws {
        let h = try AppHarness(sample: true)
        let person = try #require(h.data.people.keys.min())
        let award = AwardRecord(id: "KT00003", recipient: .person(person),
                                recognition: .form(id: "huan-chuong-lao-dong", grade: nil), kind: .merit, year: 2020,
                                decision: Decision(number: "1/QĐ-CTN", date: try CalendarDate(year: 2020, month: 9, day: 2),
                                                   issuer: "Chủ tịch nước"))
        _ = try h.store.commit(.addAward(award: award))
        try openHistory(h, of: .person(person))
        try h.keys("Enter")
        #expect(h.all.contains("(không ghi hạng)"))
        try h.keys("Tab Tab Tab Tab Tab C-u \"2/QĐ-CTN\" F2")
        #expect(h.data.awards["KT00003"]?.recognition == .form(id: "huan-chuong-lao-dong", grade: nil))
        #expect(h.data.awards["KT00003"]?.decision.number == "2/QĐ-CTN")
    }

    @Test func goldens() throws {
        let h = try AppHarness(sample: true)
        let subject = try threeAwards(h)
        try openHistory(h, of: subject)
        assertGolden(h.screen(80, 24), "award-history-80x24")
        assertGolden(h.screen(120, 40), "award-history-120x40")
        try h.keys("a")
        assertGolden(h.screen(80, 24), "award-form-80x24")
        assertGolden(h.screen(120, 40), "award-form-120x40")
    }

    // MARK: Helpers

    /// Opens the history of `subject` the way a user would: search its id in its list, `k`.
    private func openHistory(_ h: AppHarness, of subject: Subject) throws {
        switch subject {
        case .unit(let id): try h.keys("1 / \"\(id)\" Enter k")
        case .person(let id): try h.keys("2 / \"\(id)\" Enter k")
        }
        #expect((h.app.top as? AwardHistoryScreen)?.subject == subject)
    }

    /// The first sample award's unit gets two more: a title entered from an old decision and
    /// a provincial Bằng khen from a nomination that reached «Đã khen».
    private func threeAwards(_ h: AppHarness) throws -> Subject {
        let subject = try #require(h.data.awards[AwardRecordID("KT00001")]?.recipient)
        let title = AwardRecord(id: "KT00003", recipient: subject, recognition: .title(id: "tap-the-lao-dong-xuat-sac"),
                                kind: .merit, year: 2024,
                                decision: Decision(number: "88/QĐ-UBND", date: try CalendarDate(year: 2025, month: 1, day: 10),
                                                   issuer: "Chủ tịch Ủy ban nhân dân xã Phong Quang"),
                                note: "Nhập từ hồ sơ lưu trữ")
        _ = try h.store.commit(.addAward(award: title))
        let decision = Decision(number: "1520/QĐ-UBND", date: try CalendarDate(year: 2026, month: 1, day: 15),
                                issuer: "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên")
        let nomination = Nomination(id: "DN00001", period: .year(2025), formID: "bang-khen-tinh", nominee: subject,
                                    status: .awarded, decision: decision)
        _ = try h.store.commit(.addNomination(nomination: nomination))
        let fromNomination = AwardRecord(id: "KT00004", recipient: subject,
                                         recognition: .form(id: "bang-khen-tinh", grade: nil), kind: .thematic,
                                         year: 2025, decision: decision, nominationID: "DN00001")
        _ = try h.store.commit(.addAward(award: fromNomination))
        return subject
    }
}
