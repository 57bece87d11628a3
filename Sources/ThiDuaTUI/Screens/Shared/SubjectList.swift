import ThiDuaDomain

/// Every unit and person in one searchable table, for the screens that pick one: typed text
/// filters as you go (accents optional, đ = d, the code works too); collectives first, as on
/// printed lists, each part in Vietnamese name order.
struct SubjectList {
    struct Candidate: Sendable {
        let subject: Subject
        let name: String
        /// "Khối …" for a unit, "Cá nhân · position, unit" for a person.
        let place: String
        let folded: String
    }

    enum Event {
        /// Enter on a row.
        case chosen(Candidate)
        /// Enter with nothing shown.
        case nothingToChoose
        /// Esc with an empty search: the owner closes.
        case closed
        case handled
        case ignored
    }

    private(set) var search = TextField("", maxLength: 100, visibleWidth: 40)
    let all: [Candidate]
    /// The candidates shown, as positions in `all` (a province has 115,000 of them).
    private var shown: [Int] = []
    /// Every candidate's folded text, so a key does not read them all.
    private let index: SearchIndex
    private var table: Table
    private let cells: @Sendable (Candidate) -> [String]

    /// `cells` gives a candidate's row for `columns`; it is asked only for the rows drawn.
    init(data: Dataset, includeArchived: Bool, columns: [TableColumn], cells: @escaping @Sendable (Candidate) -> [String]) {
        let units: [Subject] = data.units.values.filter { includeArchived || !$0.archived }.map { .unit($0.id) }
        let people: [Subject] = data.people.values.filter { includeArchived || !$0.archived }.map { .person($0.id) }
        all = data.sortedByName(units + people).map { subject in
            let name = data.name(of: subject)
            let place = subject.kind == .individual
                ? "Cá nhân · " + NominationRows.placeOf(subject, data: data)
                : NominationRows.blockOf(subject, data: data)
            return Candidate(subject: subject, name: name, place: place,
                             folded: VietnameseText.searchFold("\(name) \(subject.token)"))
        }
        index = SearchIndex(folded: all.map(\.folded))
        table = Table(columns: columns)
        self.cells = cells
        filter()
    }

    /// The candidates shown, in order.
    var visible: [Candidate] { shown.map { all[$0] } }
    var visibleCount: Int { shown.count }

    var selected: Candidate? { shown.isEmpty ? nil : all[shown[table.selectedIndex]] }

    mutating func setInputTransform(_ transform: TextField.InputTransform?) {
        search.inputTransform = transform
    }

    private mutating func filter() {
        let query = SearchQuery(search.value)
        shown = index.matches(query).positions
        let all = all, shown = shown, cells = cells
        table.setRows(count: shown.count) { cells(all[shown[$0]]) }
        table.selection.select(0)
    }

    mutating func handle(_ key: Key) -> Event {
        switch key {
        case .up, .down, .pageUp, .pageDown:
            _ = table.handle(key)
            return .handled
        case .enter:
            return selected.map(Event.chosen) ?? .nothingToChoose
        case .escape:
            guard !search.text.isEmpty else { return .closed }
            search.setText("")
            filter()
            return .handled
        default:
            switch search.handle(key) {
            case .changed:
                filter()
                return .handled
            case .handled, .committed, .cancelled, .invalid: return .handled
            case .ignored: return .ignored
            }
        }
    }

    /// Below the heading, the search line and a blank row.
    private static func listRect(in rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3))
    }

    /// The table's page in `rect`, for PgUp/PgDn.
    mutating func layout(_ rect: Rect) {
        table.setViewport(height: max(1, Self.listRect(in: rect).height - 1))
    }

    /// The heading, the search line with the count, and the table below.
    func render(into buffer: inout Buffer, rect: Rect, heading: String) {
        guard !rect.isEmpty else { return }
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        let label = "Tìm tên: "
        let x = rect.x + 2 + buffer.put(label, at: Point(x: rect.x + 2, y: rect.y + 1))
        search.render(into: &buffer, rect: Rect(x: x, y: rect.y + 1, width: min(40, rect.maxX - x - 1), height: 1),
                      focused: true)
        let cursor = buffer.cursor
        let count = "\(shown.count)/\(all.count)"
        buffer.put(count, at: Point(x: rect.maxX - count.displayWidth - 1, y: rect.y + 1), style: .dim)
        table.render(into: &buffer, rect: Self.listRect(in: rect), focused: true)
        buffer.cursor = cursor
    }
}
