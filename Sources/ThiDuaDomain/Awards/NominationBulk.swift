/// The nominations screen's edits of many nominations at once, planned by `BulkPlan`.
public enum NominationBulk {
    /// Each of `ids` (in the order given) moved to `target`; one already there is left out.
    /// Moving back needs the group's reason; the domain says what else blocks a move.
    public static func statusPlan(_ ids: [NominationID], to target: NominationStatus, in data: Dataset,
                                  context: ChangeContext) -> BulkPlan {
        plan(ids, title: "Chuyển \(ids.count) đề nghị sang «\(target.label)»", in: data, context: context) { _ in target }
    }

    /// Each of `ids` one step back (with the group's reason); one at the first step is left out.
    public static func stepBackPlan(_ ids: [NominationID], in data: Dataset, context: ChangeContext) -> BulkPlan {
        plan(ids, title: "Trả \(ids.count) đề nghị về bước trước", in: data, context: context) { $0.previous }
    }

    private static func plan(_ ids: [NominationID], title: String, in data: Dataset, context: ChangeContext,
                             target: (NominationStatus) -> NominationStatus?) -> BulkPlan {
        let candidates = ids.map { id -> BulkPlan.Candidate in
            guard let nomination = data.nominations[id] else { return .skipped(id.rawValue, because: "không còn đề nghị này.") }
            let label = "\(id) \(data.name(of: nomination.nominee))"
            guard let goal = target(nomination.status) else {
                return .skipped(label, because: "đang ở bước đầu («\(nomination.status.label)»).")
            }
            if nomination.status == goal { return .skipped(label, because: "đã ở trạng thái «\(goal.label)».") }
            return BulkPlan.Candidate(label: label) { reason in
                .setNominationStatus(id: id, status: goal, reason: reason)
            }
        }
        return BulkPlan(title: title, candidates: candidates, in: data, context: context)
    }

    /// A nomination «Dự kiến» for each suggestion, with its score snapshot, under fresh ids.
    public static func acceptPlan(_ suggestions: [Suggestion], period: Period, formID: String, in data: Dataset,
                                  context: ChangeContext) -> BulkPlan {
        let ids = data.nextNominationIDs(suggestions.count)
        let candidates = zip(ids, suggestions).map { id, suggestion in
            BulkPlan.Candidate(label: data.name(of: suggestion.subject)) { _ in
                .addNomination(nomination: Nomination(id: id, period: period, formID: formID, nominee: suggestion.subject,
                                                      scoreSnapshot: suggestion.snapshot))
            }
        }
        let form = data.catalog.form(formID)?.shortName ?? formID
        return BulkPlan(title: "Nhận \(suggestions.count) gợi ý \(form)", candidates: candidates, in: data, context: context)
    }
}
