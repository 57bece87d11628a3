/// Whether something competes as a collective (tập thể) or an individual (cá nhân).
public enum SubjectKind: String, Codable, Sendable, CaseIterable {
    case collective
    case individual

    public var label: String { self == .collective ? "Tập thể" : "Cá nhân" }
}

/// A block of competing units (khối), from plan II.1.
public struct UnitCategory: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var shortName: String
    public var order: Int
    /// The criteria group whose set scores units of this category.
    public var criteriaGroupID: String

    /// "Khối UBND", or the short name as it is when it already says «Khối» («Khối Đảng»), so
    /// nothing reads «Khối Khối Đảng».
    public var blockLabel: String {
        VietnameseText.searchFold(shortName).hasPrefix("khoi ") ? shortName : "Khối " + shortName
    }

    public init(id: String, name: String, shortName: String, order: Int, criteriaGroupID: String) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.order = order
        self.criteriaGroupID = criteriaGroupID
    }
}

/// A group of criteria (plan III.1–III.4, or one the office defines).
public struct CriteriaGroup: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var subjectKind: SubjectKind
    /// The plan section the wording comes from ("III.1"), or nil for office-defined groups.
    public var planSection: String?
    /// Shown on screen for groups the plan leaves to the office.
    public var note: String?

    public init(id: String, name: String, subjectKind: SubjectKind, planSection: String?, note: String?) {
        self.id = id
        self.name = name
        self.subjectKind = subjectKind
        self.planSection = planSection
        self.note = note
    }

    public var isDefinedByPlan: Bool { planSection != nil }
}
