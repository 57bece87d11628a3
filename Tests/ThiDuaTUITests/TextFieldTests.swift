import Foundation
import Testing
import ThiDuaTUI

@Suite struct TextFieldTests {
    func typed(_ script: String, into field: TextField = TextField()) throws -> TextField {
        var f = field
        for key in try Key.script(script) { _ = f.handle(key) }
        return f
    }

    @Test func unikeyBurstDeletesOneGraphemePerBackspaceInOrder() throws {
        #expect(try typed(#"v i e BS ê t"#).text == "viêt")
        // Unikey: "vie" BSpace "êt", then C-h-equivalent Backspaces and "ệt".
        #expect(try typed(#""vie" BS "êt" BS BS "ệt""#).text == "việt")
    }

    @Test func backspaceRemovesWholeNFDGrapheme() throws {
        let nfd = "Việt".decomposedStringWithCanonicalMapping
        let f = try typed("BS BS", into: TextField(nfd))
        #expect(f.text == "Vi")
    }

    @Test func typedCombiningMarkJoinsPreviousGrapheme() throws {
        var f = TextField("Vie")
        _ = f.handle(.char("\u{0302}"))
        #expect(f.graphemes.count == 3)
        #expect(f.cursor == 3)
        #expect(f.value == "Viê")
    }

    @Test func cursorMovesByGrapheme() throws {
        let f = try typed(#"Home Right Right "X" End "!" Left Del"#, into: TextField("Nguyễn"))
        #expect(f.text == "NgXuyễn")
        #expect(f.cursor == 7)
        #expect(try typed(#"Home Del"#, into: TextField("Đà")).text == "à")
    }

    @Test func escapeRestoresValueOnEntry() throws {
        var f = TextField("Hà Nội")
        f.beginEditing()
        for k in try Key.script(#"BS BS BS "Tĩnh""#) { _ = f.handle(k) }
        #expect(f.text == "Hà Tĩnh")
        #expect(f.handle(.escape) == .cancelled)
        #expect(f.text == "Hà Nội")
        #expect(f.handle(.escape) == .ignored)
    }

    @Test func enterCommitsNFC() throws {
        var f = TextField("Nguye\u{0302}\u{0303}n")
        #expect(f.handle(.enter) == .committed)
        #expect(f.text.unicodeScalars.count == 6)
        #expect(f.text == "Nguyễn")
        #expect(f.handle(.escape) == .ignored)
    }

    @Test func maxLengthRefusesExtraGraphemes() throws {
        let f = try typed(#""abcdef""#, into: TextField("", maxLength: 4))
        #expect(f.text == "abcd")
    }

    @Test func inputTransformHookSeesTextBeforeCursor() throws {
        // A toy Telex rule: "ee" → "ê".
        let telex: TextField.InputTransform = { c, before in
            if c == "e", before.hasSuffix("e") { return String(before.dropLast()) + "ê" }
            return before + String(c)
        }
        let f = try typed(#""viee" "t""#, into: TextField("", inputTransform: telex))
        #expect(f.text == "viêt")
    }

    @Test func unhandledKeysAreIgnored() {
        var f = TextField("a")
        #expect(f.handle(.tab) == .ignored)
        #expect(f.handle(.function(2)) == .ignored)
        #expect(f.handle(.up) == .ignored)
    }

    @Test func scrollsHorizontallyByDisplayWidth() throws {
        var f = TextField("", visibleWidth: 10)
        for k in try Key.script(#""日本語のテキスト""#) { _ = f.handle(k) }
        var b = Buffer(size: Size(width: 10, height: 1))
        f.render(into: &b, rect: Rect(x: 0, y: 0, width: 10, height: 1), focused: true)
        // 8 wide glyphs = 16 columns; the caret needs one column at the end.
        #expect(b.lines() == ["テキスト  "])
        #expect(b.cursor == Point(x: 8, y: 0))
        for _ in 0..<6 { _ = f.handle(.left) }
        var b2 = Buffer(size: Size(width: 10, height: 1))
        f.render(into: &b2, rect: Rect(x: 0, y: 0, width: 10, height: 1), focused: true)
        #expect(b2.cursor?.x == 0)
        #expect(b2.lines()[0].hasPrefix("語のテキ"))
    }

    @Test func renderShowsUnderlineWhenUnfocused() {
        let f = TextField("Lan")
        var b = Buffer(size: Size(width: 6, height: 1))
        f.render(into: &b, rect: Rect(x: 1, y: 0, width: 5, height: 1), focused: false)
        #expect(b.lines() == [" Lan  "])
        #expect(b.styleMask() == [".UUUUU"])
        #expect(b.cursor == nil)
    }
}
