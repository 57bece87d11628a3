public enum CriteriaItemKind: String, Codable, Sendable, CaseIterable {
    case normal
    case bonus
    case deduction

    public var label: String {
        switch self {
        case .normal: return "Tiêu chí"
        case .bonus: return "Điểm cộng"
        case .deduction: return "Điểm trừ"
        }
    }
}

/// One line of a checklist: the plan's wording and its maximum (điểm chuẩn).
public struct CriteriaItem: Codable, Equatable, Sendable, Identifiable {
    public var code: String
    public var text: String
    public var maximum: Points
    public var kind: CriteriaItemKind
    /// What document or product is expected as proof.
    public var evidenceExpected: String

    public var id: String { code }

    public init(code: String, text: String, maximum: Points, kind: CriteriaItemKind = .normal,
                evidenceExpected: String = "") {
        self.code = code
        self.text = text
        self.maximum = maximum
        self.kind = kind
        self.evidenceExpected = evidenceExpected
    }
}

/// The checklist of one criteria group for one year.
public struct CriteriaSet: Codable, Equatable, Sendable {
    public var year: Int
    public var groupID: String
    public var items: [CriteriaItem]
    /// What the normal items should add up to (usually 100).
    public var targetMaximum: Points

    public init(year: Int, groupID: String, items: [CriteriaItem], targetMaximum: Points = 100) {
        self.year = year
        self.groupID = groupID
        self.items = items
        self.targetMaximum = targetMaximum
    }

    public var key: CriteriaSetKey { CriteriaSetKey(year: year, groupID: groupID) }

    public func item(_ code: String) -> CriteriaItem? {
        items.first { $0.code == code }
    }

    /// Sum of the maxima of normal items (bonus and deductions do not count).
    public var normalMaximum: Points {
        items.filter { $0.kind == .normal }.reduce(.zero) { $0 + $1.maximum }
    }

    /// True when the normal items do not total the configured maximum.
    public var isUnbalanced: Bool { normalMaximum != targetMaximum }
}

public struct CriteriaSetKey: Hashable, Codable, Sendable, Comparable {
    public var year: Int
    public var groupID: String

    public init(year: Int, groupID: String) {
        self.year = year
        self.groupID = groupID
    }

    public static func < (a: CriteriaSetKey, b: CriteriaSetKey) -> Bool {
        (a.year, a.groupID) < (b.year, b.groupID)
    }
}
