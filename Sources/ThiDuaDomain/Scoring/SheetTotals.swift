/// Totals of one score sheet, derived on demand (never stored, so never stale).
public struct SheetTotals: Equatable, Sendable {
    /// Normal items, self scores only.
    public var selfNormal: Points = .zero
    /// Normal items, appraised where appraised, else self.
    public var normal: Points = .zero
    public var bonus: Points = .zero
    public var deductions: Points = .zero
    /// Self total: self normal + self bonus − self deductions.
    public var selfTotal: Points = .zero
    /// Items whose appraised score is missing and the self score stands in for it.
    public var fallbackItems: [String] = []
    /// Items with no score at all.
    public var missingItems: [String] = []
    /// Items scored above zero that carry no evidence.
    public var itemsWithoutEvidence: [String] = []

    /// Appraised (or self where not appraised) + bonus − deductions.
    public var total: Points { normal + bonus - deductions }

    /// True when at least one item still counts its self score.
    public var usesSelfFallback: Bool { !fallbackItems.isEmpty }

    public init() {}
}

extension ScoreSheet {
    /// Totals against the criteria set the sheet is scored by.
    public func totals(in set: CriteriaSet) -> SheetTotals {
        var totals = SheetTotals()
        for item in set.items {
            let score = items[item.code]
            let selfValue = score?.selfScore
            let effective = score?.appraised ?? selfValue
            if score?.appraised == nil, selfValue != nil { totals.fallbackItems.append(item.code) }
            if effective == nil { totals.missingItems.append(item.code) }
            if let effective, effective > .zero, score?.evidence.isEmpty ?? true {
                totals.itemsWithoutEvidence.append(item.code)
            }
            let value = effective ?? .zero
            let selfOnly = selfValue ?? .zero
            switch item.kind {
            case .normal:
                totals.normal = totals.normal + value
                totals.selfNormal = totals.selfNormal + selfOnly
                totals.selfTotal = totals.selfTotal + selfOnly
            case .bonus:
                totals.bonus = totals.bonus + value
                totals.selfTotal = totals.selfTotal + selfOnly
            case .deduction:
                totals.deductions = totals.deductions + value
                totals.selfTotal = totals.selfTotal - selfOnly
            }
        }
        return totals
    }
}
