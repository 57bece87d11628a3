import ThiDuaDomain

/// What the score grid shows for one block (a unit category, or all individuals) and one
/// year: the criteria items as columns, the active subjects as rows, each row's scores and
/// its place in the block's ranking. Built once, then kept up to date one changed sheet at
/// a time (`absorb`): at province scale a khối has 5,000 units, and entering one score must
/// not rebuild and re-rank all of them. Drawing never recomputes totals or rankings.
struct ScoreGridModel {
    /// One tab of the grid: a category (khối) or the individuals.
    enum Tab: Equatable {
        case category(id: String, title: String)
        case individuals

        var title: String {
            switch self {
            case .category(_, let title): return title
            case .individuals: return "Cá nhân"
            }
        }

        /// What `Dataset.ranking` calls the block (nil = individuals).
        var categoryID: String? {
            if case .category(let id, _) = self { return id }
            return nil
        }
    }

    enum SortOrder: Equatable {
        /// Vietnamese alphabetical order (people: given name first).
        case name
        /// Rank within the block; subjects without a sheet last, by name.
        case rank

        var label: String { self == .name ? "tên A–Z" : "hạng" }
    }

    struct Row {
        var subject: Subject
        var name: String
        var sheet: ScoreSheet?
        /// One entry per column item, nil where the sheet has nothing for it.
        var scores: [ItemScore?]

        var isLocked: Bool { sheet?.state == .locked }
    }

    let tab: Tab
    let year: Int
    let sort: SortOrder
    private(set) var items: [CriteriaItem] = []
    private(set) var rows: [Row] = []
    /// The block's ranking: each row's total, rank and class (`ranked(_:)`).
    private(set) var ranking: BlockRanking
    /// Where each subject's row is in `rows`.
    private var rowIndex: [Subject: Int] = [:]
    /// Each row's place in Vietnamese name order (the ranking lists ties by it).
    private let namePosition: [Subject: Int]
    /// Display width of the longest row name, measured once when the rows are built
    /// (measuring 5,000 names on every key would cost more than drawing the screen).
    private(set) var widestName = 0
    /// The criteria group scoring this block, when configured.
    private(set) var groupID: String?
    /// Why there is no grid to edit (no criteria group, no set for the year, no items).
    private(set) var problem: String?
    /// The office's note on a group the plan leaves to it.
    private(set) var groupNote: String?

    /// Every category in the office's order, then the individuals.
    static func tabs(in data: Dataset) -> [Tab] {
        data.categories.sorted { $0.order < $1.order }.map { .category(id: $0.id, title: $0.shortName) }
            + [.individuals]
    }

