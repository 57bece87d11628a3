/// A nominee proposed by a suggestion rule, for the office to accept or reject.
public struct Suggestion: Equatable, Sendable {
    public var subject: Subject
    public var formID: String
    public var ruleID: String
    /// Why: "Xếp loại «Xuất sắc» (92,50 điểm), hạng 1 khối UBND".
    public var reason: String
    public var snapshot: ScoreSnapshot
}

extension Dataset {
    /// Subjects the enabled suggestion rules of `formID` propose for `period`, from the ranking
    /// of the period's reference year: khối in the office's order, then individuals; each
    /// block by rank. Subjects already nominated for this form and period are left out.
    public func suggestions(period: Period, formID: String) -> [Suggestion] {
        let year = period.referenceYear(settings: settings)
        // Already nominated for this form and period, or already granted it for the year.
        let taken = Set(nominations.values.filter { $0.period == period && $0.formID == formID }.map(\.nominee))
            .union(grants(of: formID, in: period).map(\.recipient))
        let rulesForForm = rules.suggestions.filter { $0.enabled && $0.formID == formID }
        guard !rulesForForm.isEmpty else { return [] }
        var seen = taken
        var result: [Suggestion] = []
        for block in rankingBlocks {
            let ranking = self.ranking(year: year, categoryID: block.categoryID, nameOrder: vietnameseNameOrder)
            for rule in rulesForForm where rule.subjectKind == nil || rule.subjectKind == block.subjectKind {
                for entry in ranking where !seen.contains(entry.subject) && rule.picks(entry, rules: rules) {
                    seen.insert(entry.subject)
                    result.append(Suggestion(
                        subject: entry.subject, formID: formID, ruleID: rule.id,
                        reason: "Xếp loại «\(entry.className)» (\(entry.total.display) điểm), hạng \(entry.rank) \(block.label)",
                        snapshot: ScoreSnapshot(year: year, total: entry.total, className: entry.className, rank: entry.rank)))
                }
            }
        }
        return result
    }

    /// The score, class and rank of a subject in the period's reference year, or nil without a sheet.
    public func scoreSnapshot(of subject: Subject, period: Period) -> ScoreSnapshot? {
        let year = period.referenceYear(settings: settings)
        guard totals(of: subject, year: year) != nil else { return nil }
        let categoryID: String?
        switch subject {
        case .unit(let id): categoryID = units[id]?.categoryID
        case .person: categoryID = nil
        }
        let ranking = self.ranking(year: year, categoryID: categoryID, nameOrder: vietnameseNameOrder)
        if let entry = ranking.first(where: { $0.subject == subject }) {
            return ScoreSnapshot(year: year, total: entry.total, className: entry.className, rank: entry.rank)
        }
        // Archived subjects are not ranked; keep their score and class all the same.
        let total = totals(of: subject, year: year)!.total
        return ScoreSnapshot(year: year, total: total, className: rules.className(for: total), rank: nil)
    }

    /// Each khối in the office's order, then the individuals.
    var rankingBlocks: [(categoryID: String?, subjectKind: SubjectKind, label: String)] {
        categories.sorted { $0.order < $1.order }.map { ($0.id, .collective, "khối \($0.shortName)") }
            + [(nil, .individual, "cá nhân")]
    }
}

extension SuggestionRule {
    func picks(_ entry: RankedEntry, rules: Rules) -> Bool {
        switch pick {
        case .classAtLeast(let className):
            return rules.classRank(entry.className) <= rules.classRank(className)
        case .topOfBlock(let count, let className):
            return entry.rank <= count && rules.classRank(entry.className) <= rules.classRank(className)
        }
    }
}
