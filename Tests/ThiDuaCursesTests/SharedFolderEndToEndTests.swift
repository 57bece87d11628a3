import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// Two staff on one data folder, each in their own terminal: two real `thidua` programs under
/// two tmux servers, hoa (A) and lan (B), over the sample commune. A's score shows in B's grid
/// within a second; B's unit form, opened before A changed that unit, is refused with A's name
/// and keeps what B typed; when A quits, B's «who is here» no longer names A. What is on disk
/// afterwards is checked too.
@Suite(.timeLimit(.minutes(1)))
struct SharedFolderEndToEndTests {
    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func twoProgramsOnOneFolderSeeEachOtherAndNeverOverwriteSilently() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        try PreRoundSample.initialize(folder: folder.data)
        let a = try TmuxSession(), b = try TmuxSession()
        defer { a.kill(); b.kill() }
        try ThiDuaProgram.start(a, folder: folder, width: 120, height: 40, user: "hoa")
        try ThiDuaProgram.start(b, folder: folder, width: 120, height: 40, user: "lan")
        try b.waitFor("Đang làm cùng: hoa (Trang chính)")
        try b.waitFor("Cùng làm: hoa")
        try a.waitFor("Cùng làm: lan")

        // A score: saved by A, in B's grid within a second.
        try a.sendKeys("4")
        try b.sendKeys("4")
        try a.waitFor("Nhập: TỰ CHẤM")
        let before = try b.waitFor("Nhập: TỰ CHẤM")
        #expect(!before.contains("7,25"))
        try a.type("7,25")
        try a.sendKeys("Enter")
        try a.waitFor("Đã lưu tự chấm")
        let saved = Date()
        try b.waitFor("hoa: 1 điểm ở ", timeout: 5)
        try b.waitForLine(containing: ["7,25"], timeout: 5)
        let seen = Date().timeIntervalSince(saved)
        #expect(seen <= 1.0, "B's grid showed A's score \(String(format: "%.2f", seen)) s after A's «Đã lưu»")

        // B opens a unit's form; A then changes that unit; B's save is refused with A's name.
        try b.sendKeys("Escape")
        try b.waitFor(ThiDuaProgram.Needle.home)   // Esc then a digit at once would be an F-key
        try b.sendKeys("1")
        try b.waitFor(ThiDuaProgram.Needle.unitsTitle)
        try b.type("e")
        let bForm = try b.waitFor("› Sửa đơn vị")
        try a.sendKeys("Escape")
        try a.waitFor(ThiDuaProgram.Needle.home)   // Esc then a digit at once would be an F-key
        try a.sendKeys("1")
        try a.waitFor(ThiDuaProgram.Needle.unitsTitle)
        try a.type("e")
        let aForm = try a.waitFor("› Sửa đơn vị")
        let code = try #require(Self.formCode(aForm))
        #expect(Self.formCode(bForm) == code, "both opened the same unit: the first of the list")
        try a.sendKeys("Tab", "Tab", "Tab", "C-u")
        try a.type("Hà Văn Sơn")
        try a.sendKeys("F2")
        try a.waitFor("Đã lưu đơn vị")

        try b.sendKeys("Tab", "Tab", "Tab", "C-u")
        try b.type("Lò Thị Dung")
        try b.sendKeys("F2")
        let refused = try b.waitFor("vừa được hoa@")
        #expect(refused.contains("Đơn vị \(code) vừa được hoa@"))
        try b.waitForLine(containing: ["Người đứng đầu", "Lò Thị Dung"])
        let onDisk = try Self.unit(code, in: folder)
        #expect(onDisk.head == "Hà Văn Sơn", "A's edit stands until B saves again")

        // A quits: B's «who is here» no longer names A.
        try b.waitFor("Cùng làm: hoa")
        try a.sendKeys("F10")
        #expect(try a.waitForExit(timeout: 10) == 0)
        try b.waitUntil("B no longer shows hoa as working", timeout: 5) { !$0.contains("Cùng làm: hoa") }

        // Told, B saves again and overwrites knowingly.
        try b.sendKeys("F2")
        try b.waitFor("Đã lưu đơn vị")
        try b.sendKeys("F10")
        #expect(try b.waitForExit(timeout: 10) == 0)

        let store = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true))
        #expect(store.dataset.units[UnitID(code)]?.head == "Lò Thị Dung")
        let edits = try store.auditTrail().entries.filter {
            if case .updateUnit(let unit) = $0.change { return unit.id == UnitID(code) } else { return false }
        }
        #expect(edits.map(\.user) == ["hoa", "lan"], "each edit under its own person")
    }

    /// The unit code in a form's heading, «Mã DV0001».
    private static func formCode(_ screen: String) -> String? {
        guard let range = screen.range(of: #"Mã DV\d+"#, options: .regularExpression) else { return nil }
        return String(screen[range].dropFirst(3))
    }

    private static func unit(_ code: String, in folder: ThiDuaProgram.Folder) throws -> OrgUnit {
        let data = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        return try #require(data.units[UnitID(code)])
    }
}
