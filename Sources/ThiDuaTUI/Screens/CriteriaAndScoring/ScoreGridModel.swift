import ThiDuaDomain

/// What the score grid shows for one block (a unit category, or all individuals) and one
/// year: the criteria items as columns, the active subjects as rows, each row's scores and
/// its place in `Dataset.ranking`. Pure and built once per data change, so drawing the
/// grid never recomputes totals or rankings.
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
        /// This row's line in the block's ranking (nil without a sheet or criteria set).
        var ranked: RankedEntry?

        var isLocked: Bool { sheet?.state == .locked }
    }

    let tab: Tab
    let year: Int
    let sort: SortOrder
    private(set) var items: [CriteriaItem] = []
    private(set) var rows: [Row] = []
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

    init(data: Dataset, year: Int, tab: Tab, sort: SortOrder) {
        self.tab = tab
        self.year = year
        self.sort = sort
        let subjects = ScoreGridModel.subjectsInNameOrder(data: data, tab: tab)
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

        let ranking = data.ranking(year: year, categoryID: tab.categoryID) { a, b in
            (position[a] ?? Int.max) < (position[b] ?? Int.max)
        }
        let ranked = Dictionary(uniqueKeysWithValues: ranking.map { ($0.subject, $0) })
        var rows = subjects.map { entry -> Row in
            let sheet = data.sheets[SheetKey(year: year, subject: entry.subject)]
            return Row(subject: entry.subject, name: entry.name, sheet: sheet,
                       scores: items.map { sheet?.items[$0.code] }, ranked: ranked[entry.subject])
        }
        if sort == .rank {
            let order = Dictionary(uniqueKeysWithValues: ranking.enumerated().map { ($0.element.subject, $0.offset) })
            rows = rows.enumerated().sorted { a, b in
                let ra = order[a.element.subject] ?? Int.max, rb = order[b.element.subject] ?? Int.max
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
        }
        self.rows = rows
        widestName = rows.map { $0.name.displayWidth }.max() ?? 0
    }

    /// The block's active subjects in Vietnamese name order.
    private static func subjectsInNameOrder(data: Dataset, tab: Tab) -> [(subject: Subject, name: String)] {
        switch tab {
        case .category(let id, _):
            return data.sortedByName(data.units.values.filter { $0.categoryID == id && !$0.archived }.map { .unit($0.id) })
                .map { ($0, data.name(of: $0)) }
        case .individuals:
            let people = data.people.values.filter { !$0.archived }
            let keys = Dictionary(uniqueKeysWithValues: people.map {
                ($0.id, PersonName(fullName: $0.fullName, givenName: $0.givenName).sortKey)
            })
            return people.sorted { a, b in
                let ka = keys[a.id]!, kb = keys[b.id]!
                return ka != kb ? ka < kb : a.id.rawValue < b.id.rawValue
            }.map { (.person($0.id), $0.fullName) }
        }
    }

    var hasGrid: Bool { problem == nil && !items.isEmpty }

    /// The heading of the name column.
    var subjectHeading: String { tab == .individuals ? "Cá nhân" : "Đơn vị" }

    /// "6 đơn vị" / "150 người".
    var countLabel: String { "\(rows.count) " + (tab == .individuals ? "người" : "đơn vị") }

    func index(of subject: Subject) -> Int? { rows.firstIndex { $0.subject == subject } }

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
    static func totalText(_ row: Row) -> String {
        guard let ranked = row.ranked else { return "—" }
        return ranked.total.display + (ranked.totals.usesSelfFallback ? "*" : "")
    }

    static func rankText(_ row: Row) -> String { row.ranked.map { String($0.rank) } ?? "—" }
    static func classText(_ row: Row) -> String { row.ranked?.className ?? "—" }

    /// One line about a row's sheet, for the footer when the name column is focused.
    func summary(of row: Row) -> String {
        guard let sheet = row.sheet else { return "\(row.name): chưa có phiếu chấm năm \(year); gõ điểm để bắt đầu." }
        var parts = ["\(row.name): phiếu \(sheet.state.label.lowercased())"]
        if let totals = row.ranked?.totals {
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
