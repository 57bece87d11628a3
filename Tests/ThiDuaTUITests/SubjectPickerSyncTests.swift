import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The pickers of every unit and person read the session's kept orders and indexes instead of
/// sorting and indexing 115,000 candidates themselves. After any mix of changes (through the
/// one `Change` path, and from another program), an open picker shows exactly what a full
/// build shows: every candidate in Vietnamese name order (collectives first, `sortedByName`),
/// filtered by reading every candidate's name and code. Seeded.
@Suite struct SubjectPickerSyncTests {
    private static let queries = ["", "nguyen", "an", "a", "thi", "đ", "van an", "zz", "cn0", "dv00", "thon", "ng h",
                                  "hong", "nguyen hong", "phong", "n cn00"]

    /// What a picker on `data` must show for `query`: built from nothing, every text read.
    private func fullBuild(_ data: Dataset, query typed: String, includeArchived: Bool) -> [Subject] {
        let query = SearchQuery(typed)
        var candidates: [Subject] = []
        for unit in data.units.values where includeArchived || !unit.archived { candidates.append(.unit(unit.id)) }
        for person in data.people.values where includeArchived || !person.archived { candidates.append(.person(person.id)) }
        var shown: [Subject] = []
        for subject in data.sortedByName(candidates) {
            let nameAndCode: String = data.name(of: subject) + " " + subject.code
            if query.matches(unfolded: nameAndCode) { shown.append(subject) }
        }
        return shown
    }

    /// Types each query into the open picker (empty when called), compares with the full
    /// build, and clears it again with Esc.
    private func expectSame(_ h: AppHarness, _ visible: () -> [SubjectList.Candidate], includeArchived: Bool,
                            _ step: String) throws -> Bool {
        for text in Self.queries {
            if !text.isEmpty { try h.keys("\"\(text)\"") }
            defer { if !text.isEmpty { _ = try? h.keys("Esc") } }
            let shown = visible()
            let expected = fullBuild(h.data, query: text, includeArchived: includeArchived)
            guard shown.map(\.subject) == expected else {
                Issue.record("«\(text)» shows other candidates after \(step): \(shown.count) shown, \(expected.count) expected")
                return false
            }
            guard shown.map(\.name) == expected.map(h.data.name(of:)),
                  shown.map(\.archived) == expected.map(isArchived(h.data)) else {
                Issue.record("«\(text)» shows other names after \(step)")
                return false
            }
        }
        return true
    }

    private func isArchived(_ data: Dataset) -> (Subject) -> Bool {
        { subject in
            switch subject {
            case .unit(let id): return data.units[id]?.archived ?? false
            case .person(let id): return data.people[id]?.archived ?? false
            }
        }
    }

    /// One random change of a person or unit, as `PeopleOrderSyncTests` makes them.
    private func randomChange(_ data: Dataset, _ random: inout SeededGenerator, _ added: inout Int) -> Change {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let people = data.people.values.sorted { $0.id < $1.id }
        let units = data.units.values.sorted { $0.id < $1.id }
        let person = pick(people)
        let names = ["Nguyễn Văn An", "Đặng Thị Đào", "Lê Minh", "Trần Thị Ánh Dương", "Phạm An", "Bùi Văn Đức"]
        switch random.next() % 8 {
        case 0:
            added += 1
            return .addPerson(person: Person(id: PersonID("T-\(added)"), fullName: pick(names), gender: .female,
                                             position: "Tổ viên", unitID: random.next() % 3 == 0 ? nil : pick(units).id,
                                             kind: .nguoiLaoDong))
        case 1:
            var renamed = person
            renamed.fullName = pick(names)
            return .updatePerson(person: renamed)
        case 2: return .setPersonArchived(id: person.id, archived: !person.archived)
        case 3: return .removePerson(id: person.id)
        case 4:
            var unit = pick(units)
            unit.name = "Thôn \(pick(names))"
            return .updateUnit(unit: unit)
        case 5:
            added += 1
            return .addUnit(unit: OrgUnit(id: UnitID("TDV-\(added)"), name: "Thôn \(pick(names))",
                                          categoryID: pick(data.categories).id, order: Int(random.next() % 50)))
        case 6:
            let unit = pick(units)
            return random.next() % 3 == 0 ? .removeUnit(id: unit.id) : .setUnitArchived(id: unit.id, archived: !unit.archived)
        default:
            var moved = person
            moved.unitID = random.next() % 4 == 0 ? nil : pick(units).id
            return .updatePerson(person: moved)
        }
    }

