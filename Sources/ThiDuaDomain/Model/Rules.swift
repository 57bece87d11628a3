/// A classification band: a total at or above `minimum` earns `name`.
public struct ClassBand: Codable, Equatable, Sendable {
    public var name: String
    public var minimum: Points

    public init(name: String, minimum: Points) {
        self.name = name
        self.minimum = minimum
    }
}

/// How equal totals are ordered within a category.
public enum TieRule: String, Codable, Sendable, CaseIterable {
    /// Equal totals share a rank (1, 2, 2, 4); they are listed by name.
    case sharedRank
    /// Higher normal-item score first, then fewer deductions; still equal → shared rank.
    case normalThenDeductions

    public var label: String {
        switch self {
        case .sharedRank: return "Bằng điểm thì đồng hạng, xếp theo tên"
        case .normalThenDeductions: return "Bằng điểm thì ưu tiên điểm tiêu chí cao hơn, rồi ít điểm trừ hơn"
        }
    }
}

/// A vote passes when agreeing members reach this share of ALL members.
public struct VoteThreshold: Codable, Equatable, Sendable {
    public var percent: Double
    /// True: strictly more than `percent` (the default "quá 50 %"); false: at least.
    public var strictlyMore: Bool

    public init(percent: Double, strictlyMore: Bool) {
        self.percent = percent
        self.strictlyMore = strictlyMore
    }

    public func passes(_ vote: CouncilVote) -> Bool {
        let share = vote.agreePercentOfMembers
        return strictlyMore ? share > percent + 1e-9 : share >= percent - 1e-9
    }

    public var label: String { (strictlyMore ? "trên " : "từ ") + "\(Int(percent)) % tổng số thành viên" }
}

/// One configurable eligibility check. Findings warn; they never block silently.
public struct EligibilityRule: Codable, Equatable, Sendable, Identifiable {
    public enum Check: Codable, Equatable, Sendable {
        /// The nominee's class for the period's year must be at least this band.
        case minimumClass(formID: String, className: String)
        /// The nominee's total must be at least this.
        case minimumScore(formID: String, minimum: Points)
        /// At most one nomination per nominee, form and period.
        case onePerNomineeFormPeriod
        /// Persons under discipline or investigation are not awarded.
        case discipline
        /// The unit's report for the year must have arrived on time.
        case reportOnTime
        /// Every scored item must carry evidence.
        case evidenceForScoredItems
        /// A prior award of `requiresFormID` in the history (merit route).
        case prerequisite(formID: String, requiresFormID: String, appliesToThematic: Bool)
        /// The council vote must reach the form's threshold.
        case voteThreshold
    }

    public var id: String
    public var enabled: Bool
    public var check: Check
    public var description: String
    /// The kinds of commendation the rule applies to; empty: every kind. Merit-route
    /// prerequisites (a Bằng khen of the Prime Minister needs one of the province first) do
    /// not apply to thematic awards, for which a lower award is not required first.
    public var kinds: [AwardKind]

    public init(id: String, enabled: Bool = true, check: Check, description: String, kinds: [AwardKind]? = nil) {
        self.id = id
        self.enabled = enabled
        self.check = check
        self.description = description
        self.kinds = kinds ?? EligibilityRule.defaultKinds(for: check)
    }

    public func applies(to kind: AwardKind) -> Bool { kinds.isEmpty || kinds.contains(kind) }

    /// A few words for a list cell («Xếp loại», «Biểu quyết»), at most 10 columns; the
    /// finding's reason says the rest.
    public var shortLabel: String {
        switch check {
        case .minimumClass: return "Xếp loại"
        case .minimumScore: return "Điểm"
        case .onePerNomineeFormPeriod: return "Trùng"
        case .discipline: return "Kỷ luật"
        case .reportOnTime: return "Báo cáo"
        case .evidenceForScoredItems: return "Minh chứng"
        case .prerequisite: return "Khen trước"
        case .voteThreshold: return "Biểu quyết"
        }
    }

    /// «khen thưởng theo công trạng và thành tích», or «mọi loại khen thưởng».
    public var kindsLabel: String {
        kinds.isEmpty ? "mọi loại khen thưởng"
                      : "khen thưởng " + kinds.map { $0.label.lowercased() }.joined(separator: ", ")
    }

    /// Rules written before `kinds` existed: a prerequisite that does not apply to thematic
    /// awards is a merit-route rule; every other check applies to every kind.
    public static func defaultKinds(for check: Check) -> [AwardKind] {
        if case .prerequisite(_, _, let appliesToThematic) = check, !appliesToThematic { return [.merit] }
        return []
    }

