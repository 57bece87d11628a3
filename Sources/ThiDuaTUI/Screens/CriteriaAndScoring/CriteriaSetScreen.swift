import ThiDuaDomain
// The store's value types only (`StoreError`): the app reads the plan's defaults.
import ThiDuaStore

/// The checklist of one criteria group for one year (plan III.1–III.4 and the office's own
/// groups): add, edit, delete and reorder items, copy the year's set to the next year,
/// create a missing set from the plan's defaults, and see which block uses which set.
/// The sum of the normal items is compared with the set's target so an unbalanced set
/// is visible before anyone scores with it.
public final class CriteriaSetScreen: CommandScreen {
    public enum Message {
        /// An item form opened from here saved the item with this code.
        case itemSaved(code: String)
        case removeItemAnswered(code: String, confirmed: Bool)
        /// The copy's scope: button 0 the group, 1 every group.
        case copyAnswered(button: Int?)
        case overwriteAnswered(allGroups: Bool, confirmed: Bool)
        case defaultsAnswered(confirmed: Bool)
        case removeSetAnswered(confirmed: Bool)
        /// The plan's defaults, read to create the set `target`.
        case defaultsLoaded(Result<Dataset, StoreError>, target: CriteriaSetKey)
        case saved(CommitResult)
        /// An alert was closed; nothing follows.
        case alertClosed
    }

    public enum Commands: CommandSet {
        case edit, add, remove, up, down, prevGroup, nextGroup, prevYear, nextYear, copy, defaults, removeSet,
             categories

