import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI
import ThiDuaTestSupport

/// Issue 17's import on the real binary under tmux, over the sample commune: an Excel workbook
/// (made by LibreOffice from `units-duplicate.csv`) of three units, one of which repeats the
/// sample's «Thôn Ao Sen (mẫu)». The preview lists it, «bỏ qua» leaves it out, and the two new
/// units are then found in the list — and on disk after quitting.
@Suite(.timeLimit(.minutes(1)))
struct ImportEndToEndTests {
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ThiDuaStoreTests/Fixtures/xlsx/units-duplicate.xlsx").standardized.path

    @Test(.enabled(if: ThiDuaProgram.canRun, "needs tmux and the built thidua"))
    func importAWorkbookSkippingItsDuplicateRow() throws {
        let folder = try ThiDuaProgram.Folder()
        defer { folder.remove() }
        try PreRoundSample.initialize(folder: folder.data)
        let before = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        let kept = try #require(before.units.values.first { $0.name == "Thôn Ao Sen (mẫu)" })

        do {
            let tmux = try TmuxSession()
            defer { tmux.kill() }
            try ThiDuaProgram.start(tmux, folder: folder, width: 120, height: 40)
            try tmux.sendKeys("1")
            try tmux.waitFor("F7 Thêm")
            try tmux.type("i")
            try tmux.waitFor("Nhập đơn vị từ tệp")
            try tmux.type(Self.workbook)
            try tmux.sendKeys("Enter")
            try tmux.waitFor("Dòng trùng với dữ liệu đã có (1):")
            try tmux.waitForLine(containing: ["[chưa chọn] dòng 3: «thôn ao sen (mẫu)» trùng với \(kept.id)"])
            try tmux.sendKeys("F2")
            try tmux.waitFor("Còn 1 dòng trùng chưa chọn")
            try tmux.type("b")
            try tmux.waitForLine(containing: ["[bỏ qua] dòng 3"])
            try tmux.waitFor("Sẽ ghi 2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua.")
            try tmux.sendKeys("F2")
            try tmux.waitFor("Đã nhập: 2 dòng thêm mới, 0 dòng cập nhật, 1 dòng trùng bỏ qua.")

            for (name, head) in [("Trạm Y tế xã", "Hà Thị Mai"), ("Thôn Nà Kéo", "Lục Văn Pảo")] {
                try tmux.sendKeys("/")
                try tmux.waitFor("[TÌM]")
                try tmux.type(VietnameseText.searchFold(name))
                try tmux.waitForLine(containing: [name, head])
                try tmux.sendKeys("Escape")
                try tmux.waitForAbsence(of: "[TÌM]")
            }
            try tmux.sendKeys("F10")
            #expect(try tmux.waitForExit(timeout: 10) == 0)
        }

        let after = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        #expect(after.units.count == before.units.count + 2)
        #expect(after.units[kept.id] == kept, "the skipped row changed nothing")
        let added = after.units.values.filter { before.units[$0.id] == nil }.map(\.name).sorted()
        #expect(added == ["Thôn Nà Kéo", "Trạm Y tế xã"])
        #expect(after.units.values.first { $0.name == "Thôn Nà Kéo" }?.phone == "0912 345 678")
    }
}
