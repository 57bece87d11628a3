/// What the council decided on a nomination. A vote below the form's threshold is a decision
/// of the council, not an eligibility warning: no override turns it into a pass.
public enum CouncilOutcome: Equatable, Sendable {
    case notVoted
    case passed
    case failed
}

extension Dataset {
    public func councilOutcome(of nomination: Nomination) -> CouncilOutcome {
        guard let vote = nomination.vote else { return .notVoted }
        return rules.voteThreshold(forForm: nomination.formID).passes(vote) ? .passed : .failed
    }

    /// The eligibility findings still standing: not overridden, and not the vote, which the
    /// council outcome covers.
    public func openFindings(of nomination: Nomination) -> [EligibilityFinding] {
        Eligibility.findings(for: nomination, in: self).filter { $0.overrideReason == nil && isOverridable($0.ruleID) }
    }

    /// Whether a finding of `ruleID` may be overridden with a reason (the vote may not).
    public func isOverridable(_ ruleID: String) -> Bool {
        guard let rule = rules.eligibility.first(where: { $0.id == ruleID }) else { return true }
        if case .voteThreshold = rule.check { return false }
        return true
    }

    /// Refuses to submit or decide a nomination the council did not pass, naming the vote.
    func requirePassed(_ nomination: Nomination, toward target: NominationStatus) throws(DomainError) {
        let who = "Đề nghị \(nomination.id) (\(name(of: nomination.nominee)))"
        switch councilOutcome(of: nomination) {
        case .passed:
            return
        case .notVoted:
            throw DomainError(field: "Biểu quyết",
                "\(who) chưa có kết quả biểu quyết của hội đồng; không chuyển sang «\(target.label)» được.")
        case .failed:
            let vote = nomination.vote!
            let threshold = rules.voteThreshold(forForm: nomination.formID)
            throw DomainError(field: "Biểu quyết",
                "\(who) không đạt biểu quyết: \(vote.agree)/\(vote.membersTotal) thành viên đồng ý (\(vote.agreePercentText) %), ngưỡng \(threshold.label); không chuyển sang «\(target.label)» được. Nếu nhập sai biểu quyết thì ghi lại; nếu không thì chuyển sang «\(NominationStatus.rejected.label)».")
        }
    }

    /// A decision cannot predate the council's vote on the nomination it grants.
    static func requireDecision(_ decision: Decision, after nomination: Nomination) throws(DomainError) {
        guard let voted = nomination.vote?.date, decision.date < voted else { return }
        throw DomainError(field: "Ngày quyết định",
            "Quyết định \(decision.number) ngày \(decision.date.display) trước ngày hội đồng biểu quyết đề nghị \(nomination.id) (\(voted.display)); quyết định phải từ ngày biểu quyết trở đi.")
    }
}
