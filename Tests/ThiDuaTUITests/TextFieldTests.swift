import Foundation
import Testing
import ThiDuaDomain
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
        let telex: TextField.InputTransform = { c, before, _ in
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

/// Telex rewrites only the letters typed in this run: what the field held before, what was
/// typed with another input method or pasted, and anything before a cursor move stays as is.
@Suite struct TelexTypingRunTests {
    static let telex: TextField.InputTransform = { typed, before, kept in
        TelexComposer(toneStyle: .old).apply(typed, to: before, keeping: kept)
    }

    static func type(_ characters: String, into field: inout TextField) {
        for c in characters { _ = field.handle(.char(c)) }
    }

    @Test func lettersTypedPrecomposedStayAsTyped() {
        var field = TextField("", inputTransform: Self.telex)
        Self.type("Đảng uỷ, thuỷ", into: &field)
        #expect(field.value == "Đảng uỷ, thuỷ", "the old style would put the tone on u; typed text is never moved")
    }

    @Test func textAlreadyInTheFieldIsNeverRewritten() {
        var field = TextField("thuỷ", inputTransform: Self.telex)
        Self.type("s", into: &field)
        #expect(field.value == "thuỷs")
        var name = TextField("Nguyen", inputTransform: Self.telex)
        Self.type("x", into: &name)
        #expect(name.value == "Nguyenx", "loaded text is not the user's typing of this run")
    }

    @Test func theRunComposesAndGoesOnAfterBackspace() {
        var field = TextField("", inputTransform: Self.telex)
        Self.type("hoaf", into: &field)
        #expect(field.value == "hòa")
        _ = field.handle(.backspace)
        Self.type("an", into: &field)
        #expect(field.value == "hoàn", "the tone typed in this run moves with the word")
    }

    @Test func aCursorMoveStartsANewRun() {
        var field = TextField("", inputTransform: Self.telex)
        Self.type("hoaf", into: &field)
        _ = field.handle(.left)
        _ = field.handle(.right)
        Self.type("n", into: &field)
        #expect(field.value == "hòan", "the word before the move is kept as it was")
        Self.type(" Nguyeenx", into: &field)
        #expect(field.value == "hòan Nguyễn", "new words compose as usual")
    }

    @Test func theSameHoldsInATextArea() {
        var area = TextArea("Đảng uỷ ")
        area.inputTransform = Self.telex
        for c in "thuyr" { _ = area.handle(.char(c)) }
        #expect(area.value == "Đảng uỷ thủy")
        var typed = TextArea("")
        typed.inputTransform = Self.telex
        for c in "uỷ" { _ = typed.handle(.char(c)) }
        #expect(typed.value == "uỷ")
    }
}

/// Fields that take codes, document numbers, phone numbers and paths never compose.
@Suite struct PlainFieldTests {
    @Test func aFormGivesTheTransformOnlyToFieldsThatTakeVietnamese() {
        var form = Form([
            FormItem(id: "name", label: "Tên", field: .text(TextField(""))),
            FormItem(id: "number", label: "Số văn bản", field: .text(TextField("", composesVietnamese: false))),
        ])
        form.setInputTransform(TelexTypingRunTests.telex)
        for c in "Ddoongf" { _ = form.handle(.char(c)) }
        _ = form.handle(.tab)
        for c in "15/BC-UBND dd" { _ = form.handle(.char(c)) }
        #expect(form.text("name") == "Đồng")
        #expect(form.text("number") == "15/BC-UBND dd")
    }

    @Test func thePhoneOfAUnitIsTypedAsItIsWithTelexOn() throws {
        let h = try AppHarness()
        try h.keys("1 a C-t")
        h.type("Thoon Ddoongf")
        try h.keys("Tab Tab Tab Tab")  // name, khối, order, head, phone
        h.type("0208 dd")
        #expect(h.all.contains("Thôn Đồng"))
        #expect(h.all.contains("0208 dd"))
    }
}
