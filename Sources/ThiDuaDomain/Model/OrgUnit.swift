/// A competing collective (tập thể): an agency, organisation, business or village.
public struct OrgUnit: Codable, Equatable, Sendable, Identifiable {
    public var id: UnitID
    public var name: String
    public var categoryID: String
    /// Position within the category on lists (the office's own order).
    public var order: Int
    public var head: String
    public var phone: String
    public var archived: Bool
    public var notes: String
    /// Marks invented records of the sample commune.
    public var isSample: Bool

    public init(id: UnitID, name: String, categoryID: String, order: Int = 0, head: String = "",
                phone: String = "", archived: Bool = false, notes: String = "", isSample: Bool = false) {
        self.id = id
        self.name = name
        self.categoryID = categoryID
        self.order = order
        self.head = head
        self.phone = phone
        self.archived = archived
        self.notes = notes
        self.isSample = isSample
    }

    enum CodingKeys: String, CodingKey {
        case id, name, categoryID, order, head, phone, archived, notes, isSample
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UnitID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        categoryID = try c.decode(String.self, forKey: .categoryID)
        order = try c.decodeIfPresent(Int.self, forKey: .order) ?? 0
        head = try c.decodeIfPresent(String.self, forKey: .head) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        archived = try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        isSample = try c.decodeIfPresent(Bool.self, forKey: .isSample) ?? false
    }
}