    @Test(arguments: [1, 2])
    func theNomineePickerFollowsChanges(seed: UInt64) throws {
        let h = try AppHarness(sample: true)
        let lan = try AppHarness(beside: h, user: "lan", host: "may2")
        try h.keys("6 F7")
        let picker = try #require(h.app.top as? NomineePickerScreen)
        let session = h.app.session
        let builds = session.lists.peopleBuilds
        var random = SeededGenerator(seed: seed)
        var added = 0
        guard try expectSame(h, { picker.visible }, includeArchived: false, "opening") else { return }
        for round in 0..<30 {
            let change = randomChange(h.data, &random, &added)
            if round % 3 == 2 {
                // Another program writes; this one brings it in at its next idle.
                _ = try? lan.store.commit(change)
                _ = h.app.idle()
            } else {
                _ = try? h.store.commit(change)
                picker.dataChanged(session: session)
            }
            guard try expectSame(h, { picker.visible }, includeArchived: false, "round \(round): \(change)") else { return }
        }
        #expect(session.lists.peopleBuilds == builds, "every change taken in person by person")
    }

    @Test func theSubjectPickerOffersArchivedOnesToo() throws {
        let h = try AppHarness(sample: true)
        let session = h.app.session
        var random = SeededGenerator(seed: 7)
        var added = 0
        for _ in 0..<10 { _ = try? h.store.commit(randomChange(h.data, &random, &added)) }
        try h.keys("7 Down Down Down Down Down Enter Left Tab Enter")
        let picker = try #require(h.app.top as? SubjectPickerScreen)
        guard try expectSame(h, { picker.visible }, includeArchived: true, "opening") else { return }
        for round in 0..<10 {
            let change = randomChange(h.data, &random, &added)
            _ = try? h.store.commit(change)
            picker.dataChanged(session: session)
            guard try expectSame(h, { picker.visible }, includeArchived: true, "round \(round): \(change)") else { return }
        }
    }

    /// A change while the picker is open keeps the chosen row chosen.
    @Test func aChangeKeepsTheSelection() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 F7 Down Down Down")
        let picker = try #require(h.app.top as? NomineePickerScreen)
        let chosen = try #require(picker.selected)
        var person = try #require(h.data.people.values.sorted { $0.id < $1.id }.first)
        person.fullName = "A A"
        try h.store.commit(.updatePerson(person: person))
        picker.dataChanged(session: h.app.session)
        #expect(picker.selected?.subject == chosen.subject)
    }

    /// The person form offers the units in the kept name order: what sorting them gives.
    @Test func thePersonFormOffersUnitsInNameOrder() throws {
        let h = try AppHarness(sample: true)
        var unit = try #require(h.data.units.values.sorted { $0.id < $1.id }.last)
        unit.name = "Ấp Một"
        try h.store.commit(.updateUnit(unit: unit))
        try h.keys("2 a")
        let form = try #require(h.app.top as? PersonFormScreen)
        guard case .choice(let field)? = form.form.items.first(where: { $0.id == "unit" })?.field else {
            Issue.record("no unit choice")
            return
        }
        let expected = h.data.units.values.filter { !$0.archived }.sorted { $0.id < $1.id }.sortedVietnamese(by: \.name)
        #expect(field.options == [PersonFormScreen.noUnit] + expected.map(\.name))
    }

    /// Right after the folder opens the people are sorted on another thread: the people list
    /// and a picker opened before that is done say so at once (never a part of the list as if
    /// it were all) and fill, as a fresh build shows, once it is done.
    @Test func listsOpenedWhileThePeopleAreSortedFillWhenDone() throws {
        let h = try AppHarness(sample: true)
        let session = h.app.session
        let gate = DispatchSemaphore(value: 0)
        session.lists.prepare(session.view, gate: gate)
        try h.keys("2")
        let list = try #require(h.app.top as? PersonListScreen)
        #expect(list.isWaiting)
        #expect(list.shownIDs.isEmpty)
        #expect(h.text(80, 24).contains(PersonListScreen.waitingNotice))
        #expect(h.app.idleInterval == 20, "looks often while a screen waits")
        try h.keys("Esc 6 F7")
        let picker = try #require(h.app.top as? NomineePickerScreen)
        #expect(picker.visible.isEmpty)
        #expect(h.text(100, 30).contains(SubjectList.waitingNotice))
        gate.signal()
        // Waits for both builds, so that the next look finds them done.
        _ = session.lists.people(session.view)
        _ = session.lists.units(session.view)
        #expect(h.app.idle(), "the screens are told and the screen is drawn again")
        #expect(h.app.idleInterval == 250)
        #expect(!h.text(100, 30).contains(SubjectList.waitingNotice))
        #expect(picker.visible.map(\.subject) == fullBuild(h.data, query: "", includeArchived: false))
        try h.keys("Esc Esc 2")
        let reopened = try #require(h.app.top as? PersonListScreen)
        #expect(!reopened.isWaiting)
        #expect(reopened.shownIDs.count == h.data.people.values.filter { !$0.archived }.count)
    }
}