        public static let context: CommandContext = "criteria"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa tiêu chí đang chọn (hoặc Enter)")
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"), help: "thêm tiêu chí vào cuối bộ đang xem")
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"), help: "xóa tiêu chí chưa phiếu chấm nào dùng")
            case .up: CommandDeclaration("Chuyển tiêu chí lên", twin: .char("K"), help: "đổi thứ tự: tiêu chí đang chọn lên trên một dòng (Shift-K)")
            case .down: CommandDeclaration("Chuyển tiêu chí xuống", twin: .char("J"),
                                           help: "đổi thứ tự: tiêu chí đang chọn xuống dưới một dòng (Shift-J)")
            case .prevGroup: CommandDeclaration("Nhóm tiêu chí trước", twin: .char("["), keys: [.left])
            case .nextGroup: CommandDeclaration("Nhóm tiêu chí sau", twin: .char("]"), keys: [.right])
            case .prevYear: CommandDeclaration("Năm trước", twin: .char("<"), keys: [.char(",")], help: "trong giai đoạn của phong trào")
            case .nextYear: CommandDeclaration("Năm sau", twin: .char(">"), keys: [.char(".")], help: "trong giai đoạn của phong trào")
            case .copy: CommandDeclaration("Chép sang năm sau", twin: .char("n"),
                                           help: "chép bộ tiêu chí năm đang xem (nhóm này hoặc mọi nhóm) sang năm sau; hỏi trước khi ghi đè")
            case .defaults: CommandDeclaration("Tạo từ bộ mặc định", twin: .char("m"),
                                               help: "tạo bộ tiêu chí của năm từ bộ mặc định theo Kế hoạch (mục III)")
            case .removeSet: CommandDeclaration("Xóa cả bộ tiêu chí của năm", twin: .char("X"),
                                                help: "chỉ khi chưa có phiếu chấm nào dùng bộ này (Shift-X)")
            case .categories: CommandDeclaration("Khối dùng bộ tiêu chí nào", twin: .char("c"), help: "xem và đổi nhóm tiêu chí của từng khối")
            }
        }
    }

    public let title = "Bộ tiêu chí"

    private(set) var groups: [CriteriaGroup] = []
    private(set) var groupIndex = 0
    private(set) var year: Int
    /// The set shown, or nil when the year has none for this group.
    private(set) var shown: CriteriaSet?
    /// Score sheets of the shown year and group that hold a score for each item code.
    private(set) var usage: [String: [Subject]] = [:]
    private(set) var table: Table
    /// The set the plan's defaults were asked for (the load answers asynchronously to the key).

    public init(session: Session, groupID: String? = nil, year: Int? = nil) {
        self.year = year ?? session.year
        table = Table(columns: CriteriaSetScreen.columns(wide: false))
        groups = session.data.criteriaGroups
        if let groupID, let index = groups.firstIndex(where: { $0.id == groupID }) { groupIndex = index }
        refresh(session.data)
    }

    var group: CriteriaGroup? { groups.isEmpty ? nil : groups[groupIndex] }
    var key: CriteriaSetKey { CriteriaSetKey(year: year, groupID: group?.id ?? "") }
    var items: [CriteriaItem] { shown?.items ?? [] }
    public var selectedItem: CriteriaItem? { items.isEmpty ? nil : items[table.selectedIndex] }

    public var hint: String? {
        if let item = selectedItem { return "\(item.code): \(item.text)" }
        if shown == nil { return "Năm \(year) chưa có bộ này: m tạo từ bộ mặc định, F7 thêm tiêu chí đầu tiên." }
        return "Bộ tiêu chí còn trống: F7 để thêm tiêu chí."
    }

    static func columns(wide: Bool, codeWidth: Int = 4) -> [TableColumn] {
        var columns = [
            TableColumn("Mã", minWidth: min(20, max(4, codeWidth))),
            TableColumn("Nội dung", minWidth: 20, flex: 4),
            TableColumn("Tối đa", minWidth: 6, alignment: .right),
            TableColumn("Loại", minWidth: 9),
            TableColumn("Minh chứng cần có", minWidth: 14, flex: 2),
        ]
        if wide { columns.append(TableColumn("Phiếu", minWidth: 5, alignment: .right)) }
        return columns
    }

    /// Rebuilds from the data, keeping the selected item (by code) when it is still there.
    func refresh(_ data: Dataset, select code: String? = nil) {
        let keep = code ?? selectedItem?.code
        let groupID = group?.id
        groups = data.criteriaGroups
        if let groupID, let index = groups.firstIndex(where: { $0.id == groupID }) {
            groupIndex = index
        } else {
            groupIndex = min(groupIndex, max(0, groups.count - 1))
        }
        shown = data.criteriaSets[key]
        usage = [:]
        for sheet in data.sheets.values where sheet.year == year && sheet.groupID == key.groupID {
            for code in sheet.items.keys { usage[code, default: []].append(sheet.subject) }
        }
        table.setRows(items.map { item in
            [item.code, item.text, item.maximum.display, item.kind.label, item.evidenceExpected,
             String(usage[item.code]?.count ?? 0)]
        })
        if let keep, let index = items.firstIndex(where: { $0.code == keep }) { table.selection.select(index) }
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated: return edit(session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        let data = session.data
        switch command {
        case .edit: return edit(session: session)
        case .add: return add(session: session)
        case .remove: return removeItem(data)
        case .up: return move(by: -1)
        case .down: return move(by: 1)
        case .prevGroup, .nextGroup:
            guard !groups.isEmpty else { return [] }
            groupIndex = (groupIndex + (command == .prevGroup ? -1 : 1) + groups.count) % groups.count
            table.selection.select(0)
            refresh(data)
        case .prevYear, .nextYear:
            let next = year + (command == .prevYear ? -1 : 1)
            guard data.settings.phaseYears.contains(next) else {
                return [.message("Giai đoạn của phong trào là \(data.settings.phaseStartYear)–\(data.settings.phaseEndYear); không có năm \(next).")]
            }
            year = next
            table.selection.select(0)
            refresh(data)
        case .copy: return copyToNextYear(data)
        case .defaults: return fromDefaults(data)
        case .removeSet: return removeSet(data)
        case .categories: return [.push(CriteriaAssignmentScreen(session: session))]
        }
        return []
    }

    // MARK: Items

    private func itemForm(_ session: Session, editing item: CriteriaItem?) -> Action {
        .present(CriteriaItemFormScreen(session: session, key: key, editing: item,
                                        usedBy: item.map { usage[$0.code]?.count ?? 0 } ?? 0)) { .itemSaved(code: $0) }
    }

    private func edit(session: Session) -> [Action] {
        guard let item = selectedItem else { return [.message("Chưa có tiêu chí nào để sửa; F7 để thêm.")] }
        return [itemForm(session, editing: item)]
    }

    private func add(session: Session) -> [Action] {
        guard group != nil else { return [.message("Chưa có nhóm tiêu chí nào.")] }
        return [itemForm(session, editing: nil)]
    }

    private func removeItem(_ data: Dataset) -> [Action] {
        guard let item = selectedItem else { return [.message("Chưa chọn tiêu chí nào.")] }
        if let users = usage[item.code], !users.isEmpty {
            let names = users.map { data.name(of: $0) }.sortedVietnamese()
            let shown = names.prefix(3).joined(separator: ", ")
            let more = names.count > 3 ? " và \(names.count - 3) phiếu khác" : ""
            let message = "Không xóa được tiêu chí \(item.code): đang có \(users.count) phiếu chấm năm \(year) dùng"
                + " (\(shown)\(more))."
            return [.confirm(Dialog.alert(title: "Không xóa được",
                                          message: message + "\nHãy bỏ điểm của tiêu chí này trong các phiếu đó trước, hoặc sửa tiêu chí thay vì xóa.")) {
                        _ in .alertClosed
                    },
                    .message("Không xóa được tiêu chí \(item.code): \(users.count) phiếu chấm đang dùng.")]
        }
        let dialog = Dialog.confirm(title: "Xóa tiêu chí",
            message: "Xóa tiêu chí \(item.code) «\(item.text.truncated(toWidth: 60))» khỏi bộ \(key.groupID) năm \(year)?\nCó thể hoàn tác bằng u ngay sau đó.")
        return [.confirm(dialog) { .removeItemAnswered(code: item.code, confirmed: $0 == Dialog.yes) }]
    }

    private func move(by step: Int) -> [Action] {
        guard var set = shown, let item = selectedItem else { return [.message("Chưa chọn tiêu chí nào.")] }
        let from = table.selectedIndex, to = from + step
        guard set.items.indices.contains(to) else {
            return [.message(step < 0 ? "Tiêu chí \(item.code) đã ở đầu bộ." : "Tiêu chí \(item.code) đã ở cuối bộ.")]
        }
        set.items.swapAt(from, to)
        return [.commit(.putCriteriaSet(set: set), reply: Message.saved)]
    }

    // MARK: Whole sets

    private func copyToNextYear(_ data: Dataset) -> [Action] {
        let next = year + 1
        guard data.settings.phaseYears.contains(next) else {
            return [.message("Năm \(year) là năm cuối giai đoạn \(data.settings.phaseStartYear)–\(data.settings.phaseEndYear); không có năm sau để chép.")]
        }
        guard let set = shown else { return [.message("Năm \(year) chưa có bộ tiêu chí nhóm \(key.groupID) để chép.")] }
        let all = data.criteriaSets.values.filter { $0.year == year }.count
        let dialog = Dialog(title: "Chép sang năm \(next)",
            message: ["Chép bộ tiêu chí năm \(year) sang năm \(next)?",
                      "Nhóm \(set.groupID): \(set.items.count) tiêu chí. Năm \(year) có \(all) bộ tiêu chí (mọi nhóm)."],
            buttons: ["Chỉ nhóm \(set.groupID)", "Mọi nhóm (\(all))", "Không"], defaultButton: 2)
        return [.confirm(dialog) { .copyAnswered(button: $0) }]
    }

    /// The sets a copy writes: this year's set of the group, or of every group.
    private func copies(allGroups: Bool, _ data: Dataset) -> [CriteriaSet] {
        let sources = allGroups ? data.criteriaSets.values.filter { $0.year == year }.sorted { $0.key < $1.key }
                                : [data.criteriaSets[key]].compactMap { $0 }
        return sources.map { source in
            var copy = source
            copy.year = year + 1
            return copy
        }
    }

    private func commitCopy(_ sets: [CriteriaSet]) -> [Action] {
        guard !sets.isEmpty else { return [.message("Không có bộ tiêu chí nào để chép.")] }
        let label = "Chép bộ tiêu chí năm \(year) sang năm \(year + 1)"
            + (sets.count == 1 ? " (nhóm \(sets[0].groupID))" : " (\(sets.count) nhóm)")
        return [.commit(.batch(label: label, changes: sets.map { .putCriteriaSet(set: $0) }), reply: Message.saved)]
    }

    private func fromDefaults(_ data: Dataset) -> [Action] {
        guard group != nil else { return [.message("Chưa có nhóm tiêu chí nào.")] }
        if let set = shown {
            let dialog = Dialog.confirm(title: "Tạo lại từ bộ mặc định",
                message: "Năm \(year) đã có bộ tiêu chí nhóm \(set.groupID) (\(set.items.count) tiêu chí).\nThay bằng bộ mặc định theo Kế hoạch? Có thể hoàn tác bằng u.")
            return [.confirm(dialog) { .defaultsAnswered(confirmed: $0 == Dialog.yes) }]
        }
        return [loadDefaults()]
    }

    /// Reads the plan's defaults to create this year's set of the group shown now.
    private func loadDefaults() -> Action {
        .loadPlanDefaults { [key] in .defaultsLoaded($0, target: key) }
    }

    private func removeSet(_ data: Dataset) -> [Action] {
        guard let set = shown else { return [.message("Năm \(year) chưa có bộ tiêu chí nhóm \(key.groupID).")] }
        let sheets = data.sheets.values.filter { $0.year == year && $0.groupID == set.groupID }.count
        guard sheets == 0 else {
            return [.message("Không xóa được bộ tiêu chí nhóm \(set.groupID) năm \(year): đã có \(sheets) phiếu chấm dùng bộ này.")]
        }
        let dialog = Dialog.confirm(title: "Xóa cả bộ tiêu chí",
            message: "Xóa cả bộ tiêu chí nhóm \(set.groupID) năm \(year) (\(set.items.count) tiêu chí)?\nCó thể hoàn tác bằng u, hoặc tạo lại bằng m (bộ mặc định).")
        return [.confirm(dialog) { .removeSetAnswered(confirmed: $0 == Dialog.yes) }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        let data = session.data
        switch message {
        case .itemSaved(let code):
            refresh(data, select: code)
            return []
        case .alertClosed, .removeItemAnswered(_, confirmed: false), .defaultsAnswered(confirmed: false),
             .removeSetAnswered(confirmed: false), .copyAnswered(nil):
            return []
        case .removeItemAnswered(let code, confirmed: true):
            guard var set = shown else { return [] }
            set.items.removeAll { $0.code == code }
            return [.commit(.putCriteriaSet(set: set), reply: Message.saved)]
        case .copyAnswered(let button?):
            guard button == 0 || button == 1 else { return [.message("Không chép gì.")] }
            let sets = copies(allGroups: button == 1, data)
            let existing = sets.filter { data.criteriaSets[$0.key] != nil }.map(\.groupID)
            guard existing.isEmpty else {
                let dialog = Dialog.confirm(title: "Ghi đè năm \(year + 1)",
                    message: "Năm \(year + 1) đã có bộ tiêu chí nhóm \(existing.joined(separator: ", ")).\nGhi đè bằng bộ của năm \(year)? Có thể hoàn tác bằng u.")
                return [.confirm(dialog) { .overwriteAnswered(allGroups: button == 1, confirmed: $0 == Dialog.yes) }]
            }
            return commitCopy(sets)
        case .overwriteAnswered(let allGroups, let confirmed):
            guard confirmed else { return [.message("Không chép gì; bộ tiêu chí năm \(year + 1) giữ nguyên.")] }
            return commitCopy(copies(allGroups: allGroups, data))
        case .defaultsAnswered(confirmed: true):
            return [loadDefaults()]
        case .removeSetAnswered(confirmed: true):
            return [.commit(.removeCriteriaSet(year: year, groupID: key.groupID), reply: Message.saved)]
        case .defaultsLoaded(let outcome, let target):
            return create(target, from: outcome)
        case .saved(let result):
            return saved(result)
        }
    }

    private func create(_ target: CriteriaSetKey, from outcome: Result<Dataset, StoreError>) -> [Action] {
        switch outcome {
        case .failure(let error):
            return [.message("Không đọc được bộ mặc định: \(error.message)")]
        case .success(let defaults):
            guard let template = defaults.criteriaSets.values.filter({ $0.groupID == target.groupID })
                .min(by: { $0.key < $1.key }) else {
                return [.message("Bộ mặc định của Kế hoạch không có nhóm \(target.groupID); hãy thêm tiêu chí bằng F7.")]
            }
            var set = template
            set.year = target.year
            return [.commit(.putCriteriaSet(set: set), reply: Message.saved)]
        }
    }

    private func saved(_ result: CommitResult) -> [Action] {
        switch result {
        case .failure(let error):
            return [.confirm(Dialog.alert(title: "Chưa lưu", message: error.message)) { _ in .alertClosed },
                    .message("Chưa lưu: \(error.message)")]
        case .success(let applied):
            switch applied.change {
            case .batch(let label, _):
                return [.message("Đã lưu: \(label).")]
            case .removeCriteriaSet(let year, let groupID):
                return [.message("Đã xóa bộ tiêu chí nhóm \(groupID) năm \(year). Hoàn tác: u.")]
            case .putCriteriaSet(let set) where applied.inverse == .removeCriteriaSet(year: set.year, groupID: set.groupID):
                let empty = set.items.isEmpty ? " Bộ chưa có tiêu chí nào: F7 để thêm." : ""
                return [.message("Đã tạo bộ tiêu chí nhóm \(set.groupID) năm \(set.year) (\(set.items.count) tiêu chí).\(empty)")]
            default:
                return [.message("Đã lưu bộ tiêu chí nhóm \(key.groupID) năm \(year).")]
            }
        }
    }

    // MARK: Drawing

    /// The selector row, the group's name, who uses it, its note and its totals, above the table.
    private func heading(_ rect: Rect, data: Dataset) -> DashboardLines {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        var head = DashboardLines(rect: inner)
        head.add("", wrap: false)   // the selector row is drawn below, with its own styles
        if let group {
            // Office-defined groups already say who builds them in their name.
            head.add(group.name + (group.planSection.map { " (Kế hoạch, mục \($0))" } ?? ""), style: .bold)
            let users = data.categories.filter { $0.criteriaGroupID == group.id }.sorted { $0.order < $1.order }
            let usedBy: String
            if group.subjectKind == .individual {
                usedBy = "Dùng để chấm: cá nhân"
            } else if users.isEmpty {
                usedBy = "Chưa khối nào dùng bộ này (c để gắn)"
            } else {
                usedBy = "Dùng cho: " + users.map(\.shortName).joined(separator: ", ") + " (c để đổi)"
            }
            head.add(usedBy.truncated(toWidth: inner.width), style: .dim, wrap: false)
            if let note = group.note, !note.isEmpty {
                head.add(note, style: Style.plain.colored(.warning))
            }
        }
        if let set = shown {
            let sum = "Tổng điểm tối đa các tiêu chí thường: \(set.normalMaximum.display)/\(set.targetMaximum.display)"
            let extras = extrasLine(set)
            if set.isUnbalanced {
                head.add(sum + " — CHƯA KHỚP" + extras, style: Style.bold.colored(.error))
            } else {
                head.add(sum + " — khớp" + extras)
            }
        }
        return head
    }

    /// The table's rect (the rows it has, leaving the selected item's wording room below), or
    /// its heading row alone when the set has no items.
    private func tableRect(in rest: Rect, data: Dataset) -> (table: Rect, below: Rect, room: Int) {
        guard !items.isEmpty else { return (rest.splitTop(1).0, rest.splitTop(1).1, 0) }
        let detail = detailLines(width: rest.width - 2, data: data)
        // The panel takes at most half the room; a short table leaves it more, right under it.
        var room = rest.height >= 10 ? min(detail.count, rest.height / 2 - 1) : 0
        let tableHeight = min(items.count + 1, rest.height - (room > 0 ? room + 1 : 0))
        if room > 0 { room = min(detail.count, rest.height - tableHeight - 1) }
        let (table, below) = rest.splitTop(tableHeight)
        return (table, below, room)
    }

    private func rest(_ rect: Rect, head: DashboardLines) -> Rect {
        Rect(x: rect.x, y: head.y, width: rect.width, height: rect.maxY - head.y)
    }

    public func layout(_ rect: Rect, session: Session) {
        let codeWidth = items.map(\.code.displayWidth).max() ?? 0
        table.columns = CriteriaSetScreen.columns(wide: rect.width >= 110, codeWidth: codeWidth)
        let rest = rest(rect, head: heading(rect, data: session.data))
        table.setViewport(height: tableRect(in: rest, data: session.data).table.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let head = heading(rect, data: data)
        head.draw(into: &buffer)
        drawSelector(into: &buffer, row: inner.row(0), session: session)

        let rest = rest(rect, head: head)
        let (tableRect, below, room) = tableRect(in: rest, data: data)
        guard !items.isEmpty else {
            table.render(into: &buffer, rect: tableRect, focused: false)
            var lines = DashboardLines(rect: Rect(x: rest.x + 2, y: rest.y + 2, width: rest.width - 4,
                                                  height: max(0, rest.height - 2)))
            if shown == nil {
                lines.add("Năm \(year) chưa có bộ tiêu chí nhóm \(key.groupID).", style: .bold)
                lines.add("Bấm m để tạo từ bộ mặc định theo Kế hoạch, F7 để bắt đầu một bộ mới với tiêu chí đầu tiên,"
                          + " hoặc chọn năm trước (<) rồi n để chép sang.")
            } else {
                lines.add("Bộ tiêu chí nhóm \(key.groupID) năm \(year) chưa có tiêu chí nào.", style: .bold)
                lines.add("Phòng Văn hoá - Xã hội cần xây dựng bộ này trước khi chấm điểm: F7 để thêm tiêu chí.")
            }
            lines.draw(into: &buffer)
            return
        }
        // The selected item's full wording under the table, when there is room for it.
        let detail = detailLines(width: rest.width - 2, data: data)
        table.render(into: &buffer, rect: tableRect, focused: true)
        if room > 0 {
            let (rule, panel) = below.splitTop(1)
            buffer.put(String(repeating: "─", count: max(0, rule.width)), at: rule.origin, style: .dim,
                       clipWidth: rule.width)
            for (i, line) in detail.prefix(room).enumerated() {
                buffer.put(line.text, at: Point(x: panel.x + 1, y: panel.y + i), style: line.style,
                           clipWidth: panel.width - 1)
            }
        }
    }

    private func extrasLine(_ set: CriteriaSet) -> String {
        var parts: [String] = []
        let bonus = set.items.filter { $0.kind == .bonus }.reduce(Points.zero) { $0 + $1.maximum }
        let deduction = set.items.filter { $0.kind == .deduction }.reduce(Points.zero) { $0 + $1.maximum }
        if bonus > .zero { parts.append("cộng tối đa \(bonus.display)") }
        if deduction > .zero { parts.append("trừ tối đa \(deduction.display)") }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: " · ")
    }

    private func detailLines(width: Int, data: Dataset) -> [(text: String, style: Style)] {
        guard let item = selectedItem, width > 0 else { return [] }
        let used = usage[item.code]?.count ?? 0
        var out: [(String, Style)] = [("Tiêu chí \(item.code) · \(item.kind.label) · tối đa \(item.maximum.display) điểm"
            + (used > 0 ? " · \(used) phiếu chấm đã dùng" : " · chưa phiếu nào dùng"), .bold)]
        out += TextWrap.wrap(item.text, width: width - 1).map { ($0, .plain) }
        if !item.evidenceExpected.isEmpty {
            out += TextWrap.wrap("Minh chứng cần có: " + item.evidenceExpected, width: width - 1).map { ($0, .dim) }
        }
        return out
    }

    /// "Nhóm ◀ III.1 ▶ 1/6 · Năm ◀ 2026 ▶ · 7 tiêu chí" and the keys that change them.
    private func drawSelector(into buffer: inout Buffer, row: Rect, session: Session) {
        buffer.fill(row)
        var x = row.x
        func put(_ text: String, _ style: Style = .plain) {
            x += buffer.put(text, at: Point(x: x, y: row.y), style: style, clipWidth: max(0, row.maxX - x))
        }
        put("Nhóm ◀ ")
        put(group?.id ?? "—", .bold)
        put(" ▶ \(groups.isEmpty ? 0 : groupIndex + 1)/\(groups.count)  Năm ◀ ")
        put(String(year), .bold)
        put(" ▶  ")
        put(shown.map { "\($0.items.count) tiêu chí" } ?? "chưa có bộ", shown == nil ? .bold : .plain)
        put("   [ ] nhóm · < > năm · K J thứ tự", .dim)
    }
}