    private enum CodingKeys: String, CodingKey {
        case id, enabled, check, description, kinds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        enabled = try c.decode(Bool.self, forKey: .enabled)
        check = try c.decode(Check.self, forKey: .check)
        description = try c.decode(String.self, forKey: .description)
        kinds = try c.decodeIfPresent([AwardKind].self, forKey: .kinds) ?? EligibilityRule.defaultKinds(for: check)
    }
}

/// Rules kept as data so the office changes them in Settings, never in code.
public struct Rules: Codable, Equatable, Sendable {
    /// Highest band first.
    public var classBands: [ClassBand]
    /// Name given below the lowest band.
    public var belowBandsName: String
    public var tieRule: TieRule
    public var voteThresholds: [String: VoteThreshold]
    public var defaultVoteThreshold: VoteThreshold
    public var eligibility: [EligibilityRule]
    /// How "Gợi ý" proposes nominees from the ranking.
    public var suggestions: [SuggestionRule]

    public init(classBands: [ClassBand], belowBandsName: String, tieRule: TieRule,
                voteThresholds: [String: VoteThreshold], defaultVoteThreshold: VoteThreshold,
                eligibility: [EligibilityRule], suggestions: [SuggestionRule] = []) {
        self.classBands = classBands
        self.belowBandsName = belowBandsName
        self.tieRule = tieRule
        self.voteThresholds = voteThresholds
        self.defaultVoteThreshold = defaultVoteThreshold
        self.eligibility = eligibility
        self.suggestions = suggestions
    }

    private enum CodingKeys: String, CodingKey {
        case classBands, belowBandsName, tieRule, voteThresholds, defaultVoteThreshold, eligibility, suggestions
    }

    /// Folders written before suggestion rules existed have none; "Gợi ý" then says so and
    /// Settings can restore the plan's defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        classBands = try c.decode([ClassBand].self, forKey: .classBands)
        belowBandsName = try c.decode(String.self, forKey: .belowBandsName)
        tieRule = try c.decode(TieRule.self, forKey: .tieRule)
        voteThresholds = try c.decode([String: VoteThreshold].self, forKey: .voteThresholds)
        defaultVoteThreshold = try c.decode(VoteThreshold.self, forKey: .defaultVoteThreshold)
        eligibility = try c.decode([EligibilityRule].self, forKey: .eligibility)
        suggestions = try c.decodeIfPresent([SuggestionRule].self, forKey: .suggestions) ?? []
    }

    public func voteThreshold(forForm formID: String) -> VoteThreshold {
        voteThresholds[formID] ?? defaultVoteThreshold
    }

    /// The band a total falls in: the first band (highest first) whose minimum it reaches.
    public func className(for total: Points) -> String {
        classBands.sorted { $0.minimum > $1.minimum }.first { total >= $0.minimum }?.name ?? belowBandsName
    }

    /// Position of a class name from the top (0 = best), for "at least" comparisons.
    public func classRank(_ name: String) -> Int {
        let ordered = classBands.sorted { $0.minimum > $1.minimum }.map(\.name) + [belowBandsName]
        return ordered.firstIndex(of: name) ?? ordered.count
    }

    /// Bands must descend strictly and have distinct names.
    public func validate() throws(DomainError) {
        let field = "Xếp loại"
        guard !classBands.isEmpty else {
            throw DomainError(field: field, "Cần ít nhất một mức xếp loại.")
        }
        let names = classBands.map(\.name) + [belowBandsName]
        guard Set(names).count == names.count else {
            throw DomainError(field: field, "Tên các mức xếp loại phải khác nhau.")
        }
        for band in classBands where band.minimum < .zero {
            throw DomainError(field: field, "Điểm tối thiểu của mức «\(band.name)» không được âm.")
        }
        // Listed best first, so each band's minimum must be below the one before it.
        for (higher, lower) in zip(classBands, classBands.dropFirst()) where lower.minimum >= higher.minimum {
            throw DomainError(field: field,
                "Mức «\(lower.name)» (từ \(lower.minimum.display)) phải thấp hơn mức «\(higher.name)» (từ \(higher.minimum.display)).")
        }
        for (formID, threshold) in voteThresholds.merging(["": defaultVoteThreshold], uniquingKeysWith: { a, _ in a })
        where !(0...100).contains(threshold.percent) {
            throw DomainError(field: "Ngưỡng biểu quyết",
                "Ngưỡng biểu quyết\(formID.isEmpty ? "" : " của «\(formID)»") phải từ 0 đến 100 % (đã nhập \(threshold.percent)).")
        }
    }
}
