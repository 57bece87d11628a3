import Testing
import ThiDuaCurses
import ThiDuaTUI

@Suite struct KeyDecoderTests {
    func decode(_ raws: RawInput...) -> [Key] { KeyDecoder.decode(raws) }
    func char(_ c: Character) -> RawInput { .char(c.unicodeScalars.first!.value) }

    @Test func escapeThenDigitIsFunctionKey() {
        for n in 1...9 {
            #expect(decode(.char(27), .char(UInt32(0x30 + n))) == [.function(n)])
        }
        #expect(decode(.char(27), char("0")) == [.function(10)])
    }

    @Test func escapeAloneIsEscape() {
        #expect(decode(.char(27)) == [.escape])
        #expect(decode(.char(27), .none, char("a")) == [.escape, .char("a")])
    }

    @Test func escapeThenPrintableIsAlt() {
        #expect(decode(.char(27), char("x")) == [.alt("x")])
        #expect(decode(.char(27), char("ê")) == [.alt("ê")])
    }

    @Test func escapeThenKeyKeepsBothKeys() {
        #expect(decode(.char(27), .char(27)) == [.escape, .escape])
        #expect(decode(.char(27), .keyCode(259)) == [.escape, .up])
        #expect(decode(.char(27), .char(13)) == [.escape, .enter])
        #expect(decode(.char(27), char(" ")) == [.escape, .char(" ")])
    }

    @Test func threeBackspaceCodes() {
        #expect(decode(.char(127), .char(8), .keyCode(263)) == [.backspace, .backspace, .backspace])
    }

    @Test func enterTabAndControls() {
        #expect(decode(.char(13), .char(10), .keyCode(343)) == [.enter, .enter, .enter])
        #expect(decode(.char(9), .keyCode(353)) == [.tab, .backTab])
        #expect(decode(.char(19), .char(1), .char(26), .char(16)) == [.ctrl("s"), .ctrl("a"), .ctrl("z"), .ctrl("p")])
        #expect(decode(.char(0)) == [.ctrl(" ")])
    }

    @Test func keypadCodes() {
        // Values measured under tmux-256color on ncurses 6.4 (measured when the harness was written).
        let table: [(Int32, Key)] = [
            (259, .up), (258, .down), (260, .left), (261, .right), (262, .home), (360, .end),
            (339, .pageUp), (338, .pageDown), (331, .insert), (330, .delete),
            (265, .function(1)), (266, .function(2)), (274, .function(10)), (276, .function(12)),
            (277, .unknown(277)), (409, .unknown(409)),
        ]
        for (code, key) in table {
            #expect(decode(.keyCode(code)) == [key], "code \(code)")
        }
    }

    @Test func resizeCarriesTheNewSize() {
        #expect(KeyDecoder.decode([.keyCode(410)], size: Size(width: 60, height: 15))
            == [.resize(Size(width: 60, height: 15))])
    }

    @Test func unikeyBurstDecodesInOrder() {
        let raws: [RawInput] = [char("v"), char("i"), char("e"), .char(127), char("ê"), char("t")]
        #expect(KeyDecoder.decode(raws) == [.char("v"), .char("i"), .char("e"), .backspace, .char("ê"), .char("t")])
    }

    @Test func vietnameseScalarsAreCharacters() {
        #expect(decode(.char(0x1EDF), .char(0x0110)) == [.char("ở"), .char("Đ")])
        #expect(decode(.char(0x85)) == [.unknown(0x85)])
    }
}

@Suite struct TerminalSettingsTests {
    @Test func escapeDelayFromEnvironment() {
        #expect(CursesTerminal.escapeDelay(environment: [:]) == 25)
        #expect(CursesTerminal.escapeDelay(environment: ["THIDUA_ESCDELAY": "50"]) == 50)
        #expect(CursesTerminal.escapeDelay(environment: ["THIDUA_ESCDELAY": "abc"]) == 25)
        #expect(CursesTerminal.escapeDelay(environment: ["THIDUA_ESCDELAY": "5000"]) == 25)
    }

    @Test func noColorRule() {
        #expect(CursesTerminal.wantsColor(environment: [:]))
        #expect(CursesTerminal.wantsColor(environment: ["NO_COLOR": ""]))
        #expect(!CursesTerminal.wantsColor(environment: ["NO_COLOR": "1"]))
    }

    @Test func errorMessagesAreVietnamese() {
        #expect(CursesError.noUTF8Locale(codeset: "ANSI_X3.4-1968").description.contains("Không đặt được bảng mã UTF-8"))
        #expect(CursesError.cannotStart(term: "").description.contains("TERM=trống"))
    }
}
