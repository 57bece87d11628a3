import Foundation

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
        ScoreSnapshots(period: period).snapshot(of: subject, in: self)
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

/// The score snapshots (`Dataset.scoreSnapshot`) of many subjects of one period, each block
/// ranked once, the first time one of its subjects is asked for, instead of once a subject: a
/// picker draws twenty rows a key, and ranking 100,000 people for each was most of a key.
/// Good for one state of the data: the owner makes a new one when the data changes.
public final class ScoreSnapshots: @unchecked Sendable {
    // Unchecked: `ranks` is only read and written with `lock` held.
    private let period: Period
    private let lock = NSLock()
    /// Each block's ranked subjects (the individuals under nil).
    private var ranks: [String?: [Subject: RankedEntry]] = [:]

    public init(period: Period) {
        self.period = period
    }

    /// Whether the rankings made so far still hold for `data` after a change that wrote
    /// `touched`: only people were written, and each is ranked now exactly when it was before
    /// (a rename or a new phone number leaves every total, class and rank as it was; names only
    /// order equal ranks). Anything else — a sheet, a unit, the rules — asks for new rankings.
    public func stillHolds(after touched: Set<RecordRef>, in data: Dataset) -> Bool {
        let year = period.referenceYear(settings: data.settings)
        lock.lock()
        defer { lock.unlock() }
        let individuals = ranks[String?.none]
        for record in touched {
            guard case .person(let id) = record else { return false }
            guard let individuals else { continue }
            let isRanked = data.rankedTotals(of: .person(id), year: year, inBlock: nil) != nil
            if isRanked != (individuals[.person(id)] != nil) { return false }
        }
        return true
    }

    /// The score, class and rank of `subject` in `data`, or nil without a sheet.
    public func snapshot(of subject: Subject, in data: Dataset) -> ScoreSnapshot? {
        let year = period.referenceYear(settings: data.settings)
        guard let totals = data.totals(of: subject, year: year) else { return nil }
        let categoryID: String?
        switch subject {
        case .unit(let id): categoryID = data.units[id]?.categoryID
        case .person: categoryID = nil
        }
        lock.lock()
        defer { lock.unlock() }
        if ranks[categoryID] == nil {
            // The rank does not depend on the name order, which only orders equal ranks.
            let ranking = data.ranking(year: year, categoryID: categoryID, nameOrder: data.vietnameseNameOrder)
            ranks[categoryID] = Dictionary(ranking.map { ($0.subject, $0) }) { first, _ in first }
        }
        if let entry = ranks[categoryID]?[subject] {
            return ScoreSnapshot(year: year, total: entry.total, className: entry.className, rank: entry.rank)
        }
        // Archived subjects are not ranked; keep their score and class all the same.
        return ScoreSnapshot(year: year, total: totals.total, className: data.rules.className(for: totals.total), rank: nil)
    }
}

extension ScoreSnapshots: CustomReflectable {
    /// The period alone: the rankings are a memo of what the data gives, filled while drawing,
    /// not state of their own (a screen that draws twice is the same screen).
    public var customMirror: Mirror { Mirror(self, children: ["period": period], displayStyle: .class) }
}

