import ThiDuaDomain

/// People (cá nhân): by the category of their unit, or residents without a unit; search
/// as you type; add, edit, archive or delete; import from CSV.
public final class PersonListScreen: CommandScreen {
    public enum Message {
        /// A form opened from here saved this person.
        case saved(PersonID)
        /// The answer to F8 about this person.
        case removal(PersonID, RemovalDialog.Decision?)
    }

    public enum Commands: CommandSet {
        case search, edit, add, remove, sort, archived, prevTab, nextTab, checklist, `import`, awards

        public static let context: CommandContext = "people"

        public var declaration: CommandDeclaration {
            switch self {
            case .search: CommandDeclaration("Tìm", fKey: 3, twin: .char("/"), help: "gõ để lọc theo họ tên, mã, chức vụ, đơn vị (không cần dấu)")
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa cá nhân đang chọn (hoặc Enter)")
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"))
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"),
                                             help: "xóa hẳn, hoặc lưu trữ khi đã được dùng; với người đã lưu trữ: khôi phục")
            case .sort: CommandDeclaration("Đổi cách sắp xếp", twin: .char("s"), help: "theo tên (tên trước, rồi họ đệm) hoặc theo đơn vị")
            case .archived: CommandDeclaration("Hiện/ẩn người đã lưu trữ", twin: .char("h"))
            case .prevTab: CommandDeclaration("Nhóm trước", twin: .char("["), keys: [.left])
            case .nextTab: CommandDeclaration("Nhóm sau", twin: .char("]"), keys: [.right])
            case .checklist: CommandDeclaration("Phiếu chấm", fKey: 5, twin: .char("c"), help: "phiếu chấm năm nay của người đang chọn")
            case .import: CommandDeclaration("Nhập từ tệp CSV", twin: .char("i"), help: "xem trước các dòng và lỗi rồi mới ghi")
            case .awards: CommandDeclaration("Khen thưởng đã nhận", twin: .char("k"),
                                             help: "lịch sử khen thưởng của người đang chọn; nhập khen thưởng cũ")
            }
        }
    }

    /// Tab id for people without a unit.
    static let residentsTab = "~residents"

    public var title: String { unitID.map { "Cá nhân của \($0)" } ?? "Cá nhân" }
    var filter: RecordFilter
    /// Set when opened from a unit: only its people.
    let unitID: UnitID?
    /// The rows shown, in order, as slots of `order`.
    private(set) var shown: [Int32] = []
    /// What `shown` was filtered with, so a longer query can filter `shown` again
    /// instead of the whole index (typing "nguyen" filters 100,000 people once).
    private var shownKey: FilterKey?

    struct FilterKey: Equatable {
        var tab: String?
        var archived: Bool
        var sort: RecordFilter.SortOrder
        var folded: String
    }
    private(set) var table: Table
    /// The session's people are still being sorted on another thread (right after the folder
    /// opens): the screen says so instead of waiting, and fills when told (`dataChanged`).
    private(set) var isWaiting = false
    static let waitingNotice = "Đang sắp xếp danh sách cá nhân, xin chờ trong giây lát …"

    public init(session: Session, unitID: UnitID? = nil) {
        self.unitID = unitID
        let categories = session.data.categories.sorted { $0.order < $1.order }
        filter = RecordFilter(tabs: [(nil, "Tất cả")] + categories.map { ($0.id, $0.shortName) }
                              + [(PersonListScreen.residentsTab, "Người dân (không thuộc đơn vị)")])
        table = Table(columns: PersonListScreen.columns(wide: false))
        refresh(session)
    }

    public var isEditingText: Bool { filter.isSearching }
    public var mode: String? { filter.isSearching ? "TÌM" : nil }
    public var hint: String? {
        if isWaiting { return PersonListScreen.waitingNotice }
        if filter.isSearching { return "Gõ để lọc; Enter hoặc ↓ về danh sách, Esc xóa ô tìm." }
        return shown.isEmpty ? "F7 thêm cá nhân, i nhập từ CSV." : "Enter sửa, F7 thêm, F8 xóa/lưu trữ, / tìm."
    }
    public var selectedPerson: Person? { shown.isEmpty ? nil : entries[Int(shown[table.selectedIndex])].person }

    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("Mã", minWidth: 7),
            TableColumn("Họ và tên", minWidth: 20, maxWidth: 34, flex: 3),
            TableColumn("Giới", minWidth: 4),
            TableColumn("Sinh", minWidth: 4),
            TableColumn("Chức vụ", minWidth: 12, maxWidth: 30, flex: 2),
            TableColumn("Đơn vị / địa chỉ", minWidth: 16, flex: 3),
            TableColumn("KL", minWidth: 2),
        ]
        if wide { columns.append(TableColumn("Loại", minWidth: 14)) }
        return columns
    }

    /// Every person sorted and indexed, shared with the session (`ListCache`): opening the
    /// list or a change while it is open only filters it again.
    private var order = PeopleOrder()
    private var entries: [PeopleOrder.Entry] { order.entries }
    /// The rows shown, by id.
    var shownIDs: [PersonID] { shown.map { order.entries[Int($0)].person.id } }

    /// Brings the shared order up to the data, then the visible rows.
    func refresh(_ session: Session) {
        // Read before the order changes: `shown` holds slots of the old one.
        let keep = selectedPerson?.id
        shown = []
        // Dropped first (the table's rows read it too), so that bringing the shared order
        // up to date changes it in place instead of copying every array.
        order = PeopleOrder()
        table.setRows(count: 0) { _ in [] }
        shownKey = nil
        isWaiting = !session.lists.isReady()
        guard !isWaiting else { return }
        order = session.lists.people(session.view)
        applyFilter()
        if let keep { select(keep) }
    }

    /// The visible rows from the index: tab, archive switch, unit and the search query.
    func applyFilter() {
        guard !isWaiting else { return }
        let keep = selectedPerson?.id
        let query = filter.query
        let tabID = filter.selectedTabID
        let key = FilterKey(tab: tabID, archived: filter.showArchived, sort: filter.sort,
                            folded: query.tokens.joined(separator: " "))
        // Every word of the shorter query is inside a word of the longer one, so the
        // longer query's matches are among the shorter one's.
        let narrowing = shownKey.map { old in
            old.tab == key.tab && old.archived == key.archived && old.sort == key.sort
                && !old.folded.isEmpty && key.folded.hasPrefix(old.folded)
        } ?? false
        // Narrowing reads only the rows shown; while they are many, the index is cheaper.
        let readShown = narrowing && shown.count * 8 <= order.index.count
        let source = readShown ? shown : (filter.sort == .name ? order.byName : order.byPlace)
        let hits = readShown || query.isEmpty ? nil : order.index.matches(query)
        let wantedTab: Int32?
        switch tabID {
        case nil: wantedTab = nil
        case PersonListScreen.residentsTab?: wantedTab = -1
        case let category?: wantedTab = order.tabSlots[category] ?? -3
        }
        let unitID = unitID, showArchived = filter.showArchived
        let entries = order.entries, archived = order.archived, tabOf = order.tabOf
        let rows = source.filter { ordinal in
            let o = Int(ordinal)
            if !showArchived && archived[o] { return false }
            if let wantedTab, tabOf[o] != wantedTab { return false }
            if let unitID, entries[o].person.unitID != unitID { return false }
            if let hits { return hits.contains(o) }
            return query.matches(entries[o].folded)
        }
        shown = rows
        shownKey = key
        table.setRows(count: rows.count) { i in
            let e = entries[Int(rows[i])], p = e.person
            return [p.id.rawValue, (p.archived ? "[lưu trữ] " : "") + p.fullName, p.gender.label,
                    p.birthYear.map(String.init) ?? "", p.position, e.place, p.underDiscipline ? "KL" : "", p.kind.label]
        }
        if let keep { select(keep) }
    }

    /// Selects a person by id (after adding one), when shown.
    func select(_ id: PersonID) {
        if let index = shown.firstIndex(where: { entries[Int($0)].person.id == id }) { table.selection.select(index) }
    }

    public func dataChanged(session: Session) { refresh(session) }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        filter.search.inputTransform = transform
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if filter.isSearching {
            if filter.handleSearchKey(key) {
                table.selection.select(0)
                applyFilter()
            }
            return []
        }
        switch table.handle(key) {
        case .activated: return edit(session: session)
        case .moved: return []
        case .ignored: break
        }
        if filter.clearLeftoverQuery(key) {
            applyFilter()
            return []
        }
        return nil
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .search:
            filter.beginSearch()
        case .edit:
            return edit(session: session)
        case .add:
            return [.present(PersonFormScreen(session: session, editing: nil, unitID: unitID ?? selectedPerson?.unitID),
                             reply: Message.saved)]
        case .remove:
            return remove(session: session)
        case .sort:
            filter.sort = filter.sort == .name ? .configured : .name
            applyFilter()
            return [.message("Sắp xếp theo \(filter.sort == .name ? "tên" : "đơn vị").")]
        case .archived:
            filter.showArchived.toggle()
            applyFilter()
            return [.message(filter.showArchived ? "Hiện cả người đã lưu trữ." : "Ẩn người đã lưu trữ.")]
        case .prevTab, .nextTab:
            filter.moveTab(by: command == .prevTab ? -1 : 1)
            table.selection.select(0)
            applyFilter()
        case .checklist:
            guard let person = selectedPerson else { return [.message("Chưa chọn cá nhân nào.")] }
            return [.push(ChecklistScreen(session: session, subject: .person(person.id), year: session.year))]
        case .import:
            return [.push(ImportScreen.people())]
        case .awards:
            guard let person = selectedPerson else { return [.message("Chưa chọn cá nhân nào.")] }
            return [.push(AwardHistoryScreen(session: session, subject: .person(person.id)))]
        }
        return []
    }

    private func edit(session: Session) -> [Action] {
        guard !isWaiting else { return [.message(PersonListScreen.waitingNotice)] }
        guard let person = selectedPerson else { return [.message("Chưa có cá nhân nào để sửa; F7 để thêm.")] }
        return [.present(PersonFormScreen(session: session, editing: person, unitID: person.unitID), reply: Message.saved)]
    }

    private func remove(session: Session) -> [Action] {
        guard let person = selectedPerson else { return [.message("Chưa chọn cá nhân nào.")] }
        return [RemovalDialog.ask(noun: "cá nhân", name: person.fullName, archived: person.archived,
                                  referenceReason: session.data.referenceReason(for: .person(person.id))) { .removal(person.id, $0) }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(let id):
            select(id)
            return []
        case .removal(_, nil):
            return []
        case .removal(let id, let decision?):
            return [.commit(RemovalDialog.change(decision, archive: { .setPersonArchived(id: id, archived: $0) },
                                                 delete: .removePerson(id: id)))]
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        RecordFilter.layOutList(rect, table: &table, columns: PersonListScreen.columns(wide: rect.width >= 110))
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        if isWaiting {
            filter.renderList(into: &buffer, rect: rect, table: table, counts: "đang sắp xếp",
                              empty: PersonListScreen.waitingNotice, noMatch: { _ in PersonListScreen.waitingNotice })
            return
        }
        filter.renderList(into: &buffer, rect: rect, table: table,
                          counts: "\(shown.count) người", empty: "Chưa có cá nhân nào ở đây. F7 để thêm.", noMatch: { "Không có ai khớp «\($0)»." })
    }
}
