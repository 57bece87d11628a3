extension Change {
    /// The change with every value that has one canonical form written in it, read against
    /// `data` (which knows each form's decision code): a decision number typed «215» is
    /// recorded as «215/QĐ-UBND», the form the documents and the award history print.
    func canonicalised(in data: Dataset) throws(DomainError) -> Change {
        switch self {
        case .recordDecision(let id, var decision, let awardID):
            let code = data.nominations[id].flatMap { data.catalog.form($0.formID) }?.decisionNumberCode
            decision.number = try Decision.canonicalNumber(decision.number, code: code)
            return .recordDecision(id: id, decision: decision, awardID: awardID)
        case .addAward(var award):
            award.decision.number = try Decision.canonicalNumber(award.decision.number, code: award.decisionCode(in: data))
            return .addAward(award: award)
        case .updateAward(var award):
            award.decision.number = try Decision.canonicalNumber(award.decision.number, code: award.decisionCode(in: data))
            return .updateAward(award: award)
        case .updateNomination(var nomination):
            if var decision = nomination.decision {
                decision.number = try Decision.canonicalNumber(
                    decision.number, code: data.catalog.form(nomination.formID)?.decisionNumberCode)
                nomination.decision = decision
            }
            return .updateNomination(nomination: nomination)
        case .batch(let label, let changes):
            var canonical: [Change] = []
            for change in changes { canonical.append(try change.canonicalised(in: data)) }
            return .batch(label: label, changes: canonical)
        default:
            return self
        }
    }
}

extension Decision {
    /// «215» → «215/QĐ-UBND» with the form's code; a number typed whole keeps its own code
    /// (older decisions of other bodies); without a known code it is kept as typed.
    static func canonicalNumber(_ typed: String, code: String?) throws(DomainError) -> String {
        guard let code else { return typed }
        return try DocumentNumber.parse(typed, code: code, strict: false, field: "Số quyết định").full
    }
}

extension AwardRecord {
    /// The decision code of the form granted; a title's decisions are the commune's.
    func decisionCode(in data: Dataset) -> String? {
        switch recognition {
        case .form(let id, _): return data.catalog.form(id)?.decisionNumberCode
        case .title: return "QĐ-UBND"
        }
    }
}
