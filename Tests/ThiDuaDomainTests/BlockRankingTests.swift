import Testing
@testable import ThiDuaDomain

/// The ranking kept one subject at a time lists exactly what ranking the whole block lists,
/// after random sequences of edits: scores set, cleared and set back (many ties, since the
/// values come from a few), sheets removed and started again, subjects archived and restored,
/// sheets locked; under both tie rules, for a khối and for the individuals. So does the rank
/// of one subject counted without sorting (`Dataset.rank(of:)`). Seeded, so a failure
/// reproduces.
@Suite struct BlockRankingTests {
    private static let year = 2026

    /// 40 units of "ubnd", 10 of "thon", 30 people; no sheets yet.
    private func block(tieRule: TieRule) -> Dataset {
        var data = Fixtures.empty
        data.rules.tieRule = tieRule
        for n in 1...50 {
            let id = UnitID(String(format: "DV%04d", n))
            data.units[id] = OrgUnit(id: id, name: "Đơn vị \(n % 7) số \(n)", categoryID: n <= 40 ? "ubnd" : "thon", order: n)
        }
        for n in 1...30 {
            let id = PersonID(String(format: "CN%05d", n))
            data.people[id] = Person(id: id, fullName: "Nguyễn Văn \(n % 5)", gender: .male, birthYear: 1980,
                                     position: "Chuyên viên", unitID: "DV0001", kind: .congChuc)
        }
        return data
    }

    /// Name order over every subject of the block, archived ones included (they may come back).
    private func nameRank(_ data: Dataset, categoryID: String?) -> [Subject: Int] {
        let subjects: [Subject] = categoryID.map { id in
            data.units.values.filter { $0.categoryID == id }.map { .unit($0.id) }
        } ?? data.people.keys.map { .person($0) }
        return Dictionary(uniqueKeysWithValues: data.sortedByName(subjects).enumerated().map { ($0.element, $0.offset) })
    }

    private func randomChange(_ data: Dataset, subjects: [Subject], items: [String],
                              _ random: inout SplitMix64) -> Change {
        let subject = subjects[Int(random.next() % UInt64(subjects.count))]
        let item = items[Int(random.next() % UInt64(items.count))]
        switch random.next() % 12 {
        case 0:
            return .removeSheet(year: Self.year, subject: subject)
        case 1:
            switch subject {
            case .unit(let id): return .setUnitArchived(id: id, archived: !(data.units[id]?.archived ?? false))
            case .person(let id): return .setPersonArchived(id: id, archived: !(data.people[id]?.archived ?? false))
            }
        case 2:
            return .setSheetState(year: Self.year, subject: subject, state: random.next() % 2 == 0 ? .locked : .draft,
                                  reason: "kiểm thử")
        case 3:
            return .setScore(year: Self.year, subject: subject, item: item, field: .selfScore, value: nil)
        default:
            // A few values only, so totals often tie.
            let value = Points([0, 5, 10][Int(random.next() % 3)])
            return .setScore(year: Self.year, subject: subject, item: item,
                             field: random.next() % 2 == 0 ? .selfScore : .appraised, value: value)
        }
    }

    @Test(arguments: [TieRule.sharedRank, .normalThenDeductions], [Optional("ubnd"), nil])
    func staysEqualToTheFullRanking(tieRule: TieRule, categoryID: String?) throws {
        var data = block(tieRule: tieRule)
        let names = nameRank(data, categoryID: categoryID)
        let order: (Subject, Subject) -> Bool = { names[$0]! < names[$1]! }
        let subjects = names.keys.sorted()
        let items = try #require(data.criteriaSets[CriteriaSetKey(year: Self.year, groupID: categoryID == nil ? "III.4" : "III.1")])
            .items.map(\.code)
        var ranking = BlockRanking(data: data, year: Self.year, categoryID: categoryID, nameRank: names)
        var random = SplitMix64(seed: tieRule == .sharedRank ? 7 : 11)
        var applied = 0
        for step in 0..<1500 {
            let change = randomChange(data, subjects: subjects, items: items, &random)
            guard let result = try? data.applyInPlace(change, context: Fixtures.context) else { continue }
            applied += 1
            for record in result.change.touchedRecords.sorted() {
                let placed: Bool
                switch record {
                case .sheet(let key) where key.year == Self.year: placed = ranking.update(key.subject, in: data)
                case .unit(let id): placed = ranking.update(.unit(id), in: data)
                case .person(let id): placed = ranking.update(.person(id), in: data)
                default: placed = true
                }
                #expect(placed)
            }
            // And back: the same score set again after another, or the change undone.
            if step % 9 == 0, (try? data.applyInPlace(result.inverse, context: Fixtures.context)) != nil {
                for record in result.inverse.touchedRecords.sorted() {
                    if case .sheet(let key) = record { ranking.update(key.subject, in: data) }
                    if case .unit(let id) = record { ranking.update(.unit(id), in: data) }
                    if case .person(let id) = record { ranking.update(.person(id), in: data) }
                }
            }
            let full = data.ranking(year: Self.year, categoryID: categoryID, nameOrder: order)
            #expect(ranking.entries == full, "after step \(step): \(change)")
            if ranking.entries != full { return }
            for (index, entry) in full.enumerated() {
                #expect(ranking.entry(for: entry.subject) == entry)
                #expect(ranking.index(of: entry.subject) == index)
                let counted = data.rank(of: entry.subject, year: Self.year, categoryID: categoryID)
                #expect(counted?.rank == entry.rank && counted?.count == full.count)
            }
            let ranked = Set(full.map(\.subject))
            for subject in subjects where !ranked.contains(subject) {
                #expect(data.rank(of: subject, year: Self.year, categoryID: categoryID) == nil)
            }
        }
        #expect(applied > 1000)
        let ranks = data.ranking(year: Self.year, categoryID: categoryID, nameOrder: order).map(\.rank)
        #expect(Set(ranks).count < ranks.count, "the random scores made ties")
    }

    @Test func aSubjectWithoutANamePlaceAsksForANewRanking() throws {
        var data = block(tieRule: .sharedRank)
        var ranking = BlockRanking(data: data, year: Self.year, categoryID: "ubnd", nameRank: nameRank(data, categoryID: "ubnd"))
        data.units["DV0099"] = OrgUnit(id: "DV0099", name: "Mới", categoryID: "ubnd", order: 99)
        let nothingToPlace = ranking.update(.unit("DV0099"), in: data)
        #expect(nothingToPlace, "not ranked yet: nothing to place")
        data = try Fixtures.apply(.setScore(year: Self.year, subject: .unit("DV0099"), item: "1.1", field: .selfScore,
                                            value: 5), to: data)
        let placed = ranking.update(.unit("DV0099"), in: data)
        #expect(!placed)
        #expect(ranking.count == 0)
    }
}
