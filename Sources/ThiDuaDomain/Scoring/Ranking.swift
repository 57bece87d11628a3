/// One line of a category's ranking for a year.
public struct RankedEntry: Equatable, Sendable {
    public var subject: Subject
    public var totals: SheetTotals
    public var rank: Int
    public var className: String

    public var total: Points { totals.total }
}

extension Dataset {
    /// The criteria set a sheet is scored by, if it exists.
    public func criteriaSet(for sheet: ScoreSheet) -> CriteriaSet? {
        criteriaSets[CriteriaSetKey(year: sheet.year, groupID: sheet.groupID)]
    }

    public func totals(of sheet: ScoreSheet) -> SheetTotals? {
        criteriaSet(for: sheet).map { sheet.totals(in: $0) }
    }

    /// Ranking of the active subjects of one block (a unit category, or all individuals
    /// when `categoryID` is nil) for a year. Subjects without a sheet are left out.
    /// Ties follow `rules.tieRule`; equal after the rule → same rank (1, 2, 2, 4), listed
    /// in Vietnamese name order by the caller's `nameOrder`.
    public func ranking(year: Int, categoryID: String?,
                        nameOrder: (Subject, Subject) -> Bool) -> [RankedEntry] {
        let subjects: [Subject]
        if let categoryID {
            subjects = units.values.filter { $0.categoryID == categoryID && !$0.archived }.map { .unit($0.id) }
        } else {
            subjects = people.values.filter { !$0.archived }.map { .person($0.id) }
        }
        var entries: [(Subject, SheetTotals)] = []
        for subject in subjects {
            guard let sheet = sheets[SheetKey(year: year, subject: subject)],
                  let totals = totals(of: sheet) else { continue }
            entries.append((subject, totals))
        }
        let tieRule = rules.tieRule
        func tieKey(_ t: SheetTotals) -> [Int] {
            switch tieRule {
            case .sharedRank: return [t.total.hundredths]
            case .normalThenDeductions: return [t.total.hundredths, t.normal.hundredths, -t.deductions.hundredths]
            }
        }
        entries.sort { a, b in
            let ka = tieKey(a.1), kb = tieKey(b.1)
            if ka != kb { return ka.lexicographicallyPrecedes(kb) == false }
            return nameOrder(a.0, b.0)
        }
        var result: [RankedEntry] = []
        for (index, entry) in entries.enumerated() {
            let rank: Int
            if let previous = result.last, tieKey(previous.totals) == tieKey(entry.1) {
                rank = previous.rank
            } else {
                rank = index + 1
            }
            result.append(RankedEntry(subject: entry.0, totals: entry.1, rank: rank,
                                      className: rules.className(for: entry.1.total)))
        }
        return result
    }
}
