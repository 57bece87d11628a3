import ThiDuaDomain

/// Units (tập thể) by category: search as you type, sort by name or by the office's
/// order, add, edit, archive or delete, import from CSV.
public final class UnitListScreen: CommandScreen {
    public enum Message {
        /// A form opened from here saved this unit.
        case saved(UnitID)
        /// The answer to F8 about this unit.
        case removal(UnitID, RemovalDialog.Decision?)
    }

    public enum Commands: CommandSet {
        case search, edit, add, remove, sort, archived, prevTab, nextTab, `import`, checklist, people, awards

        public static let context: CommandContext = "units"

        public var declaration: CommandDeclaration {
            switch self {
            case .search: CommandDeclaration("Tìm", fKey: 3, twin: .char("/"), help: "gõ để lọc theo tên, mã, người đứng đầu (không cần dấu)")
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa đơn vị đang chọn (hoặc Enter)")
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"), help: "thêm đơn vị vào khối đang xem")
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"),
                                             help: "xóa hẳn, hoặc lưu trữ khi đơn vị đã được dùng; với đơn vị đã lưu trữ: khôi phục")
            case .sort: CommandDeclaration("Đổi cách sắp xếp", twin: .char("s"), help: "theo tên (thứ tự tiếng Việt) hoặc theo thứ tự trong khối")
            case .archived: CommandDeclaration("Hiện/ẩn đơn vị lưu trữ", twin: .char("h"))
            case .prevTab: CommandDeclaration("Khối trước", twin: .char("["), keys: [.left])
            case .nextTab: CommandDeclaration("Khối sau", twin: .char("]"), keys: [.right])
            case .import: CommandDeclaration("Nhập từ tệp CSV", twin: .char("i"), help: "xem trước các dòng và lỗi rồi mới ghi")
            case .checklist: CommandDeclaration("Phiếu chấm", fKey: 5, twin: .char("c"),
                                                help: "phiếu chấm năm nay của đơn vị đang chọn: tiêu chí, điểm, minh chứng, trạng thái")
            case .people: CommandDeclaration("Cá nhân của đơn vị", twin: .char("p"), help: "mở danh sách cá nhân lọc theo đơn vị đang chọn")
            case .awards: CommandDeclaration("Khen thưởng đã nhận", twin: .char("k"),
                                             help: "lịch sử khen thưởng của đơn vị đang chọn; nhập khen thưởng cũ")
            }
        }
    }

    public let title = "Đơn vị"
    var filter: RecordFilter
    private(set) var visible: [OrgUnit] = []
    private(set) var table: Table

    public init(session: Session) {
        let categories = session.data.categories.sorted { $0.order < $1.order }
        filter = RecordFilter(tabs: [(nil, "Tất cả khối")] + categories.map { ($0.id, $0.shortName) })
        table = Table(columns: UnitListScreen.columns(wide: false))
        refresh(session)
    }

    public var isEditingText: Bool { filter.isSearching }
    public var mode: String? { filter.isSearching ? "TÌM" : nil }
    public var hint: String? {
        if filter.isSearching { return "Gõ để lọc; Enter hoặc ↓ về danh sách, Esc xóa ô tìm." }
        return visible.isEmpty ? "F7 thêm đơn vị, i nhập từ CSV." : "Enter sửa, F7 thêm, F8 xóa/lưu trữ, / tìm."
    }
    public var selectedUnit: OrgUnit? { visible.isEmpty ? nil : visible[table.selectedIndex] }

    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("Mã", minWidth: 6),
            TableColumn("Tên đơn vị", minWidth: 24, flex: 4),
            TableColumn("Khối", minWidth: 12, maxWidth: 24, flex: 1),
            TableColumn("Người đứng đầu", minWidth: 14, maxWidth: 28, flex: 2),
            TableColumn("Điện thoại", minWidth: 12),
        ]
        if wide { columns.append(TableColumn("Ghi chú", minWidth: 12, flex: 3)) }
        return columns
    }

    /// Every unit sorted and indexed, shared with the session (`ListCache`): opening the
    /// list or a change while it is open only filters it again.
    private var order = UnitOrder()

    /// Brings the shared order up to the data, then the visible rows.
    func refresh(_ session: Session) {
        // Dropped first (the table's rows read it too), so that bringing the shared order
        // up to date changes it in place instead of copying every array.
        order = UnitOrder()
        table.setRows(count: 0) { _ in [] }
        order = session.lists.units(session.view)
        applyFilter()
    }

    /// The visible rows from the index: tab, archive switch and the search query.
    func applyFilter() {
        let keep = selectedUnit?.id
        let query = filter.query
        let tabID = filter.selectedTabID
        let hits = order.index.matches(query)
        let entries = order.entries, showArchived = filter.showArchived
        let shown = (filter.sort == .name ? order.byName : order.byOrder).compactMap { slot -> UnitOrder.Entry? in
            let entry = entries[Int(slot)]
            guard (tabID == nil || entry.unit.categoryID == tabID) && (showArchived || !entry.unit.archived)
                && hits.contains(Int(slot)) else { return nil }
            return entry
        }
        visible = shown.map(\.unit)
        table.setRows(count: shown.count) { i in
            let e = shown[i], unit = e.unit
            return [unit.id.rawValue, (unit.archived ? "[lưu trữ] " : "") + unit.name, e.categoryName, unit.head,
                    unit.phone, unit.notes]
        }
        if let keep, let index = visible.firstIndex(where: { $0.id == keep }) { table.selection.select(index) }
    }

    /// Selects a unit by id (after adding one), when shown.
    func select(_ id: UnitID) {
        if let index = visible.firstIndex(where: { $0.id == id }) { table.selection.select(index) }
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
            let category = filter.selectedTabID ?? session.data.categories.min { $0.order < $1.order }?.id ?? ""
            return [.present(UnitFormScreen(session: session, editing: nil, categoryID: category), reply: Message.saved)]
        case .remove:
            return remove(session: session)
        case .sort:
            filter.sort = filter.sort == .name ? .configured : .name
            applyFilter()
            return [.message("Sắp xếp theo \(filter.sort.label).")]
        case .archived:
            filter.showArchived.toggle()
            applyFilter()
            return [.message(filter.showArchived ? "Hiện cả đơn vị đã lưu trữ." : "Ẩn đơn vị đã lưu trữ.")]
        case .prevTab, .nextTab:
            filter.moveTab(by: command == .prevTab ? -1 : 1)
            table.selection.select(0)
            applyFilter()
        case .import:
            return [.push(ImportScreen.units())]
        case .checklist:
            guard let unit = selectedUnit else { return [.message("Chưa chọn đơn vị nào.")] }
            return [.push(ChecklistScreen(session: session, subject: .unit(unit.id), year: session.year))]
        case .people:
            guard let unit = selectedUnit else { return [.message("Chưa chọn đơn vị nào.")] }
            return [.push(PersonListScreen(session: session, unitID: unit.id))]
        case .awards:
            guard let unit = selectedUnit else { return [.message("Chưa chọn đơn vị nào.")] }
            return [.push(AwardHistoryScreen(session: session, subject: .unit(unit.id)))]
        }
        return []
    }

    private func edit(session: Session) -> [Action] {
        guard let unit = selectedUnit else { return [.message("Chưa có đơn vị nào để sửa; F7 để thêm.")] }
        return [.present(UnitFormScreen(session: session, editing: unit, categoryID: unit.categoryID), reply: Message.saved)]
    }

    private func remove(session: Session) -> [Action] {
        guard let unit = selectedUnit else { return [.message("Chưa chọn đơn vị nào.")] }
        return [RemovalDialog.ask(noun: "đơn vị", name: unit.name, archived: unit.archived,
                                  referenceReason: session.data.referenceReason(for: .unit(unit.id))) { .removal(unit.id, $0) }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(let id):
            select(id)
            return []
        case .removal(_, nil):
            return []
        case .removal(let id, let decision?):
            return [.commit(RemovalDialog.change(decision, archive: { .setUnitArchived(id: id, archived: $0) },
                                                 delete: .removeUnit(id: id)))]
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        RecordFilter.layOutList(rect, table: &table, columns: UnitListScreen.columns(wide: rect.width >= 110))
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        filter.renderList(into: &buffer, rect: rect, table: table,
                          counts: "\(visible.count) đơn vị", empty: "Chưa có đơn vị nào trong khối này. F7 để thêm.", noMatch: { "Không có đơn vị nào khớp «\($0)»." })
    }
}
