/// One block's ranking for a year, kept current one subject at a time.
///
/// `Dataset.ranking` sorts the whole block; at province scale (5,000 units in a khối) that is
/// what made entering one score slow. Here the lines are kept in ranking order and a changed
/// subject is taken out and put back where it now belongs (two binary searches and one move),
/// and a rank is read when asked for: one more than the number of lines whose key is greater,
/// found by binary search. Built from `Dataset.ranking` itself and updated with the same rules
/// (`rankedTotals`, `RankKey`, `Rules.className`), so after any updates it lists exactly what
/// `ranking` would list (the tests check that on random edits).
public struct BlockRanking: Sendable {
    public let year: Int
    /// The unit category, or nil for the individuals.
    public let categoryID: String?
    private let rules: Rules
    /// Every subject that may be ranked, by its place in the caller's name order (ties are
    /// listed in that order); a subject without one cannot be placed.
    private let nameRank: [Subject: Int]

    private struct Line: Sendable {
        var subject: Subject
        var totals: SheetTotals
        var key: RankKey
        var name: Int

        /// Ranking order: greater key first, then name order.
        func precedes(_ other: Line) -> Bool {
            key != other.key ? key > other.key : name < other.name
        }
    }

    /// The ranked subjects in ranking order.
    private var lines: [Line] = []
    /// The line of each ranked subject, to find it again by binary search.
    private var current: [Subject: Line] = [:]

    /// The block's ranking in `data`; `nameRank` must give every subject of the block a
    /// distinct place in name order.
    public init(data: Dataset, year: Int, categoryID: String?, nameRank: [Subject: Int]) {
        self.year = year
        self.categoryID = categoryID
        self.rules = data.rules
        self.nameRank = nameRank
        let ranked = data.ranking(year: year, categoryID: categoryID) { a, b in
            (nameRank[a] ?? Int.max) < (nameRank[b] ?? Int.max)
        }
        lines.reserveCapacity(ranked.count)
        current.reserveCapacity(ranked.count)
        for entry in ranked {
            let line = Line(subject: entry.subject, totals: entry.totals, key: RankKey(entry.totals, rule: rules.tieRule),
                            name: nameRank[entry.subject] ?? Int.max)
            lines.append(line)
            current[entry.subject] = line
        }
    }

    public var count: Int { lines.count }

    /// Brings `subject` in line with `data` after its sheet changed, or it joined or left the
    /// block (archived, restored). Returns false, changing nothing, when the subject has no
    /// place in the name order given at the start (a new unit or person): build anew then.
    /// Only the subject's own line can change this way; a change to the rules, the criteria
    /// sets or the block's names needs a new ranking.
    @discardableResult
    public mutating func update(_ subject: Subject, in data: Dataset) -> Bool {
        let totals = data.rankedTotals(of: subject, year: year, inBlock: categoryID)
        guard let name = nameRank[subject] else { return totals == nil && current[subject] == nil }
        if let old = current.removeValue(forKey: subject) {
            lines.remove(at: position(before: old))
        }
        guard let totals else { return true }
        let line = Line(subject: subject, totals: totals, key: RankKey(totals, rule: rules.tieRule), name: name)
        lines.insert(line, at: position(before: line))
        current[subject] = line
        return true
    }

    /// The first index whose line does not precede `line` (where `line` is, or would go).
    private func position(before line: Line) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].precedes(line) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Shared ranks: one more than the number of lines with a greater key.
    private func rank(of key: RankKey) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].key > key { low = mid + 1 } else { high = mid }
        }
        return low + 1
    }

    private func entry(_ line: Line) -> RankedEntry {
        RankedEntry(subject: line.subject, totals: line.totals, rank: rank(of: line.key),
                    className: rules.className(for: line.totals.total))
    }

    /// The line at `index` in ranking order.
    public func entry(at index: Int) -> RankedEntry { entry(lines[index]) }

    /// The subject's line, nil when it is not ranked.
    public func entry(for subject: Subject) -> RankedEntry? { current[subject].map(entry) }

    /// Where the subject stands in ranking order, nil when it is not ranked.
    public func index(of subject: Subject) -> Int? { current[subject].map(position(before:)) }

    /// The whole ranking, as `Dataset.ranking` lists it.
    public var entries: [RankedEntry] { lines.indices.map(entry(at:)) }
}
