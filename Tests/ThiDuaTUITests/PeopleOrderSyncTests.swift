import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The people and unit orders the session keeps takes in each change one record at a time instead of
/// sorting and indexing everyone again; after any mix of additions, renames, moves between
/// units, archiving, restoring, deletions, undoing and what another program wrote, they equal
/// orders built anew from the data, and the people list shows the same rows. Seeded.
@Suite struct PeopleOrderSyncTests {
    private static let queries = ["", "nguyen", "an", "a", "thi", "d", "đ", "van an", "zz", "p0", "thon", "ng h"]

    /// The order as ids and texts, slots left out: what must not depend on how it was made.
    private func expectSame(_ kept: PeopleOrder, _ data: Dataset, _ step: String) -> Bool {
        let fresh = PeopleOrder(data: data, seq: kept.seq)
        func ids(_ order: PeopleOrder, _ slots: [Int32]) -> [PersonID] { slots.map { order.entries[Int($0)].person.id } }
        guard ids(kept, kept.byName) == ids(fresh, fresh.byName), ids(kept, kept.byPlace) == ids(fresh, fresh.byPlace) else {
            Issue.record("orders differ after \(step)")
            return false
        }
        func tab(_ order: PeopleOrder, _ slot: Int) -> String {
            let t = order.tabOf[slot]
            return t < 0 ? "\(t)" : order.tabSlots.first { $0.value == t }!.key
        }
        for (a, b) in zip(kept.byName, fresh.byName) {
            let x = kept.entries[Int(a)], y = fresh.entries[Int(b)]
            guard x.person == y.person, x.folded == y.folded, x.place == y.place,
                  kept.archived[Int(a)] == fresh.archived[Int(b)], tab(kept, Int(a)) == tab(fresh, Int(b)),
                  kept.index.texts[Int(a)] == x.folded else {
                Issue.record("\(x.person.id) differs after \(step)")
                return false
            }
        }
        for text in Self.queries {
            let query = SearchQuery(text)
            let a = kept.index.matches(query), b = fresh.index.matches(query)
            let found = Set(kept.byName.filter { a.contains(Int($0)) }.map { kept.entries[Int($0)].person.id })
            let expected = Set(fresh.byName.filter { b.contains(Int($0)) }.map { fresh.entries[Int($0)].person.id })
            guard found == expected else {
                Issue.record("«\(text)» finds other people after \(step)")
                return false
            }
        }
        return true
    }

    /// The same for the units.
    private func expectSame(_ kept: UnitOrder, _ data: Dataset, _ step: String) -> Bool {
        let fresh = UnitOrder(data: data, seq: kept.seq)
        func ids(_ order: UnitOrder, _ slots: [Int32]) -> [UnitID] { slots.map { order.entries[Int($0)].unit.id } }
        guard ids(kept, kept.byName) == ids(fresh, fresh.byName), ids(kept, kept.byOrder) == ids(fresh, fresh.byOrder) else {
            Issue.record("unit orders differ after \(step)")
            return false
        }
        for (a, b) in zip(kept.byName, fresh.byName) {
            let x = kept.entries[Int(a)], y = fresh.entries[Int(b)]
            guard x.unit == y.unit, x.folded == y.folded, x.categoryName == y.categoryName, kept.index.texts[Int(a)] == x.folded else {
                Issue.record("\(x.unit.id) differs after \(step)")
                return false
            }
        }
        for text in Self.queries {
            let query = SearchQuery(text)
            let a = kept.index.matches(query), b = fresh.index.matches(query)
            let found = Set(kept.byName.filter { a.contains(Int($0)) }.map { kept.entries[Int($0)].unit.id })
            let expected = Set(fresh.byName.filter { b.contains(Int($0)) }.map { fresh.entries[Int($0)].unit.id })
            guard found == expected else {
                Issue.record("«\(text)» finds other units after \(step)")
                return false
            }
        }
        return true
    }

    /// The rows a list on this data shows, by id, in a new session (nothing kept).
    private func freshRows(_ h: AppHarness, _ screen: PersonListScreen) -> [PersonID] {
        let session = Session(backend: h.store, today: h.store.context.today)
        let fresh = PersonListScreen(session: session, unitID: screen.unitID)
        fresh.filter = screen.filter
        fresh.applyFilter()
        return fresh.shownIDs
    }

