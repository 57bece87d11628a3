/// A unit or person being added that looks like one already kept — the check behind the
/// import preview («trùng với DV0012 …») and adding by hand: a unit of the same khối with the
/// same name, or a person with the same name, birth year and unit. Names are compared folded
/// (case, accents, đ/d and runs of spaces ignored), so «Thôn  Đồng Bẩm» matches «thôn đồng bẩm».
public struct LikelyDuplicate: Equatable, Sendable {
    /// The record already kept.
    public var existing: Subject
    /// «trùng với DV0012 «Thôn Đồng Bẩm» (cùng khối Thôn)».
    public var message: String
}

extension Dataset {
    /// The kept unit `unit` would repeat (itself, by id, excluded); the lowest id when several do.
    public func likelyDuplicate(of unit: OrgUnit) -> LikelyDuplicate? {
        let name = Self.foldedName(unit.name)
        guard !name.isEmpty, let match = units.values
            .filter({ $0.id != unit.id && $0.categoryID == unit.categoryID && Self.foldedName($0.name) == name })
            .min(by: { $0.id < $1.id }) else { return nil }
        // «Khối Thôn» in the middle of a sentence: «cùng khối Thôn».
        let label = category(match.categoryID)?.blockLabel ?? match.categoryID
        let khoi = label.prefix(1).lowercased() + label.dropFirst()
        let archived = match.archived ? ", đã lưu trữ" : ""
        return LikelyDuplicate(existing: .unit(match.id), message: "trùng với \(match.id) «\(match.name)» (cùng \(khoi)\(archived))")
    }

    /// The kept person `person` would repeat: same folded name, birth year and unit.
    public func likelyDuplicate(of person: Person) -> LikelyDuplicate? {
        let name = Self.foldedName(person.fullName)
        guard !name.isEmpty, let match = people.values
            .filter({ $0.id != person.id && $0.birthYear == person.birthYear && $0.unitID == person.unitID
                      && Self.foldedName($0.fullName) == name })
            .min(by: { $0.id < $1.id }) else { return nil }
        var facts: [String] = []
        if let year = match.birthYear { facts.append("sinh \(year)") }
        if let unitID = match.unitID { facts.append(units[unitID]?.name ?? unitID.rawValue) }
        if match.archived { facts.append("đã lưu trữ") }
        let detail = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
        return LikelyDuplicate(existing: .person(match.id), message: "trùng với \(match.id) «\(match.fullName)»\(detail)")
    }

    static func foldedName(_ name: String) -> String {
        VietnameseText.searchFold(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
