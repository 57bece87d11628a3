import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// Results travel as typed messages to the screen that asked: `update(key)` describes the
/// I/O as effects without running it, `perform` runs one and hands its result back, and what
/// the screen then asks for comes back from `perform` as more effects — never run out of sight.
@Suite struct ScreenMessageTests {
    private func openGrid(_ h: AppHarness) throws -> ScoreGridScreen {
        try h.keys("4")
        return try #require(h.app.stack.last as? ScoreGridScreen)
    }

    @Test func aScoreIsACommitEffectForTheGridAndItsOutcomeMovesTheFocus() throws {
        let h = try AppHarness(sample: true)
        let grid = try openGrid(h)
        let subject = grid.model.rows[0].subject, code = grid.model.items[0].code
        try h.keys("7")
        let effects = h.app.update(.enter)
        // One effect: the commit, for the grid; nothing is on disk before it runs.
        #expect(effects.count == 1)
        guard case .commit(.setScore(2026, subject, code, .selfScore, let value), .edit, _, let deliver)? = effects.first else {
            Issue.record("expected the score's commit, got \(effects)")
            return
        }
        #expect(value == Points(7))
        #expect(deliver.screen === grid)
        #expect(h.data.sheets[SheetKey(year: 2026, subject: subject)]?.items[code]?.selfScore != Points(7))
        #expect(grid.editor != nil && grid.row == 0)
        // Running it saves, and the grid's message (`.saved(move: .down)`) moves the focus.
        let next = h.app.perform(effects[0])
        #expect(next.isEmpty)
        #expect(h.data.sheets[SheetKey(year: 2026, subject: subject)]?.items[code]?.selfScore == Points(7))
        #expect(grid.editor == nil && grid.row == 1)
        #expect(h.app.message.hasPrefix("Đã lưu tự chấm \(code)"))
    }

    @Test func aRefusedCommitKeepsTheCellOpenWithTheTypedText() throws {
        let h = try AppHarness(sample: true)
        let grid = try openGrid(h)
        try h.keys("\"8\"")
        let before = grid.row
        // The grid's own reading of a refusal, fed as its message.
        let refusal = CommitError.io("ổ đĩa đầy")
        _ = grid.update(.saved(.failure(refusal), move: .down), session: h.app.session)
        #expect(grid.editor?.text.value == "8" && grid.row == before)
        #expect(grid.hint?.contains("Enter lưu") == true)
    }

    @Test func aDialogAnswerReachesTheScreenThatAskedWithWhatItAskedAbout() throws {
        let h = try AppHarness(sample: true)
        try h.keys("1")
        let list = try #require(h.app.stack.last as? UnitListScreen)
        let unit = try #require(list.selectedUnit)
        let actions = list.perform(.remove, session: h.app.session)
        guard case .confirm(let dialog, let reply)? = actions.first else {
            Issue.record("expected a question, got \(actions)")
            return
        }
        #expect(dialog.title.contains("đơn vị"))
        // The answer names the unit asked about, whatever is selected by the time it comes.
        guard case .removal(unit.id, _) = reply(Dialog.yes) else {
            Issue.record("the answer does not name \(unit.id)")
            return
        }
    }

    @Test func aFormOpenedWithPresentAnswersTheListThatOpenedIt() throws {
        let h = try AppHarness(sample: true)
        try h.keys("1 F7")
        let form = try #require(h.app.stack.last as? UnitFormScreen)
        h.type("Thôn Khuổi Mèo")
        try h.keys("F2")
        #expect(!h.app.stack.contains { $0 === form })
        let list = try #require(h.app.stack.last as? UnitListScreen)
        #expect(list.selectedUnit?.name == "Thôn Khuổi Mèo")
        #expect(h.app.message.hasPrefix("Đã lưu đơn vị «Thôn Khuổi Mèo»"))
    }

    @Test func theHistoryLoadsItsOwnTrailWhenItOpens() throws {
        let h = try AppHarness(sample: true)
        try h.keys("1 F7")
        h.type("Tổ dân phố Số 3")
        try h.keys("F2 Esc")
        // Opening the history asks for the trail for the history screen itself.
        let effects = h.app.update(.char("8"))
        let history = try #require(h.app.stack.last as? HistoryScreen)
        guard case .loadAuditTrail(let deliver)? = effects.first else {
            Issue.record("expected the trail to be read, got \(effects)")
            return
        }
        #expect(deliver.screen === history)
        #expect(h.app.run(effects).count == 1)
        #expect(history.entries.last?.summary.contains("Tổ dân phố Số 3") == true)
    }

    @Test func anUndoReportsToTheStatusLineWithoutAnyScreen() throws {
        let h = try AppHarness(sample: true)
        let grid = try openGrid(h)
        try h.keys("\"6\" Enter")
        let effects = h.app.update(.char("u"))
        guard case .commit(_, .undo, _, let deliver)? = effects.first else {
            Issue.record("expected the undo's commit, got \(effects)")
            return
        }
        #expect(deliver.screen == nil)
        h.app.run(effects)
        #expect(h.app.message.hasPrefix("Đã hoàn tác"))
        #expect(grid.editor == nil)
    }
}
