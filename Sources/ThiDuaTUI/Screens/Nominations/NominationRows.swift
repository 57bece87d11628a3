import ThiDuaDomain

/// The lines of the nominations screen for one period and form: "I. TẬP THỂ (n)" then its
/// nominations, "II. CÁ NHÂN (m)" then theirs (the order of the office's lists), each nomination with its
/// live eligibility findings, worked out once per data change.
struct NominationRows {
    enum Line {
        case group(String)
        case nomination(Nomination, findings: [EligibilityFinding])
    }

    private(set) var lines: [Line] = []
    private(set) var counts: [NominationStatus: Int] = [:]

    init() {}

    init(data: Dataset, period: Period, formID: String) {
        let chosen = data.nominations.values.filter { $0.period == period && $0.formID == formID }
        for n in chosen { counts[n.status, default: 0] += 1 }
        let ordered = data.sortedNominations(Array(chosen))
        let collectives = ordered.filter { $0.nominee.kind == .collective }
        let individuals = ordered.filter { $0.nominee.kind == .individual }
        for (numeral, title, group) in [("I", "TẬP THỂ", collectives), ("II", "CÁ NHÂN", individuals)] {
            lines.append(.group("\(numeral). \(title) (\(group.count))"))
            for n in group {
                lines.append(.nomination(n, findings: Eligibility.findings(for: n, in: data)))
            }
        }
    }

    var total: Int { counts.values.reduce(0, +) }

    func nomination(at index: Int) -> Nomination? {
        guard lines.indices.contains(index), case .nomination(let n, _) = lines[index] else { return nil }
        return n
    }

    func findings(at index: Int) -> [EligibilityFinding] {
        guard lines.indices.contains(index), case .nomination(_, let findings) = lines[index] else { return [] }
        return findings
    }

    func index(of id: NominationID) -> Int? {
        lines.firstIndex { if case .nomination(let n, _) = $0 { return n.id == id } else { return false } }
    }

    var nominations: [Nomination] {
        lines.compactMap { if case .nomination(let n, _) = $0 { return n } else { return nil } }
    }

    /// "⚠ Biểu quyết" for one standing finding, "⚠2 Xếp loại" for two, naming the first (the
    /// detail below the list has the reasons), "✓ 1" when all are overridden, "" for none.
    static func findingsCell(_ findings: [EligibilityFinding], data: Dataset) -> String {
        let open = findings.filter { $0.overrideReason == nil }
        if let first = open.first {
            return "⚠" + (open.count > 1 ? "\(open.count)" : "") + " " + data.shortReason(of: first)
        }
        return findings.isEmpty ? "" : "✓ \(findings.count)"
    }

    /// "5/9 55,6%" or "" before the vote.
    static func voteCell(_ vote: CouncilVote?) -> String {
        guard let vote else { return "" }
        return "\(vote.agree)/\(vote.membersTotal) \(vote.agreePercentText)%"
    }

    /// The table cells of a line; the unit/khối and id columns only when wide.
    func cells(_ index: Int, data: Dataset, wide: Bool, number: Int) -> [String] {
        switch lines[index] {
        case .group(let title):
            return wide ? ["", title] : [title]
        case .nomination(let n, let findings):
            let snapshot = n.scoreSnapshot
            var cells = [String(number), data.name(of: n.nominee),
                         snapshot.map { $0.total.display } ?? "", snapshot?.className ?? "",
                         NominationRows.voteCell(n.vote), n.status.label, NominationRows.findingsCell(findings, data: data)]
            if wide {
                cells.insert(NominationRows.placeOf(n.nominee, data: data), at: 2)
                cells.insert(n.id.rawValue, at: 0)
            }
            return cells
        }
    }

    /// "Khối UBND" for a unit (never «Khối Khối Đảng»), "" when its khối is unknown.
    static func blockOf(_ subject: Subject, data: Dataset) -> String {
        guard case .unit(let id) = subject else { return placeOf(subject, data: data) }
        return data.units[id].flatMap { data.category($0.categoryID)?.blockLabel } ?? ""
    }

    /// The khối of a unit, or the unit (else the address) of a person.
    static func placeOf(_ subject: Subject, data: Dataset) -> String {
        switch subject {
        case .unit(let id):
            return data.units[id].flatMap { data.category($0.categoryID)?.shortName } ?? ""
        case .person(let id):
            guard let person = data.people[id] else { return "" }
            if let unitID = person.unitID, let unit = data.units[unitID] { return unit.name }
            return person.address
        }
    }

    /// Row numbers restart in each section, as on the printed list.
    func numbers() -> [Int] {
        var result: [Int] = []
        var n = 0
        for line in lines {
            if case .group = line { n = 0; result.append(0) } else { n += 1; result.append(n) }
        }
        return result
    }
}
