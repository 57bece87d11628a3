import Foundation
import Testing
import ThiDuaDomain
import ThiDuaRender
import ThiDuaStore
import ThiDuaTestSupport
@testable import ThiDuaTUI

/// Home area 7: choosing a document, its parameters and the preview, through the whole
/// program over the sample commune.
@Suite struct DocumentsScreenTests {
    @Test func theListNamesEveryDocumentAndWhatItNeeds() throws {
        let h = try AppHarness(sample: true)
        try h.keys("7")
        let screen = try #require(h.app.top as? DocumentsScreen)
        #expect(screen.kinds == DocumentKind.allCases)
        let text = h.text(120, 40)
        for kind in DocumentKind.allCases {
            #expect(text.contains(kind.title), "\(kind.title)")
            #expect(text.contains("thidua print \(kind.rawValue)"))
        }
        #expect(text.contains("Cần: đợt, hình thức (hoặc tất cả), số văn bản (nếu có)"))
        assertGolden(h.screen(80, 24), "documents-80x24")
        assertGolden(h.screen(120, 40), "documents-120x40")
    }

    @Test func aDigitOpensTheDocumentOfThatNumber() throws {
        let h = try AppHarness(sample: true)
        try h.keys("7 3")
        let params = try #require(h.app.top as? DocumentParamsScreen)
        #expect(params.kind == DocumentKind.allCases[2])
        try h.keys("Esc")
        #expect((h.app.top as? DocumentsScreen)?.selectedKind == DocumentKind.allCases[2])
    }

