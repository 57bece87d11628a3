import ThiDuaDomain

/// The yearly reports units send to the commune (plan VI.4–VI.5): every active unit with
/// its report status — on time, late by n days, or missing — against the unit deadline
/// (25/11), and the days left to that deadline and to the commune's own (30/11).
public final class ReportsScreen: CommandScreen {
    public enum Message {
        /// A report form opened from here recorded this unit's report.
        case recorded(UnitID)
        /// The answer to «xóa báo cáo» of this unit.
        case removeAnswered(UnitID, confirmed: Bool)
        case removed(CommitResult)
    }

    public enum Commands: CommandSet {
        case edit, add, remove, communeReport, sent, prevTab, nextTab, prevYear, nextYear

        public static let context: CommandContext = "reports"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa ngày nhận, số văn bản của báo cáo đang chọn")
            case .add: CommandDeclaration("Ghi nhận", fKey: 7, twin: .char("a"),
                                          help: "ghi nhận đã nhận báo cáo của đơn vị đang chọn (hoặc Enter)")
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"), help: "xóa báo cáo đã ghi nhận nhầm")
            case .communeReport: CommandDeclaration("Báo cáo của xã", twin: .char("b"),
                                                    help: "viết các phần của báo cáo năm của xã gửi tỉnh: kết quả, tồn tại, phương hướng, kiến nghị")
            case .sent: CommandDeclaration("Đã gửi tỉnh", twin: .char("G"), help: "ghi số, ngày, cách gửi báo cáo năm của xã lên tỉnh")
            case .prevTab: CommandDeclaration("Bộ lọc trước", twin: .char("["), keys: [.left], help: "Tất cả / Chưa nộp / Muộn")
            case .nextTab: CommandDeclaration("Bộ lọc sau", twin: .char("]"), keys: [.right], help: "Tất cả / Chưa nộp / Muộn")
            case .prevYear: CommandDeclaration("Năm trước", twin: .char("<"), keys: [.char(",")])
            case .nextYear: CommandDeclaration("Năm sau", twin: .char(">"), keys: [.char(".")])
            }
        }
    }

    enum Filter: Int, CaseIterable {
        case all, missing, late

        var title: String {
            switch self {
            case .all: return "Tất cả"
            case .missing: return "Chưa nộp"
            case .late: return "Muộn"
            }
        }
    }

    /// One unit's line: its report, if any, and whether it came late.
    struct Row {
        var unit: OrgUnit
        var report: ReportSubmission?
        var timeliness: ReportTimeliness?
    }

    public let title = "Báo cáo năm"
    private(set) var year: Int
    private(set) var filter = Filter.all
    /// Every active unit of the year, in block order.
    private(set) var rows: [Row] = []
    private(set) var visible: [Row] = []
    private(set) var table = Table(columns: ReportsScreen.columns(wide: false))
    /// Whether the last render had room for the id and note columns.
    private var wide = false

    public init(session: Session, year: Int? = nil) {
        self.year = year ?? session.year
        refresh(session.data)
    }

    var selectedRow: Row? { visible.isEmpty ? nil : visible[table.selectedIndex] }
    var visibleUnitIDs: [UnitID] { visible.map(\.unit.id) }

    public var hint: String? {
        guard let row = selectedRow else { return "Không có đơn vị nào trong bộ lọc này; ← → đổi bộ lọc." }
        return row.report == nil ? "Enter hoặc F7: ghi nhận đã nhận báo cáo của đơn vị này."
                                 : "Enter/F4 sửa, F8 xóa báo cáo; ← → lọc Tất cả / Chưa nộp / Muộn."
    }

    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("Đơn vị", minWidth: 20, flex: 3),
            TableColumn("Khối", minWidth: 9, maxWidth: 16, flex: 1),
            TableColumn("Tình trạng", minWidth: 18),
            TableColumn("Ngày nhận", minWidth: 10),
            TableColumn("Số văn bản", minWidth: 10, maxWidth: 20, flex: 1),
        ]
        if wide {
            columns.insert(TableColumn("Mã", minWidth: 6), at: 0)
            columns.append(TableColumn("Ghi chú", minWidth: 10, flex: 2))
        }
        return columns
    }

    /// "Đã nộp đúng hạn", "Nộp muộn (3 ngày)" or "Chưa nộp".
    static func status(_ row: Row, settings: Settings) -> String {
        guard let report = row.report else { return "Chưa nộp" }
        guard row.timeliness == .late else { return "Đã nộp đúng hạn" }
        let days = settings.unitReportDue(in: report.year).days(until: report.receivedDate)
        return days > 0 ? "Nộp muộn (\(days) ngày)" : "Nộp muộn (ngày hạn)"
    }

    func refresh(_ data: Dataset) {
        let keep = selectedRow?.unit.id
        let order = Dictionary(uniqueKeysWithValues: data.categories.map { ($0.id, $0.order) })
        let units = data.units.values.filter { !$0.archived }.sorted { a, b in
            let ca = order[a.categoryID] ?? 0, cb = order[b.categoryID] ?? 0
            if ca != cb { return ca < cb }
            if a.order != b.order { return a.order < b.order }
            let byName = VietnameseCollation.compare(a.name, b.name)
            return byName != .orderedSame ? byName == .orderedAscending : a.id < b.id
        }
        rows = units.map { unit in
            let report = data.reports[ReportKey(year: year, unitID: unit.id)]
            return Row(unit: unit, report: report, timeliness: report.map { data.settings.timeliness(of: $0) })
        }
        visible = rows.filter { row in
            switch filter {
            case .all: return true
            case .missing: return row.report == nil
            case .late: return row.timeliness == .late
            }
        }
        table.setRows(visible.map { cells($0, data) })
        if let keep, let index = visible.firstIndex(where: { $0.unit.id == keep }) { table.selection.select(index) }
    }

    /// One table row; the id and the note only when the terminal is wide enough.
    private func cells(_ row: Row, _ data: Dataset) -> [String] {
        var cells = [row.unit.name, data.category(row.unit.categoryID)?.shortName ?? row.unit.categoryID,
                     ReportsScreen.status(row, settings: data.settings), row.report?.receivedDate.display ?? "",
                     row.report?.documentNumber ?? ""]
        if wide { cells = [row.unit.id.rawValue] + cells + [row.report?.note ?? ""] }
        return cells
    }

    /// Selects a unit (after recording its report), when shown.
    func select(_ id: UnitID) {
        if let index = visible.firstIndex(where: { $0.unit.id == id }) { table.selection.select(index) }
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated: return open(session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        let data = session.data
        switch command {
        case .add, .edit:
            if command == .edit, selectedRow != nil, selectedRow?.report == nil {
                return [.message("«\(selectedRow!.unit.name)» chưa nộp báo cáo năm \(year); F7 để ghi nhận.")]
            }
            return open(session: session)
        case .remove:
            guard let row = selectedRow else { return [.message("Chưa chọn đơn vị nào.")] }
            guard let report = row.report else { return [.message("«\(row.unit.name)» chưa có báo cáo năm \(year) để xóa.")] }
            let dialog = Dialog.confirm(title: "Xóa báo cáo",
                message: "Xóa báo cáo năm \(year) của «\(row.unit.name)» (nhận ngày \(report.receivedDate.display))?\nĐơn vị sẽ trở lại «Chưa nộp». Có thể hoàn tác bằng u.")
            return [.confirm(dialog) { [id = row.unit.id] in .removeAnswered(id, confirmed: $0 == Dialog.yes) }]
        case .communeReport:
            return [.push(CommuneReportScreen(session: session, year: year))]
        case .sent:
            return [.push(CommuneDispatchScreen(session: session, year: year))]
        case .prevTab, .nextTab:
            let step = command == .prevTab ? -1 : 1
            let count = Filter.allCases.count
            filter = Filter(rawValue: (filter.rawValue + step + count) % count) ?? .all
            table.selection.select(0)
            refresh(data)
        case .prevYear, .nextYear:
            let next = year + (command == .prevYear ? -1 : 1)
            guard data.settings.phaseYears.contains(next) else {
                return [.message("Giai đoạn của phong trào là \(data.settings.phaseStartYear)–\(data.settings.phaseEndYear); không có năm \(next).")]
            }
            year = next
            refresh(data)
        }
        return []
    }

    private func open(session: Session) -> [Action] {
        guard let row = selectedRow else { return [.message("Không có đơn vị nào trong bộ lọc này.")] }
        return [.present(ReportFormScreen(session: session, unit: row.unit, year: year, editing: row.report),
                         reply: Message.recorded)]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .recorded(let id):
            select(id)
            return []
        case .removeAnswered(_, confirmed: false):
            return []
        case .removeAnswered(let id, confirmed: true):
            return [.commit(.removeReport(year: year, unitID: id), reply: Message.removed)]
        case .removed(let result):
            return removed(result, session: session)
        }
    }

    private func removed(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success(let applied):
            guard case .removeReport(_, let id) = applied.change else { return [.message("Đã lưu.")] }
            return [.message("Đã xóa báo cáo năm \(year) của «\(session.data.units[id]?.name ?? id.rawValue)». Hoàn tác: u.")]
        case .failure(let error):
            return [.message("Chưa lưu: \(error.message)")]
        }
    }

    // MARK: Drawing

    /// The counts under the selector row, the two deadlines (on one row when they fit), and
    /// the table's rect below.
    private func regions(_ rect: Rect, session: Session)
        -> (inner: Rect, head: DashboardLines, deadlines: [(text: String, style: Style)], together: Bool, body: Rect) {
        let data = session.data
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let received = rows.filter { $0.report != nil }.count
        let late = rows.filter { $0.timeliness == .late }.count
        var head = DashboardLines(rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1)))
        head.add("Đã nhận \(received)/\(rows.count) đơn vị: đúng hạn \(received - late), muộn \(late)"
                 + " · chưa nộp \(rows.count - received)")
        let deadlines = [deadline("Hạn đơn vị nộp", data.settings.unitReportDue(in: year), today: session.today),
                         deadline("Hạn xã báo cáo tỉnh", data.settings.communeReportDue(in: year), today: session.today)]
        let together = deadlines.map(\.text.displayWidth).reduce(0, +) + 3 <= inner.width
        // As `render` draws them: the second deadline on a row of its own when they do not fit.
        var y = head.y
        for i in deadlines.indices where y < inner.maxY && !together && i > 0 { y += 1 }
        y += 1
        return (inner, head, deadlines, together, Rect(x: rect.x, y: y, width: rect.width, height: max(0, rect.maxY - y)))
    }

    public func layout(_ rect: Rect, session: Session) {
        if wide != (rect.width >= 110) {
            wide = rect.width >= 110
            table.columns = ReportsScreen.columns(wide: wide)
            table.setRows(visible.map { cells($0, session.data) })
        }
        table.setViewport(height: regions(rect, session: session).body.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let (inner, head, deadlines, together, body) = regions(rect, session: session)
        drawSelector(into: &buffer, row: inner.row(0))
        head.draw(into: &buffer)
        var y = head.y
        var x = inner.x
        for (i, line) in deadlines.enumerated() where y < inner.maxY {
            if !together && i > 0 { y += 1; x = inner.x }
            if together && i > 0 { x += buffer.put(" · ", at: Point(x: x, y: y), clipWidth: inner.maxX - x) }
            x += buffer.put(line.text, at: Point(x: x, y: y), style: line.style, clipWidth: max(0, inner.maxX - x))
        }
        if visible.isEmpty {
            table.render(into: &buffer, rect: body.splitTop(1).0, focused: false)
            let note: String
            switch filter {
            case .all: note = "Chưa có đơn vị nào đang hoạt động."
            case .missing: note = "Mọi đơn vị đã nộp báo cáo năm \(year)."
            case .late: note = "Không có báo cáo nào nộp muộn năm \(year)."
            }
            buffer.put(note, at: Point(x: body.x + 2, y: body.y + 2), clipWidth: max(0, body.width - 2))
        } else {
            table.render(into: &buffer, rect: body, focused: true)
        }
    }

    /// "Hạn đơn vị nộp 25/11/2026: còn 1 ngày (!)", urgent in bold red within a week or past.
    /// Years already closed only say the deadline has passed: nothing there is urgent now.
    private func deadline(_ label: String, _ due: CalendarDate, today: CalendarDate) -> (text: String, style: Style) {
        let days = today.days(until: due)
        if due.year < today.year { return ("\(label) \(due.display): đã qua", .dim) }
        let urgent = HomeSummary.isUrgent(days)
        return ("\(label) \(due.display): \(HomeSummary.countdown(days))" + (urgent ? " (!)" : ""),
                urgent ? Style.bold.colored(.error) : .plain)
    }

    /// "Năm ◀ 2026 ▶   Xem: [Tất cả 40] Chưa nộp 20 Muộn 0".
    private func drawSelector(into buffer: inout Buffer, row: Rect) {
        buffer.fill(row)
        var x = row.x
        func put(_ text: String, _ style: Style = .plain) {
            x += buffer.put(text, at: Point(x: x, y: row.y), style: style, clipWidth: max(0, row.maxX - x))
        }
        put("Năm ◀ ")
        put(String(year), .bold)
        put(" ▶  Xem:")
        for candidate in Filter.allCases {
            let count: Int
            switch candidate {
            case .all: count = rows.count
            case .missing: count = rows.filter { $0.report == nil }.count
            case .late: count = rows.filter { $0.timeliness == .late }.count
            }
            put(" ")
            put(" \(candidate.title) (\(count)) ", candidate == filter ? .selected : .plain)
        }
        put("  ← → lọc · < > năm", .dim)
    }
}
