import Testing
import ThiDuaTUI

@Suite struct GeometryTests {
    @Test func rectSplitsAndCentres() {
        let r = Rect(x: 0, y: 0, width: 80, height: 24)
        let (top, rest) = r.splitTop(1)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(rest == Rect(x: 0, y: 1, width: 80, height: 23))
        let (body, bars) = r.splitBottom(2)
        #expect(body.height == 22 && bars.y == 22)
        #expect(r.centered(Size(width: 20, height: 4)) == Rect(x: 30, y: 10, width: 20, height: 4))
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(r.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
        #expect(Size(width: 79, height: 30).fits(.minimum) == false)
        #expect(Size(width: 80, height: 24).description == "80×24")
    }

    @Test func blitCopiesCellsAndCursor() {
        var small = Buffer(size: Size(width: 3, height: 1))
        small.put("日x", at: Point(x: 0, y: 0), style: .bold)
        small.cursor = Point(x: 2, y: 0)
        var big = Buffer(size: Size(width: 6, height: 2))
        big.blit(small, at: Point(x: 2, y: 1))
        #expect(big.lines() == ["      ", "  日x "])
        #expect(big.styleMask() == ["......", "..BBB."])
        #expect(big.cursor == Point(x: 4, y: 1))
    }

    @Test func boxDrawsUnicodeFrameWithTitle() {
        var b = Buffer(size: Size(width: 12, height: 3))
        Box.draw(into: &b, rect: b.bounds, title: "Tìm")
        #expect(b.lines() == ["┌─ Tìm ────┐", "│          │", "└──────────┘"])
    }

    @Test func listSelectionKeepsSelectionInRange() {
        var s = ListSelection(count: 5, selected: 4, pageRows: 2)
        #expect(s.offset == 3)
        s.setCount(2)
        #expect(s.selected == 1)
        #expect(s.visibleOffset(rows: 10) == 0)
        var empty = ListSelection(count: 0)
        let moved = empty.handle(.down)
        #expect(moved)
        #expect(empty.selected == 0)
    }
}
