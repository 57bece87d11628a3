import Testing
@testable import ThiDuaDomain

/// Every kind of change: applying it then its inverse gives back the dataset exactly.
@Suite struct ChangeInverseTests {
    static let unitSubject = Subject.unit("DV0001")

    /// A dataset with a started sheet, a report, a nomination and an award to edit.
    static var rich: Dataset {
        var data = Fixtures.commune
        data.sheets[SheetKey(year: 2026, subject: unitSubject)] = ScoreSheet(
            year: 2026, subject: unitSubject, groupID: "III.1",
            items: ["1.1": ItemScore(done: true, selfScore: 50)])
        data.reports[ReportKey(year: 2026, unitID: "DV0001")] = ReportSubmission(
            year: 2026, unitID: "DV0001", receivedDate: try! CalendarDate(year: 2026, month: 11, day: 20))
        data.nominations["DN00001"] = Nomination(id: "DN00001", period: .year(2026), formID: "giay-khen-xa",
                                                 nominee: unitSubject, achievementSummary: "Tốt")
        data.awards["KT00001"] = AwardRecord(id: "KT00001", recipient: .person("CN00001"),
                                             recognition: .title(id: "ldtt"), kind: .merit, year: 2024,
                                             decision: Decision(number: "1/QĐ-UBND", date: try! CalendarDate(year: 2024, month: 12, day: 1), issuer: "UBND xã"))
        return data
    }

    static var changes: [Change] {
        var settings = Fixtures.settings
        settings.midTermYear = 2028
        var rules = Fixtures.rules
        rules.classBands[0].minimum = 95
        let base = rich
        var unit = base.units["DV0002"]!
        unit.name = "Văn phòng UBND"
        var person = base.people["CN00001"]!
        person.position = "Phó Trưởng phòng"
        var set = base.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.1")]!
        set.items.append(CriteriaItem(code: "1.3", text: "Mới", maximum: 5))
        var nomination = base.nominations["DN00001"]!
        nomination.achievementSummary = "Xuất sắc"
        var award = base.awards["KT00001"]!
        award.note = "Đã kiểm tra"
        let date = try! CalendarDate(year: 2026, month: 11, day: 1)
        return [
            .updateSettings(settings: settings),
            .updateRules(rules: rules),
            .updateCategory(category: UnitCategory(id: "thon", name: "Thôn, xóm", shortName: "Thôn", order: 2, criteriaGroupID: "THON")),
            .updateCriteriaGroup(group: CriteriaGroup(id: "THON", name: "Thôn (mới)", subjectKind: .collective, planSection: nil, note: nil)),
            .updateAwardForm(form: AwardForm(id: "giay-khen-xa", name: "Giấy khen", issuer: "Chủ tịch", rank: 1, periods: [.yearly], decidedInCommune: true)),
            .addUnit(unit: OrgUnit(id: "DV0003", name: "Thôn Đồng Tâm", categoryID: "thon", order: 1)),
            .updateUnit(unit: unit),
            .setUnitArchived(id: "DV0002", archived: true),
            .removeUnit(id: "DV0002"),
            .addPerson(person: Person(id: "CN00002", fullName: "Trần Văn Đức", gender: .male, address: "Thôn Ao Sen", kind: .nhanDan)),
            .updatePerson(person: person),
            .setPersonArchived(id: "CN00001", archived: true),
            .putCriteriaSet(set: set),
            .putCriteriaSet(set: CriteriaSet(year: 2027, groupID: "III.1", items: [CriteriaItem(code: "1.1", text: "A", maximum: 100)])),
            .setScore(year: 2026, subject: unitSubject, item: "1.1", field: .selfScore, value: Points(hundredths: 850)),
            .setScore(year: 2026, subject: unitSubject, item: "1.2", field: .appraised, value: 30),
            .setScore(year: 2026, subject: .unit("DV0002"), item: "1.1", field: .selfScore, value: 40),
            .setScore(year: 2026, subject: .person("CN00001"), item: "4.1", field: .selfScore, value: 45),
            .setItemDone(year: 2026, subject: unitSubject, item: "1.2", done: true),
            .setItemNote(year: 2026, subject: unitSubject, item: "1.1", note: "Ghi chú"),
            .setItemEvidence(year: 2026, subject: unitSubject, item: "1.1", evidence: [Evidence(documentNumber: "12/BC", date: date, summary: "Báo cáo")]),
            .setSheetState(year: 2026, subject: unitSubject, state: .locked, reason: "Khóa khi còn tiêu chí chưa thẩm định"),
            .putSheet(sheet: ScoreSheet(year: 2026, subject: .unit("DV0002"), groupID: "III.1", items: ["1.2": ItemScore(selfScore: 20)])),
            .removeSheet(year: 2026, subject: unitSubject),
            .recordReport(report: ReportSubmission(year: 2026, unitID: "DV0002", receivedDate: date, documentNumber: "5/BC")),
            .recordReport(report: ReportSubmission(year: 2026, unitID: "DV0001", receivedDate: date, documentNumber: "6/BC")),
            .removeReport(year: 2026, unitID: "DV0001"),
            .putCommuneReport(report: CommuneYearReport(year: 2026, results: "Kết quả nổi bật", recommendations: "Kiến nghị")),
            .putCommuneReport(report: CommuneYearReport(year: 2026, results: "Kết quả đã sửa")),
            .addNomination(nomination: Nomination(id: "DN00002", period: .endOfPhase, formID: "huan-chuong", grade: "hạng Ba", nominee: .person("CN00001"))),
            .updateNomination(nomination: nomination),
            .removeNomination(id: "DN00001"),
            .addAward(award: AwardRecord(id: "KT00002", recipient: unitSubject, recognition: .form(id: "giay-khen-xa", grade: nil), kind: .thematic, year: 2025, decision: Decision(number: "215/QĐ-UBND", date: try! CalendarDate(year: 2025, month: 12, day: 20), issuer: "Chủ tịch UBND xã"))),
            .updateAward(award: award),
            .removeAward(id: "KT00001"),
            .batch(label: "Nhập tệp", changes: [
                .addUnit(unit: OrgUnit(id: "DV0010", name: "Thôn Ao Sen", categoryID: "thon")),
                .addPerson(person: Person(id: "CN00010", fullName: "Lê Thị Ơn", gender: .female, unitID: "DV0010", kind: .nhanDan)),
            ]),
        ]
    }

