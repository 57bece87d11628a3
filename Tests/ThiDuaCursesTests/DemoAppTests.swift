import Testing
import ThiDuaCurses
import ThiDuaTUI

@Suite struct DemoAppTests {
    @Test func typesIntoFieldAndQuitsOnlyOutsideIt() throws {
        let app = DemoApp()
        app.feed(try Key.script(#""quý" BS "ỳ" Enter"#))
        #expect(app.field.value == "quỳ")
        #expect(app.status.message == "Đã nhập: quỳ")
        #expect(!app.wantsQuit)
        app.feed(try Key.script("Tab Down Down Enter"))
        #expect(app.status.message == "Đã chọn: Lê Hoàng Cường")
        app.feed(try Key.script("q"))
        #expect(app.wantsQuit)
    }

    @Test func f10AndEscDigitQuit() throws {
        let app = DemoApp()
        app.feed([.function(10)])
        #expect(app.wantsQuit)
    }

    @Test func helpPagerOpensAndCloses() throws {
        let app = DemoApp()
        app.feed([.function(1)])
        #expect(app.help != nil)
        let screen = app.render(size: Size(width: 80, height: 24)).lines()
        #expect(screen.contains { $0.contains("F10 / q") && $0.contains("Thoát") })
        app.feed([.escape])
        #expect(app.help == nil)
    }

    @Test func rendersTitleSizeAndBars() throws {
        let app = DemoApp()
        app.feed([.resize(Size(width: 100, height: 30))])
        let b = app.render(size: Size(width: 100, height: 30))
        let lines = b.lines()
        #expect(lines[0].hasPrefix(" thidua — thử giao diện"))
        #expect(lines[0].hasSuffix("100×30 "))
        #expect(lines[29].hasPrefix("F1 Trợ giúp ? F10 Thoát q"))
        #expect(lines[28].contains("Đã đổi cỡ cửa sổ: 100×30"))
        #expect(b.cursor == Point(x: 14, y: 2))
    }

    @Test func tooSmall() {
        let b = DemoApp().render(size: Size(width: 60, height: 20))
        #expect(b.lines().joined().contains("Cửa sổ quá nhỏ — cần ít nhất 80×24, hiện tại 60×20"))
    }
}
