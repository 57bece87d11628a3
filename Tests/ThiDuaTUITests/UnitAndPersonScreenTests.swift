import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport
@testable import ThiDuaTUI

/// Units and people through the whole program: every edit goes through the store, is on
/// disk when the screen says "Đã lưu", and can be undone.
@Suite struct UnitAndPersonScreenTests {
    @Test func addedUnitIsDurableBeforeTheScreenSaysSaved() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Trường Tiểu học Phong Quang\" F2")
        #expect(h.status.contains("Đã lưu đơn vị «Trường Tiểu học Phong Quang» (DV0001)."))
        #expect(try h.reopened().units[UnitID("DV0001")]?.name == "Trường Tiểu học Phong Quang")
        #expect(h.all.contains("▶ DV0001 Trường Tiểu học Phong Quang"))
    }

    @Test func failedWriteNeverSaysSaved() throws {
        let faulty = FaultyFileSystem()
        let h = try AppHarness(fileSystem: faulty)
        faulty.inject(FaultRule(.sync, .fromNthCall(1), errno: ENOSPC, pathContains: "journal"))
        try h.keys("1 a \"Trạm Y tế\" F2")
        #expect(!h.status.contains("Đã lưu"))
        #expect(h.all.contains("Chưa lưu"))
        #expect(h.data.units.isEmpty)
        #expect(h.all.contains("Thêm đơn vị"), "the form stays open with the typed name")
        faulty.heal()
        try h.keys("F2")
        #expect(h.status.contains("Đã lưu đơn vị «Trạm Y tế»"))
    }

    @Test func undoAndRedoGoThroughTheStore() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Công an xã\" F2")
        try h.keys("u")
        #expect(h.status.contains("Đã hoàn tác: Thêm đơn vị «Công an xã»"))
        #expect(try h.reopened().units.isEmpty)
        try h.keys("C-r")
        #expect(h.status.contains("Đã làm lại"))
        #expect(try h.reopened().units.count == 1)
        try h.keys("u u")
        #expect(h.status.contains("Không còn thay đổi nào để hoàn tác"))
    }

    @Test func validationMessageNamesTheFieldAndNothingIsWritten() throws {
        let h = try AppHarness()
        try h.keys("1 a F2")
        #expect(h.all.contains("! Tên đơn vị không được để trống."))
        try h.keys("\"UBND xã\" Tab Tab \"2,5\" F2")
        #expect(h.all.contains("! Chỉ nhập số nguyên (đã nhập «2,5»)."))
        #expect(h.data.units.isEmpty)
    }

    @Test func referencedUnitIsArchivedNotDeleted() throws {
        let h = try AppHarness(sample: true)
        try h.keys("1")
        let unit = try #require((h.app.top as? UnitListScreen)?.selectedUnit)
        #expect(h.data.referenceReason(for: .unit(unit.id)) != nil)
        try h.keys("d")
        #expect(h.all.contains("Lưu trữ đơn vị"))
        try h.keys("c")
        #expect(h.data.units[unit.id]?.archived == true)
        #expect(!h.all.contains(unit.name))
        try h.keys("h")
        #expect(h.all.contains("[lưu trữ] \(unit.name.prefix(10))"))
    }

    @Test func unusedUnitCanBeDeletedAndTheDialogStartsOnNo() throws {
        let h = try AppHarness()
        try h.keys("1 a \"Tổ công nghệ số\" F2 d Enter")
        #expect(h.data.units.count == 1, "Enter on the default button (Không) keeps the unit")
        try h.keys("d x")
        #expect(h.data.units.isEmpty)
        #expect(try h.reopened().units.isEmpty)
    }

    @Test func personNeedsAUnitOrAnAddress() throws {
        let h = try AppHarness()
        try h.keys("2 a \"Lò Văn Páo\" F2")
        #expect(h.all.contains("! Cá nhân phải thuộc một đơn vị hoặc có địa chỉ"))
        // The error put the focus on the unit field; the address is the next one.
        try h.keys("Tab \"Thôn Khe Mo\" F2")
        #expect(h.status.contains("Đã lưu «Lò Văn Páo» (CN00001)."))
        #expect(h.data.people[PersonID("CN00001")]?.address == "Thôn Khe Mo")
    }

    @Test func vniIsChosenInSettingsAndTheStatusBarSaysWhichIsOn() throws {
        let h = try AppHarness()
        try h.keys("9 Up Right F2")  // the typing method is the last field: Up from the first
        #expect(h.data.settings.typingMethod == .vni)
        #expect(h.status.contains("VNI ^T: tắt"))
        try h.keys("2 a C-t")
        h.type("Nguye6n4 Thi5 Ho2a")
        #expect(h.all.contains("Nguyễn Thị Hòa"))
        #expect(h.status.contains("VNI ^T: BẬT"))
        #expect(h.app.message.isEmpty || !h.app.message.contains("Telex"))
    }

    @Test func telexTypesVietnameseInBothToneStyles() throws {
        let h = try AppHarness()
        try h.keys("2 a C-t")
        h.type("Nguyeenx Thij Hoaf")
        #expect(h.all.contains("Nguyễn Thị Hòa"))
        #expect(h.status.contains("Telex ^T: BẬT"))
        try h.keys("Esc Esc c Esc 9 Tab Tab Tab Tab Tab Tab Tab Tab Tab Right F2")
        #expect(h.data.settings.telexToneStyle == .new)
        try h.keys("2 a")
        h.type("Nguyeenx Thij Hoaf")
        #expect(h.all.contains("Nguyễn Thị Hoà"))
    }

    @Test func inputMethodBackspaceBurstsAreAppliedInOrder() throws {
        let h = try AppHarness()
        try h.keys("1 a \"vie\" Backspace \"êt\"")
        #expect(h.all.contains("viêt"))
    }

    @Test func searchIgnoresAccentsAndD() throws {
        let h = try AppHarness()
        for name in ["Nguyễn Văn Đức", "Trần Thị Dung", "Nguyễn Thị Vân"] {
            try h.keys("2 a \"\(name)\" Tab Tab Tab Tab Tab Tab \"Thôn Ao Sen\" F2 Esc")
        }
        try h.keys("2 / \"nguyen van\"")
        #expect(h.all.contains("Nguyễn Văn Đức"))
        #expect(h.all.contains("Nguyễn Thị Vân"), "words match anywhere, in any order")
        #expect(!h.all.contains("Trần Thị Dung"))
        try h.keys("Esc / \"duc\"")
        #expect(h.all.contains("Nguyễn Văn Đức"))
        #expect(!h.all.contains("Trần Thị Dung"))
    }

    @Test func peopleSortByGivenNameInVietnameseOrder() throws {
        let h = try AppHarness()
        for name in ["Lê Văn Đông", "Trần Anh Dũng", "Phạm Thị Ánh", "Nguyễn Văn An"] {
            try h.keys("2 a \"\(name)\" Tab Tab Tab Tab Tab Tab \"Thôn Ao Sen\" F2 Esc")
        }
        try h.keys("2")
        let rows = h.text().split(separator: "\n").filter { $0.contains("CN0000") }.map(String.init)
        let order = ["Nguyễn Văn An", "Phạm Thị Ánh", "Trần Anh Dũng", "Lê Văn Đông"]
        let positions = order.map { name in rows.firstIndex { $0.contains(name) } ?? -1 }
        #expect(positions == [0, 1, 2, 3])
    }

    @Test func escapeNeverQuitsAndQuitAsksAboutUnsavedInput() throws {
        let h = try AppHarness()
        try h.keys("Esc Esc")
        #expect(!h.app.wantsQuit)
        try h.keys("1 a \"Dở dang\" F10")
        #expect(!h.app.wantsQuit)
        #expect(h.all.contains("Còn ô đang nhập dở chưa lưu."))
        try h.keys("c")
        #expect(h.app.wantsQuit)
    }

    @Test func paletteFindsCommandsWithoutAccents() throws {
        let h = try AppHarness()
        try h.keys("1 : \"them\" Enter")
        #expect(h.all.contains("Thêm đơn vị"))
    }

    @Test func unbuiltAreasSayHonestlyThatTheyAreMissing() throws {
        // Whichever area is still unbuilt: areas get built one by one.
        guard let area = HomeScreen.Area.allCases.first(where: { !$0.isBuilt }) else { return }
        let h = try AppHarness()
        try h.keys(String(area.rawValue))
        #expect(h.status.contains("«\(area.title)» chưa có trong bản này"))
        #expect(h.app.stack.count == 1)
    }

    /// On a network file system one program writes; a second one is read-only.
    static func networkDisk() -> FaultyFileSystem {
        let disk = FaultyFileSystem()
        disk.fakeVolume = .network("NFS")
        return disk
    }

    @Test func readOnlySecondInstanceShowsTheHolderAndRefusesEdits() throws {
        let disk = Self.networkDisk()
        let h = try AppHarness(fileSystem: disk)
        let second = try DataStore.open(folder: h.folder, options: .init(allowReadOnly: true),
                                        identity: Identity(user: "lan", host: "may-2", pid: 99), fileSystem: disk)
        let app = ThiDuaApp(session: Session(backend: second, today: second.context.today))
        app.feed(try Key.script("1 a"))
        let screen = app.render(size: .minimum).lines().joined(separator: "\n")
        #expect(screen.contains("CHỈ ĐỌC"))
        #expect(screen.contains("hoa"))
        #expect(screen.contains(" ngày 24/11/2026"), "the holder's start in local time")
        #expect(!screen.contains("2026-11-24T"), "never the stored ISO form")
        #expect(screen.contains("Chỉ đọc"))
        #expect(second.dataset.units.isEmpty)
    }

    /// A confirm over a list of names in wide characters: nothing of the list shows beside
    /// the dialog's edges.
    @Test func removalDialogOverWideCharacterNames() throws {
        let h = try AppHarness()
        try h.keys("1 a \"漢字漢字漢字漢字漢字漢字漢字漢字 Thôn Đông\" F2 a \"字漢字漢字漢字漢字漢字漢字漢字漢字 Thôn Tây\" F2 d")
        #expect(h.all.contains("Xóa"))
        assertGolden(h.screen(80, 24), "unit-removal-over-wide-names-80x24")
    }

    @Test func readOnlyCopyNeverOpensAnEditFormAndSaysWhyAtOnce() throws {
        let disk = Self.networkDisk()
        let h = try AppHarness(fileSystem: disk)
        try h.keys("1 a \"Công an xã\" F2 Esc")
        let second = try DataStore.open(folder: h.folder, options: .init(allowReadOnly: true),
                                        identity: Identity(user: "lan", host: "may-2", pid: 99), fileSystem: disk)
        let app = ThiDuaApp(session: Session(backend: second, today: second.context.today))
        for script in ["1 a", "1 e", "1 Enter", "2 a", "4 \"8\""] {
            app.feed(try Key.script("\(script)"))
            #expect(!app.top.changesData && !app.top.isEditingText, "\(script) opened \(app.top.title)")
            let screen = app.render(size: .minimum).lines().joined(separator: "\n")
            #expect(screen.contains("Chỉ đọc: không sửa được dữ liệu"), "\(script): \(screen)")
            app.feed(try Key.script("Esc Esc"))
        }
    }
}