    @Test func theNominationListPreviewShowsTheNamesAndSearchIgnoresAccents() throws {
        let h = try DocumentSteps.harnessWithNominations()
        try h.keys(DocumentSteps.giayKhenPreview)
        let preview = try DocumentSteps.preview(h)
        #expect(preview.request.period == .year(2025))
        #expect(preview.request.formID == "giay-khen-xa")
        #expect(preview.title == "Xem trước: Danh sách đề nghị khen thưởng Năm 2025")
        #expect(h.all.contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
        #expect(h.all.contains("Giấy khen của Chủ tịch UBND xã — Năm 2025"))
        let wide = h.text(200, 60)
        for name in DocumentSteps.nominees { #expect(wide.contains(name), "\(name)") }
        assertGolden(h.screen(80, 24), "document-preview-80x24")
        assertGolden(h.screen(120, 40), "document-preview-120x40")

        // Typed without accents, found with them; n goes on to the next match.
        _ = h.screen(80, 24)
        try h.keys("/ \"dong hy\" Enter")
        let first = try #require(preview.pager.matchLine)
        #expect(preview.pager.lines[first].contains("Đồng Hỷ"))
        #expect(h.screen(80, 24).styleMask()[2 + first - preview.pager.top].contains("R"), "the match is highlighted")
        try h.keys("/ \"khong co ten nay\" Enter")
        #expect(h.all.contains("Không tìm thấy «khong co ten nay»"))
    }

    @Test func thePreviewIsLaidOutAgainForANewWidth() throws {
        let h = try DocumentSteps.harnessWithNominations()
        try h.keys(DocumentSteps.giayKhenPreview)
        let preview = try DocumentSteps.preview(h)
        _ = h.screen(80, 24)
        let narrow = preview.pager.lines
        _ = h.screen(160, 40)
        let wide = preview.pager.lines
        #expect(narrow != wide)
        #expect(wide.map(\.displayWidth).max()! > 100)
        #expect(narrow.count > wide.count, "a narrower table wraps into more lines")
        try h.keys("End")
        #expect(h.text(160, 40).contains("Danh sách có 2 tập thể./."))
    }

    @Test func theFormChoiceFollowsThePeriod() throws {
        let h = try AppHarness(sample: true)
        try h.keys("7 Enter")
        let params = try #require(h.app.top as? DocumentParamsScreen)
        guard case .choice(let forms2026)? = params.form.item("form")?.field else { Issue.record("no form choice"); return }
        #expect(forms2026.options == ["Tất cả hình thức của đợt", "Bằng khen tỉnh", "Giấy khen xã"])
        try h.keys("Tab g BTab End")
        guard case .choice(let formsEnd)? = params.form.item("form")?.field else { Issue.record("no form choice"); return }
        #expect(formsEnd.options == ["Tất cả hình thức của đợt", "Huân chương LĐ", "Bằng khen TTg", "Bằng khen tỉnh",
                                     "Giấy khen xã"])
        #expect(formsEnd.selected == "Giấy khen xã", "the form chosen stays chosen")
        #expect(params.request(session: h.app.session)?.period == .endOfPhase)
    }

    @Test func aDocumentAboutOneUnitAsksForItThroughThePicker() throws {
        let h = try AppHarness(sample: true)
        try h.keys("7 Down Down Down Down Down Enter")
        let params = try #require(h.app.top as? DocumentParamsScreen)
        #expect(params.kind == .scoreSheet)
        #expect(params.form.items.map(\.id) == ["year", "subject", "date"])
        try h.keys("F5")
        #expect(h.app.top === params, "nothing to preview without a unit")
        #expect(h.all.contains("cần chọn một đơn vị hoặc cá nhân"))
        try h.keys("Left Tab Enter")
        let picker = try #require(h.app.top as? SubjectPickerScreen)
        try h.keys("\"van phong dang\"")
        #expect(picker.visible.first?.name == "Văn phòng Đảng uỷ (mẫu)")
        try h.keys("Enter")
        #expect(h.app.top === params)
        #expect(params.subject == .unit("DV0001"))
        #expect(h.all.contains("Văn phòng Đảng uỷ (mẫu)"))
        try h.keys("F5")
        let preview = try DocumentSteps.preview(h)
        #expect(preview.request.subject == .unit("DV0001"))
        #expect(preview.request.year == 2025)
        #expect(h.all.contains("PHIẾU CHẤM ĐIỂM THI ĐUA"))
    }

    @Test func aRequestTheRecordsCannotServeIsRefusedWithTheReason() throws {
        let h = try AppHarness(sample: true)
        // The draft decision is only for forms the commune decides itself.
        try h.keys("7 Down Down Enter Tab b F5")
        #expect(h.app.top is DocumentParamsScreen)
        #expect(h.all.contains("Xã chỉ ra quyết định với hình thức do xã quyết định"))
    }

    @Test func theParametersShowTheRuleAndWhatItLeavesOutAndAskWhereATờTrìnhGoes() throws {
        let h = try DocumentSteps.harnessWithNominations()   // two 2025 Giấy khen proposals, not voted yet
        try h.keys("7 Down Enter Left")
        let params = try #require(h.app.top as? DocumentParamsScreen)
        #expect(params.kind == .submission)
        #expect(h.text(160, 40).contains("Mỗi tờ trình gửi một nơi: chọn «Gửi tới» hoặc một hình thức"))
        try h.keys("F5")
        #expect(h.app.top is DocumentParamsScreen, "no tờ trình to nobody knows whom")
        let asked = h.text(160, 40)
        #expect(asked.contains("hãy chọn nơi gửi («xa»: Chủ tịch UBND xã (Giấy khen xã); «tinh»: Chủ tịch UBND tỉnh"))
        #expect(asked.contains("Chọn nơi gửi tờ trình."), "the question sits under «Gửi tới», which has the focus")
        try h.keys("Right")
        let scoped = h.text(160, 40)
        #expect(scoped.contains("Gồm các đề nghị đã đạt biểu quyết của hội đồng, không còn cảnh báo chưa xử lý, thuộc hình thức trình Chủ tịch UBND xã."))
        #expect(scoped.contains("Văn bản gồm 0 đề nghị; để ngoài 2: 2 chưa biểu quyết."))
        assertGolden(h.screen(80, 24), "document-params-submission-80x24")
        try h.keys("F5")
        #expect(h.app.top is DocumentParamsScreen)
        #expect(h.text(200, 40).contains("chưa có đề nghị nào của đợt «Năm 2025» (để ngoài: 2 chưa biểu quyết)"))
    }

    @Test func theFuzzStartsReachTheirScreens() throws {
        let expected: [String: any Screen.Type] = [
            "documents": DocumentsScreen.self, "document params": DocumentParamsScreen.self,
            "document preview": DocumentPreviewScreen.self, "document save": DocumentSaveScreen.self,
            "document print": DocumentPrintScreen.self, "subject picker": SubjectPickerScreen.self,
        ]
        for (name, type) in expected {
            let start = try #require(KeyFuzzer.starts.first { $0.name == name })
            let h = try AppHarness(sample: true)
            try h.keys(start.script)
            #expect(Swift.type(of: h.app.top) == type, "\(name) ends on \(Swift.type(of: h.app.top))")
        }
    }

    @Test func anUndoElsewhereRebuildsTheOpenPreview() throws {
        let h = try DocumentSteps.harnessWithNominations()
        try h.keys(DocumentSteps.giayKhenPreview)
        let preview = try DocumentSteps.preview(h)
        #expect(preview.document.map { TextWriter(width: 200).render($0) }?.contains("I. TẬP THỂ (2)") == true)
        try h.keys("u")
        #expect(preview.document.map { TextWriter(width: 200).render($0) }?.contains("I. TẬP THỂ (1)") == true)
    }
}
