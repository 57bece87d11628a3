/// One record of the dataset that a change writes: the unit of conflict when the history
/// screen undoes an older change while newer ones exist.
public enum RecordRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    case settings
    case rules
    case category(id: String)
    case criteriaGroup(id: String)
    case awardForm(id: String)
    case unit(UnitID)
    case person(PersonID)
    case criteriaSet(CriteriaSetKey)
    case sheet(SheetKey)
    case report(ReportKey)
    case nomination(NominationID)
    case award(AwardRecordID)
    case communeReport(year: Int)

    /// Vietnamese, fit to follow a verb: "đơn vị DV0003", "phiếu chấm điểm năm 2026 của đơn vị DV0003".
    public var description: String {
        switch self {
        case .settings: return "cài đặt"
        case .rules: return "quy tắc xếp loại và khen thưởng"
        case .category(let id): return "khối «\(id)»"
        case .criteriaGroup(let id): return "nhóm tiêu chí «\(id)»"
        case .awardForm(let id): return "hình thức khen thưởng «\(id)»"
        case .unit(let id): return "đơn vị \(id)"
        case .person(let id): return "cá nhân \(id)"
        case .criteriaSet(let key): return "bộ tiêu chí nhóm \(key.groupID) năm \(key.year)"
        case .sheet(let key): return "phiếu chấm điểm năm \(key.year) của \(Self.describe(key.subject))"
        case .report(let key): return "báo cáo năm \(key.year) của đơn vị \(key.unitID)"
        case .communeReport(let year): return "báo cáo năm \(year) của xã gửi tỉnh"
        case .nomination(let id): return "đề nghị khen thưởng \(id)"
        case .award(let id): return "khen thưởng \(id)"
        }
    }

    private static func describe(_ subject: Subject) -> String {
        switch subject {
        case .unit(let id): return RecordRef.unit(id).description
        case .person(let id): return RecordRef.person(id).description
        }
    }

    /// Orders by kind (in declaration order), then year, then id.
    public static func < (a: RecordRef, b: RecordRef) -> Bool { a.sortKey < b.sortKey }

    private var sortKey: (Int, Int, String) {
        switch self {
        case .settings: return (0, 0, "")
        case .rules: return (1, 0, "")
        case .category(let id): return (2, 0, id)
        case .criteriaGroup(let id): return (3, 0, id)
        case .awardForm(let id): return (4, 0, id)
        case .unit(let id): return (5, 0, id.rawValue)
        case .person(let id): return (6, 0, id.rawValue)
        case .criteriaSet(let key): return (7, key.year, key.groupID)
        case .sheet(let key): return (8, key.year, key.subject.token)
        case .report(let key): return (9, key.year, key.unitID.rawValue)
        case .nomination(let id): return (10, 0, id.rawValue)
        case .award(let id): return (11, 0, id.rawValue)
        case .communeReport(let year): return (12, year, "")
        }
    }
}

extension Change {
    /// The records this change writes. A batch touches what its parts touch.
    ///
    /// Only records written count; records merely referred to (the unit of a new person)
    /// are guarded by validation when the inverse is applied.
    public var touchedRecords: Set<RecordRef> {
        switch self {
        case .updateSettings: return [.settings]
        case .updateRules: return [.rules]
        case .updateCategory(let category): return [.category(id: category.id)]
        case .updateCriteriaGroup(let group): return [.criteriaGroup(id: group.id)]
        case .updateAwardForm(let form): return [.awardForm(id: form.id)]

        case .addUnit(let unit), .updateUnit(let unit): return [.unit(unit.id)]
        case .setUnitArchived(let id, _), .removeUnit(let id): return [.unit(id)]

        case .addPerson(let person), .updatePerson(let person): return [.person(person.id)]
        case .setPersonArchived(let id, _), .removePerson(let id): return [.person(id)]

        case .putCriteriaSet(let set): return [.criteriaSet(set.key)]
        case .removeCriteriaSet(let year, let groupID):
            return [.criteriaSet(CriteriaSetKey(year: year, groupID: groupID))]

        case .setScore(let year, let subject, _, _, _),
             .setItemDone(let year, let subject, _, _),
             .setItemNote(let year, let subject, _, _),
             .setItemEvidence(let year, let subject, _, _),
             .setSheetState(let year, let subject, _, _),
             .removeSheet(let year, let subject):
            return [.sheet(SheetKey(year: year, subject: subject))]
        case .putSheet(let sheet): return [.sheet(sheet.key)]

        case .recordReport(let report): return [.report(report.key)]
        case .removeReport(let year, let unitID): return [.report(ReportKey(year: year, unitID: unitID))]
        case .putCommuneReport(let report): return [.communeReport(year: report.year)]

        case .addNomination(let nomination), .updateNomination(let nomination):
            return [.nomination(nomination.id)]
        case .removeNomination(let id), .recordVote(let id, _), .overrideFinding(let id, _, _),
             .setNominationStatus(let id, _, _):
            return [.nomination(id)]
        case .recordDecision(let id, _, let awardID): return [.nomination(id), .award(awardID)]

        case .addAward(let award), .updateAward(let award): return [.award(award.id)]
        case .removeAward(let id): return [.award(id)]

        case .batch(_, let changes):
            return changes.reduce(into: []) { $0.formUnion($1.touchedRecords) }
        }
    }
}
