import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// Marking rows of the score grid and moving or locking their sheets in one step: the
/// preview lists what changes and what is blocked and why, a reason asked once covers the
/// sheets that need one, only what is allowed is applied, and one undo takes it all back.
@Suite struct ScoreGridBulkTests {
    private func open(_ script: String = "") throws -> (AppHarness, ScoreGridScreen) {
        let h = try AppHarness(sample: true)
        try h.keys("4 " + script)
        let grid = try #require(h.app.stack.last as? ScoreGridScreen)
        return (h, grid)
    }

    private func states(_ data: Dataset, _ subjects: [Subject]) -> [SheetState?] {
        subjects.map { data.sheets[SheetKey(year: 2026, subject: $0)]?.state }
    }

    @Test func spaceMarksRowsAndTheBarCountsThem() throws {
        let (h, grid) = try open("Space Space")
        #expect(grid.marks.count == 2 && grid.row == 2)
        #expect(h.text().contains("■ 2 dòng"))
        #expect(h.text().contains("■ " + grid.model.rows[0].name.prefix(10)))
        try h.keys("k Space")
        #expect(grid.marks.count == 1, "Space on a marked row unmarks it")
        try h.keys("*")
        #expect(grid.marks.count == grid.model.rows.count)
        try h.keys("*")
        #expect(grid.marks.isEmpty)
    }

    @Test func lockingAWholeKhoiPreviewsAppliesWhatIsAllowedAndUndoesInOneStep() throws {
        let (h, grid) = try open()
        let subjects = grid.model.rows.map(\.subject)
        let before = h.data
        let plan = SheetTransition.lock.plan(year: 2026, subjects: subjects, in: before, context: h.app.session.context)
        #expect(!plan.ready.isEmpty, "the sample has sheets ready to lock")
        try h.keys("* K")
        let text = h.text(120, 40)
        #expect(text.contains(plan.title))
        #expect(text.contains("Sẽ áp dụng cho \(plan.ready.count) phiếu."))
        if !plan.blocked.isEmpty { #expect(text.contains("Không áp dụng cho \(plan.blocked.count) phiếu:")) }
        try h.keys("c")  // «Có», or «Chỉ N phiếu» when some need a reason: both start with c
        let after = h.data
        for (subject, state) in zip(subjects, states(after, subjects)) {
            let wasReady = plan.ready.contains(before.name(of: subject))
            #expect((state == .locked) == (wasReady || before.sheets[SheetKey(year: 2026, subject: subject)]?.state == .locked),
                    "\(before.name(of: subject))")
        }
        #expect(h.app.message.contains("đã lưu. u để hoàn tác cả nhóm"))
        #expect(grid.marks.isEmpty)
        #expect(try h.reopened().sheets == after.sheets, "durable")
        try h.keys("u")
        #expect(h.data.sheets == before.sheets, "one undo takes the whole batch back")
    }

    @Test func aReasonAskedOnceCoversEverySheetThatNeedsOne() throws {
        let (h, grid) = try open()
        // Two rows with sheets: one is given items unappraised here, the other made ready.
        let rows = grid.model.rows.indices.filter { grid.model.rows[$0].sheet != nil }.prefix(2)
        #expect(rows.count == 2)
        let subjects = rows.map { grid.model.rows[$0].subject }
        let context = h.app.session.context
        let first = subjects[0], second = subjects[1]
        var partial = try #require(h.data.sheets[SheetKey(year: 2026, subject: first)])
        let set = try #require(h.data.criteriaSet(for: partial))
        partial.state = .draft
        partial.items[set.items[0].code]?.appraised = nil
        try h.store.commit(.putSheet(sheet: partial))
        var full = try #require(h.data.sheets[SheetKey(year: 2026, subject: second)])
        full.state = .submitted
        for item in set.items where item.kind == .normal { full.items[item.code] = ItemScore(done: true, selfScore: 1, appraised: 1) }
        try h.store.commit(.putSheet(sheet: full))
        grid.dataChanged(session: h.app.session)
        let plan = SheetTransition.lock.plan(year: 2026, subjects: subjects, in: h.data, context: context)
        #expect(plan.needingReason.map(\.label) == [h.data.name(of: first)])
        #expect(plan.ready == [h.data.name(of: second)])

        let marking = (0...rows.last!).map { rows.contains($0) ? "Space" : "j" }.joined(separator: " ")
        try h.keys(marking + " K")
        #expect(h.text(120, 40).contains("1 phiếu cần ghi lý do"))
        try h.keys("g")
        #expect(h.app.top is PromptScreen)
        try h.keys("Enter")
        #expect(h.app.top is PromptScreen, "a blank reason is refused and the prompt stays")
        try h.keys("\"Hội đồng thống nhất\" Enter")
        #expect(states(h.data, subjects) == [.locked, .locked])
        let trail = try h.store.auditTrail().entries
        guard case .batch(let label, let changes)? = trail.last?.change else { Issue.record("not a batch"); return }
        #expect(label == plan.title)
        #expect(changes == [
            .setSheetState(year: 2026, subject: first, state: .locked, reason: "Hội đồng thống nhất"),
            .setSheetState(year: 2026, subject: second, state: .locked, reason: ""),
        ])
    }

    @Test func nothingToLockSaysWhyWithoutADialog() throws {
        let (h, grid) = try open()
        let index = try #require(grid.model.rows.indices.first { grid.model.rows[$0].sheet != nil })
        let subject = grid.model.rows[index].subject
        try h.store.commit(.setSheetState(year: 2026, subject: subject, state: .locked, reason: "Khóa để thử"))
        grid.dataChanged(session: h.app.session)
        try h.keys(String(repeating: "j ", count: index) + "K")
        #expect(h.app.modal == nil)
        #expect(h.app.message.contains("không phiếu nào chuyển được") && h.app.message.contains("phiếu đã khóa."))
    }
}
