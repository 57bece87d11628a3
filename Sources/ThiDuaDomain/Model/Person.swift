public enum Gender: String, Codable, Sendable, CaseIterable {
    case male
    case female

    public var label: String { self == .male ? "Nam" : "Nữ" }
}

/// What a person is, as the plan's II.1.b lists them.
public enum PersonKind: String, Codable, Sendable, CaseIterable {
    case canBo
    case congChuc
    case vienChuc
    case nguoiLaoDong
    case nhanDan
    case doanhNhan

    public var label: String {
        switch self {
        case .canBo: return "Cán bộ"
        case .congChuc: return "Công chức"
        case .vienChuc: return "Viên chức"
        case .nguoiLaoDong: return "Người lao động"
        case .nhanDan: return "Nhân dân"
        case .doanhNhan: return "Doanh nhân"
        }
    }
}

/// A competing individual (cá nhân): staff of a unit, or a resident with an address.
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public var id: PersonID
    public var fullName: String
    /// The given name (tên) when it is compound ("Bình Minh"); nil means the last word.
    public var givenName: String?
    public var gender: Gender
    public var birthYear: Int?
    public var position: String
    public var unitID: UnitID?
    public var address: String
    public var kind: PersonKind
    /// Under discipline or investigation: nominating the person raises a warning.
    public var underDiscipline: Bool
    public var archived: Bool
    public var notes: String
    public var isSample: Bool

    public init(id: PersonID, fullName: String, givenName: String? = nil, gender: Gender,
                birthYear: Int? = nil, position: String = "", unitID: UnitID? = nil, address: String = "",
                kind: PersonKind, underDiscipline: Bool = false, archived: Bool = false, notes: String = "",
                isSample: Bool = false) {
        self.id = id
        self.fullName = fullName
        self.givenName = givenName
        self.gender = gender
        self.birthYear = birthYear
        self.position = position
        self.unitID = unitID
        self.address = address
        self.kind = kind
        self.underDiscipline = underDiscipline
        self.archived = archived
        self.notes = notes
        self.isSample = isSample
    }

    /// The given name used for sorting: the chosen one, else the last word.
    public var resolvedGivenName: String {
        if let givenName, !givenName.isEmpty { return givenName }
        return fullName.split(separator: " ").last.map(String.init) ?? fullName
    }

    enum CodingKeys: String, CodingKey {
        case id, fullName, givenName, gender, birthYear, position, unitID, address, kind
        case underDiscipline, archived, notes, isSample
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(PersonID.self, forKey: .id)
        fullName = try c.decode(String.self, forKey: .fullName)
        givenName = try c.decodeIfPresent(String.self, forKey: .givenName)
        gender = try c.decode(Gender.self, forKey: .gender)
        birthYear = try c.decodeIfPresent(Int.self, forKey: .birthYear)
        position = try c.decodeIfPresent(String.self, forKey: .position) ?? ""
        unitID = try c.decodeIfPresent(UnitID.self, forKey: .unitID)
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? ""
        kind = try c.decode(PersonKind.self, forKey: .kind)
        underDiscipline = try c.decodeIfPresent(Bool.self, forKey: .underDiscipline) ?? false
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        isSample = try c.decodeIfPresent(Bool.self, forKey: .isSample) ?? false
    }
}