    /// The grid of `tab`, whose active subjects `subjects` are in Vietnamese name order.
    init(data: Dataset, year: Int, tab: Tab, sort: SortOrder, subjects: [(subject: Subject, name: String)]) {
        self.tab = tab
        self.year = year
        self.sort = sort
        let position = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($0.element.subject, $0.offset) })

        switch tab {
        case .category(let id, _):
            groupID = data.category(id)?.criteriaGroupID
            if groupID == nil { problem = "Khối «\(tab.title)» chưa được gắn nhóm tiêu chí." }
        case .individuals:
            groupID = data.individualCriteriaGroupID
            if groupID == nil {
                problem = "Chưa cấu hình bộ tiêu chí cho cá nhân: chưa có nhóm tiêu chí nào dành cho cá nhân."
            }
        }
        if let groupID {
            let group = data.criteriaGroup(groupID)
            groupNote = group?.note
            let groupName = group.map { "«\(groupID)» (\($0.name))" } ?? "«\(groupID)»"
            if let set = data.criteriaSets[CriteriaSetKey(year: year, groupID: groupID)] {
                items = set.items
                if items.isEmpty { problem = "Bộ tiêu chí nhóm \(groupName) năm \(year) chưa có tiêu chí nào." }
            } else {
                problem = "Năm \(year) chưa có bộ tiêu chí nhóm \(groupName)."
            }
        }

        namePosition = position
        ranking = BlockRanking(data: data, year: year, categoryID: tab.categoryID, nameRank: position)
        let items = self.items
        var rows = subjects.map { entry -> Row in
            let sheet = data.sheets[SheetKey(year: year, subject: entry.subject)]
            return Row(subject: entry.subject, name: entry.name, sheet: sheet, scores: items.map { sheet?.items[$0.code] })
        }
        if sort == .rank {
            // Ranked rows in ranking order, then the others in name order.
            let ranking = self.ranking
            let order = Dictionary(uniqueKeysWithValues: (0..<ranking.count).map { (ranking.entry(at: $0).subject, $0) })
            rows = rows.enumerated().sorted { a, b in
                let ra = order[a.element.subject] ?? Int.max, rb = order[b.element.subject] ?? Int.max
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
        }
        self.rows = rows
        rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element.subject, $0.offset) })
        widestName = rows.map { $0.name.displayWidth }.max() ?? 0
    }

    /// Takes in the records changed since the model was built (`Session.view.recordsTouched`).
    /// Changed sheets of this year update their own rows and move in the ranking; records the
    /// grid does not show are passed over. Returns false for anything else (units, people, the
    /// criteria, the rules, the khối …): the caller builds a new model, and this one may be
    /// half updated by then.
    mutating func absorb(_ touched: Set<RecordRef>, data: Dataset) -> Bool {
        var changed: [Subject] = []
        for record in touched.sorted() {
            switch record {
            case .sheet(let key):
                if key.year == year, rowIndex[key.subject] != nil { changed.append(key.subject) }
            case .report, .nomination, .award, .awardForm, .communeReport:
                continue
            case .settings, .rules, .category, .criteriaGroup, .unit, .person, .criteriaSet:
                return false
            }
        }
        for subject in changed {
            guard let index = rowIndex[subject], ranking.update(subject, in: data) else { return false }
            let sheet = data.sheets[SheetKey(year: year, subject: subject)]
            rows[index].sheet = sheet
            rows[index].scores = items.map { sheet?.items[$0.code] }
            if sort == .rank { moveToRankPlace(from: index) }
        }
        return true
    }

    /// In rank order, puts the row at `index` where its subject now stands: among the ranked
    /// rows at its ranking index, else among the unranked ones (after them) by name.
    private mutating func moveToRankPlace(from index: Int) {
        let row = rows.remove(at: index)
        var place: Int
        if let ranked = ranking.index(of: row.subject) {
            place = ranked
        } else {
            let name = namePosition[row.subject] ?? Int.max
            var low = ranking.count, high = rows.count
            while low < high {
                let mid = (low + high) / 2
                if (namePosition[rows[mid].subject] ?? Int.max) < name { low = mid + 1 } else { high = mid }
            }
            place = low
        }
        place = min(place, rows.count)
        rows.insert(row, at: place)
        for i in min(index, place)...max(index, place) { rowIndex[rows[i].subject] = i }
    }

    /// The row's line in the block's ranking (nil without a sheet or criteria set).
    func ranked(_ row: Row) -> RankedEntry? { ranking.entry(for: row.subject) }

    /// The block's active subjects in Vietnamese name order, read from the session's kept
    /// lists, whose name orders are this one: sorting a khối of 5,000 units, or 100,000
    /// people, on every switch of khối took longer than a frame.
    static func subjectsInNameOrder(tab: Tab, lists: ListCache, view: any DataView) -> [(subject: Subject, name: String)] {
        switch tab {
        case .category(let id, _):
            let order = lists.units(view)
            return order.byName.compactMap { slot in
                let unit = order.entries[Int(slot)].unit
                return unit.categoryID == id && !unit.archived ? (.unit(unit.id), unit.name) : nil
            }
        case .individuals:
            let order = lists.people(view)
            return order.byName.compactMap { slot in
                if order.archived[Int(slot)] { return nil }
                let person = order.entries[Int(slot)].person
                return (.person(person.id), person.fullName)
            }
        }
    }

    var hasGrid: Bool { problem == nil && !items.isEmpty }

    /// The heading of the name column.
    var subjectHeading: String { tab == .individuals ? "Cá nhân" : "Đơn vị" }

    /// "6 đơn vị" / "150 người".
    var countLabel: String { "\(rows.count) " + (tab == .individuals ? "người" : "đơn vị") }

    func index(of subject: Subject) -> Int? { rowIndex[subject] }

    // MARK: Cell texts

    /// A score cell as shown for `field`: the value, "·" when missing, and in appraised
    /// mode the self score marked "*" where appraisal is missing (the total uses it).
    static func cell(_ score: ItemScore?, field: ScoreField) -> (text: String, isFallback: Bool) {
        switch field {
        case .selfScore:
            return (score?.selfScore?.display ?? "·", false)
        case .appraised:
            if let value = score?.appraised { return (value.display, false) }
            if let value = score?.selfScore { return (value.display + "*", true) }
            return ("·", false)
        }
    }

    /// "85,5", with "*" while some item still counts its self score; "—" without a sheet.
    static func totalText(_ ranked: RankedEntry?) -> String {
        guard let ranked else { return "—" }
        return ranked.total.display + (ranked.totals.usesSelfFallback ? "*" : "")
    }

    static func rankText(_ ranked: RankedEntry?) -> String { ranked.map { String($0.rank) } ?? "—" }
    static func classText(_ ranked: RankedEntry?) -> String { ranked?.className ?? "—" }

    /// One line about a row's sheet, for the footer when the name column is focused.
    func summary(of row: Row) -> String {
        guard let sheet = row.sheet else { return "\(row.name): chưa có phiếu chấm năm \(year); gõ điểm để bắt đầu." }
        var parts = ["\(row.name): phiếu \(sheet.state.label.lowercased())"]
        if let totals = ranked(row)?.totals {
            if !totals.missingItems.isEmpty { parts.append("chưa chấm \(totals.missingItems.count) tiêu chí") }
            if totals.usesSelfFallback {
                parts.append("\(totals.fallbackItems.count) tiêu chí chưa thẩm định (tổng tạm dùng điểm tự chấm)")
            }
            parts.append("tự chấm \(totals.selfTotal.display), tổng \(totals.total.display)")
        }
        if sheet.state == .locked { parts.append("đã khóa: mở khóa (có lý do) mới sửa được") }
        return parts.joined(separator: " · ")
    }

    /// "1.1 · Tiêu chí · tối đa 15 — the plan's wording".
    static func describe(_ item: CriteriaItem) -> String {
        "\(item.code) · \(item.kind.label) · tối đa \(item.maximum.display) — \(item.text)"
    }
}
