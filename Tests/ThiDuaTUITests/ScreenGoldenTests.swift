import Testing
import ThiDuaDomain
@testable import ThiDuaTUI

/// Whole-program screens, in-process, on the sample commune with the clock at 24/11/2026,
/// at the minimum size and at a wide one. Refresh with UPDATE_GOLDENS=1 and review the diff.
@Suite struct ScreenGoldenTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes) func home(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        assertGolden(h.screen(width, height), "home-\(width)x\(height)")
    }

    @Test(arguments: sizes) func unitList(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("1")
        assertGolden(h.screen(width, height), "units-\(width)x\(height)")
    }

    @Test(arguments: sizes) func unitFormWithValidationError(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("1 a \"Trạm Y tế xã\" Tab Tab Tab Tab \"0208 abc\" F2")
        let screen = h.screen(width, height)
        #expect(screen.lines().joined().contains("Số điện thoại chỉ gồm chữ số"))
        assertGolden(screen, "unit-form-error-\(width)x\(height)")
    }

    @Test(arguments: sizes) func personSearch(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("2 / \"nguyen\"")
        assertGolden(h.screen(width, height), "people-search-\(width)x\(height)")
    }

    @Test(arguments: sizes) func history(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("1 a \"Trạm Y tế xã\" F2 e Tab Tab Tab \"Lò Thị Dung\" F2 Esc 2 a \"Hà Văn Sơn\" F2")
        try h.keys("Esc Esc 8")
        assertGolden(h.screen(width, height), "history-\(width)x\(height)")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("1 ?")
        assertGolden(h.screen(width, height), "help-units-\(width)x\(height)")
    }

    @Test(arguments: [(79, 24), (60, 20), (120, 23)]) func tooSmall(width: Int, height: Int) throws {
        let h = try AppHarness(sample: true)
        try h.keys("1")
        assertGolden(h.screen(width, height), "app-too-small-\(width)x\(height)")
    }
}
