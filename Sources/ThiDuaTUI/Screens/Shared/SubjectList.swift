import ThiDuaDomain

/// Every unit and person in one searchable table, for the screens that pick one: typed text
/// filters by name and code as you go (accents optional, đ = d); collectives first, as on
/// printed lists, each part in Vietnamese name order.
///
/// A province has 115,000 candidates: the list sorts and indexes none of them itself. It reads
/// the session's kept orders and search indexes (`ListCache`: `UnitOrder`, `PeopleOrder`),
/// whose name orders are the subjects' name order (`Dataset.sortedByName`), so opening it,
/// a key and a change while it is open only filter those. Their search texts begin with the
/// name and code (`nameEnd`): the index's hits are read there again, as the lists search more.
struct SubjectList {
    struct Candidate: Sendable {
        let subject: Subject
        let name: String
        let archived: Bool
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
    private let includeArchived: Bool
    /// The session's orders, shared (see `refresh`).
    private var units = UnitOrder()
    private var people = PeopleOrder()
    /// The rows shown: units' slots, then people's slots, each in name order.
    private var shownUnits: [Int32] = []
    private var shownPeople: [Int32] = []
    /// How many candidates there are with an empty search.
    private var total = 0
    private var table: Table
    /// The session's lists are still being sorted on another thread (right after the folder
    /// opens): the picker says so instead of waiting, and fills when told (`refresh`).
    private(set) var isWaiting = false
    static let waitingNotice = "Đang sắp xếp danh sách đơn vị và cá nhân, xin chờ trong giây lát …"

    init(session: Session, includeArchived: Bool, columns: [TableColumn]) {
        self.includeArchived = includeArchived
        table = Table(columns: columns)
        refresh(session)
    }

    /// Brings the shared orders up to the session's data, then the rows shown, keeping the
    /// selected candidate selected when it is still shown.
    mutating func refresh(_ session: Session) {
        let keep = selected?.subject
        // Dropped first, so that bringing the shared orders up to date changes them in
        // place instead of copying every array.
        shownUnits = []
        shownPeople = []
        units = UnitOrder()
        people = PeopleOrder()
        isWaiting = !session.lists.isReady()
        guard !isWaiting else {
            total = 0
            table.setRows(count: 0) { _ in [] }
            return
        }
        units = session.lists.units(session.view)
        people = session.lists.people(session.view)
        let archivedUnits = includeArchived ? 0 : units.byName.reduce(0) { $0 + (units.entries[Int($1)].unit.archived ? 1 : 0) }
        let archivedPeople = includeArchived ? 0 : people.byName.reduce(0) { $0 + (people.archived[Int($1)] ? 1 : 0) }
        total = units.byName.count - archivedUnits + people.byName.count - archivedPeople
        filter()
        if let keep { select(keep) }
    }

    /// The candidates shown, in order.
    var visible: [Candidate] { (0..<visibleCount).map(candidate) }
    var visibleCount: Int { shownUnits.count + shownPeople.count }

    var selected: Candidate? { visibleCount == 0 ? nil : candidate(table.selectedIndex) }

    /// The candidate on row `row`.
    private func candidate(_ row: Int) -> Candidate {
        Self.candidate(row, units: units, shownUnits: shownUnits, people: people, shownPeople: shownPeople)
    }

    private static func candidate(_ row: Int, units: UnitOrder, shownUnits: [Int32],
                                  people: PeopleOrder, shownPeople: [Int32]) -> Candidate {
        if row < shownUnits.count {
            let unit = units.entries[Int(shownUnits[row])].unit
            return Candidate(subject: .unit(unit.id), name: unit.name, archived: unit.archived)
        }
        let person = people.entries[Int(shownPeople[row - shownUnits.count])].person
        return Candidate(subject: .person(person.id), name: person.fullName, archived: person.archived)
    }

    /// "Khối …" for a unit, "Cá nhân · unit" (else the address) for a person.
    static func place(of subject: Subject, data: Dataset) -> String {
        subject.kind == .individual
            ? "Cá nhân · " + NominationRows.placeOf(subject, data: data)
            : NominationRows.blockOf(subject, data: data)
    }

    mutating func setInputTransform(_ transform: TextField.InputTransform?) {
        search.inputTransform = transform
    }

    private mutating func filter() {
        let query = SearchQuery(search.value)
        let unitHits = query.isEmpty ? nil : units.index.matches(query)
        let peopleHits = query.isEmpty ? nil : people.index.matches(query)
        let includeArchived = includeArchived
        let unitEntries = units.entries, peopleEntries = people.entries, archived = people.archived
        shownUnits = units.byName.filter { slot in
            let entry = unitEntries[Int(slot)]
            guard includeArchived || !entry.unit.archived else { return false }
            guard let unitHits else { return true }
            return unitHits.contains(Int(slot)) && query.matches(entry.folded, within: entry.nameEnd)
        }
        shownPeople = people.byName.filter { slot in
            guard includeArchived || !archived[Int(slot)] else { return false }
            guard let peopleHits else { return true }
            guard peopleHits.contains(Int(slot)) else { return false }
            let entry = peopleEntries[Int(slot)]
            return query.matches(entry.folded, within: entry.nameEnd)
        }
        // The cells are made when drawing, from the data then (see `render`).
        table.setRows(count: visibleCount) { _ in [] }
        table.selection.select(0)
    }

    /// Selects `subject`'s row when it is shown.
    private mutating func select(_ subject: Subject) {
        let row: Int?
        switch subject {
        case .unit(let id):
            row = shownUnits.firstIndex { units.entries[Int($0)].unit.id == id }
        case .person(let id):
            row = shownPeople.firstIndex { people.entries[Int($0)].person.id == id }.map { shownUnits.count + $0 }
        }
        if let row { table.selection.select(row) }
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

    /// The heading, the search line with the count, and the table below, each row's cells
    /// from `cells` (asked only for the rows drawn).
    func render(into buffer: inout Buffer, rect: Rect, heading: String,
                cells: @escaping @Sendable (Candidate) -> [String]) {
        guard !rect.isEmpty else { return }
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        let label = "Tìm tên: "
        let x = rect.x + 2 + buffer.put(label, at: Point(x: rect.x + 2, y: rect.y + 1))
        search.render(into: &buffer, rect: Rect(x: x, y: rect.y + 1, width: min(40, rect.maxX - x - 1), height: 1),
                      focused: true)
        let cursor = buffer.cursor
        let count = isWaiting ? "đang sắp xếp" : "\(visibleCount)/\(total)"
        buffer.put(count, at: Point(x: rect.maxX - count.displayWidth - 1, y: rect.y + 1), style: .dim)
        // A copy holds the orders only while drawing: kept, it would make the next change
        // copy them instead of bringing them up to date in place.
        var table = table
        let units = units, shownUnits = shownUnits, people = people, shownPeople = shownPeople
        table.setRows(count: visibleCount) { row in
            cells(Self.candidate(row, units: units, shownUnits: shownUnits, people: people, shownPeople: shownPeople))
        }
        table.render(into: &buffer, rect: Self.listRect(in: rect), focused: true)
        if isWaiting {
            let body = Self.listRect(in: rect)
            buffer.put(Self.waitingNotice, at: Point(x: body.x + 2, y: body.y + 2), clipWidth: body.width - 2)
        }
        buffer.cursor = cursor
    }
}
