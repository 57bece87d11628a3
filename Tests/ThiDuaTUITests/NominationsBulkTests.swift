import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// Suggestions accepted and nominations stepped many at a time: a preview of what changes
/// and what is blocked (the domain's reasons), one batch, one undo.
@Suite struct NominationsBulkTests {
    @Test func markedSuggestionsAreAcceptedInOneStepAndUndoneInOne() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g")
        let expected = h.data.suggestions(period: .year(2025), formID: "giay-khen-xa")
        try h.keys("Space Down Space y")
        #expect(h.text(120, 40).contains("Nhận 2 gợi ý"))
        #expect(h.text(120, 40).contains("Sẽ áp dụng cho 2 gợi ý."))
        try h.keys("c")
        #expect(Set(h.data.nominations.values.map(\.nominee)) == [expected[0].subject, expected[2].subject])
        #expect(h.data.nominations.values.allSatisfy { $0.status == .proposed })
        let list = try #require(h.app.top as? SuggestionsScreen)
        #expect(list.suggestions.map(\.subject) == expected.map(\.subject).filter { $0 != expected[0].subject && $0 != expected[2].subject })
        #expect(h.app.message.hasPrefix("Đã đề nghị 2 gợi ý (u hoàn tác cả nhóm)"))
        try h.keys("u")
        #expect(h.data.nominations.isEmpty, "one undo takes both back")
    }

    @Test func allSuggestionsAtOnce() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g")
        let expected = h.data.suggestions(period: .year(2025), formID: "giay-khen-xa")
        try h.keys("A c")
        #expect(h.data.nominations.count == expected.count)
        #expect(!(h.app.top is SuggestionsScreen), "the list closes once every suggestion is dealt with")
        #expect(try h.reopened().nominations.count == expected.count)
        try h.keys("u")
        #expect(h.data.nominations.isEmpty)
    }

    @Test func markedNominationsStepOnTogetherAndWhatIsBlockedIsSaid() throws {
        let h = try AppHarness(sample: true)
        try h.keys("6 < g A c")
        let screen = try #require(h.app.top as? NominationsScreen)
        try h.keys("V \"9\" Tab \"9\" Tab \"9\" Tab \"0\" Tab \"0\" F2")
        let ids = screen.rows.nominations.map(\.id)
        #expect(ids.count >= 3)
        #expect(ids.allSatisfy { h.data.nominations[$0]?.status == .councilReviewed })
        let before = h.data
        let plan = NominationBulk.statusPlan(ids, to: .submitted, in: before, context: h.app.session.context)
        // Space marks and steps past the group titles; * marks the whole list.
        try h.keys("Space Space")
        #expect(screen.marks.count == 2)
        try h.keys("*")
        #expect(screen.marks.count == ids.count)
        try h.keys("t")
        #expect(h.text(120, 40).contains("Chuyển bước \(ids.count) đề nghị"))
        try h.keys("Enter")  // «Đã trình», the first choice
        let preview = h.text(120, 40)
        #expect(preview.contains("Chuyển \(ids.count) đề nghị sang «Đã trình»"))
        if !plan.blocked.isEmpty { #expect(preview.contains("Không áp dụng cho \(plan.blocked.count) đề nghị:")) }
        try h.keys("c")
        for id in ids {
            let moved = plan.ready.contains { $0.hasPrefix(id.rawValue + " ") }
            #expect(h.data.nominations[id]?.status == (moved ? .submitted : .councilReviewed), "\(id)")
        }
        #expect(screen.marks.isEmpty)
        try h.keys("u")
        #expect(h.data.nominations == before.nominations)

        // Back a step, many at once: one reason, asked once, in each history.
        try h.keys("* b")
        #expect(h.text(120, 40).contains("\(ids.count) đề nghị cần ghi lý do"))
        try h.keys("g \"Bổ sung hồ sơ\" Enter")
        for id in ids {
            #expect(h.data.nominations[id]?.status == .proposed)
            #expect(h.data.nominations[id]?.statusHistory.last?.reason == "Bổ sung hồ sơ")
        }
    }
}