    @Test(arguments: [1, 2, 3])
    func followsEditsUndoAndAnotherProgram(seed: UInt64) throws {
        let hoa = try AppHarness(sample: true)
        let lan = try AppHarness(beside: hoa, user: "lan", host: "may2")
        try hoa.keys("2")
        let screen = try #require(hoa.app.top as? PersonListScreen)
        let session = hoa.app.session
        let builds = session.lists.peopleBuilds
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var inverses: [Change] = []
        var added = 0
        for round in 0..<120 {
            let data = hoa.data
            let people = data.people.values.sorted { $0.id < $1.id }
            let units = data.units.values.sorted { $0.id < $1.id }
            let person = pick(people)
            let names = ["Nguyễn Văn An", "Đặng Thị Đào", "Lê Minh", "Trần Thị Ánh Dương", "Phạm An", "Bùi Văn Đức"]
            var change: Change
            switch random.next() % 10 {
            case 0:
                added += 1
                change = .addPerson(person: Person(id: PersonID("T\(seed)-\(added)"), fullName: pick(names), gender: .female,
                                                   position: "Tổ viên", unitID: random.next() % 3 == 0 ? nil : pick(units).id, kind: .nguoiLaoDong))
            case 1:
                var renamed = person
                renamed.fullName = pick(names)
                change = .updatePerson(person: renamed)
            case 2:
                var moved = person
                moved.unitID = random.next() % 4 == 0 ? nil : pick(units).id
                change = .updatePerson(person: moved)
            case 3: change = .setPersonArchived(id: person.id, archived: !person.archived)
            case 4: change = .removePerson(id: person.id)
            case 5:
                var unit = pick(units)
                unit.name = "Thôn \(pick(names))"
                unit.order = Int(random.next() % 50)
                change = .updateUnit(unit: unit)
            case 8:
                added += 1
                change = .addUnit(unit: OrgUnit(id: UnitID("TDV\(seed)-\(added)"), name: "Thôn \(pick(names))",
                                                categoryID: pick(data.categories).id, order: Int(random.next() % 50)))
            case 9:
                let unit = pick(units)
                change = random.next() % 3 == 0 ? .removeUnit(id: unit.id) : .setUnitArchived(id: unit.id, archived: !unit.archived)
            case 6:
                guard let undo = inverses.popLast() else { continue }
                change = undo
            default:
                // Another program writes; this one brings it in at its next idle.
                var renamed = person
                renamed.position = pick(["Trưởng thôn", "Đoàn viên", "Hội viên"])
                renamed.fullName = pick(names)
                _ = try? lan.store.commit(.updatePerson(person: renamed))
                _ = hoa.app.idle()
                guard expectSame(session.lists.people(session.view), hoa.data, "round \(round): another program") else { return }
                continue
            }
            if let applied = try? hoa.store.commit(change) {
                if case .updatePerson = change { inverses.append(applied.inverse) }
                if case .setPersonArchived = change { inverses.append(applied.inverse) }
                if case .updateUnit = change { inverses.append(applied.inverse) }
            }
            screen.dataChanged(session: session)
            if round % 10 == 0 { try hoa.keys(pick(["s", "h", "]", "["])) }
            guard expectSame(session.lists.people(session.view), hoa.data, "round \(round): \(change)"),
                  expectSame(session.lists.units(session.view), hoa.data, "round \(round): \(change)") else { return }
            #expect(screen.shownIDs == freshRows(hoa, screen), "round \(round)")
        }
        #expect(session.lists.peopleBuilds == builds, "every change taken in person by person")
        #expect(session.lists.unitBuilds == 1, "every change taken in unit by unit")
        // A khối changed: built anew, and still the same.
        var category = try #require(hoa.data.categories.first)
        category.order += 100
        try hoa.store.commit(.updateCategory(category: category))
        screen.dataChanged(session: session)
        #expect(session.lists.peopleBuilds == builds + 1)
        _ = expectSame(session.lists.people(session.view), hoa.data, "a khối changed")
        _ = expectSame(session.lists.units(session.view), hoa.data, "a khối changed")
        #expect(screen.shownIDs == freshRows(hoa, screen))
    }

    /// Edits past what a key may read directly: the index is built anew and still answers the same.
    @Test func editableIndexAnswersLikeAFreshOne() {
        var random = SeededGenerator(seed: 9)
        let words = ["nguyen", "van", "an", "thi", "dao", "le", "minh", "tran", "anh", "duong"]
        func text() -> String { (0..<3).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") }
        var texts = (0..<300).map { _ in text() }
        var index = EditableSearchIndex(folded: texts)
        for step in 0..<400 {
            let position = Int(random.next() % UInt64(texts.count + 1))
            let t = text()
            if position == texts.count { texts.append(t) } else { texts[position] = t }
            index.set(t, at: position)
            if step % 150 == 149 { index = index.compacted() }
            let fresh = SearchIndex(folded: texts)
            for q in ["", "an", "a", "nguyen van", "anh d", "x", "n"] {
                #expect(index.matches(SearchQuery(q)) == fresh.matches(SearchQuery(q)), "«\(q)» at step \(step)")
            }
        }
    }
}
