import Foundation
import Testing
import ThiDuaStore
import ThiDuaTUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("ệ", 1), ("Đ", 1), ("ư", 1), ("—", 1), ("…", 1), ("▶", 1), ("─", 1),
        ("日", 2), ("😀", 2), ("ｱ", 1), ("Ａ", 2), ("한", 2), ("🇻🇳", 2), ("👨‍👩‍👧", 2),
        ("\u{1}", 0), ("\u{7F}", 0), ("\u{200B}", 0), ("\u{301}", 0),
    ])
    func graphemeWidths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func nfcAndNfdHaveTheSameWidth() {
        let s = "Phòng Văn hoá - Xã hội — Đổi mới sáng tạo"
        let nfc = s.precomposedStringWithCanonicalMapping
        let nfd = s.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count == 41)
        #expect(nfd.unicodeScalars.count > 41)
        #expect(nfc.displayWidth == 41)
        #expect(nfd.displayWidth == 41)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.scalarWidth("\u{0323}") == 0)
        #expect(DisplayWidth.scalarWidth("\u{0302}") == 0)
        #expect("e\u{0302}\u{0323}".displayWidth == 1)
    }

    @Test func truncateAddsEllipsisAndNeverSplitsWideGlyphs() {
        #expect("Nguyễn Văn An".truncated(toWidth: 20) == "Nguyễn Văn An")
        #expect("Nguyễn Văn An".truncated(toWidth: 8) == "Nguyễn…", "no space before the …")
        #expect("日本語テキスト".truncated(toWidth: 6) == "日本…")
        #expect("日本語".truncated(toWidth: 4) == "日…")
        #expect("abc".truncated(toWidth: 0) == "")
        #expect("abcdef".truncated(toWidth: 1) == "…", "even one column says it was cut")
    }

    @Test func padUsesDisplayWidth() {
        #expect("Hà".padded(toWidth: 4) == "Hà  ")
        #expect("日".padded(toWidth: 4, alignment: .right) == "  日")
        #expect("ab".padded(toWidth: 6, alignment: .center) == "  ab  ")
        #expect("Hội đồng".padded(toWidth: 5).displayWidth == 5)
    }

    @Test func wrapByWidth() {
        #expect(TextWrap.wrap("Cửa sổ quá nhỏ — cần ít nhất", width: 12) == ["Cửa sổ quá", "nhỏ — cần ít", "nhất"])
        #expect(TextWrap.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
    }

    /// The string's width is the sum of its graphemes' widths, however it is measured, and
    /// wrapping keeps every line within the width: random text of letters, Vietnamese with
    /// tone marks (precomposed and combining), dashes, box lines, wide and emoji glyphs.
    @Test func stringWidthIsTheSumOfItsGraphemesOnRandomText() {
        let pieces = ["a", "Z", " ", "ệ", "Đ", "ư", "ỹ", "—", "…", "“", "‧", "─", "╬", "▶", "■", "日", "😀", "🇻🇳",
                      "\u{301}", "\u{323}", "\u{200D}", "\u{FE0F}", "e\u{302}\u{301}", "\u{AD}", "\u{1}", "ｱ", "한", "Ω"]
        var random = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 12)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let width = 1 + Int(random.next() % 8)
            for line in TextWrap.wrap(text, width: width) { #expect(line.displayWidth <= width) }
        }
    }
}
