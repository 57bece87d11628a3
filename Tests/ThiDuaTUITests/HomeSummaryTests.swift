import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The home screen counts in one pass per table, without gathering records; its figures must
/// be what the plain definitions give, also once subjects with and without sheets are archived.
@Suite struct HomeSummaryTests {
    static func expectDefinitions(_ data: Dataset, year: Int, today: CalendarDate) {
        let summary = HomeSummary(data: data, year: year, today: today)
        let units = data.units.values.filter { !$0.archived }, people = data.people.values.filter { !$0.archived }
        let sheets = data.sheets.values.filter { $0.year == year }
        let scored = Set(sheets.map(\.subject))
        let active = units.map { Subject.unit($0.id) } + people.map { Subject.person($0.id) }
        #expect(summary.activeUnits == units.count)
        #expect(summary.activePeople == people.count)
        #expect(summary.subjectsWithoutSheet == active.filter { !scored.contains($0) }.count)
        #expect(summary.sheetsByState == Dictionary(grouping: sheets, by: \.state).mapValues(\.count))
        #expect(summary.categories.map(\.units) == data.categories.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
            .map { category in units.filter { $0.categoryID == category.id }.count })
    }

    @Test func countsAreThoseOfTheDefinitions() throws {
        let h = try AppHarness(sample: true, today: (2026, 12, 2))
        let today = try CalendarDate(year: 2026, month: 12, day: 2)
        Self.expectDefinitions(h.data, year: 2026, today: today)
        let sheets = h.data.sheets.values.filter { $0.year == 2026 }.sorted { $0.key < $1.key }
        let scoredUnit = try #require(sheets.lazy.compactMap { sheet -> UnitID? in
            if case .unit(let id) = sheet.subject { id } else { nil }
        }.first)
        let scoredIDs = Set(sheets.map(\.subject))
        let unscoredPerson = try #require(h.data.people.values.map(\.id).sorted().first { !scoredIDs.contains(.person($0)) })
        try h.store.commit(.setUnitArchived(id: scoredUnit, archived: true))
        try h.store.commit(.setPersonArchived(id: unscoredPerson, archived: true))
        Self.expectDefinitions(h.data, year: 2026, today: today)
        Self.expectDefinitions(h.data, year: 2025, today: today)
    }
}
