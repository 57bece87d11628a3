/// A form of commendation (hình thức khen thưởng): Giấy khen, Bằng khen, Huân chương.
/// Kept apart from titles (danh hiệu) and kinds (loại khen thưởng): mixing the three up is the
/// known failure of the software offices used before.
public struct AwardForm: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// A short name for tabs and narrow columns ("Bằng khen tỉnh"); the full name when not set.
    public var shortName: String
    /// Who signs it ("Chủ tịch UBND xã").
    public var issuer: String
    /// Higher is more senior; lists group forms from the highest down.
    public var rank: Int
    /// Which periods allow it (plan IV.2.a and IV.2.b).
    public var periods: [Period.Kind]
    /// True when the commune decides it; false when the commune proposes it upward.
    public var decidedInCommune: Bool
    /// Classes of the form, if any ("hạng Nhất", "hạng Nhì", "hạng Ba").
    public var grades: [String]
    /// Where its tờ trình goes (derived from `decidedInCommune` when a file does not say).
    public var submittedTo: SubmissionTarget
    /// The type and body of its decisions' numbers («QĐ-UBND» in «215/QĐ-UBND»), so a number
    /// typed as «215» is stored whole.
    public var decisionNumberCode: String
    /// How its certificates are numbered in the register, «{số}/GK-{năm}» giving «12/GK-2025»;
    /// nil: `defaultCertificatePattern`.
    public var certificateNumberPattern: String?
    /// Where its certificates print on the office's blanks, per subject kind; nil (or a kind
    /// left out): `CertificateLayout.standard(for:kind:)`.
    public var certificateLayouts: [CertificateLayout]?

    public init(id: String, name: String, shortName: String? = nil, issuer: String, rank: Int,
                periods: [Period.Kind], decidedInCommune: Bool, grades: [String] = [],
                submittedTo: SubmissionTarget? = nil, decisionNumberCode: String = "QĐ-UBND") {
        self.id = id
        self.name = name
        self.shortName = shortName ?? name
        self.issuer = issuer
        self.rank = rank
        self.periods = periods
        self.decidedInCommune = decidedInCommune
        self.grades = grades
        self.submittedTo = submittedTo ?? (decidedInCommune ? .communeChairman : .provinceChairman)
        self.decisionNumberCode = decisionNumberCode
    }

    public func allows(_ period: Period) -> Bool { periods.contains(period.kind) }

    private enum CodingKeys: String, CodingKey {
        case id, name, shortName, issuer, rank, periods, decidedInCommune, grades, submittedTo, decisionNumberCode,
             certificateNumberPattern, certificateLayouts
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName) ?? name
        issuer = try c.decode(String.self, forKey: .issuer)
        rank = try c.decode(Int.self, forKey: .rank)
        periods = try c.decode([Period.Kind].self, forKey: .periods)
        decidedInCommune = try c.decode(Bool.self, forKey: .decidedInCommune)
        grades = try c.decodeIfPresent([String].self, forKey: .grades) ?? []
        submittedTo = try c.decodeIfPresent(SubmissionTarget.self, forKey: .submittedTo)
            ?? (decidedInCommune ? .communeChairman : .provinceChairman)
        decisionNumberCode = try c.decodeIfPresent(String.self, forKey: .decisionNumberCode) ?? "QĐ-UBND"
        certificateNumberPattern = try c.decodeIfPresent(String.self, forKey: .certificateNumberPattern)
        certificateLayouts = try c.decodeIfPresent([CertificateLayout].self, forKey: .certificateLayouts)
    }
}

/// An emulation title (danh hiệu thi đua): Lao động tiên tiến, Chiến sĩ thi đua cơ sở …
public struct AwardTitle: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var subjectKind: SubjectKind

    public init(id: String, name: String, subjectKind: SubjectKind) {
        self.id = id
        self.name = name
        self.subjectKind = subjectKind
    }
}

/// The kind of commendation (loại khen thưởng, Law Đ8).
public enum AwardKind: String, Codable, Sendable, CaseIterable {
    case merit
    case thematic
    case exceptional
    case contribution
    case seniority
    case foreignRelations

    public var label: String {
        switch self {
        case .merit: return "Theo công trạng và thành tích"
        case .thematic: return "Theo đợt hoặc chuyên đề"
        case .exceptional: return "Đột xuất"
        case .contribution: return "Quá trình cống hiến"
        case .seniority: return "Niên hạn"
        case .foreignRelations: return "Đối ngoại"
        }
    }
}

/// The award forms, titles and defaults that come with the plan.
public struct AwardCatalog: Codable, Equatable, Sendable {
    public var forms: [AwardForm]
    public var titles: [AwardTitle]

    public init(forms: [AwardForm], titles: [AwardTitle]) {
        self.forms = forms
        self.titles = titles
    }

    public func form(_ id: String) -> AwardForm? { forms.first { $0.id == id } }
    public func title(_ id: String) -> AwardTitle? { titles.first { $0.id == id } }

    /// Every form, most senior first (Huân chương before Giấy khen); equal ranks keep catalog order.
    public var formsBySeniority: [AwardForm] {
        forms.enumerated().sorted { a, b in
            a.element.rank != b.element.rank ? a.element.rank > b.element.rank : a.offset < b.offset
        }.map(\.element)
    }

    /// A form's name, or its id in «» when the catalog no longer knows it.
    public func formName(_ id: String) -> String { form(id)?.name ?? "«\(id)»" }

    /// "Huân chương Lao động hạng Ba" or "Danh hiệu: Lao động tiên tiến": a form and a title
    /// are named so that one is never mistaken for the other.
    public func name(of recognition: Recognition) -> String {
        switch recognition {
        case .form(let id, let grade): return formName(id) + (grade.map { " " + $0 } ?? "")
        case .title(let id): return "Danh hiệu: " + (title(id)?.name ?? "«\(id)»")
        }
    }
}
