import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The layout editor of certificates: each move, resize or style switch is a change of the
/// award form, saved at once and undone with u; a box is never moved off its blank.
@Suite struct CertificateLayoutScreenTests {
    private func open() throws -> AppHarness {
        let h = try AppHarness(sample: true)
        try h.keys("9 C-b")
        #expect(h.app.top is CertificateLayoutScreen)
        return h
    }

    private func box(_ h: AppHarness, _ field: CertificateField) -> CertificateFieldLayout? {
        h.data.catalog.form("giay-khen-xa")?.certificateLayout(for: .individual).layout(of: field)
    }

    @Test func theEditorAt80x24() throws {
        let h = try open()
        assertGolden(h.screen(80, 24), "certificate-layout-80x24")
        try h.keys("Tab Right Right J")
        assertGolden(h.screen(80, 24), "certificate-layout-moved-80x24")
    }

    @Test func movingAFieldIsSavedAtOnceAndUndone() throws {
        let h = try open()
        let before = try #require(box(h, .name))
        try h.keys("Tab Right Right J")
        let moved = try #require(box(h, .name))
        #expect(moved.x == before.x + 2 && moved.y == before.y + 5)
        #expect(try h.reopened().catalog.form("giay-khen-xa")?.certificateLayout(for: .individual).layout(of: .name) == moved)
        try h.keys("+ b a")
        let styled = try #require(box(h, .name))
        #expect(styled.fontSize == before.fontSize + 1 && styled.bold != before.bold && styled.alignment == .right)
        try h.keys("u u u u u u")
        #expect(box(h, .name) == before)
        // The collective's layout is its own.
        try h.keys("t Left")
        #expect(box(h, .name) == before)
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateLayout(for: .collective).layout(of: .name)?.x
                == CertificateLayout.standard(for: h.data.catalog.form("giay-khen-xa")!, kind: .collective).layout(of: .name)!.x - 1)
    }

    @Test func aBoxNeverLeavesTheBlankAndTheStandardComesBack() throws {
        let h = try open()
        try h.keys("K K K K K K K K K K K K K K K K K K")
        #expect(h.app.message.contains("phải nằm trong phôi 297 × 210 mm"))
        #expect(try #require(box(h, .salutation)).y >= 0)
        try h.keys("m")
        #expect(h.data.catalog.form("giay-khen-xa")?.certificateLayouts == nil)
    }
}
