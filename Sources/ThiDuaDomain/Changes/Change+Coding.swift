/// How a change is written to the journal and read back, for as long as journals are kept.
///
/// Format 2 (from December 2026) is one flat object: `"op"` holds the change's tag and the
/// other keys its fields, e.g. `{"op":"unit.add","unit":{…}}`. Every tag and field name is a
/// literal in `ChangeTag` and `ChangeField`; renaming a Swift case or label changes nothing on
/// disk, and a test pins every tag and field name so that changing one needs a migration.
///
/// Format 1 (the journals written before) is the automatic form Swift derived from the case
/// names: `{"addUnit":{"unit":{…}}}`. It is still read, through each tag's `formatOneName`,
/// and never written. The two are told apart by the `"op"` key, which no format-1 case has.
extension Change: Codable {
    public init(from decoder: any Decoder) throws {
        let flat = try decoder.container(keyedBy: ChangeField.self)
        if flat.contains(.op) {
            let text = try flat.decode(String.self, forKey: .op)
            guard let tag = ChangeTag(rawValue: text) else {
                throw DecodingError.dataCorruptedError(forKey: .op, in: flat,
                                                       debugDescription: "không có loại thay đổi «\(text)»")
            }
            self = try Change(tag: tag, fields: flat)
            return
        }
        // Format 1: exactly one key, the case name, holding the labelled values.
        let named = try decoder.container(keyedBy: FormatOneKey.self)
        guard named.allKeys.count == 1, let key = named.allKeys.first,
              let tag = ChangeTag.formatOne[key.stringValue] else {
            let keys = named.allKeys.map(\.stringValue).sorted().map { "«\($0)»" }.joined(separator: ", ")
            throw DecodingError.typeMismatch(Change.self, DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "không có loại thay đổi \(keys.isEmpty ? "nào (đối tượng rỗng)" : keys)"))
        }
        self = try Change(tag: tag, fields: named.nestedContainer(keyedBy: ChangeField.self, forKey: key))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: ChangeField.self)
        try fields.encode(tag.rawValue, forKey: .op)
        switch self {
        case .updateSettings(let settings): try fields.encode(settings, forKey: .settings)
        case .updateRules(let rules): try fields.encode(rules, forKey: .rules)
        case .updateCategory(let category): try fields.encode(category, forKey: .category)
        case .updateCriteriaGroup(let group): try fields.encode(group, forKey: .group)
        case .updateAwardForm(let form): try fields.encode(form, forKey: .form)
        case .addUnit(let unit), .updateUnit(let unit): try fields.encode(unit, forKey: .unit)
        case .setUnitArchived(let id, let archived):
            try fields.encode(id, forKey: .id)
            try fields.encode(archived, forKey: .archived)
        case .removeUnit(let id): try fields.encode(id, forKey: .id)
        case .addPerson(let person), .updatePerson(let person): try fields.encode(person, forKey: .person)
        case .setPersonArchived(let id, let archived):
            try fields.encode(id, forKey: .id)
            try fields.encode(archived, forKey: .archived)
        case .removePerson(let id): try fields.encode(id, forKey: .id)
        case .putCriteriaSet(let set): try fields.encode(set, forKey: .set)
        case .removeCriteriaSet(let year, let groupID):
            try fields.encode(year, forKey: .year)
            try fields.encode(groupID, forKey: .groupID)
        case .setScore(let year, let subject, let item, let field, let value):
            try fields.encodeItem(year: year, subject: subject, item: item)
            try fields.encode(field, forKey: .field)
            try fields.encodeIfPresent(value, forKey: .value)
        case .setItemDone(let year, let subject, let item, let done):
            try fields.encodeItem(year: year, subject: subject, item: item)
            try fields.encode(done, forKey: .done)
        case .setItemNote(let year, let subject, let item, let note):
            try fields.encodeItem(year: year, subject: subject, item: item)
            try fields.encode(note, forKey: .note)
        case .setItemEvidence(let year, let subject, let item, let evidence):
            try fields.encodeItem(year: year, subject: subject, item: item)
            try fields.encode(evidence, forKey: .evidence)
        case .setSheetState(let year, let subject, let state, let reason):
            try fields.encode(year, forKey: .year)
            try fields.encode(subject, forKey: .subject)
            try fields.encode(state, forKey: .state)
            try fields.encode(reason, forKey: .reason)
        case .putSheet(let sheet): try fields.encode(sheet, forKey: .sheet)
        case .removeSheet(let year, let subject):
            try fields.encode(year, forKey: .year)
            try fields.encode(subject, forKey: .subject)
        case .recordReport(let report): try fields.encode(report, forKey: .report)
        case .removeReport(let year, let unitID):
            try fields.encode(year, forKey: .year)
            try fields.encode(unitID, forKey: .unitID)
        case .putCommuneReport(let report): try fields.encode(report, forKey: .report)
        case .addNomination(let nomination), .updateNomination(let nomination):
            try fields.encode(nomination, forKey: .nomination)
        case .removeNomination(let id): try fields.encode(id, forKey: .id)
        case .recordVote(let id, let vote):
            try fields.encode(id, forKey: .id)
            try fields.encode(vote, forKey: .vote)
        case .overrideFinding(let id, let ruleID, let reason):
            try fields.encode(id, forKey: .id)
            try fields.encode(ruleID, forKey: .ruleID)
            try fields.encode(reason, forKey: .reason)
        case .setNominationStatus(let id, let status, let reason):
            try fields.encode(id, forKey: .id)
            try fields.encode(status, forKey: .status)
            try fields.encode(reason, forKey: .reason)
        case .recordDecision(let id, let decision, let awardID):
            try fields.encode(id, forKey: .id)
            try fields.encode(decision, forKey: .decision)
            try fields.encode(awardID, forKey: .awardID)
        case .addAward(let award), .updateAward(let award): try fields.encode(award, forKey: .award)
        case .removeAward(let id): try fields.encode(id, forKey: .id)
        case .batch(let label, let changes):
            try fields.encode(label, forKey: .label)
            try fields.encode(changes, forKey: .changes)
        }
    }

    /// The change of kind `tag` from its fields (the same names in both formats).
    private init(tag: ChangeTag, fields f: KeyedDecodingContainer<ChangeField>) throws {
        switch tag {
        case .updateSettings: self = .updateSettings(settings: try f.decode(Settings.self, forKey: .settings))
        case .updateRules: self = .updateRules(rules: try f.decode(Rules.self, forKey: .rules))
        case .updateCategory: self = .updateCategory(category: try f.decode(UnitCategory.self, forKey: .category))
        case .updateCriteriaGroup: self = .updateCriteriaGroup(group: try f.decode(CriteriaGroup.self, forKey: .group))
        case .updateAwardForm: self = .updateAwardForm(form: try f.decode(AwardForm.self, forKey: .form))
        case .addUnit: self = .addUnit(unit: try f.decode(OrgUnit.self, forKey: .unit))
        case .updateUnit: self = .updateUnit(unit: try f.decode(OrgUnit.self, forKey: .unit))
        case .setUnitArchived:
            self = .setUnitArchived(id: try f.decode(UnitID.self, forKey: .id), archived: try f.decode(Bool.self, forKey: .archived))
        case .removeUnit: self = .removeUnit(id: try f.decode(UnitID.self, forKey: .id))
        case .addPerson: self = .addPerson(person: try f.decode(Person.self, forKey: .person))
        case .updatePerson: self = .updatePerson(person: try f.decode(Person.self, forKey: .person))
        case .setPersonArchived:
            self = .setPersonArchived(id: try f.decode(PersonID.self, forKey: .id), archived: try f.decode(Bool.self, forKey: .archived))
        case .removePerson: self = .removePerson(id: try f.decode(PersonID.self, forKey: .id))
        case .putCriteriaSet: self = .putCriteriaSet(set: try f.decode(CriteriaSet.self, forKey: .set))
        case .removeCriteriaSet:
            self = .removeCriteriaSet(year: try f.decode(Int.self, forKey: .year), groupID: try f.decode(String.self, forKey: .groupID))
        case .setScore:
            self = .setScore(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject),
                             item: try f.decode(String.self, forKey: .item), field: try f.decode(ScoreField.self, forKey: .field),
                             value: try f.decodeIfPresent(Points.self, forKey: .value))
        case .setItemDone:
            self = .setItemDone(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject),
                                item: try f.decode(String.self, forKey: .item), done: try f.decode(Bool.self, forKey: .done))
        case .setItemNote:
            self = .setItemNote(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject),
                                item: try f.decode(String.self, forKey: .item), note: try f.decode(String.self, forKey: .note))
        case .setItemEvidence:
            self = .setItemEvidence(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject),
                                    item: try f.decode(String.self, forKey: .item),
                                    evidence: try f.decode([Evidence].self, forKey: .evidence))
        case .setSheetState:
            self = .setSheetState(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject),
                                  state: try f.decode(SheetState.self, forKey: .state), reason: try f.decode(String.self, forKey: .reason))
        case .putSheet: self = .putSheet(sheet: try f.decode(ScoreSheet.self, forKey: .sheet))
        case .removeSheet:
            self = .removeSheet(year: try f.decode(Int.self, forKey: .year), subject: try f.decode(Subject.self, forKey: .subject))
        case .recordReport: self = .recordReport(report: try f.decode(ReportSubmission.self, forKey: .report))
        case .removeReport:
            self = .removeReport(year: try f.decode(Int.self, forKey: .year), unitID: try f.decode(UnitID.self, forKey: .unitID))
        case .putCommuneReport: self = .putCommuneReport(report: try f.decode(CommuneYearReport.self, forKey: .report))
        case .addNomination: self = .addNomination(nomination: try f.decode(Nomination.self, forKey: .nomination))
        case .updateNomination: self = .updateNomination(nomination: try f.decode(Nomination.self, forKey: .nomination))
        case .removeNomination: self = .removeNomination(id: try f.decode(NominationID.self, forKey: .id))
        case .recordVote:
            self = .recordVote(id: try f.decode(NominationID.self, forKey: .id), vote: try f.decode(CouncilVote.self, forKey: .vote))
        case .overrideFinding:
            self = .overrideFinding(id: try f.decode(NominationID.self, forKey: .id), ruleID: try f.decode(String.self, forKey: .ruleID),
                                    reason: try f.decode(String.self, forKey: .reason))
        case .setNominationStatus:
            self = .setNominationStatus(id: try f.decode(NominationID.self, forKey: .id),
                                        status: try f.decode(NominationStatus.self, forKey: .status),
                                        reason: try f.decode(String.self, forKey: .reason))
        case .recordDecision:
            self = .recordDecision(id: try f.decode(NominationID.self, forKey: .id),
                                   decision: try f.decode(Decision.self, forKey: .decision),
                                   awardID: try f.decode(AwardRecordID.self, forKey: .awardID))
        case .addAward: self = .addAward(award: try f.decode(AwardRecord.self, forKey: .award))
        case .updateAward: self = .updateAward(award: try f.decode(AwardRecord.self, forKey: .award))
        case .removeAward: self = .removeAward(id: try f.decode(AwardRecordID.self, forKey: .id))
        case .batch:
            self = .batch(label: try f.decode(String.self, forKey: .label), changes: try f.decode([Change].self, forKey: .changes))
        }
    }

    /// The tag this change is written with.
    public var tag: ChangeTag {
        switch self {
        case .updateSettings: return .updateSettings
        case .updateRules: return .updateRules
        case .updateCategory: return .updateCategory
        case .updateCriteriaGroup: return .updateCriteriaGroup
        case .updateAwardForm: return .updateAwardForm
        case .addUnit: return .addUnit
        case .updateUnit: return .updateUnit
        case .setUnitArchived: return .setUnitArchived
        case .removeUnit: return .removeUnit
        case .addPerson: return .addPerson
        case .updatePerson: return .updatePerson
        case .setPersonArchived: return .setPersonArchived
        case .removePerson: return .removePerson
        case .putCriteriaSet: return .putCriteriaSet
        case .removeCriteriaSet: return .removeCriteriaSet
        case .setScore: return .setScore
        case .setItemDone: return .setItemDone
        case .setItemNote: return .setItemNote
        case .setItemEvidence: return .setItemEvidence
        case .setSheetState: return .setSheetState
        case .putSheet: return .putSheet
        case .removeSheet: return .removeSheet
        case .recordReport: return .recordReport
        case .removeReport: return .removeReport
        case .putCommuneReport: return .putCommuneReport
        case .addNomination: return .addNomination
        case .updateNomination: return .updateNomination
        case .removeNomination: return .removeNomination
        case .recordVote: return .recordVote
        case .overrideFinding: return .overrideFinding
        case .setNominationStatus: return .setNominationStatus
        case .recordDecision: return .recordDecision
        case .addAward: return .addAward
        case .updateAward: return .updateAward
        case .removeAward: return .removeAward
        case .batch: return .batch
        }
    }
}

