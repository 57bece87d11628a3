/// Everything the office keeps, as one value. Changes produce new values (see `Change`).
///
/// The collections can be set only inside the domain: outside it a dataset is built whole
/// with `init` (the store's loader does that) and every edit goes through `apply`, so the
/// journal records every change there is.
public struct Dataset: Equatable, Sendable {
    /// Version of the file layout; the store migrates older folders.
    public static let currentSchemaVersion = 1

    public internal(set) var settings: Settings
    public internal(set) var categories: [UnitCategory]
    public internal(set) var criteriaGroups: [CriteriaGroup]
    public internal(set) var catalog: AwardCatalog
    public internal(set) var rules: Rules
    public internal(set) var units: [UnitID: OrgUnit]
    public internal(set) var people: [PersonID: Person]
    public internal(set) var criteriaSets: [CriteriaSetKey: CriteriaSet]
    public internal(set) var sheets: [SheetKey: ScoreSheet]
    public internal(set) var reports: [ReportKey: ReportSubmission]
    public internal(set) var nominations: [NominationID: Nomination]
    public internal(set) var awards: [AwardRecordID: AwardRecord]
    /// The office's sections of the commune's year report to the province, per year.
    public internal(set) var communeReports: [Int: CommuneYearReport]

    public init(settings: Settings, categories: [UnitCategory], criteriaGroups: [CriteriaGroup],
                catalog: AwardCatalog, rules: Rules, units: [UnitID: OrgUnit] = [:], people: [PersonID: Person] = [:],
                criteriaSets: [CriteriaSetKey: CriteriaSet] = [:], sheets: [SheetKey: ScoreSheet] = [:],
                reports: [ReportKey: ReportSubmission] = [:], nominations: [NominationID: Nomination] = [:],
                awards: [AwardRecordID: AwardRecord] = [:], communeReports: [Int: CommuneYearReport] = [:]) {
        self.settings = settings
        self.categories = categories
        self.criteriaGroups = criteriaGroups
        self.catalog = catalog
        self.rules = rules
        self.units = units
        self.people = people
        self.criteriaSets = criteriaSets
        self.sheets = sheets
        self.reports = reports
        self.nominations = nominations
        self.awards = awards
        self.communeReports = communeReports
    }

    // MARK: Lookups

    public func category(_ id: String) -> UnitCategory? { categories.first { $0.id == id } }
    public func criteriaGroup(_ id: String) -> CriteriaGroup? { criteriaGroups.first { $0.id == id } }

    /// The criteria group that scores individuals (plan III.4).
    public var individualCriteriaGroupID: String? {
        criteriaGroups.first { $0.subjectKind == .individual }?.id
    }

    /// The criteria group a subject is scored by today (a sheet keeps the one it started with).
    public func criteriaGroupID(for subject: Subject) -> String? {
        switch subject {
        case .unit(let id):
            guard let unit = units[id] else { return nil }
            return category(unit.categoryID)?.criteriaGroupID
        case .person:
            return individualCriteriaGroupID
        }
    }

    public func exists(_ subject: Subject) -> Bool {
        switch subject {
        case .unit(let id): return units[id] != nil
        case .person(let id): return people[id] != nil
        }
    }

    /// The display name of a unit or person ("?" for a dangling reference).
    public func name(of subject: Subject) -> String {
        switch subject {
        case .unit(let id): return units[id]?.name ?? "«\(id)»"
        case .person(let id): return people[id]?.fullName ?? "«\(id)»"
        }
    }

    /// Years that have any criteria set, sheet or report, plus the phase's years.
    public var knownYears: [Int] {
        var years = Set(settings.phaseYears)
        years.formUnion(criteriaSets.keys.map(\.year))
        years.formUnion(sheets.keys.map(\.year))
        years.formUnion(reports.keys.map(\.year))
        return years.sorted()
    }

    // MARK: Identifiers

    public func nextUnitID() -> UnitID {
        UnitID(Dataset.next(prefix: "DV", width: 4, after: units.keys.lazy.map(\.rawValue)))
    }

    public func nextPersonID() -> PersonID {
        PersonID(Dataset.next(prefix: "CN", width: 5, after: people.keys.lazy.map(\.rawValue)))
    }

    public func nextNominationID() -> NominationID {
        NominationID(Dataset.next(prefix: "DN", width: 5, after: nominations.keys.map(\.rawValue)))
    }

    public func nextAwardID() -> AwardRecordID {
        AwardRecordID(Dataset.next(prefix: "KT", width: 5, after: awards.keys.map(\.rawValue)))
    }

    /// `count` fresh award ids in a row, for one decision that awards a whole list.
    public func nextAwardIDs(_ count: Int) -> [AwardRecordID] {
        Dataset.next(count, prefix: "KT", width: 5, after: awards.keys.map(\.rawValue)).map { AwardRecordID($0) }
    }

    /// `count` fresh nomination ids in a row, for a list of suggestions accepted at once.
    public func nextNominationIDs(_ count: Int) -> [NominationID] {
        Dataset.next(count, prefix: "DN", width: 5, after: nominations.keys.map(\.rawValue)).map { NominationID($0) }
    }

    static func next(_ count: Int, prefix: String, width: Int, after existing: [String]) -> [String] {
        var taken = existing
        return (0..<max(0, count)).map { _ in
            let id = next(prefix: prefix, width: width, after: taken)
            taken.append(id)
            return id
        }
    }

    /// The next order number at the end of a category.
    public func nextOrder(inCategory categoryID: String) -> Int {
        (units.values.filter { $0.categoryID == categoryID }.map(\.order).max() ?? 0) + 1
    }

    static func next<IDs: Sequence<String>>(prefix: String, width: Int, after existing: IDs) -> String {
        let prefixBytes = Array(prefix.utf8)
        let highest = existing.compactMap { id -> Int? in
            // The usual id, the prefix and up to 18 ASCII digits, read from its bytes (100,000
            // people: the person form asks on every opening); anything else as before.
            if let number = Self.plainNumber(id, after: prefixBytes) { return number }
            guard id.hasPrefix(prefix) else { return nil }
            return Int(id.dropFirst(prefix.count))
        }.max() ?? 0
        let digits = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The number after `prefix` when `id` is exactly `prefix` and 1…18 ASCII digits, else nil.
    private static func plainNumber(_ id: String, after prefix: [UInt8]) -> Int? {
        let number = id.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            let digits = bytes.count - prefix.count
            guard digits >= 1, digits <= 18 else { return nil }
            for i in 0..<prefix.count where bytes[i] != prefix[i] { return nil }
            var value = 0
            for i in prefix.count..<bytes.count {
                let byte = bytes[i]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte &- 0x30)
            }
            return value
        }
        return number ?? nil
    }
}
