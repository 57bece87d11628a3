/// Codes given anew when two people add at once. A form shows the next free code when it opens
/// (DV0041); if someone else's unit took DV0041 before this one is saved, the unit is saved as
/// the next code still free. Records the same change refers to by the old code (the unit of a
/// person, the nominee of a nomination, the recipient of an award) follow.
extension Change {
    /// This change with every added unit, person, nomination and award whose code `data`
    /// already holds given the next free code, and the codes changed (old → new), in order.
    public func withFreeCodes(in data: Dataset) -> (change: Change, renamed: [(from: String, to: String)]) {
        // Called on every commit: the usual case (no code taken) costs one look-up per added record.
        guard addsATakenCode(in: data) else { return (self, []) }
        var codes = FreeCodes(data: data)
        let change = codes.assign(self)
        guard !codes.renamed.isEmpty else { return (self, []) }
        return (codes.follow(change), codes.renamed)
    }
}

extension Change {
    fileprivate func addsATakenCode(in data: Dataset) -> Bool {
        switch self {
        case .addUnit(let unit): return data.units[unit.id] != nil
        case .addPerson(let person): return data.people[person.id] != nil
        case .addNomination(let nomination): return data.nominations[nomination.id] != nil
        case .addAward(let award): return data.awards[award.id] != nil
        case .recordDecision(_, _, let awardID): return data.awards[awardID] != nil
        case .batch(_, let changes): return changes.contains { $0.addsATakenCode(in: data) }
        default: return false
        }
    }
}

private struct FreeCodes {
    enum Kind {
        case unit, person, nomination, award

        /// As `Dataset.nextUnitID()` and its siblings write them: DV0041, CN00012, DN00003, KT00007.
        var prefix: String {
            switch self {
            case .unit: return "DV"
            case .person: return "CN"
            case .nomination: return "DN"
            case .award: return "KT"
            }
        }

        var width: Int { self == .unit ? 4 : 5 }
    }

    /// Codes in use or given out so far, by kind (looked up, never iterated).
    private var taken: [Kind: [String]]
    let data: Dataset
    var units: [UnitID: UnitID] = [:]
    var people: [PersonID: PersonID] = [:]
    var nominations: [NominationID: NominationID] = [:]
    var awards: [AwardRecordID: AwardRecordID] = [:]
    var renamed: [(from: String, to: String)] = []

    init(data: Dataset) {
        self.data = data
        taken = [.unit: data.units.keys.map(\.rawValue), .person: data.people.keys.map(\.rawValue),
                 .nomination: data.nominations.keys.map(\.rawValue), .award: data.awards.keys.map(\.rawValue)]
    }

    /// A code: kept when free, else the next free one with its kind's prefix and width.
    private mutating func free(_ code: String, _ kind: Kind, isTaken: Bool) -> String {
        guard isTaken else {
            taken[kind, default: []].append(code)
            return code
        }
        let fresh = Dataset.next(1, prefix: kind.prefix, width: kind.width, after: taken[kind, default: []])[0]
        taken[kind, default: []].append(fresh)
        renamed.append((code, fresh))
        return fresh
    }

    mutating func assign(_ change: Change) -> Change {
        switch change {
        case .addUnit(var unit):
            let code = free(unit.id.rawValue, .unit, isTaken: data.units[unit.id] != nil || units.values.contains(unit.id))
            if code != unit.id.rawValue { units[unit.id] = UnitID(code); unit.id = UnitID(code) }
            return .addUnit(unit: unit)
        case .addPerson(var person):
            let code = free(person.id.rawValue, .person,
                            isTaken: data.people[person.id] != nil || people.values.contains(person.id))
            if code != person.id.rawValue { people[person.id] = PersonID(code); person.id = PersonID(code) }
            return .addPerson(person: person)
        case .addNomination(var nomination):
            let code = free(nomination.id.rawValue, .nomination,
                            isTaken: data.nominations[nomination.id] != nil || nominations.values.contains(nomination.id))
            if code != nomination.id.rawValue {
                nominations[nomination.id] = NominationID(code)
                nomination.id = NominationID(code)
            }
            return .addNomination(nomination: nomination)
        case .addAward(var award):
            let code = free(award.id.rawValue, .award,
                            isTaken: data.awards[award.id] != nil || awards.values.contains(award.id))
            if code != award.id.rawValue { awards[award.id] = AwardRecordID(code); award.id = AwardRecordID(code) }
            return .addAward(award: award)
        case .recordDecision(let id, let decision, let awardID):
            let code = free(awardID.rawValue, .award,
                            isTaken: data.awards[awardID] != nil || awards.values.contains(awardID))
            if code != awardID.rawValue { awards[awardID] = AwardRecordID(code) }
            return .recordDecision(id: id, decision: decision, awardID: AwardRecordID(code))
        case .batch(let label, let changes):
            return .batch(label: label, changes: changes.map { assign($0) })
        default:
            return change
        }
    }

