import Testing
import ThiDuaTUI

@Suite struct CommandRegistryTests {
    let units: CommandContext = "units"
    var registry: CommandRegistry {
        CommandRegistry([
            Command(id: "help", title: "Trợ giúp", fKey: 1, letterTwin: .char("?"), help: "Xem các phím"),
            Command(id: "save", title: "Lưu", fKey: 2, letterTwin: .ctrl("s")),
            Command(id: "search", title: "Tìm", fKey: 3, letterTwin: .char("/")),
            Command(id: "quit", title: "Thoát", fKey: 10, letterTwin: .char("q")),
            Command(id: "palette", title: "Bảng lệnh", keys: [.char(":"), .ctrl("p")]),
            Command(id: "unit.add", title: "Thêm đơn vị", fKey: 7, letterTwin: .char("a"), context: units,
                    help: "Thêm một đơn vị thi đua"),
            Command(id: "unit.delete", title: "Xóa đơn vị", fKey: 8, letterTwin: .char("d"), context: units),
            Command(id: "unit.search", title: "Tìm đơn vị", fKey: 3, letterTwin: .char("/"), context: units),
        ])
    }

    @Test func resolvesContextFirstThenGlobal() {
        #expect(registry.resolve(.function(3), in: units)?.id == "unit.search")
        #expect(registry.resolve(.char("/"), in: units)?.id == "unit.search")
        #expect(registry.resolve(.function(3), in: "other")?.id == "search")
        #expect(registry.resolve(.ctrl("s"), in: units)?.id == "save")
        #expect(registry.resolve(.function(7), in: units)?.id == "unit.add")
        #expect(registry.resolve(.function(7), in: "other") == nil)
        #expect(registry.resolve(.ctrl("p"), in: units)?.id == "palette")
    }

    @Test func disabledCommandsAreSkipped() {
        let c = registry.resolve(.function(8), in: units) { $0.id != "unit.delete" }
        #expect(c == nil)
    }

    @Test func fKeyBarIsOrderedAndOverridden() {
        let bar = registry.fKeyBar(in: units)
        #expect(bar.map(\.number) == [1, 2, 3, 7, 8, 10])
        #expect(bar[2] == FKeyEntry(number: 3, title: "Tìm đơn vị", twin: "/"))
        #expect(bar[1].twin == "^S")
    }

    @Test func helpLinesListKeysTitlesAndHelp() {
        let lines = registry.helpLines(in: units)
        #expect(lines.first?.hasPrefix("F1 / ?") == true)
        #expect(lines.first?.hasSuffix("Trợ giúp — Xem các phím") == true)
        #expect(lines.contains { $0.contains("Thêm đơn vị — Thêm một đơn vị thi đua") })
        #expect(lines.last?.contains("Bảng lệnh") == true)
        #expect(!lines.contains { $0.contains("  Tìm —") || $0.hasSuffix("  Tìm") })
    }

    @Test func paletteSearchIgnoresAccentsAndCase() {
        #expect(registry.search("xoa", in: units).map(\.id) == ["unit.delete"])
        #expect(registry.search("DON VI", in: units).map(\.id).sorted() == ["unit.add", "unit.delete", "unit.search"])
        #expect(registry.search("tim", in: units).first?.id == "unit.search")
        #expect(registry.search("", in: "other").count == 5)
        #expect(registry.search("thoat", in: units).map(\.id) == ["quit"])
    }

    @Test func registeringSameIdReplaces() {
        var r = registry
        r.register(Command(id: "save", title: "Ghi", fKey: 2))
        #expect(r.command(id: "save")?.title == "Ghi")
        #expect(r.commands.filter { $0.id == "save" }.count == 1)
    }

    /// The home screen's help lists keys in key order: F1…F12, then letters, then others.
    @Test func homeHelpListsKeysInKeyOrder() throws {
        let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)
        let available = registry.available(in: HomeScreen.Commands.context)
        let help = registry.helpLines(in: HomeScreen.Commands.context)
        let ordered = try help.map { line in
            try #require(available.first { line.hasPrefix($0.keyLabels) && line.contains("  " + $0.title) }, "\(line)")
        }
        let firstKeys = ordered.compactMap { (c: Command) in c.allKeys.first }
        let groups = firstKeys.map { (key: Key) -> Int in
            switch key {
            case .function: return 0
            case .char(let c) where c.isLetter: return 1
            default: return 2
            }
        }
        #expect(groups == groups.sorted(), "\(firstKeys.map(\.label))")
        let fKeys = firstKeys.compactMap { (key: Key) -> Int? in if case .function(let n) = key { return n } else { return nil } }
        #expect(fKeys == fKeys.sorted())
        let digits = firstKeys.compactMap { (key: Key) -> Character? in
            if case .char(let c) = key, c.isNumber { return c } else { return nil }
        }
        #expect(digits == Array("123456789"), "the areas in their menu order")
    }
}
