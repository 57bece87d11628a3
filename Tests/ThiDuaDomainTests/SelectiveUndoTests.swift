import Testing
@testable import ThiDuaDomain

/// Undoing one chosen entry of the audit trail, and the records each change touches.
@Suite struct SelectiveUndoTests {
    /// A dataset and the trail of changes that led to it, oldest first.
    struct Trail {
        var data = Fixtures.commune
        var history: [HistoricChange] = []

        mutating func record(_ change: Change, at time: String, by user: String) throws {
            let applied = try data.apply(change, context: Fixtures.context)
            data = applied.dataset
            history.append(HistoricChange(change: applied.change, inverse: applied.inverse, time: time, user: user))
        }

        func plan(undoing index: Int) -> Result<Change, Refusal> {
            SelectiveUndo.plan(undoing: index, history: history, current: data, context: Fixtures.context)
        }
    }

    static let thon = OrgUnit(id: "DV0003", name: "Thôn Đồng Tâm", categoryID: "thon", order: 1)

    static func refusal(_ result: Result<Change, Refusal>) -> String? {
        if case .failure(let refusal) = result { return refusal.message }
        return nil
    }

    @Test func aRestoreAndEverythingBeforeItCannotBeUndone() throws {
        var trail = Trail()
        try trail.record(.addUnit(unit: Self.thon), at: "2026-11-24 09:00", by: "lan")
        let note = Change.batch(label: "Khôi phục từ bản sao lưu thidua-20261124-090500.manifest.json", changes: [])
        trail.history.append(HistoricChange(change: note, inverse: note, time: "2026-11-24 09:10", user: "lan",
                                            restoredFrom: "thidua-20261124-090500.manifest.json"))
        try trail.record(.setUnitArchived(id: "DV0001", archived: true), at: "2026-11-24 09:20", by: "minh")
        #expect(Self.refusal(trail.plan(undoing: 0))
                == "Không hoàn tác được: toàn bộ dữ liệu đã được thay khi khôi phục từ bản sao lưu «thidua-20261124-090500.manifest.json» lúc 2026-11-24 09:10, sau thay đổi này.")
        #expect(Self.refusal(trail.plan(undoing: 1))
                == "Không hoàn tác được một lần khôi phục (từ bản sao lưu «thidua-20261124-090500.manifest.json»): hãy khôi phục từ bản sao lưu giữ dữ liệu trước đó (thidua restore).")
        #expect(try trail.plan(undoing: 2).get() == .setUnitArchived(id: "DV0001", archived: false))
    }

    // MARK: touched records

    @Test func singleChangesTouchTheirRecord() {
        let sheet = SheetKey(year: 2026, subject: .unit("DV0001"))
        #expect(Change.updateSettings(settings: Fixtures.settings).touchedRecords == [.settings])
        #expect(Change.removeUnit(id: "DV0002").touchedRecords == [.unit("DV0002")])
        #expect(Change.setPersonArchived(id: "CN00001", archived: true).touchedRecords == [.person("CN00001")])
        #expect(Change.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 40)
            .touchedRecords == [.sheet(sheet)])
        #expect(Change.removeCriteriaSet(year: 2026, groupID: "III.1").touchedRecords
            == [.criteriaSet(CriteriaSetKey(year: 2026, groupID: "III.1"))])
        #expect(Change.removeReport(year: 2026, unitID: "DV0001").touchedRecords
            == [.report(ReportKey(year: 2026, unitID: "DV0001"))])
        #expect(Change.removeAward(id: "KT00001").touchedRecords == [.award("KT00001")])
    }

    @Test func aBatchTouchesTheUnionOfItsParts() {
        let batch = Change.batch(label: "Nhập tệp", changes: [
            .addUnit(unit: Self.thon),
            .addPerson(person: Person(id: "CN00012", fullName: "Lê Thị Ơn", gender: .female, unitID: "DV0003", kind: .nhanDan)),
            .batch(label: "Chấm điểm", changes: [
                .setItemDone(year: 2026, subject: .unit("DV0003"), item: "1.1", done: true),
                .updateUnit(unit: Self.thon),
            ]),
        ])
        #expect(batch.touchedRecords == [.unit("DV0003"), .person("CN00012"),
                                         .sheet(SheetKey(year: 2026, subject: .unit("DV0003")))])
        #expect(Change.batch(label: "Trống", changes: []).touchedRecords.isEmpty)
    }

    @Test func recordsDescribeThemselvesInVietnamese() {
        #expect(RecordRef.settings.description == "cài đặt")
        #expect(RecordRef.unit("DV0003").description == "đơn vị DV0003")
        #expect(RecordRef.person("CN00012").description == "cá nhân CN00012")
        #expect(RecordRef.sheet(SheetKey(year: 2026, subject: .unit("DV0003"))).description
            == "phiếu chấm điểm năm 2026 của đơn vị DV0003")
        #expect(RecordRef.report(ReportKey(year: 2026, unitID: "DV0003")).description
            == "báo cáo năm 2026 của đơn vị DV0003")
    }

    @Test func recordsSortByKindThenKey() {
        let records: Set<RecordRef> = [.person("CN00002"), .unit("DV0002"), .settings, .unit("DV0001"),
                                       .sheet(SheetKey(year: 2026, subject: .unit("DV0001")))]
        #expect(records.sorted() == [.settings, .unit("DV0001"), .unit("DV0002"), .person("CN00002"),
                                     .sheet(SheetKey(year: 2026, subject: .unit("DV0001")))])
    }

    // MARK: planning an undo

    @Test func anIndependentOlderChangeCanBeUndone() throws {
        var trail = Trail()
        let original = trail.data.units["DV0002"]!
        var renamed = original
        renamed.name = "Văn phòng UBND"
        var person = trail.data.people["CN00001"]!
        person.position = "Phó Trưởng phòng"
        try trail.record(.updateUnit(unit: renamed), at: "2026-11-24 09:00", by: "an")
        try trail.record(.updatePerson(person: person), at: "2026-11-24 10:15", by: "hoa")

        let undo = try trail.plan(undoing: 0).get()
        #expect(undo == .updateUnit(unit: original))
        let restored = try Fixtures.apply(undo, to: trail.data)
        #expect(restored.units["DV0002"] == original)
        #expect(restored.people["CN00001"]?.position == "Phó Trưởng phòng")
    }

    @Test func theLatestChangeCanBeUndone() throws {
        var trail = Trail()
        try trail.record(.addUnit(unit: Self.thon), at: "2026-11-24 09:00", by: "an")
        let undo = try trail.plan(undoing: 0).get()
        #expect(try Fixtures.apply(undo, to: trail.data) == Fixtures.commune)
    }

    @Test func refusedWhenALaterChangeTouchedTheSameRecord() throws {
        var trail = Trail()
        try trail.record(.addUnit(unit: Self.thon), at: "2026-11-24 09:00", by: "an")
        try trail.record(.setUnitArchived(id: "DV0003", archived: true), at: "2026-11-24 10:15", by: "hoa")
        #expect(Self.refusal(trail.plan(undoing: 0))
            == "Không hoàn tác được: đơn vị DV0003 đã được sửa tiếp lúc 2026-11-24 10:15 bởi «hoa» sau thay đổi này. "
            + "Hãy hoàn tác các thay đổi sau trước.")
    }

    @Test func aLaterBatchThatTouchesTheRecordAlsoBlocks() throws {
        var trail = Trail()
        let subject = Subject.unit("DV0001")
        try trail.record(.setScore(year: 2026, subject: subject, item: "1.1", field: .selfScore, value: 50),
                         at: "2026-11-20 08:00", by: "an")
        try trail.record(.updateSettings(settings: Fixtures.settings), at: "2026-11-21 08:00", by: "an")
        try trail.record(.batch(label: "Chấm điểm", changes: [
            .setItemDone(year: 2026, subject: subject, item: "1.2", done: true),
        ]), at: "2026-11-22 14:30", by: "hoa")
        let message = try #require(Self.refusal(trail.plan(undoing: 0)))
        #expect(message.contains("phiếu chấm điểm năm 2026 của đơn vị DV0001"))
        #expect(message.contains("lúc 2026-11-22 14:30 bởi «hoa»"))
    }

    @Test func refusedWhenTheInverseNoLongerValidates() throws {
        var trail = Trail()
        try trail.record(.addUnit(unit: Self.thon), at: "2026-11-24 09:00", by: "an")
        // Touches only the person, but the person now belongs to the unit.
        try trail.record(.addPerson(person: Person(id: "CN00012", fullName: "Lê Thị Ơn", gender: .female,
                                                   unitID: "DV0003", kind: .nhanDan)),
                         at: "2026-11-24 10:15", by: "hoa")
        let message = try #require(Self.refusal(trail.plan(undoing: 0)))
        #expect(message.hasPrefix("Không hoàn tác được: Không xóa được «Thôn Đồng Tâm»"))
        #expect(message.contains("còn cá nhân «Lê Thị Ơn» thuộc đơn vị này"))
    }

    @Test(arguments: [-1, 2, 99])
    func anIndexOutsideTheHistoryIsRefused(index: Int) throws {
        var trail = Trail()
        try trail.record(.addUnit(unit: Self.thon), at: "2026-11-24 09:00", by: "an")
        try trail.record(.setUnitArchived(id: "DV0001", archived: true), at: "2026-11-24 10:15", by: "hoa")
        #expect(Self.refusal(trail.plan(undoing: index))
            == "Không hoàn tác được: không tìm thấy thay đổi đã chọn trong lịch sử.")
    }

    @Test func anEmptyHistoryRefuses() {
        let result = SelectiveUndo.plan(undoing: 0, history: [], current: Fixtures.commune, context: Fixtures.context)
        #expect(Self.refusal(result) != nil)
    }
}
