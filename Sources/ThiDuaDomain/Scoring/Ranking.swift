/// One line of a category's ranking for a year.
public struct RankedEntry: Equatable, Sendable {
    public var subject: Subject
    public var totals: SheetTotals
    public var rank: Int
    public var className: String

    public var total: Points { totals.total }
}

/// Where a sheet's totals place it in its block under a tie rule: a greater key ranks higher,
/// equal keys share a rank. Plain integers, so comparing two sheets allocates nothing.
public struct RankKey: Comparable, Hashable, Sendable {
    let total: Int
    let normal: Int
    /// Deductions negated: fewer deductions rank higher.
    let lessDeductions: Int

    public init(_ totals: SheetTotals, rule: TieRule) {
        total = totals.total.hundredths
        switch rule {
        case .sharedRank:
            normal = 0
            lessDeductions = 0
        case .normalThenDeductions:
            normal = totals.normal.hundredths
            lessDeductions = -totals.deductions.hundredths
        }
    }

    public static func < (a: RankKey, b: RankKey) -> Bool {
        (a.total, a.normal, a.lessDeductions) < (b.total, b.normal, b.lessDeductions)
    }
}

extension Dataset {
    /// The criteria set a sheet is scored by, if it exists.
    public func criteriaSet(for sheet: ScoreSheet) -> CriteriaSet? {
        criteriaSets[CriteriaSetKey(year: sheet.year, groupID: sheet.groupID)]
    }

    public func totals(of sheet: ScoreSheet) -> SheetTotals? {
        criteriaSet(for: sheet).map { sheet.totals(in: $0) }
    }

    /// Whether `subject` competes in a block (a unit category, or all individuals when
    /// `categoryID` is nil): it exists, belongs to the block and is not archived.
    public func isActive(_ subject: Subject, inBlock categoryID: String?) -> Bool {
        switch subject {
        case .unit(let id):
            guard let categoryID, let unit = units[id] else { return false }
            return unit.categoryID == categoryID && !unit.archived
        case .person(let id):
            guard categoryID == nil, let person = people[id] else { return false }
            return !person.archived
        }
    }

    /// The totals `subject` is ranked with in a block for a year; nil when it is not ranked
    /// there (not an active member, no sheet for the year, or the sheet's criteria set is gone).
    public func rankedTotals(of subject: Subject, year: Int, inBlock categoryID: String?) -> SheetTotals? {
        guard isActive(subject, inBlock: categoryID),
              let sheet = sheets[SheetKey(year: year, subject: subject)] else { return nil }
        return totals(of: sheet)
    }

    /// The active subjects of a block (a unit category, or all individuals when nil).
    private func members(ofBlock categoryID: String?) -> [Subject] {
        if let categoryID {
            return units.values.filter { $0.categoryID == categoryID && !$0.archived }.map { .unit($0.id) }
        }
        return people.values.filter { !$0.archived }.map { .person($0.id) }
    }

    /// A subject's rank in its block and how many are ranked there, as `ranking` gives them,
    /// without sorting the block: one more than the number of ranked subjects whose key is
    /// greater. For a screen that shows one subject's place (a khối has 5,000 units).
    public func rank(of subject: Subject, year: Int, categoryID: String?) -> (rank: Int, count: Int)? {
        guard let own = rankedTotals(of: subject, year: year, inBlock: categoryID) else { return nil }
        let tieRule = rules.tieRule
        let key = RankKey(own, rule: tieRule)
        var greater = 0, count = 0
        for member in members(ofBlock: categoryID) {
            guard let totals = rankedTotals(of: member, year: year, inBlock: categoryID) else { continue }
            count += 1
            if RankKey(totals, rule: tieRule) > key { greater += 1 }
        }
        return (greater + 1, count)
    }

    /// Ranking of the active subjects of one block (a unit category, or all individuals
    /// when `categoryID` is nil) for a year. Subjects without a sheet are left out.
    /// Ties follow `rules.tieRule`; equal after the rule → same rank (1, 2, 2, 4), listed
    /// in Vietnamese name order by the caller's `nameOrder`.
    public func ranking(year: Int, categoryID: String?,
                        nameOrder: (Subject, Subject) -> Bool) -> [RankedEntry] {
        let subjects = members(ofBlock: categoryID)
        let tieRule = rules.tieRule
        var entries: [(subject: Subject, totals: SheetTotals, key: RankKey)] = []
        for subject in subjects {
            guard let totals = rankedTotals(of: subject, year: year, inBlock: categoryID) else { continue }
            entries.append((subject, totals, RankKey(totals, rule: tieRule)))
        }
        entries.sort { a, b in
            if a.key != b.key { return a.key > b.key }
            return nameOrder(a.subject, b.subject)
        }
        var result: [RankedEntry] = []
        result.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let rank: Int
            if index > 0, entries[index - 1].key == entry.key {
                rank = result[index - 1].rank
            } else {
                rank = index + 1
            }
            result.append(RankedEntry(subject: entry.subject, totals: entry.totals, rank: rank,
                                      className: rules.className(for: entry.totals.total)))
        }
        return result
    }
}
