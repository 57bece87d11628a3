import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// The score grid through the whole program: scores typed into cells go through the
/// domain's `.setScore` and are on disk, refusals keep the typed text, and the total,
/// rank and class columns follow `Dataset.ranking` after every commit.
@Suite struct ScoreGridScreenTests {
    /// Opens the grid from the home menu (area 4), then runs `script`.
    private func open(_ script: String = "", sample: Bool = true) throws -> (AppHarness, ScoreGridScreen) {
        let h = try AppHarness(sample: sample)
        try h.keys("4 " + script)
        let grid = try #require(h.app.stack.last as? ScoreGridScreen)
        return (h, grid)
    }

    private func score(_ data: Dataset, _ year: Int, _ subject: Subject, _ code: String) -> ItemScore? {
        data.sheets[SheetKey(year: year, subject: subject)]?.items[code]
    }

    // MARK: Goldens

    @Test func scrollsItemColumnsAt80x24() throws {
        let (h, grid) = try open("] ] End")
        #expect(grid.model.tab.categoryID == "ubnd")
        let text = h.text()
        #expect(grid.firstItem > 0, "the last item is only reachable by scrolling")
        #expect(!text.contains("1.1/15") && text.contains("1.7/10"))
        #expect(text.contains("◀1."), "an arrow says columns are hidden on the left")
        assertGolden(h.screen(80, 24), "score-grid-scrolled-80x24")
    }

    @Test func showsEveryItemAt160x50InAppraisedMode() throws {
        let (h, _) = try open("] ] v Down")
        let text = h.text(160, 50)
        for code in ["1.1/15", "1.4/15", "1.7/10"] { #expect(text.contains(code)) }
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Đơn vị") })
        #expect(!header.contains("▶") && !header.contains("◀"), "no hidden columns at 160 wide")
        assertGolden(h.screen(160, 50), "score-grid-appraised-160x50")
    }

    @Test func theGridKeepsItsKhoiAndModeWhenReopened() throws {
        let (h, grid) = try open("] ] v")
        let tab = grid.model.tab
        try h.keys("Esc 4")
        let reopened = try #require(h.app.top as? ScoreGridScreen)
        #expect(reopened !== grid)
        #expect(reopened.model.tab == tab)
        #expect(reopened.field == .appraised)
        let fresh = try AppHarness(sample: true)
        try fresh.keys("4")
        #expect((fresh.app.top as? ScoreGridScreen)?.field == .selfScore, "another session starts afresh")
    }

    // MARK: Entry

    @Test func typedScoreIsStoredAndTheFocusMovesDown() throws {
        let (h, grid) = try open()
        let subject = grid.model.rows[0].subject, code = grid.model.items[0].code
        try h.keys("\"8,5\"")
        #expect(grid.editor != nil && h.app.top.isEditingText)
        try h.keys("Enter")
        #expect(score(h.data, 2026, subject, code)?.selfScore == Points(hundredths: 850))
        #expect(score(try h.reopened(), 2026, subject, code)?.selfScore == Points(hundredths: 850))
        #expect(grid.editor == nil && grid.row == 1 && grid.column == 1)
        #expect(h.app.message.hasPrefix("Đã lưu tự chấm \(code)"))
        try h.keys("\".5\" Enter")
        #expect(score(h.data, 2026, grid.model.rows[1].subject, code)?.selfScore == Points(hundredths: 50))
    }

    @Test func scoreAboveTheMaximumIsRefusedWithTheRange() throws {
        let (h, grid) = try open()
        let before = h.data
        try h.keys("\"16\" Enter")
        #expect(h.app.message == "Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 16).")
        #expect(h.all.contains("phải từ 0 đến 15 (đã nhập 16)"), "the whole message shows under the grid")
        #expect(grid.editor?.text.text == "16", "still editing, with the typed text")
        #expect(grid.row == 0 && h.status.contains("NHẬP TỰ CHẤM"))
        #expect(h.data == before)
        #expect(try h.reopened() == before)
    }

    @Test func textAndNegativeNumbersAreRefused() throws {
        let (h, grid) = try open()
        let before = h.data
        try h.keys("F2 C-u \"abc\" Enter")
        #expect(h.app.message.contains("«abc» không phải là số"))
        #expect(h.app.message.contains("từ 0 đến 15"))
        #expect(grid.editor?.text.text == "abc")
        try h.keys("C-u \"-3\" Tab")
        #expect(h.app.message == "Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập -3).")
        try h.keys("C-u \"8,125\" Enter")
        #expect(h.app.message.contains("tối đa hai chữ số thập phân"))
        #expect(grid.column == 1 && grid.editor != nil)
        #expect(h.data == before)
    }

    @Test func escapeRestoresTheOldValue() throws {
        let (h, grid) = try open("] ]")
        let subject = grid.model.rows[0].subject
        let old = score(h.data, 2026, subject, "1.1")?.selfScore
        try h.keys("\"9\"")
        #expect(grid.editor?.text.text == "9")
        try h.keys("Esc")
        #expect(grid.editor == nil && h.app.stack.last === grid, "Esc leaves edit mode, not the screen")
        #expect(h.app.message.contains("Đã trả lại điểm cũ"))
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == old)
        #expect(h.text().contains(old!.display))
    }

