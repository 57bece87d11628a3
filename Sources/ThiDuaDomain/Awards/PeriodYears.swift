extension Period {
    /// The scoring year a period's nominations are judged on: the year itself, the mid-term
    /// year for the sơ kết, the last year of the phase for the tổng kết.
    public func referenceYear(settings: Settings) -> Int {
        switch self {
        case .year(let year): return year
        case .midTerm: return settings.midTermYear
        case .endOfPhase: return settings.phaseEndYear
        }
    }

    /// Every period of the phase in the order the office meets them: the years, then the
    /// mid-term and the end of phase.
    public static func all(settings: Settings) -> [Period] {
        settings.phaseYears.map(Period.year) + [.midTerm, .endOfPhase]
    }
}

extension AwardCatalog {
    /// The forms a period allows, most senior first (plan IV.2.a and IV.2.b).
    public func forms(for period: Period) -> [AwardForm] {
        formsBySeniority.filter { $0.allows(period) }
    }
}
