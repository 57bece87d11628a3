import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Data folders for the fault rounds: small, so that hundreds of opens stay fast, yet with a
/// record in every kind of collection file and Vietnamese text in each (so NFD means something).
public enum FaultFixtures {
    public static let clock = FixedClock(year: 2026, month: 11, day: 24)
    public static let identity = Identity(user: "hoa", host: "may-vhxh", pid: 4242)
    public static var context: ChangeContext { ChangeContext(clock: clock, user: identity.user) }

    /// The plan's defaults (criteria sets kept for 2026 only) plus three units, three people,
    /// two score sheets with evidence, two reports, two awards and nominations in two periods:
    /// thidua.json, units.json, people.json, awards.json, criteria/2026.json, scores/2026.json,
    /// reports/2026.json, nominations/2026.json and nominations/so-ket.json.
    public static func everyFileDataset() throws -> Dataset {
        let defaults = try Defaults.dataset()
        let otherYears: [Change] = defaults.criteriaSets.keys.filter { $0.year != 2026 }.sorted()
            .map { .removeCriteriaSet(year: $0.year, groupID: $0.groupID) }
        var data = try defaults.apply(.batch(label: "Chỉ giữ năm 2026", changes: otherYears), context: context).dataset
        let decided = try CalendarDate(year: 2025, month: 12, day: 20)
        let changes: [Change] = [
            .addUnit(unit: OrgUnit(id: "DV0001", name: "Văn phòng Đảng uỷ", categoryID: "dang-uy", order: 1,
                                   head: "Nguyễn Thị Hằng", phone: "+84 208 3649 908", notes: "Ghi chú: đã nộp đủ")),
            .addUnit(unit: OrgUnit(id: "DV0002", name: "Phòng Kinh tế", categoryID: "ubnd", order: 1)),
            .addUnit(unit: OrgUnit(id: "DV0003", name: "Thôn Ấp Mới", categoryID: "thon", order: 1)),
            .addPerson(person: Person(id: "CN00001", fullName: "Lê Thị Ơn", gender: .female, kind: .congChuc)
                .with(unit: "DV0002", birthYear: 1985, position: "Chuyên viên")),
            .addPerson(person: Person(id: "CN00002", fullName: "Trần Văn Đức", gender: .male, kind: .canBo)
                .with(unit: "DV0001", birthYear: 1979, position: "Phó Chánh Văn phòng")),
            .addPerson(person: Person(id: "CN00003", fullName: "Hoàng Thị Ngọc Ánh", gender: .female, kind: .nhanDan)
                .with(address: "Thôn Ấp Mới, xã Phong Quang")),
            .setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: Points(hundredths: 1250)),
            .setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .appraised, value: Points(hundredths: 1200)),
            .setItemEvidence(year: 2026, subject: .unit("DV0001"), item: "1.1", evidence: [
                Evidence(documentNumber: "12/BC-ĐU", date: try CalendarDate(year: 2026, month: 3, day: 9),
                         summary: "Báo cáo kết quả triển khai phong trào"),
            ]),
            .setScore(year: 2026, subject: .person("CN00001"), item: "4.1", field: .selfScore, value: Points(hundredths: 4550)),
            .recordReport(report: ReportSubmission(year: 2026, unitID: "DV0001", receivedDate: try CalendarDate(year: 2026, month: 11, day: 20),
                                                   documentNumber: "1/BC-TĐ", note: "Nộp đúng hạn")),
            .recordReport(report: ReportSubmission(year: 2026, unitID: "DV0002", receivedDate: try CalendarDate(year: 2026, month: 11, day: 24),
                                                   documentNumber: "2/BC-TĐ")),
            .addAward(award: AwardRecord(id: "KT00001", recipient: .unit("DV0001"), recognition: .form(id: "giay-khen-xa", grade: nil),
                                         kind: .thematic, year: 2025,
                                         decision: Decision(number: "215/QĐ-UBND", date: decided, issuer: "Chủ tịch UBND xã Phong Quang"),
                                         note: "Khen thưởng chuyên đề")),
            .addAward(award: AwardRecord(id: "KT00002", recipient: .person("CN00002"), recognition: .title(id: "lao-dong-tien-tien"),
                                         kind: .merit, year: 2025,
                                         decision: Decision(number: "216/QĐ-UBND", date: decided, issuer: "Chủ tịch UBND xã Phong Quang"))),
            .addNomination(nomination: Nomination(id: "DN00001", period: .year(2026), formID: "giay-khen-xa", nominee: .unit("DV0001"),
                                                  achievementSummary: "Dẫn đầu khối Đảng về chuyển đổi số.")),
            .addNomination(nomination: Nomination(id: "DN00002", period: .midTerm, formID: "giay-khen-xa", nominee: .person("CN00001"),
                                                  achievementSummary: "Hoàn thành xuất sắc nhiệm vụ hai năm liền.", note: "Đề nghị sơ kết")),
        ]
        for change in changes {
            data = try data.apply(change, context: context).dataset
        }
        return data
    }

    /// A new data folder holding `dataset` in a fresh temporary directory; returns its path.
    public static func makeFolder(_ dataset: Dataset, name: String = "fault") throws -> String {
        let folder = NSTemporaryDirectory() + "thidua-\(name)-\(UUID().uuidString.prefix(8))"
        try DataStore.initialize(folder: folder, with: dataset)
        return folder
    }

    /// Opens `folder` as the program does (lock, checkpoint recovery, journal replay).
    public static func open(_ folder: String, readOnly: Bool = false) throws(StoreFailure) -> DataStore {
        try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: readOnly),
                           clock: clock, identity: identity)
    }
}

extension Person {
    func with(unit: UnitID? = nil, birthYear: Int? = nil, position: String = "", address: String = "") -> Person {
        var copy = self
        copy.unitID = unit
        copy.birthYear = birthYear
        copy.position = position
        copy.address = address
        return copy
    }
}
