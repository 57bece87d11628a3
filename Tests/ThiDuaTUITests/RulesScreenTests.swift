import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The award rules editor (Settings, F6): every edit is one `.updateRules` change, on disk
/// when the status line says «Đã lưu», undoable with u; the domain's refusals are shown.
@Suite struct RulesScreenTests {
    /// Settings, then the rules editor.
    private let open = "9 F6"
    private let giayKhenRule = "hang-toi-thieu-giay-khen"

    private func rule(_ h: AppHarness, _ id: String) -> EligibilityRule? {
        h.data.rules.eligibility.first { $0.id == id }
    }

    @Test func ruleTogglesOffAndOnAndUndoRestores() throws {
        let h = try AppHarness(sample: true)
        try h.keys(open)
        #expect(h.app.top is RulesScreen)
        #expect(rule(h, giayKhenRule)?.enabled == true)
        try h.keys("Space")
        #expect(rule(h, giayKhenRule)?.enabled == false)
        #expect(h.status.contains("Đã lưu: tắt quy tắc «\(giayKhenRule)»"))
        #expect(try h.reopened().rules == h.data.rules)
        #expect(h.all.contains("▶ [ ] Giấy khen"))
        try h.keys("u")
        #expect(rule(h, giayKhenRule)?.enabled == true)
        #expect(h.status.contains("Đã hoàn tác"))
        #expect(try h.reopened().rules.eligibility.first?.enabled == true)
        try h.keys("Space Space")
        #expect(rule(h, giayKhenRule)?.enabled == true)
        #expect(h.status.contains("Đã lưu: bật quy tắc"))
        #expect(h.app.session.undoStack.count == 2, "each toggle is one change")
    }

    @Test func giayKhenMinimumClassIsEditable() throws {
        let h = try AppHarness(sample: true)
        try h.keys("\(open) Enter")
        #expect(h.app.top is RuleFormScreen)
        #expect(h.all.contains("Xếp loại tối thiểu"))
        // Bands best first: Xuất sắc, Tốt, Khá — one to the right of «Tốt».
        try h.keys("Tab Right F2")
        #expect(rule(h, giayKhenRule)?.check == .minimumClass(formID: "giay-khen-xa", className: "Khá"))
        #expect(try h.reopened().rules == h.data.rules)
        #expect(h.status.contains("Đã lưu quy tắc «\(giayKhenRule)»"))
        #expect(h.app.top is RulesScreen)
        #expect(h.all.contains("Giấy khen CT UBND xã: từ «Khá»"))
        try h.keys("u")
        #expect(rule(h, giayKhenRule)?.check == .minimumClass(formID: "giay-khen-xa", className: "Tốt"))
    }

    @Test func descriptionIsEditable() throws {
        let h = try AppHarness(sample: true)
        // The third rule (one nomination per form and period) has no parameters.
        try h.keys("\(open) Down Down Enter")
        #expect(h.all.contains("Mô tả"))
        try h.keys("C-u \"Mỗi đối tượng một đề nghị cho mỗi hình thức trong một đợt.\" F2")
        #expect(rule(h, "mot-de-nghi")?.description == "Mỗi đối tượng một đề nghị cho mỗi hình thức trong một đợt.")
    }

    @Test func perFormVoteThresholdIsSetAndCleared() throws {
        let h = try AppHarness(sample: true)
        // Thresholds: the default, then the forms most senior first; Giấy khen is last.
        try h.keys("\(open) Tab End")
        #expect(h.all.contains("Giấy khen của Chủ tịch UBND xã"))
        #expect(h.all.contains("(dùng mặc định) trên 50 %"))
        try h.keys("Enter Right Tab C-u \"67\" Tab Right F2")
        #expect(h.data.rules.voteThresholds["giay-khen-xa"] == VoteThreshold(percent: 67, strictlyMore: false))
        #expect(try h.reopened().rules.voteThresholds["giay-khen-xa"] != nil)
        #expect(h.status.contains("Đã lưu ngưỡng biểu quyết của «Giấy khen của Chủ tịch UBND xã»"))
        #expect(h.all.split(separator: "\n").contains { $0.contains("Giấy khen của Chủ tịch UBND xã") && $0.contains("từ 67 %") })
        #expect(h.all.contains("Ngưỡng riêng: từ 67 % tổng số thành viên."))
        try h.keys("Enter Left F2")
        #expect(h.data.rules.voteThresholds["giay-khen-xa"] == nil)
        #expect(try h.reopened().rules.voteThresholds.isEmpty)
        #expect(h.all.contains("(dùng mặc định) trên 50 %"))
    }