    /// References to renamed codes, in the same change. The change was made from a view in which
    /// the renamed codes were free, so every reference to one means the record this change adds:
    /// the person of a new unit, and the later parts of a batch that edit what it added (a unit
    /// file with a new code on two rows, a nomination added and voted on), never the record
    /// someone else saved under that code meanwhile.
    func follow(_ change: Change) -> Change {
        switch change {
        case .addUnit, .updateSettings, .updateRules, .updateCategory, .updateCriteriaGroup, .updateAwardForm,
             .putCriteriaSet, .removeCriteriaSet, .putCommuneReport:
            return change
        case .updateUnit(var unit):
            unit.id = units[unit.id] ?? unit.id
            return .updateUnit(unit: unit)
        case .setUnitArchived(let id, let archived):
            return .setUnitArchived(id: units[id] ?? id, archived: archived)
        case .removeUnit(let id):
            return .removeUnit(id: units[id] ?? id)
        case .addPerson(var person):
            if let unit = person.unitID, let renamed = units[unit] { person.unitID = renamed }
            return .addPerson(person: person)
        case .updatePerson(var person):
            person.id = people[person.id] ?? person.id
            if let unit = person.unitID, let renamed = units[unit] { person.unitID = renamed }
            return .updatePerson(person: person)
        case .setPersonArchived(let id, let archived):
            return .setPersonArchived(id: people[id] ?? id, archived: archived)
        case .removePerson(let id):
            return .removePerson(id: people[id] ?? id)
        case .setScore(let year, let subject, let item, let field, let value):
            return .setScore(year: year, subject: self.subject(subject), item: item, field: field, value: value)
        case .setItemDone(let year, let subject, let item, let done):
            return .setItemDone(year: year, subject: self.subject(subject), item: item, done: done)
        case .setItemNote(let year, let subject, let item, let note):
            return .setItemNote(year: year, subject: self.subject(subject), item: item, note: note)
        case .setItemEvidence(let year, let subject, let item, let evidence):
            return .setItemEvidence(year: year, subject: self.subject(subject), item: item, evidence: evidence)
        case .setSheetState(let year, let subject, let state, let reason):
            return .setSheetState(year: year, subject: self.subject(subject), state: state, reason: reason)
        case .putSheet(var sheet):
            sheet.subject = subject(sheet.subject)
            return .putSheet(sheet: sheet)
        case .removeSheet(let year, let subject):
            return .removeSheet(year: year, subject: self.subject(subject))
        case .recordReport(var report):
            report.unitID = units[report.unitID] ?? report.unitID
            return .recordReport(report: report)
        case .removeReport(let year, let unitID):
            return .removeReport(year: year, unitID: units[unitID] ?? unitID)
        case .addNomination(var nomination):
            nomination.nominee = subject(nomination.nominee)
            return .addNomination(nomination: nomination)
        case .updateNomination(var nomination):
            nomination.id = nominations[nomination.id] ?? nomination.id
            nomination.nominee = subject(nomination.nominee)
            return .updateNomination(nomination: nomination)
        case .removeNomination(let id):
            return .removeNomination(id: nominations[id] ?? id)
        case .recordVote(let id, let vote):
            return .recordVote(id: nominations[id] ?? id, vote: vote)
        case .overrideFinding(let id, let ruleID, let reason):
            return .overrideFinding(id: nominations[id] ?? id, ruleID: ruleID, reason: reason)
        case .setNominationStatus(let id, let status, let reason):
            return .setNominationStatus(id: nominations[id] ?? id, status: status, reason: reason)
        case .recordDecision(let id, let decision, let awardID):
            return .recordDecision(id: nominations[id] ?? id, decision: decision, awardID: awardID)
        case .addAward(var award):
            award.recipient = subject(award.recipient)
            if let nomination = award.nominationID { award.nominationID = nominations[nomination] ?? nomination }
            return .addAward(award: award)
        case .updateAward(var award):
            award.id = awards[award.id] ?? award.id
            award.recipient = subject(award.recipient)
            if let nomination = award.nominationID { award.nominationID = nominations[nomination] ?? nomination }
            return .updateAward(award: award)
        case .removeAward(let id):
            return .removeAward(id: awards[id] ?? id)
        case .batch(let label, let changes):
            return .batch(label: label, changes: changes.map(follow))
        }
    }

    private func subject(_ subject: Subject) -> Subject {
        switch subject {
        case .unit(let id): return .unit(units[id] ?? id)
        case .person(let id): return .person(people[id] ?? id)
        }
    }
}
