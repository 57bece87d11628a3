import Testing
import ThiDuaTUI

@Suite struct DialogTests {
    @Test func confirmDefaultsToNo() {
        var d = Dialog.confirm(message: "Xóa đơn vị «Thôn Đông»?")
        #expect(d.buttons == ["Có", "Không"])
        #expect(d.selectedButton == Dialog.no)
        let e = d.handle(.enter)
        #expect(e == .chosen(Dialog.no))
        #expect(!Dialog.isYes(e))
    }

    @Test func escCancelsAndLettersChoose() {
        var d = Dialog.confirm(message: "Xóa?")
        #expect(d.handle(.escape) == .cancelled)
        #expect(d.handle(.char("c")) == .chosen(Dialog.yes))
        var d2 = Dialog.confirm(message: "Xóa?")
        _ = d2.handle(.left)
        #expect(Dialog.isYes(d2.handle(.enter)))
        var d3 = Dialog.confirm(message: "Xóa?")
        #expect(d3.handle(.char("K")) == .chosen(Dialog.no))
    }

    @Test func confirmTakesYAndNAndSaysSo() {
        var d = Dialog.confirm(message: "Xóa?")
        #expect(d.handle(.char("y")) == .chosen(Dialog.yes))
        var d2 = Dialog.confirm(message: "Xóa?")
        _ = d2.handle(.left)
        #expect(d2.handle(.char("N")) == .chosen(Dialog.no))
        var b = Buffer(size: Size(width: 80, height: 24))
        d.render(into: &b, rect: b.bounds)
        #expect(b.lines().contains { $0.contains("c/y: Có · k/n/Esc: Không") })
    }

    /// Rows of wide characters at both parities under a dialog: the column beside each edge
    /// is blank and no half of a wide character is left there.
    @Test func aPopUpClearsTheCellsBesideItsEdgesWideCharactersIncluded() {
        var b = Buffer(size: Size(width: 80, height: 24))
        let wide = String(repeating: "漢字", count: 20)
        for y in 0..<24 { b.put(y % 2 == 0 ? wide : "a" + wide, at: Point(x: 0, y: y)) }
        let dialog = Dialog.confirm(title: "Xóa", message: "Xóa đơn vị «漢字 Thôn Đông»?")
        dialog.render(into: &b, rect: b.bounds)
        let box = dialog.layout(in: b.bounds).box
        for y in box.y..<box.maxY {
            #expect(b[box.x - 1, y].grapheme == " " && b[box.maxX, y].grapheme == " ", "row \(y)")
            #expect(!b[box.x - 1, y].isContinuation && !b[box.maxX, y].isContinuation)
            #expect(b.lines()[y].displayWidth == 80)
        }
        assertGolden(b, "dialog-over-wide-characters-80x24")
    }

    @Test func golden() {
        var b = Buffer(size: Size(width: 80, height: 24))
        b.fill(b.bounds, with: ".")
        Dialog.confirm(title: "Xóa đơn vị", message: "Xóa đơn vị «Thôn Đông» khỏi danh sách năm 2026?\nKhông thể hoàn tác sau khi lưu.")
            .render(into: &b, rect: b.bounds)
        assertGolden(b, "dialog-confirm-80x24")
    }
}

@Suite struct PagerTests {
    let lines = (1...50).map { "Dòng số \($0)" } + ["Nguyễn Văn An", "Kết thúc"]

