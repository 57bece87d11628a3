/// Every edit of the data, as a value. `Dataset.apply` validates it and returns the new
/// dataset and the inverse change, which gives undo and the audit trail one path. Its journal
/// form is fixed in `Change+Coding.swift`.
public indirect enum Change: Equatable, Sendable {
    case updateSettings(settings: Settings)
    case updateRules(rules: Rules)
    case updateCategory(category: UnitCategory)
    case updateCriteriaGroup(group: CriteriaGroup)
    case updateAwardForm(form: AwardForm)

    case addUnit(unit: OrgUnit)
    case updateUnit(unit: OrgUnit)
    case setUnitArchived(id: UnitID, archived: Bool)
    case removeUnit(id: UnitID)

    case addPerson(person: Person)
    case updatePerson(person: Person)
    case setPersonArchived(id: PersonID, archived: Bool)
    case removePerson(id: PersonID)

    case putCriteriaSet(set: CriteriaSet)
    case removeCriteriaSet(year: Int, groupID: String)

    case setScore(year: Int, subject: Subject, item: String, field: ScoreField, value: Points?)
    case setItemDone(year: Int, subject: Subject, item: String, done: Bool)
    case setItemNote(year: Int, subject: Subject, item: String, note: String)
    case setItemEvidence(year: Int, subject: Subject, item: String, evidence: [Evidence])
    case setSheetState(year: Int, subject: Subject, state: SheetState, reason: String)
    case putSheet(sheet: ScoreSheet)
    case removeSheet(year: Int, subject: Subject)

    case recordReport(report: ReportSubmission)
    case removeReport(year: Int, unitID: UnitID)
    /// The office's sections of the commune's year report; an empty one removes them.
    case putCommuneReport(report: CommuneYearReport)

    case addNomination(nomination: Nomination)
    case updateNomination(nomination: Nomination)
    case removeNomination(id: NominationID)
    /// The council's vote; a proposed nomination becomes «Hội đồng đã xét».
    case recordVote(id: NominationID, vote: CouncilVote)
    /// Proceed despite a standing eligibility finding, for a recorded reason.
    case overrideFinding(id: NominationID, ruleID: String, reason: String)
    /// One step of the status flow; moving back needs a reason.
    case setNominationStatus(id: NominationID, status: NominationStatus, reason: String)
    /// The decision granting the award: the nomination becomes «Đã khen» and the award
    /// enters the history under `awardID`.
    case recordDecision(id: NominationID, decision: Decision, awardID: AwardRecordID)

    case addAward(award: AwardRecord)
    case updateAward(award: AwardRecord)
    case removeAward(id: AwardRecordID)

    /// Several changes that succeed or fail together (a CSV import, copying a year).
    case batch(label: String, changes: [Change])
}

/// The outcome of applying a change.
public struct AppliedChange: Sendable {
    public let dataset: Dataset
    /// The change as applied (text normalised): what the journal records.
    public let change: Change
    /// Applying this to `dataset` gives back the dataset before the change.
    public let inverse: Change

    public init(dataset: Dataset, change: Change, inverse: Change) {
        self.dataset = dataset
        self.change = change
        self.inverse = inverse
    }
}