private extension KeyedEncodingContainer where K == ChangeField {
    mutating func encodeItem(year: Int, subject: Subject, item: String) throws {
        try encode(year, forKey: .year)
        try encode(subject, forKey: .subject)
        try encode(item, forKey: .item)
    }
}

/// The journal tag of each kind of change (format 2), and the name format 1 used for it.
/// These strings are the file format: never change one without a migration.
public enum ChangeTag: String, CaseIterable, Sendable {
    case updateSettings = "settings.update"
    case updateRules = "rules.update"
    case updateCategory = "category.update"
    case updateCriteriaGroup = "criteriaGroup.update"
    case updateAwardForm = "awardForm.update"
    case addUnit = "unit.add"
    case updateUnit = "unit.update"
    case setUnitArchived = "unit.archive"
    case removeUnit = "unit.remove"
    case addPerson = "person.add"
    case updatePerson = "person.update"
    case setPersonArchived = "person.archive"
    case removePerson = "person.remove"
    case putCriteriaSet = "criteriaSet.put"
    case removeCriteriaSet = "criteriaSet.remove"
    case setScore = "score.set"
    case setItemDone = "item.done"
    case setItemNote = "item.note"
    case setItemEvidence = "item.evidence"
    case setSheetState = "sheet.state"
    case putSheet = "sheet.put"
    case removeSheet = "sheet.remove"
    case recordReport = "report.record"
    case removeReport = "report.remove"
    case putCommuneReport = "communeReport.put"
    case addNomination = "nomination.add"
    case updateNomination = "nomination.update"
    case removeNomination = "nomination.remove"
    case recordVote = "nomination.vote"
    case overrideFinding = "nomination.override"
    case setNominationStatus = "nomination.status"
    case recordDecision = "nomination.decision"
    case addAward = "award.add"
    case updateAward = "award.update"
    case removeAward = "award.remove"
    case batch = "batch"

