import Testing
import ThiDuaTUI

@Suite struct TableTests {
    static let columns = [
        TableColumn("STT", minWidth: 3, maxWidth: 4, alignment: .right),
        TableColumn("Họ và tên", minWidth: 20, maxWidth: 40, flex: 2),
        TableColumn("Đơn vị", minWidth: 16, flex: 3),
        TableColumn("Điểm", minWidth: 5, maxWidth: 6, flex: 0, alignment: .right),
        TableColumn("Xếp loại", minWidth: 10, maxWidth: 14, flex: 1),
    ]

    static let names = [
        "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Văn Đức",
        "Vũ Thị Hạnh", "Đặng Quốc Huy", "Bùi Thị Lan", "Đỗ Minh Khoa", "Hồ Thị Mai",
    ]

    static func rows(_ n: Int) -> [[String]] {
        (0..<n).map { i in
            [String(i + 1), names[i % names.count], "Phòng Văn hoá - Xã hội xã Đông Hưng",
             ["9,5", "8", "7,25"][i % 3], ["Xuất sắc", "Tốt", "Hoàn thành nhiệm vụ"][i % 3]]
        }
    }

    @Test func fitsIn80Columns() {
        let widths = Table.layout(Self.columns, width: 80)
        let total = widths.reduce(0, +) + Table.gutter + Table.spacing * (widths.count - 1)
        #expect(total <= 80)
        #expect(total >= 78)
        for (w, c) in zip(widths, Self.columns) {
            #expect(w >= c.minWidth)
            #expect(w <= (c.maxWidth ?? .max))
        }
    }

    @Test func usesMoreWhenWider() {
        let at80 = Table.layout(Self.columns, width: 80)
        let at120 = Table.layout(Self.columns, width: 120)
        #expect(at120.reduce(0, +) + Table.gutter + Table.spacing * 4 == 120)
        #expect(at120[1] > at80[1])
        #expect(at120[2] > at80[2])
        #expect(at120[3] == 5)   // fixed column keeps its width
        #expect(at120[0] == 3)
    }

    @Test func selectionStaysVisibleWhileScrolling() throws {
        var t = Table(columns: Self.columns, rows: Self.rows(40))
        t.setViewport(height: 11)   // header + 10 rows
        for k in try Key.script("Down Down PgDn PgDn End Up PgUp Home") { _ = t.handle(k) }
        #expect(t.selectedIndex == 0)
        for k in try Key.script("PgDn PgDn PgDn") { _ = t.handle(k) }
        #expect(t.selectedIndex == 27)
        var b = Buffer(size: Size(width: 80, height: 11))
        t.render(into: &b, rect: b.bounds, focused: true)
        let selectedRow = b.lines().firstIndex { $0.hasPrefix("▶") }
        #expect(selectedRow != nil)
        #expect(b.lines()[selectedRow!].contains("28"))
        #expect(b.styleMask()[selectedRow!].allSatisfy { $0 == "#" })
    }

    @Test func staleViewportStillShowsSelection() {
        var t = Table(columns: Self.columns, rows: Self.rows(40), selected: 30)
        t.setViewport(height: 30)
        var b = Buffer(size: Size(width: 80, height: 6))
        t.render(into: &b, rect: b.bounds, focused: true)
        #expect(b.lines().contains { $0.hasPrefix("▶") && $0.contains("31") })
    }

    @Test func enterActivates() {
        var t = Table(columns: Self.columns, rows: Self.rows(3), selected: 2)
        #expect(t.handle(.enter) == .activated(2))
        #expect(t.handle(.down) == .moved(2))
        #expect(t.handle(.char("x")) == .ignored)
    }

    @Test func goldenAt80x24() throws {
        var t = Table(columns: Self.columns, rows: Self.rows(30))
        t.setViewport(height: 22)
        for k in try Key.script("Down Down Down") { _ = t.handle(k) }
        var b = Buffer(size: Size(width: 80, height: 24))
        b.put("Danh sách cá nhân", at: Point(x: 0, y: 0), style: .bold)
        t.render(into: &b, rect: Rect(x: 0, y: 1, width: 80, height: 22), focused: true)
        FKeyBar([FKeyEntry(number: 1, title: "Trợ giúp", twin: "?"), FKeyEntry(number: 3, title: "Tìm", twin: "/"),
                 FKeyEntry(number: 10, title: "Thoát", twin: "q")])
            .render(into: &b, rect: Rect(x: 0, y: 23, width: 80, height: 1))
        assertGolden(b, "table-80x24")
    }

    @Test func goldenAt120x30() {
        let t = Table(columns: Self.columns, rows: Self.rows(5), selected: 1)
        var b = Buffer(size: Size(width: 120, height: 8))
        t.render(into: &b, rect: b.bounds, focused: false)
        assertGolden(b, "table-120-unfocused")
    }
}

@Suite struct ListViewTests {
    @Test func movesAndActivates() throws {
        var l = ListView(["Một", "Hai", "Ba"])
        for k in try Key.script("Down Down Down") { _ = l.handle(k) }
        #expect(l.selectedItem == "Ba")
        #expect(l.handle(.enter) == .activated(2))
        var b = Buffer(size: Size(width: 8, height: 2))
        l.render(into: &b, rect: b.bounds, focused: true)
        #expect(b.lines() == ["  Hai   ", "▶ Ba    "])
        #expect(b.styleMask() == ["........", "########"])
    }
}

@Suite struct TableFitTests {
    /// Narrower than every minimum: the text column gives way, the date stays whole.
    @Test func aDateOrNumberIsNeverCut() {
        var table = Table(columns: [TableColumn("Tên", minWidth: 20, flex: 1), TableColumn("Ngày", minWidth: 10),
                                    TableColumn("Điểm", minWidth: 5, alignment: .right)],
                          rows: [["Phòng Văn hoá - Xã hội", "14/11/2026", "93,75"]])
        table.setViewport(height: 2)
        var b = Buffer(size: Size(width: 28, height: 2))
        table.render(into: &b, rect: b.bounds, focused: false)
        #expect(b.lines()[1].contains("14/11/2026"))
        #expect(b.lines()[1].hasSuffix("93,75"))
        #expect(b.lines()[1].contains("Phòng Vă…"))
    }
}