    @Test func thresholdOutsideZeroToHundredIsRefused() throws {
        let h = try AppHarness(sample: true)
        try h.keys("\(open) Tab Enter C-u \"150\" F2")
        #expect(h.all.contains("! Số phải từ 0 đến 100 (đã nhập 150)."))
        #expect(h.data.rules.defaultVoteThreshold == VoteThreshold(percent: 50, strictlyMore: true))
    }

    @Test func invalidSuggestionCountShowsTheDomainMessage() throws {
        let h = try AppHarness(sample: true)
        let before = h.data.rules
        // Suggestions: the second rule picks the best of each khối.
        try h.keys("\(open) ] ] Down Enter")
        #expect(h.all.contains("Số đứng đầu mỗi khối"))
        try h.keys("Tab Tab Tab C-u \"60\" F2")
        let message = "Quy tắc gợi ý «dan-dau-khoi-bang-khen-tinh»: số đứng đầu mỗi khối phải từ 1 đến 50 (đã nhập 60)."
        let form = try #require(h.app.top as? RuleFormScreen)
        #expect(form.form.item("count")?.error == message)
        #expect(h.text(200, 40).contains("! " + message))
        #expect(h.data.rules == before, "nothing written")
        try h.keys("C-u \"2\" F2")
        #expect(h.data.rules.suggestions.last?.pick == .topOfBlock(count: 2, minimumClass: "Xuất sắc"))
        #expect(h.all.contains("2 đứng đầu mỗi khối, từ «Xuất sắc»"))
    }

    @Test func planDefaultsReplaceTheRulesButNotTheClassBands() throws {
        let h = try AppHarness(sample: true)
        var bands = h.data.rules
        bands.classBands[0].minimum = 95
        _ = try h.store.commit(.updateRules(rules: bands))
        try h.keys("\(open) Space Tab End Enter Right F2")
        #expect(h.data.rules.eligibility.first?.enabled == false)
        #expect(h.data.rules.voteThresholds.count == 1)
        try h.keys("m")
        #expect(h.all.contains("Khôi phục quy tắc mặc định"))
        try h.keys("Enter")
        #expect(h.data.rules.voteThresholds.count == 1, "the dialog starts on «Không»")
        try h.keys("m c")
        let defaults = try Defaults.dataset().rules
        #expect(h.data.rules.eligibility == defaults.eligibility)
        #expect(h.data.rules.voteThresholds == defaults.voteThresholds)
        #expect(h.data.rules.defaultVoteThreshold == defaults.defaultVoteThreshold)
        #expect(h.data.rules.suggestions == defaults.suggestions)
        #expect(h.data.rules.classBands.first?.minimum == 95, "class bands stay")
        #expect(try h.reopened().rules == h.data.rules)
        #expect(h.status.contains("Đã lưu: khôi phục quy tắc mặc định"))
        try h.keys("u")
        #expect(h.data.rules.voteThresholds.count == 1)
    }

    @Test func settingsSavedAfterwardsKeepTheRulesEdits() throws {
        let h = try AppHarness(sample: true)
        try h.keys("\(open) Space Esc")
        #expect(h.app.top is SettingsScreen)
        try h.keys("C-u \"Phong Quang mới\" F2")
        #expect(h.data.settings.communeName == "Phong Quang mới")
        #expect(rule(h, giayKhenRule)?.enabled == false, "the settings form does not write back the old rules")
    }

    @Test func goldens() throws {
        let h = try AppHarness(sample: true)
        try h.keys(open)
        assertGolden(h.screen(80, 24), "rules-80x24")
        assertGolden(h.screen(120, 40), "rules-120x40")
        try h.keys("Tab")
        assertGolden(h.screen(80, 24), "rules-thresholds-80x24")
        try h.keys("Tab Down Enter")
        assertGolden(h.screen(80, 24), "rule-form-suggestion-80x24")
    }
}
