import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The grid takes in changed sheets one row at a time instead of building itself anew; after
/// any mix of keys — scores typed and cleared, undo, redo, rank order, another khối — and of
/// what another program wrote, it shows exactly what a grid built anew from the data shows.
/// Seeded, so a failure reproduces.
@Suite struct ScoreGridSyncTests {
    private func expectSameAsBuiltAnew(_ grid: ScoreGridScreen, _ data: Dataset, _ step: String) -> Bool {
        let fresh = ScoreGridModel(data: data, year: grid.year, tab: grid.model.tab, sort: grid.sort)
        let model = grid.model
        guard model.rows.map(\.subject) == fresh.rows.map(\.subject) else {
            Issue.record("rows differ after \(step)")
            return false
        }
        for (kept, built) in zip(model.rows, fresh.rows)
        where kept.sheet != built.sheet || kept.scores != built.scores || model.ranked(kept) != fresh.ranked(built) {
            Issue.record("row \(kept.name) differs after \(step)")
            return false
        }
        #expect(model.ranking.entries == fresh.ranking.entries)
        #expect(grid.focusedRow?.subject == grid.model.rows[grid.row].subject)
        return true
    }

    /// The grid takes its name order from the session's kept lists; after names change and
    /// subjects are archived, each khối and the individuals show what a grid sorted anew shows.
    @Test func nameOrderFromTheKeptListsIsTheSortedOne() throws {
        let h = try AppHarness(sample: true)
        try h.keys("2 Escape 1 Escape 4")
        let grid = try #require(h.app.stack.last as? ScoreGridScreen)
        let units = h.data.units.values.sorted { $0.id < $1.id }
        let people = h.data.people.values.sorted { $0.id < $1.id }
        var renamed = units[0], moved = people[1]
        renamed.name = "Ấp Ê Đê"
        moved.fullName = "Đỗ Thị Ánh"
        moved.givenName = nil
        try h.store.commit(.batch(label: "Sửa tên", changes: [
            .updateUnit(unit: renamed), .updatePerson(person: moved),
            .setUnitArchived(id: units[1].id, archived: true), .setPersonArchived(id: people[0].id, archived: true),
        ]))
        h.app.top.dataChanged(session: h.app.session)
        for _ in 0..<grid.tabs.count {
            let fresh = ScoreGridModel(data: h.data, year: grid.year, tab: grid.model.tab, sort: grid.sort)
            #expect(grid.model.rows.map(\.subject) == fresh.rows.map(\.subject), "\(grid.model.tab.title)")
            #expect(grid.model.rows.map(\.name) == fresh.rows.map(\.name), "\(grid.model.tab.title)")
            try h.keys("]")
        }
    }

    private static let steps = ["Down", "Up", "Down Down Down", "Right", "Left", "\"7\" Enter", "\"15\" Enter",
                                "\"0\" Enter", "\"3,5\" Tab", "\"12\" Enter Up", "x", "u", "C-r", "u u", "v", "s", "PgDn"]

    @Test(arguments: ["] ]", "["])
    func followsTypedScoresUndoAndRedo(tabs: String) throws {
        let h = try AppHarness(sample: true)
        try h.keys("4 " + tabs)
        let grid = try #require(h.app.stack.last as? ScoreGridScreen)
        var random = SeededGenerator(seed: tabs.count == 1 ? 3 : 5)
        var script: [String] = []
        for _ in 0..<150 {
            let step = Self.steps[Int(random.next() % UInt64(Self.steps.count))]
            script.append(step)
            let rebuilds = grid.rebuilds
            try h.keys(step)
            if grid.editor != nil { try h.keys("Esc") }
            guard expectSameAsBuiltAnew(grid, h.data, script.joined(separator: " ")) else { return }
            if step != "s" { #expect(grid.rebuilds == rebuilds, "«\(step)» took the changed rows in") }
        }
        #expect(h.data.sheets.values.contains { $0.items.values.contains { $0.selfScore == Points(15) } })
    }

    @Test func followsWhatAnotherProgramWrites() throws {
        let hoa = try AppHarness(sample: true, joinSessions: true)
        let lan = try AppHarness(beside: hoa, user: "lan", host: "may2", joinSessions: true)
        try hoa.keys("4 ] ]")
        try lan.keys("4 ] ] s")
        let grid = try #require(lan.app.stack.last as? ScoreGridScreen)
        var random = SeededGenerator(seed: 17)
        let rebuilds = grid.rebuilds
        for round in 0..<30 {
            for _ in 0..<3 {
                try hoa.keys(Self.steps[Int(random.next() % UInt64(Self.steps.count))])
                if (hoa.app.top as? ScoreGridScreen)?.editor != nil { try hoa.keys("Esc") }
            }
            // lan types too: her commit brings in hoa's lines first.
            if round % 4 == 0 { try lan.keys("Down \"9\" Enter") }
            _ = lan.app.idle()
            guard expectSameAsBuiltAnew(grid, lan.data, "round \(round)") else { return }
        }
        #expect(grid.rebuilds == rebuilds, "scores from either program are taken in row by row")
        // A unit archived elsewhere: not a sheet, so the grid builds itself anew.
        let unit = try #require(grid.model.rows.last?.subject)
        guard case .unit(let id) = unit else { return }
        let store = try DataStore.open(folder: hoa.folder, options: .init(createIfMissing: false))
        try store.commit(.setUnitArchived(id: id, archived: true))
        try store.close()
        _ = lan.app.idle()
        #expect(!grid.model.rows.contains { $0.subject == unit })
        #expect(grid.rebuilds == rebuilds + 1)
        _ = expectSameAsBuiltAnew(grid, lan.data, "archiving")
    }
}
