import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI
import ThiDuaTestSupport

/// Issue 16's bulk step on the real binary under tmux, over the sample commune: mark the whole
/// Khối Đảng in the score grid, lock its sheets in one step — the preview reports the one unit
/// without a sheet and asks one reason for the sheets with items not appraised — then take the
/// whole step back with one undo. What is on disk after quitting is checked too.
@Suite(.timeLimit(.minutes(1)))
struct BulkLockEndToEndTests {
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func lockAWholeKhoiInOneStepAndUndoItInOne() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        try PreRoundSample.initialize(folder: folder.data)
        let before = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        let khoi = before.units.values.filter { $0.categoryID == "dang-uy" && !$0.archived }
        let withSheet = khoi.filter { before.sheets[SheetKey(year: 2026, subject: .unit($0.id))] != nil }
        let withoutSheet = try #require(khoi.filter { before.sheets[SheetKey(year: 2026, subject: .unit($0.id))] == nil }.first)
        #expect(withSheet.count == khoi.count - 1, "the sample's Khối Đảng has one unit not scored yet")

        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder, width: 120, height: 40)
            try tmux.sendKeys("4")
            try tmux.waitFor("◀ Khối Đảng ▶")
            try tmux.type("*")
            try tmux.waitFor("Đã đánh dấu cả Khối Đảng (\(khoi.count) dòng)")
            try tmux.waitFor("■ \(khoi.count) dòng")
            try tmux.type("K")
            try tmux.waitFor("Khóa \(khoi.count) phiếu chấm năm 2026")
            try tmux.waitFor("Không áp dụng cho 1 phiếu:")
            try tmux.waitForLine(containing: [withoutSheet.name, "chưa có phiếu chấm năm 2026."])
            try tmux.waitFor("cần ghi lý do")
            try tmux.type("g")
            try tmux.waitFor("Lý do được ghi vào lịch sử của từng phiếu")
            try tmux.type("Hội đồng thống nhất khóa")
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Khóa \(khoi.count) phiếu chấm năm 2026: đã lưu. u để hoàn tác cả nhóm.")
            for unit in withSheet { try tmux.waitForLine(containing: [unit.name.prefix(20).description, "[khóa]"]) }

            try tmux.type("u")
            try tmux.waitFor("Đã hoàn tác: Khóa \(khoi.count) phiếu chấm năm 2026")
            #expect(!(try tmux.screen()).contains("[khóa]"), "one undo unlocks every sheet of the step")
            try tmux.type("u")
            try tmux.waitFor("Không còn thay đổi nào để hoàn tác trong phiên này.")
            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        let after = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true))
        #expect(after.dataset.sheets == before.sheets, "the undone lock is undone on disk too")
        let trail = try after.auditTrail().entries
        guard case .batch(let label, let changes)? = trail.dropLast().last?.change else {
            Issue.record("the lock is one batch in the journal")
            return
        }
        #expect(label == "Khóa \(khoi.count) phiếu chấm năm 2026")
        #expect(changes.count == withSheet.count)
        #expect(changes.contains { if case .setSheetState(_, _, .locked, "Hội đồng thống nhất khóa") = $0 { return true } else { return false } })
    }
}
