import Testing
import ThiDuaTUI

@Suite struct BufferTests {
    let vietnamese = "Phòng Văn hoá - Xã hội — Đổi mới sáng tạo"

    @Test func testStringIs41Columns() {
        #expect(vietnamese.displayWidth == 41)
    }

    @Test func clippedStringNeverSpillsToNextRow() {
        var b = Buffer(size: Size(width: 50, height: 3))
        let used = b.put(vietnamese, at: Point(x: 0, y: 1), clipWidth: 30)
        #expect(used == 29, "a space before the … goes")
        let lines = b.lines()
        #expect(lines[1] == DisplayWidth.truncate(vietnamese, toWidth: 30) + String(repeating: " ", count: 21))
        #expect(lines[1].hasPrefix("Phòng Văn hoá - Xã hội — Đổi…"), "a cut text ends with …")
        #expect(lines[0].allSatisfy { $0 == " " })
        #expect(lines[2].allSatisfy { $0 == " " })
    }

    @Test func clipsAtRightEdgeWithoutWrapping() {
        var b = Buffer(size: Size(width: 30, height: 2))
        b.put(vietnamese, at: Point(x: 5, y: 0))
        #expect(b.lines()[0] == "     Phòng Văn hoá - Xã hội —…")
        #expect(b.lines()[1] == String(repeating: " ", count: 30))
    }

    @Test func wideGlyphAtLastColumnIsNotHalfDrawn() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let used = b.put("abcd日", at: Point(x: 0, y: 0))
        #expect(used == 5)
        #expect(b.lines() == ["abcd…"], "the glyph that does not fit is cut, and the cut shows")
        #expect(!b[4, 0].isContinuation)
    }

    @Test func wideGlyphOccupiesTwoCells() {
        var b = Buffer(size: Size(width: 6, height: 1))
        b.put("a日b", at: Point(x: 0, y: 0))
        #expect(b[1, 0].grapheme == "日" && b[1, 0].width == 2)
        #expect(b[2, 0].isContinuation)
        #expect(b.lines() == ["a日b  "])
        #expect(b.styleMask() == ["......"])
    }

    @Test func overwritingHalfOfWideGlyphBlanksTheOtherHalf() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.put("日本", at: Point(x: 0, y: 0))
        b.put("x", at: Point(x: 1, y: 0))
        #expect(b.lines() == [" x本"])
        b.put("y", at: Point(x: 2, y: 0))
        #expect(b.lines() == [" xy "])
    }

    @Test func controlCharactersAreSkipped() {
        var b = Buffer(size: Size(width: 6, height: 1))
        b.put("a\tb\u{7}c", at: Point(x: 0, y: 0))
        #expect(b.lines() == ["abc   "])
    }

    @Test func fillAndStyleMask() {
        var b = Buffer(size: Size(width: 6, height: 2))
        b.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: .reverse)
        b.put("B", at: Point(x: 4, y: 1), style: .bold)
        b.put("#", at: Point(x: 5, y: 1), style: .selected)
        #expect(b.styleMask() == [".RR...", ".RR.B#"])
    }

    @Test func snapshotHasHeaderTextAndMask() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.put("ab", at: Point(x: 0, y: 0), style: .underline)
        b.cursor = Point(x: 2, y: 0)
        #expect(b.snapshot() == """
            size 4x1 cursor 2,0
            --- text ---
            ab
            --- style (#=reverse+bold R=reverse B=bold U=underline D=dim .=plain) ---
            UU..

            """)
    }

    @Test func negativeAndOutOfRangeWritesAreIgnored() {
        var b = Buffer(size: Size(width: 3, height: 1))
        b.put("abcdef", at: Point(x: -2, y: 0))
        #expect(b.lines() == ["cde"])
        #expect(b.put("x", at: Point(x: 0, y: 5)) == 0)
    }

    @Test func paddedPutTruncatesWithEllipsis() {
        var b = Buffer(size: Size(width: 10, height: 1))
        b.put("Nguyễn Văn An", at: Point(x: 0, y: 0), width: 8)
        #expect(b.lines() == ["Nguyễn…   "])
    }
}