@Suite struct CommandTableTests {
    /// Terminals swallow F-keys (F10 in gnome-terminal, keyboards without an F-row), so
    /// every F-key command needs a letter or Ctrl twin.
    @Test func everyFKeyCommandHasATwin() {
        let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)
        let missing = registry.commands.filter { $0.fKey != nil && $0.letterTwin == nil }.map(\.id)
        #expect(missing.isEmpty)
    }

    /// A letter means one thing wherever it works: `x` ticks a checklist item and nothing
    /// else (F8's twin is `d` on every screen, as Xóa is).
    @Test func xHasOneMeaningAcrossScreens() {
        let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)
        let titles = Set(registry.commands.filter { $0.allKeys.contains(.char("x")) }.map(\.title))
        #expect(titles == ["Đánh dấu xong/chưa"])
        let f8Twins = Set(registry.commands.filter { $0.fKey == 8 && $0.title.hasPrefix("Xóa") }.compactMap(\.letterTwin))
        #expect(f8Twins == [.char("d")])
    }

    /// Every key of a screen is on its bar or in its help, both made from the registry.
    @Test func everyKeyOfAScreenIsOnItsBarOrInItsHelp() {
        let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)
        for context in Set(registry.commands.map(\.context)) {
            let help = registry.helpLines(in: context).joined(separator: "\n")
            for command in registry.available(in: context) {
                #expect(help.contains(command.keyLabels + " ") || help.contains(command.title), "\(context) \(command.id)")
            }
        }
        let bar = FKeyBar(registry.fKeyBar(in: ChecklistScreen.Commands.context)).slots(width: 80).map(\.key)
        #expect(bar.suffix(3) == ["x", ">", "<"], "the checklist's letter keys are on its bar")
    }

    /// No screen binds one key to two commands.
    @Test func noKeyIsBoundTwiceInOneScreen() {
        let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)
        let contexts = Set(registry.commands.map(\.context))
        for context in contexts {
            let keys = registry.commands.filter { $0.context == context }.flatMap(\.allKeys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }
}