extension SubjectPickerSyncTests {
    /// The lists' search texts, folded in two parts so the pickers can read the name and code
    /// alone, are still the fold of the whole text: the lists find what they found.
    @Test func theListsSearchTextsAreTheFoldOfTheWholeText() throws {
        let h = try AppHarness(sample: true)
        let data = h.data
        for entry in PeopleOrder(data: data, seq: 0).entries {
            let p = entry.person
            #expect(entry.folded == VietnameseText.searchFold("\(p.fullName) \(p.id.rawValue) \(p.position) \(entry.place)"))
            #expect(entry.folded.utf8.prefix(entry.nameEnd).elementsEqual(VietnameseText.searchFold("\(p.fullName) \(p.id.rawValue)").utf8))
        }
        for entry in UnitOrder(data: data, seq: 0).entries {
            let u = entry.unit
            #expect(entry.folded == VietnameseText.searchFold("\(u.name) \(u.id.rawValue) \(u.head) \(u.phone)"))
            #expect(entry.folded.utf8.prefix(entry.nameEnd).elementsEqual(VietnameseText.searchFold("\(u.name) \(u.id.rawValue)").utf8))
        }
    }
}

extension SubjectPickerSyncTests {
    /// One `ScoreSnapshots` for many subjects (each block ranked once) gives what ranking the
    /// subject's block for each one gives.
    @Test func snapshotsRankEachBlockOnceWithTheSameAnswers() throws {
        let h = try AppHarness(sample: true)
        let data = h.data
        for period in [Period.year(2025), .year(2026)] {
            let snapshots = ScoreSnapshots(period: period)
            let year = period.referenceYear(settings: data.settings)
            let subjects = data.units.values.map { Subject.unit($0.id) } + data.people.values.map { Subject.person($0.id) }
            var ranked = 0
            for subject in subjects {
                var expected: ScoreSnapshot?
                if let totals = data.totals(of: subject, year: year) {
                    var block: String?
                    if case .unit(let id) = subject { block = data.units[id]?.categoryID }
                    let entry = data.ranking(year: year, categoryID: block, nameOrder: data.vietnameseNameOrder)
                        .first { $0.subject == subject }
                    expected = ScoreSnapshot(year: year, total: entry?.total ?? totals.total,
                                             className: entry?.className ?? data.rules.className(for: totals.total), rank: entry?.rank)
                    if entry != nil { ranked += 1 }
                }
                #expect(snapshots.snapshot(of: subject, in: data) == expected, "\(subject) in \(period)")
            }
            if period == .year(2025) { #expect(ranked > 0, "the sample has ranked subjects") }
        }
    }
}

extension SubjectPickerSyncTests {
    /// The nominee picker keeps its rankings across a change that only renamed people; whenever
    /// `stillHolds` says so, every answer equals that of rankings made anew, and archiving a
    /// ranked person (which takes them out of the ranking) is never kept.
    @Test func snapshotsKeptAcrossPeopleChangesAnswerAsNewOnes() throws {
        let h = try AppHarness(sample: true)
        for period in [Period.year(2025), .year(2026)] {
            let year = period.referenceYear(settings: h.data.settings)
            let snapshots = ScoreSnapshots(period: period)
            func subjects() -> [Subject] {
                h.data.units.keys.sorted().map(Subject.unit) + h.data.people.keys.sorted().map(Subject.person)
            }
            for subject in subjects() { _ = snapshots.snapshot(of: subject, in: h.data) }
            let ranked = h.data.people.values.map(\.id).sorted()
                .filter { h.data.rankedTotals(of: .person($0), year: year, inBlock: nil) != nil }
            let unranked = h.data.people.values.map(\.id).sorted().filter { !ranked.contains($0) }
            let firstRanked = try #require(ranked.first)
            var renamed = try #require(h.data.people[firstRanked])
            renamed.fullName = "Ân Thị Ánh \(year)"
            renamed.givenName = nil
            let steps: [(Change, keeps: Bool)] = [
                (.updatePerson(person: renamed), true),
                (.setPersonArchived(id: try #require(unranked.first), archived: true), true),
                (.setPersonArchived(id: ranked[1], archived: true), false),
            ]
            for (change, keeps) in steps {
                let before = h.store.appliedSeq
                try h.store.commit(change)
                let touched = try #require(h.store.recordsTouched(after: before))
                #expect(snapshots.stillHolds(after: touched, in: h.data) == keeps, "\(change)")
                guard keeps else { break }
                let fresh = ScoreSnapshots(period: period)
                for subject in subjects() {
                    #expect(snapshots.snapshot(of: subject, in: h.data) == fresh.snapshot(of: subject, in: h.data), "\(subject)")
                }
            }
        }
    }
}
