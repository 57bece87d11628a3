/// How nominees are listed inside the collectives and inside the individuals of a list
/// (a setting): every list of nominees on screens, in documents and exports puts the
/// collectives first, then the individuals, and uses this order within each group.
public enum NomineeOrder: String, Codable, Sendable, CaseIterable {
    /// Vietnamese name order: units by name, people by given name first.
    case name
    /// Khối in the office's order, then the rank in the khối when nominated, then the name.
    case rankInBlock

    public var label: String {
        switch self {
        case .name: return "Theo tên (tiếng Việt, cá nhân theo tên trước)"
        case .rankInBlock: return "Theo thứ tự khối và hạng trong khối"
        }
    }
}

/// The total order of subjects by name: collectives before individuals, then the name's
/// collation keys (people: given name, family and middle names, full name), then the stable
/// id, so two different subjects never compare equal and no sort depends on input order.
public struct SubjectNameKey: Comparable, Sendable {
    let kind: Int
    let name: [CollationKey]
    let id: String

    public static func < (lhs: SubjectNameKey, rhs: SubjectNameKey) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        for (a, b) in zip(lhs.name, rhs.name) {
            let order = a.compare(b)
            if order != 0 { return order < 0 }
        }
        if lhs.name.count != rhs.name.count { return lhs.name.count < rhs.name.count }
        return lhs.id < rhs.id
    }
}

/// The order of nominations in a list: the subject kind, the setting's keys, the subject's
/// name key and finally the nomination's own id (one subject may be nominated twice).
public struct NominationSortKey: Comparable, Sendable {
    let kind: Int
    let block: [Int]
    let subject: SubjectNameKey
    let id: String

    public static func < (lhs: NominationSortKey, rhs: NominationSortKey) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.block != rhs.block { return lhs.block.lexicographicallyPrecedes(rhs.block) }
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        return lhs.id < rhs.id
    }
}

extension Dataset {
    /// The name key of a subject; a dangling reference sorts by its placeholder name.
    public func nameKey(of subject: Subject) -> SubjectNameKey {
        switch subject {
        case .unit(let id):
            return SubjectNameKey(kind: 0, name: [VietnameseCollation.key(name(of: subject))], id: id.rawValue)
        case .person(let id):
            guard let person = people[id] else {
                return SubjectNameKey(kind: 1, name: [VietnameseCollation.key(name(of: subject))], id: id.rawValue)
            }
            let key = PersonName(fullName: person.fullName, givenName: person.givenName).sortKey
            return SubjectNameKey(kind: 1, name: [key.given, key.familyAndMiddle, key.fullName], id: id.rawValue)
        }
    }

    /// Vietnamese name order as a strict total order (see `SubjectNameKey`); ties in a
    /// ranking and lists of units and people use it.
    public var vietnameseNameOrder: (Subject, Subject) -> Bool {
        { a, b in self.nameKey(of: a) < self.nameKey(of: b) }
    }

    /// `subjects` in Vietnamese name order, each key built once.
    public func sortedByName(_ subjects: [Subject]) -> [Subject] {
        subjects.map { (nameKey(of: $0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Where a nomination stands in its list under `order` (by default the office's setting).
    public func sortKey(of nomination: Nomination, order: NomineeOrder? = nil) -> NominationSortKey {
        let subject = nameKey(of: nomination.nominee)
        var block: [Int] = []
        if (order ?? settings.nomineeOrder) == .rankInBlock {
            var categoryOrder = 0
            if case .unit(let id) = nomination.nominee, let unit = units[id] {
                categoryOrder = category(unit.categoryID)?.order ?? Int.max
            }
            block = [categoryOrder, nomination.scoreSnapshot?.rank ?? Int.max]
        }
        return NominationSortKey(kind: subject.kind, block: block, subject: subject, id: nomination.id.rawValue)
    }

    /// Nominations in list order: collectives first, then individuals, each by the setting.
    public func sortedNominations(_ nominations: [Nomination], order: NomineeOrder? = nil) -> [Nomination] {
        nominations.map { (sortKey(of: $0, order: order), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