    @Test func tabCommitsAndMovesRightShiftTabLeft() throws {
        let (h, grid) = try open()
        let subject = grid.model.rows[0].subject
        try h.keys("\"7\" Tab")
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == 7)
        #expect(grid.row == 0 && grid.column == 2)
        try h.keys("\"6\" BTab")
        #expect(score(h.data, 2026, subject, "1.2")?.selfScore == 6)
        #expect(grid.column == 1)
        try h.keys("BTab")
        #expect(grid.column == 0, "Shift-Tab from the first item reaches the name column")
        try h.keys("End Tab")
        #expect(grid.row == 1 && grid.column == 1, "Tab after the last item goes to the next row")
    }

    @Test func selfAndAppraisedModesStoreIntoTheirOwnField() throws {
        let (h, grid) = try open("] ]")
        let subject = grid.model.rows[0].subject
        let selfBefore = score(h.data, 2026, subject, "1.1")?.selfScore
        try h.keys("v")
        #expect(grid.field == .appraised && h.status.contains("[THẨM ĐỊNH]"))
        #expect(h.text().contains("Nhập: THẨM ĐỊNH"))
        try h.keys("\"9\" Enter")
        #expect(score(h.data, 2026, subject, "1.1")?.appraised == 9)
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == selfBefore)
        try h.keys("v Up \"10\" Enter")
        #expect(score(try h.reopened(), 2026, subject, "1.1")?.selfScore == 10)
        #expect(score(try h.reopened(), 2026, subject, "1.1")?.appraised == 9)
    }

    @Test func appraisedModeMarksSelfScoresStandingIn() throws {
        let (h, grid) = try open("] ] v")
        // Sample 2026: some sheets have self scores only.
        let row = try #require(grid.model.rows.first { r in r.scores.contains { $0?.appraised == nil && $0?.selfScore != nil } })
        let cell = ScoreGridModel.cell(row.scores.first { $0?.appraised == nil && $0?.selfScore != nil }!, field: .appraised)
        #expect(cell.isFallback && cell.text.hasSuffix("*"))
        #expect(ScoreGridModel.cell(nil, field: .appraised).text == "·")
        #expect(h.text(160, 50).contains(cell.text))
    }

    // MARK: Clearing, locked sheets

    @Test func backspaceClearsWithoutAskingAndUndoBringsItBack() throws {
        let (h, grid) = try open("] ]")
        let subject = grid.model.rows[0].subject
        let old = try #require(score(h.data, 2026, subject, "1.1")?.selfScore)
        try h.keys("BSpace")
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == nil)
        #expect(h.app.message.contains("Đã xóa điểm tự chấm tiêu chí 1.1"))
        try h.keys("u")
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == old)
        try h.keys("F8")
        #expect(score(try h.reopened(), 2026, subject, "1.1")?.selfScore == nil)
        try h.keys("F2 \"12\" Enter")
        #expect(score(h.data, 2026, subject, "1.1")?.selfScore == 12, "an emptied cell can be filled again")
    }

    @Test func lockedSheetRefusesEditsWithTheDomainMessage() throws {
        let (h, grid) = try open("y")
        #expect(grid.year == 2025 && grid.model.rows.allSatisfy(\.isLocked))
        #expect(h.text().contains("[khóa]"))
        let before = h.data
        let name = h.data.name(of: grid.model.rows[0].subject)
        try h.keys("\"5\"")
        #expect(grid.editor == nil, "no typing into a locked sheet")
        #expect(h.app.message == "Phiếu chấm của \(name) năm 2025 đã khóa; hãy mở khóa (có ghi lý do) trước khi sửa.")
        try h.keys("Del")
        #expect(h.app.message.contains("đã khóa"))
        #expect(h.data == before)
        #expect(try h.reopened() == before)
        try h.keys("y")
        #expect(h.app.message == "Giai đoạn 2025–2030: không có năm 2024.")
        try h.keys("Y")
        #expect(grid.year == 2026)
    }

    // MARK: Totals, rank and class

    /// Every ranked subject's row ends with its rank and class from `Dataset.ranking`.
    private func expectRankingShown(_ h: AppHarness, category: String, year: Int = 2026) {
        // Words only: widths and alignment are the golden tests' business.
        let lines = h.screen(160, 50).lines().map { $0.split(separator: " ").joined(separator: " ") }
        let ranking = h.data.ranking(year: year, categoryID: category) { $0 < $1 }
        #expect(!ranking.isEmpty)
        for entry in ranking {
            let name = h.data.name(of: entry.subject)
            let line = lines.first { $0.hasPrefix(name) }
            let total = entry.total.display + (entry.totals.usesSelfFallback ? "*" : "")
            #expect(line?.hasSuffix(" \(total) \(entry.rank) \(entry.className)") == true,
                    "\(name): \(line ?? "no line")")
        }
    }

    @Test func rankAndClassMatchTheDomainAndFollowEachCommit() throws {
        let (h, grid) = try open("] ]")
        expectRankingShown(h, category: "ubnd")
        // The weakest unit gets full marks on every item: it climbs, live.
        let last = try #require(h.data.ranking(year: 2026, categoryID: "ubnd") { $0 < $1 }.last)
        let index = try #require(grid.model.index(of: last.subject))
        try h.keys(String(repeating: "Down ", count: index) + "\"15\" Tab \"15\" Tab \"15\" Tab")
        expectRankingShown(h, category: "ubnd")
        #expect(grid.model.ranked(grid.model.rows[grid.model.index(of: last.subject)!])?.total
                    == h.data.ranking(year: 2026, categoryID: "ubnd") { $0 < $1 }.first { $0.subject == last.subject }?.total)
    }

    @Test func sortsByRankOrByVietnameseName() throws {
        let (h, grid) = try open("] ]")
        let names = grid.model.rows.map(\.name)
        #expect(names == names.sortedVietnamese())
        try h.keys("s")
        #expect(grid.sort == .rank)
        let ranking = h.data.ranking(year: 2026, categoryID: "ubnd") { $0 < $1 }
        #expect(Array(grid.model.rows.prefix(ranking.count).map(\.subject)) == ranking.map(\.subject))
        #expect(grid.model.rows.dropFirst(ranking.count).allSatisfy { grid.model.ranked($0) == nil })
        try h.keys("s")
        #expect(grid.model.rows.map(\.name) == names)
    }

    // MARK: Tabs, checklist, configuration

    @Test func individualsTabUsesTheIndividualCriteria() throws {
        let (h, grid) = try open("[")
        #expect(grid.model.tab == .individuals)
        let text = h.text()
        #expect(text.contains("Cá nhân") && text.contains("4.1/50") && text.contains("người"))
        expectRankingShownForPeople(h)
    }

    private func expectRankingShownForPeople(_ h: AppHarness) {
        let ranking = h.data.ranking(year: 2026, categoryID: nil) { $0 < $1 }
        let grid = h.app.stack.last as! ScoreGridScreen
        for entry in ranking {
            let row = grid.model.rows[grid.model.index(of: entry.subject)!]
            let ranked = grid.model.ranked(row)
            #expect(ScoreGridModel.rankText(ranked) == String(entry.rank) && ScoreGridModel.classText(ranked) == entry.className)
        }
    }

    @Test func pageKeysMoveByAScreenAndKeepTheRowVisible() throws {
        let (h, grid) = try open("[")
        _ = h.screen(80, 24)
        let page = grid.pageRows
        try h.keys("PgDn PgDn")
        #expect(grid.row == 2 * (page - 1))
        let name = grid.model.rows[grid.row].name
        #expect(h.text().contains(name.prefix(12)))
        try h.keys("PgUp PgUp PgUp j k")
        #expect(grid.row == 0)
    }

    @Test func individualsWithoutAGroupSaySo() throws {
        let h = try AppHarness(sample: true)
        // No change removes a criteria group, so the dataset is built whole without it.
        let data = Dataset(settings: h.data.settings, categories: h.data.categories,
                           criteriaGroups: h.data.criteriaGroups.filter { $0.subjectKind != .individual },
                           catalog: h.data.catalog, rules: h.data.rules, units: h.data.units, people: h.data.people,
                           criteriaSets: h.data.criteriaSets, sheets: h.data.sheets, reports: h.data.reports,
                           nominations: h.data.nominations, awards: h.data.awards, communeReports: h.data.communeReports)
        let model = ScoreGridModel(data: data, year: 2026, tab: .individuals, sort: .name)
        #expect(!model.hasGrid)
        #expect(model.problem?.contains("Chưa cấu hình bộ tiêu chí cho cá nhân") == true)
    }

    @Test func emptyCriteriaSetIsExplained() throws {
        let (h, grid) = try open("[ [", sample: false)
        #expect(grid.model.tab.categoryID == "thon")
        #expect(h.text().contains("chưa có tiêu chí nào"))
        try h.keys("\"5\" BSpace Enter Tab")
        #expect(grid.editor == nil)
    }

    @Test func nameColumnOpensTheChecklistOfThatRow() throws {
        let (h, grid) = try open("Left")
        #expect(grid.column == 0)
        let subject = grid.model.rows[0].subject
        try h.keys("Enter")
        let checklist = try #require(h.app.top as? ChecklistScreen)
        #expect(checklist.subject == subject)
        #expect(checklist.year == grid.year)
        try h.keys("Esc Right o")
        #expect(h.app.top is ChecklistScreen)
        try h.keys("Esc \"4\" F4")
        #expect(h.app.message.hasPrefix("Đang nhập ô 1.1"), "commands wait until the edit is saved or dropped")
    }

    @Test func helpListsTheGridKeysWhole() throws {
        let (h, _) = try open("?")
        let text = h.text() + (try h.keys("PgDn")).text()
        for line in ["Xóa điểm — không hỏi; cả Del, Backspace; u hoàn tác", "Nhập/Lưu — sửa ô, hoặc gõ ngay số; đang nhập thì lưu",
                     "Tự chấm / Thẩm định — đổi cột điểm; * = chưa thẩm định", "Đánh dấu — đánh dấu / bỏ dòng này",
                     "Đánh dấu cả khối — mọi dòng của khối; lần nữa thì bỏ", "Chuyển bước phiếu — các dòng đánh dấu, hoặc dòng này",
                     "Khóa phiếu — các dòng đánh dấu, hoặc dòng này"] {
            #expect(text.contains(line))
        }
    }

    @Test func layoutFitsItemsToTheWidth() throws {
        let h = try AppHarness(sample: true)
        let model = ScoreGridModel(data: h.data, year: 2026, tab: .category(id: "ubnd", title: "Khối UBND"), sort: .name)
        let names = ["Xuất sắc", "Tốt", "Khá", "Không đạt"]
        let narrow = ScoreGridLayout(model: model, classNames: names, width: 80)
        let wide = ScoreGridLayout(model: model, classNames: names, width: 160)
        #expect(narrow.visibleItems < model.items.count && narrow.visibleItems >= 3)
        #expect(wide.visibleItems == model.items.count)
        for layout in [narrow] {
            #expect(layout.nameWidth + layout.visibleItems * layout.itemStride + layout.summaryWidth == 80)
        }
    }
}