    @Test func scrollsAndSearchesIgnoringAccents() throws {
        var p = Pager(lines: lines, lessKeys: true)
        p.setViewportRows(11)
        for k in try Key.script("Down PgDn") { _ = p.handle(k) }
        #expect(p.top == 10)
        for k in try Key.script(#"/ "nguyen" Enter"#) { _ = p.handle(k) }
        #expect(p.matchLine == 50)
        #expect(p.prompt == nil)
        var b = Buffer(size: Size(width: 30, height: 11))
        p.render(into: &b, rect: b.bounds, focused: true)
        #expect(b.lines().contains { $0.hasPrefix("Nguyễn Văn An") })
    }

    @Test func nextAndPreviousWrapAround() throws {
        var p = Pager(lines: ["a1", "b", "a2", "c", "a3"], lessKeys: true)
        p.setViewportRows(3)
        for k in try Key.script(#"/ "a" Enter"#) { _ = p.handle(k) }
        #expect(p.matchLine == 0)
        for k in try Key.script("n n") { _ = p.handle(k) }
        #expect(p.matchLine == 4)
        _ = p.handle(.char("n"))
        #expect(p.matchLine == 0)
        _ = p.handle(.char("N"))
        #expect(p.matchLine == 4)
    }

    @Test func notFoundMessageAndClose() throws {
        var p = Pager(lines: ["abc"], lessKeys: true)
        for k in try Key.script(#"/ "xyz" Enter"#) { _ = p.handle(k) }
        #expect(p.message == "Không tìm thấy «xyz»")
        #expect(p.handle(.escape) == .closed)
        #expect(p.handle(.char("q")) == .closed)
    }

    /// A pager on a screen takes the movement keys and Esc only: the search is the screen's
    /// command (in its help), and a letter goes on to the screen's commands.
    @Test func onAScreenLettersAreLeftToTheScreensCommands() throws {
        var p = Pager(lines: ["a1", "b", "a2", "c", "a3"])
        p.setViewportRows(3)
        for key in "kjbgGnNq/ ".map({ Key.char($0) }) { #expect(p.handle(key) == .ignored) }
        #expect(p.handle(.down) == .handled && p.top == 1)
        p.beginSearch()
        for k in try Key.script(#""a" Enter"#) { _ = p.handle(k) }
        #expect(p.matchLine == 2)
        p.findNext()
        #expect(p.matchLine == 4)
        p.findPrevious()
        #expect(p.matchLine == 2)
        #expect(p.handle(.escape) == .closed)
    }
}

@Suite struct BarsTests {
    let entries = [
        FKeyEntry(number: 1, title: "Trợ giúp", twin: "?"), FKeyEntry(number: 2, title: "Lưu", twin: "^S"),
        FKeyEntry(number: 3, title: "Tìm", twin: "/"), FKeyEntry(number: 4, title: "Sửa", twin: "e"),
        FKeyEntry(number: 5, title: "Xem/In", twin: "p"), FKeyEntry(number: 7, title: "Thêm", twin: "a"),
        FKeyEntry(number: 8, title: "Xóa", twin: "d"), FKeyEntry(number: 10, title: "Thoát", twin: "q"),
    ]

    @Test func fKeyBarShowsTwinsWhenRoomy() {
        var b = Buffer(size: Size(width: 80, height: 1))
        FKeyBar(entries).render(into: &b, rect: b.bounds)
        #expect(b.lines()[0] == "F1 Trợ giúp ? F2 Lưu ^S F3 Tìm / F4 Sửa e F5 Xem/In p F7 Thêm F8 Xóa F10 Thoát q")
        #expect(b.styleMask()[0].hasPrefix("BB.RRRRRRRRRR.BB.RRRRRR."))
        var wide = Buffer(size: Size(width: 100, height: 1))
        FKeyBar(entries).render(into: &wide, rect: wide.bounds)
        #expect(wide.lines()[0].hasPrefix("F1 Trợ giúp ? F2 Lưu ^S F3 Tìm / F4 Sửa e F5 Xem/In p F7 Thêm a F8 Xóa d F10 Thoát q "))
    }

    @Test func fKeyBarDropsTwinsThenShortensTitles() {
        let bar = FKeyBar(entries)
        #expect(bar.slots(width: 67).map(\.title) == ["Trợ giúp", "Lưu", "Tìm", "Sửa", "Xem/In", "Thêm", "Xóa", "Thoát"])
        #expect(bar.slots(width: 60).map(\.title) == ["Trợ", "Lưu", "Tìm", "Sửa", "Xem/", "Thêm", "Xóa", "Thoá"])
        let narrow = bar.slots(width: 40)
        #expect(narrow.count == 8)
        #expect(narrow.allSatisfy { $0.title.displayWidth <= 1 })
        var b = Buffer(size: Size(width: 40, height: 1))
        bar.render(into: &b, rect: b.bounds)
        #expect(b.lines()[0].contains("F10"))
    }

    @Test func statusLineKeepsIndicators() {
        let s = StatusLine(message: String(repeating: "Đã lưu ", count: 20), mode: "SỬA", indicators: ["TELEX"])
        var b = Buffer(size: Size(width: 40, height: 1))
        s.render(into: &b, rect: b.bounds)
        #expect(b.lines()[0].hasSuffix(" [SỬA] TELEX"))
        #expect(b.lines()[0].contains("…"))
        #expect(b.styleMask()[0].hasSuffix(".RRRRRRRRRRR"))
    }

    @Test func tooSmallScreenGolden() {
        let size = Size(width: 60, height: 20)
        #expect(TooSmallScreen.applies(to: size))
        #expect(!TooSmallScreen.applies(to: Size(width: 80, height: 24)))
        #expect(TooSmallScreen.message(for: size) == "Cửa sổ quá nhỏ — cần ít nhất 80×24, hiện tại 60×20")
        assertGolden(TooSmallScreen.render(size: size), "too-small-60x20")
        assertGolden(TooSmallScreen.render(size: Size(width: 30, height: 8)), "too-small-30x8")
    }
}