    /// The key format 1 wrote for this kind (Swift's case name in 2025–2026).
    public var formatOneName: String {
        switch self {
        case .updateSettings: return "updateSettings"
        case .updateRules: return "updateRules"
        case .updateCategory: return "updateCategory"
        case .updateCriteriaGroup: return "updateCriteriaGroup"
        case .updateAwardForm: return "updateAwardForm"
        case .addUnit: return "addUnit"
        case .updateUnit: return "updateUnit"
        case .setUnitArchived: return "setUnitArchived"
        case .removeUnit: return "removeUnit"
        case .addPerson: return "addPerson"
        case .updatePerson: return "updatePerson"
        case .setPersonArchived: return "setPersonArchived"
        case .removePerson: return "removePerson"
        case .putCriteriaSet: return "putCriteriaSet"
        case .removeCriteriaSet: return "removeCriteriaSet"
        case .setScore: return "setScore"
        case .setItemDone: return "setItemDone"
        case .setItemNote: return "setItemNote"
        case .setItemEvidence: return "setItemEvidence"
        case .setSheetState: return "setSheetState"
        case .putSheet: return "putSheet"
        case .removeSheet: return "removeSheet"
        case .recordReport: return "recordReport"
        case .removeReport: return "removeReport"
        case .putCommuneReport: return "putCommuneReport"
        case .addNomination: return "addNomination"
        case .updateNomination: return "updateNomination"
        case .removeNomination: return "removeNomination"
        case .recordVote: return "recordVote"
        case .overrideFinding: return "overrideFinding"
        case .setNominationStatus: return "setNominationStatus"
        case .recordDecision: return "recordDecision"
        case .addAward: return "addAward"
        case .updateAward: return "updateAward"
        case .removeAward: return "removeAward"
        case .batch: return "batch"
        }
    }

    static let formatOne: [String: ChangeTag] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.formatOneName, $0) })
}

/// The field names of a change, the same in formats 1 and 2. Never rename one without a migration.
public enum ChangeField: String, CodingKey, CaseIterable, Sendable {
    case op
    case settings, rules, category, group, form
    case unit, person, id, archived
    case set, year, groupID
    case subject, item, field, value, done, note, evidence, state, reason
    case sheet, report, unitID
    case nomination, vote, ruleID, status, decision, awardID
    case award, label, changes
}

/// Any key of a format-1 object (its one key is the case name).
private struct FormatOneKey: CodingKey {
    let stringValue: String
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
