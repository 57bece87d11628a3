import Testing
import ThiDuaTUI

@Suite struct KeyScriptTests {
    @Test func parsesTheExampleScript() throws {
        let keys = try Key.script(#"F2 Down Down "Nguyễn Văn A" Tab "8,5" Enter C-s M-x Esc"#)
        let name: [Key] = "Nguyễn Văn A".map { .char($0) }
        #expect(keys == [.function(2), .down, .down] + name + [.tab, .char("8"), .char(","), .char("5"),
                         .enter, .ctrl("s"), .alt("x"), .escape])
    }

    @Test func namesAreCaseInsensitiveWithAliases() throws {
        #expect(try Key.script("pgup PageDown BSpace bs Del Ins BTab S-Tab home END space F12")
            == [.pageUp, .pageDown, .backspace, .backspace, .delete, .insert, .backTab, .backTab,
                .home, .end, .char(" "), .function(12)])
    }

    @Test func singleCharactersAndEscapes() throws {
        #expect(try Key.script(#"q ? ê "a\"b\\""#) == [.char("q"), .char("?"), .char("ê"),
                                                       .char("a"), .char("\""), .char("b"), .char("\\")])
        #expect(try Key.script("C-S Resize:100x30") == [.ctrl("s"), .resize(Size(width: 100, height: 30))])
    }

    @Test func errors() {
        #expect(throws: KeyScriptError.unknownToken("Foo")) { try Key.script("Up Foo") }
        #expect(throws: KeyScriptError.unterminatedString) { try Key.script(#""abc"#) }
        #expect(throws: KeyScriptError.unknownToken("F13")) { try Key.script("F13") }
    }

    @Test func labels() {
        #expect(Key.ctrl("s").label == "^S")
        #expect(Key.function(10).label == "F10")
        #expect(Key.alt("x").label == "M-x")
        #expect(Key.char(" ").label == "Space")
    }
}