@Suite struct SettingsScreenTests {
    /// The bands are the last three fields, after the ten settings fields.
    private let toBands = Array(repeating: "Tab", count: 10).joined(separator: " ")

    @Test func classBandsAreEditableAndChecked() throws {
        let h = try AppHarness()
        try h.keys("9 \(toBands) Tab C-u \"92,5\" F2")
        #expect(h.text(200, 40).contains("Mức «Tốt» (từ 92,5) phải thấp hơn mức «Xuất sắc» (từ 90)."))
        #expect(h.data.rules.classBands.map(\.minimum) == [90, 80, 70])
        try h.keys("C-u \"85\" F2")
        #expect(h.status.contains("Đã lưu cài đặt."))
        #expect(try h.reopened().rules.className(for: 86) == "Tốt")
        try h.keys("u")
        #expect(h.data.rules.classBands.map(\.minimum) == [90, 80, 70])
    }
}

@Suite struct OrderAndDeadlineTests {
    @Test func unitsSortByNameOrByTheOfficeOrder() throws {
        let h = try AppHarness()
        // Added in this order within one khối: the office order is the order of entry.
        for name in ["Văn phòng", "Ban Kinh tế", "Đội Quản lý"] {
            try h.keys("1 a \"\(name)\" F2 Esc")
        }
        func order() -> [String] {
            h.text().split(separator: "\n").filter { $0.contains("DV000") }
                .compactMap { line in ["Văn phòng", "Ban Kinh tế", "Đội Quản lý"].first { line.contains($0) } }
        }
        try h.keys("1")
        #expect(order() == ["Ban Kinh tế", "Đội Quản lý", "Văn phòng"], "Vietnamese order: Đ after D, before V")
        try h.keys("s")
        #expect(order() == ["Văn phòng", "Ban Kinh tế", "Đội Quản lý"])
    }

    /// The home countdown is drawn in the error colour (and bold) within 7 days of 25/11.
    @Test(arguments: [((2026, 11, 20), true), ((2026, 10, 1), false)])
    func deadlineTurnsRedWhenClose(today: (Int, Int, Int), urgent: Bool) throws {
        let h = try AppHarness(today: today)
        let screen = h.screen()
        let row = try #require(screen.lines().firstIndex { $0.contains("Hạn đơn vị nộp báo cáo") })
        let style = screen[1, row].style
        #expect((style.foreground == .error) == urgent)
        #expect(style.bold == urgent)
    }
}