    @Test(arguments: changes.indices)
    func applyThenInverseRestoresTheDataset(index: Int) throws {
        let change = Self.changes[index]
        let before = Self.rich
        let applied = try before.apply(change, context: Fixtures.context)
        #expect(applied.dataset != before, "the change must do something: \(change)")
        let restored = try applied.dataset.apply(applied.inverse, context: Fixtures.context)
        #expect(restored.dataset == before)
        // The inverse of the inverse redoes the change.
        let redone = try restored.dataset.apply(restored.inverse, context: Fixtures.context)
        #expect(redone.dataset == applied.dataset)
    }

    @Test func aFailingBatchChangesNothing() throws {
        let data = Self.rich
        let batch = Change.batch(label: "Nhập tệp", changes: [
            .addUnit(unit: OrgUnit(id: "DV0010", name: "Thôn Ao Sen", categoryID: "thon")),
            .addUnit(unit: OrgUnit(id: "DV0011", name: "", categoryID: "thon")),
        ])
        let error = #expect(throws: DomainError.self) { try data.apply(batch, context: Fixtures.context) }
        #expect(error?.message == "Mục 2 của «Nhập tệp»: Tên đơn vị không được để trống.")
    }

    @Test func textIsStoredInNFC() throws {
        let nfd = "Nguyê\u{0303}n Thi\u{0323} Ho\u{0300}a"
        let change = Change.addPerson(person: Person(id: "CN00009", fullName: "  \(nfd)  ", gender: .female, address: "Thôn  Ao   Sen", kind: .nhanDan))
        let applied = try Fixtures.commune.apply(change, context: Fixtures.context)
        let stored = applied.dataset.people["CN00009"]!
        #expect(Array(stored.fullName.unicodeScalars) == Array("Nguyễn Thị Hòa".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(stored.address == "Thôn Ao Sen")
        guard case .addPerson(let logged) = applied.change else { Issue.record("wrong change"); return }
        #expect(logged.fullName.unicodeScalars.count == 14)
    }

    @Test func changesRoundTripThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for change in Self.changes {
            let data = try encoder.encode(change)
            let decoded = try JSONDecoder().decode(Change.self, from: data)
            #expect(decoded == change)
        }
    }
}

import Foundation
