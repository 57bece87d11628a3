import Testing
@testable import ThiDuaDomain

/// The order of every list of nominees: a strict weak ordering (in fact total: the id is the
/// last key), collectives first, whatever the input order or the process's hash seed.
@Suite struct NomineeOrderTests {
    /// Units and people with few distinct names, so that ties (same name, same given name,
    /// same rank) are common, plus a dangling reference.
    static func mix(seed: UInt64) -> (Dataset, [Subject], [Nomination]) {
        var rng = SplitMix64(seed: seed)
        var data = Fixtures.commune
        let unitNames = ["Hội Nông dân xã", "Hợp tác xã Phong Quang", "Hội Phụ nữ xã", "Thôn Đồng Bẩm", "thôn Đồng Bẩm", "Hội"]
        let people = ["Nguyễn Văn An", "Trần Thị An", "Lê An", "Nguyễn Văn Bình", "Đỗ Thị Ánh", "Nguyễn Văn An"]
        var subjects: [Subject] = []
        for i in 0..<14 {
            let id = UnitID("DV\(100 + i)")
            data.units[id] = OrgUnit(id: id, name: unitNames.randomElement(using: &rng)!,
                                     categoryID: Bool.random(using: &rng) ? "ubnd" : "thon", order: i)
            subjects.append(.unit(id))
        }
        for i in 0..<14 {
            let id = PersonID("CN\(500 + i)")
            data.people[id] = Person(id: id, fullName: people.randomElement(using: &rng)!,
                                     givenName: i % 5 == 0 ? "Văn An" : nil, gender: .male, kind: .nhanDan)
            subjects.append(.person(id))
        }
        subjects.append(.person("CN99999"))
        var nominations: [Nomination] = []
        for (i, subject) in subjects.enumerated() {
            for copy in 0..<(i % 4 == 0 ? 2 : 1) {
                let rank = Int.random(in: 0...3, using: &rng)
                nominations.append(Nomination(
                    id: NominationID("DN\(1000 + 2 * i + copy)"), period: .year(2026), formID: "giay-khen-xa", nominee: subject,
                    scoreSnapshot: rank == 0 ? nil : ScoreSnapshot(year: 2026, total: .zero, className: nil, rank: rank)))
            }
        }
        return (data, subjects.shuffled(using: &rng), nominations.shuffled(using: &rng))
    }

    /// Irreflexive, asymmetric, transitive, and incomparability is transitive.
    static func checkStrictWeakOrdering<T>(_ items: [T], _ less: (T, T) -> Bool) {
        for a in items {
            #expect(!less(a, a))
            for b in items {
                if less(a, b) { #expect(!less(b, a)) }
                for c in items {
                    if less(a, b) && less(b, c) { #expect(less(a, c)) }
                    let ab = !less(a, b) && !less(b, a), bc = !less(b, c) && !less(c, b)
                    if ab && bc { #expect(!less(a, c) && !less(c, a)) }
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64]) func subjectsAreStrictlyWeaklyOrdered(seed: UInt64) {
        let (data, subjects, _) = Self.mix(seed: seed)
        // The keys over every subject; the comparator itself (which builds them) over a part.
        let keys = subjects.map { data.nameKey(of: $0) }
        Self.checkStrictWeakOrdering(keys, <)
        Self.checkStrictWeakOrdering(Array(subjects.prefix(12)), data.vietnameseNameOrder)
        // Total: two different subjects are never equivalent.
        for a in subjects { for b in subjects where a != b {
            #expect(data.vietnameseNameOrder(a, b) || data.vietnameseNameOrder(b, a))
        } }
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64]) func nominationsAreStrictlyWeaklyOrderedInBothSettings(seed: UInt64) {
        let (data, _, nominations) = Self.mix(seed: seed)
        for order in NomineeOrder.allCases {
            Self.checkStrictWeakOrdering(nominations.map { data.sortKey(of: $0, order: order) }, <)
        }
    }

    @Test(arguments: [1, 2, 3, 42] as [UInt64]) func theSortedListDoesNotDependOnTheInputOrder(seed: UInt64) {
        let (data, subjects, nominations) = Self.mix(seed: seed)
        var rng = SplitMix64(seed: seed &* 31)
        for order in NomineeOrder.allCases {
            let once = data.sortedNominations(nominations, order: order).map(\.id)
            #expect(data.sortedNominations(nominations.shuffled(using: &rng), order: order).map(\.id) == once)
            #expect(data.sortedNominations(nominations.reversed(), order: order).map(\.id) == once)
            // Collectives first, then individuals.
            let kinds = data.sortedNominations(nominations, order: order).map(\.nominee.kind)
            #expect(kinds == kinds.sorted { $0 == .collective && $1 == .individual })
        }
        #expect(data.sortedByName(subjects.shuffled(using: &rng)) == data.sortedByName(subjects))
    }

    @Test func peopleSortByGivenNameAndHoiBeforeHopTacXa() {
        var data = Fixtures.commune
        data.units["DV0010"] = OrgUnit(id: "DV0010", name: "Hợp tác xã Phong Quang", categoryID: "ubnd")
        data.units["DV0011"] = OrgUnit(id: "DV0011", name: "Hội Nông dân xã", categoryID: "ubnd")
        data.people["CN00010"] = Person(id: "CN00010", fullName: "Trần Văn Bình", gender: .male, kind: .nhanDan)
        data.people["CN00011"] = Person(id: "CN00011", fullName: "Lê Thị An", gender: .female, kind: .nhanDan)
        let sorted = data.sortedByName([.person("CN00010"), .unit("DV0010"), .person("CN00011"), .unit("DV0011")])
        #expect(sorted == [.unit("DV0011"), .unit("DV0010"), .person("CN00011"), .person("CN00010")])
    }

    @Test func rankInBlockFollowsTheKhoiOrderThenTheRank() {
        var data = Fixtures.commune
        data.units["DV0003"] = OrgUnit(id: "DV0003", name: "Thôn A", categoryID: "thon")
        func n(_ id: String, _ unit: String, rank: Int) -> Nomination {
            Nomination(id: NominationID(id), period: .year(2026), formID: "giay-khen-xa", nominee: .unit(UnitID(unit)),
                       scoreSnapshot: ScoreSnapshot(year: 2026, total: .zero, className: nil, rank: rank))
        }
        let list = [n("DN3", "DV0003", rank: 1), n("DN2", "DV0002", rank: 2), n("DN1", "DV0001", rank: 1)]
        #expect(data.sortedNominations(list, order: .rankInBlock).map(\.id) == ["DN1", "DN2", "DN3"])
        #expect(data.sortedNominations(list, order: .name).map(\.id) == ["DN1", "DN3", "DN2"])
    }
}
