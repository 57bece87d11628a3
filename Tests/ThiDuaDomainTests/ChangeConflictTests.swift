import Testing
@testable import ThiDuaDomain

/// The rule by which two people's edits collide, and codes given anew when two add at once.
@Suite struct ChangeConflictTests {
    let sheet = SheetKey(year: 2026, subject: .unit("DV0001"))

    func score(_ item: String, _ field: ScoreField = .appraised) -> Change {
        .setScore(year: 2026, subject: .unit("DV0001"), item: item, field: field, value: Points(5))
    }

    @Test func cellsCollideOnlyWithTheSameCellOrTheWholeSheet() {
        #expect(score("1.1").conflict(with: score("1.1")) != nil)
        #expect(score("1.1").conflict(with: score("1.2")) == nil)
        #expect(score("1.1").conflict(with: score("1.1", .selfScore)) == nil)
        #expect(score("1.1").conflict(with: .removeSheet(year: 2026, subject: .unit("DV0001"))) != nil)
        #expect(Change.removeSheet(year: 2026, subject: .unit("DV0001")).conflict(with: score("1.1")) != nil)
        #expect(score("1.1").conflict(with: .setSheetState(year: 2026, subject: .unit("DV0001"), state: .locked, reason: "")) == nil)
        #expect(score("1.1").conflictKeys.first?.description == "điểm thẩm định mục 1.1 của phiếu chấm điểm năm 2026 của đơn vị DV0001")
    }

    @Test func recordsCollideOnTheSameRecordAndAddsOnNothing() {
        let unit = OrgUnit(id: "DV0001", name: "Thôn Ao Sen", categoryID: "thon", order: 1)
        #expect(Change.updateUnit(unit: unit).conflict(with: .setUnitArchived(id: "DV0001", archived: true)) == .record(.unit("DV0001")))
        #expect(Change.updateUnit(unit: unit).conflict(with: .setUnitArchived(id: "DV0002", archived: true)) == nil)
        #expect(Change.addUnit(unit: unit).conflictKeys.isEmpty)
        let batch = Change.batch(label: "", changes: [score("1.1"), score("1.1"), .updateUnit(unit: unit)])
        #expect(batch.conflictKeys.count == 2, "each key once")
        #expect(Change.recordDecision(id: "DN00001", decision: Decision(number: "1", date: try! CalendarDate(year: 2026, month: 12, day: 1), issuer: ""),
                                      awardID: "KT00001").conflictKeys == [.record(.nomination("DN00001"))])
    }

    @Test func anAddedCodeTakenMeanwhileGetsTheNextFreeOneAndReferencesFollow() throws {
        let taken = OrgUnit(id: "DV0001", name: "Đơn vị của lan", categoryID: "ubnd", order: 1)
        let data = try Fixtures.apply(.addUnit(unit: taken), to: Fixtures.empty)
        let mine = OrgUnit(id: "DV0001", name: "Đơn vị của minh", categoryID: "ubnd", order: 2)
        var person = Person(id: "CN00001", fullName: "Lò Văn Tâm", gender: .male, kind: .congChuc)
        person.unitID = "DV0001"
        let batch = Change.batch(label: "", changes: [.addUnit(unit: mine), .addPerson(person: person)])
        let (fresh, renamed) = batch.withFreeCodes(in: data)
        #expect(renamed.map { "\($0.from)→\($0.to)" } == ["DV0001→DV0002"])
        guard case .batch(_, let parts) = fresh, case .addUnit(let unit) = parts[0], case .addPerson(let added) = parts[1] else {
            Issue.record("a batch of two adds")
            return
        }
        #expect(unit.id == "DV0002")
        #expect(added.id == "CN00001" && added.unitID == "DV0002", "the person follows its unit")
        #expect(Change.addUnit(unit: OrgUnit(id: "DV0009", name: "x", categoryID: "ubnd", order: 3)).withFreeCodes(in: data).renamed.isEmpty)
    }
}
