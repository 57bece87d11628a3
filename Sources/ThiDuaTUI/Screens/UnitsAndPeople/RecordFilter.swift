import ThiDuaDomain

/// The filter row shared by the unit and people lists: a category tab, a search box
/// that filters as you type (accents optional, đ = d), whether archived records show,
/// and the sort order.
struct RecordFilter {
    enum SortOrder {
        /// Vietnamese alphabetical order of the name (people: given name first).
        case name
        /// The office's own order within each category.
        case configured

        var label: String { self == .name ? "tên A–Z" : "thứ tự khối" }
    }

    /// Tab titles; index 0 is "Tất cả".
    private(set) var tabs: [String]
    private(set) var tabIDs: [String?]
    private(set) var tab = 0
    var search = TextField("", visibleWidth: 24)
    private(set) var isSearching = false
    var showArchived = false
    var sort = SortOrder.name

    init(tabs: [(id: String?, title: String)]) {
        self.tabs = tabs.map(\.title)
        self.tabIDs = tabs.map(\.id)
    }

    var selectedTabID: String? { tabIDs[tab] }
    var query: SearchQuery { SearchQuery(search.value) }

    mutating func moveTab(by step: Int) {
        tab = (tab + step + tabs.count) % tabs.count
    }

    mutating func beginSearch() {
        isSearching = true
        search.beginEditing()
    }

    /// Leaves the search box keeping the filter.
    mutating func endSearch() { isSearching = false }

    /// Esc in the search box: clears the query and leaves the box.
    mutating func clearSearch() {
        search.setText("")
        isSearching = false
    }

    /// A key while the search box has focus: Enter, ↓ or Tab go back to the list keeping
    /// the query, Esc clears it, anything else edits it. True when the rows must be
    /// filtered again.
    mutating func handleSearchKey(_ key: Key) -> Bool {
        switch key {
        case .enter, .down, .tab:
            endSearch()
            return false
        case .escape:
            clearSearch()
            return true
        default:
            return search.handle(key) == .changed
        }
    }

    /// Esc on the list itself: clears a query left in the box. True when it did.
    mutating func clearLeftoverQuery(_ key: Key) -> Bool {
        guard key == .escape, !search.value.isEmpty else { return false }
        clearSearch()
        return true
    }

    /// Draws "Khối: ◀ Tất cả ▶  Tìm: [...]  Sắp: tên A–Z  Lưu trữ: ẩn" on one row.
    func render(into buffer: inout Buffer, row: Rect, counts: String) {
        buffer.fill(row)
        var x = row.x
        x += buffer.put("◀ ", at: Point(x: x, y: row.y), clipWidth: row.maxX - x)
        x += buffer.put(tabs[tab], at: Point(x: x, y: row.y), style: .bold, clipWidth: row.maxX - x)
        x += buffer.put(" ▶ ", at: Point(x: x, y: row.y), clipWidth: row.maxX - x)
        x += buffer.put(counts + "  ", at: Point(x: x, y: row.y), clipWidth: row.maxX - x)
        x += buffer.put("Tìm:", at: Point(x: x, y: row.y), style: isSearching ? .bold : .plain, clipWidth: row.maxX - x)
        x += 1
        let fieldWidth = max(0, min(search.visibleWidth, row.maxX - x - 1))
        if fieldWidth > 0 {
            search.render(into: &buffer, rect: Rect(x: x, y: row.y, width: fieldWidth, height: 1), focused: isSearching)
        }
    }

    /// A filtered list screen's rows: the filter row, its description, then the table.
    private static func regions(_ rect: Rect) -> (filter: Rect, info: Rect, body: Rect) {
        let (filterRow, rest) = rect.splitTop(1)
        let (infoRow, body) = rest.splitTop(1)
        return (filterRow, infoRow, body)
    }

    /// The table of a filtered list screen fitted to `rect`, with `columns` for its width.
    static func layOutList(_ rect: Rect, table: inout Table, columns: [TableColumn]) {
        table.columns = columns
        table.setViewport(height: regions(rect).body.height)
    }

    /// A filtered list screen: the filter row, its description, then the table; with no rows,
    /// the table's header and `empty` (no query) or `noMatch(query)` below it.
    func renderList(into buffer: inout Buffer, rect: Rect, table: Table,
                    counts: String, empty: String, noMatch: (String) -> String) {
        let (filterRow, infoRow, body) = Self.regions(rect)
        render(into: &buffer, row: filterRow, counts: counts)
        buffer.put(describe(), at: infoRow.origin, style: .dim, clipWidth: infoRow.width)
        if table.count == 0 {
            table.render(into: &buffer, rect: body.splitTop(1).0, focused: false)
            let note = search.value.isEmpty ? empty : noMatch(search.value)
            buffer.put(note, at: Point(x: body.x + 2, y: body.y + 2), clipWidth: body.width - 2)
        } else {
            table.render(into: &buffer, rect: body, focused: !isSearching)
        }
    }

    /// The second row: sort order and archive visibility.
    func describe() -> String {
        "Sắp xếp: \(sort.label) (s) · Lưu trữ: \(showArchived ? "hiện" : "ẩn") (h) · Khối: [ ] hoặc ← →"
    }
}
