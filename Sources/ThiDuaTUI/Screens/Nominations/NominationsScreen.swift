import ThiDuaDomain

/// Award nominations of one period and one form (plan IV): collectives then individuals,
/// each with its score snapshot, council vote, status and eligibility findings. From here
/// the office suggests nominees from the ranking, records votes and decisions, overrides
/// findings with a reason and moves nominations along dự kiến → … → đã khen.
public final class NominationsScreen: CommandScreen {
    public enum Message {
        case removeAnswered(NominationID, confirmed: Bool)
        /// The next step chosen for one nomination: one of `choices` (the dialog's buttons), or none.
        case forwardChosen(NominationID, choices: [NominationStatus], button: Int?)
        /// The next step chosen for the marked nominations.
        case bulkTargetChosen(choices: [NominationStatus], button: Int?)
        case bulkAnswered(BulkAction, button: Int?)
        case saved(CommitResult)
    }

    public enum Commands: CommandSet {
        case edit, add, remove, checklist, suggest, vote, voteAll, override, mark, markAll, forward, back, decision,
             decisionAll, certificates, awards, prevForm, nextForm, prevPeriod, nextPeriod

        public static let context: CommandContext = "nominations"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa tóm tắt thành tích, loại, hạng, ghi chú (hoặc Enter)")
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"),
                                          help: "đề nghị thêm một tập thể hoặc cá nhân (tìm theo tên, không cần dấu)")
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"), help: "xóa đề nghị đang chọn (chưa có quyết định khen)")
            case .checklist: CommandDeclaration("Phiếu chấm", fKey: 5, twin: .char("c"), help: "phiếu chấm điểm của đối tượng trong năm xét")
            case .suggest: CommandDeclaration("Gợi ý từ xếp hạng", twin: .char("g"),
                                              help: "đề xuất đối tượng theo quy tắc gợi ý (Cài đặt → Quy tắc); nhận hoặc bỏ từng người")
            case .vote: CommandDeclaration("Biểu quyết", twin: .char("v"), help: "ghi kết quả biểu quyết của hội đồng cho đề nghị đang chọn")
            case .voteAll: CommandDeclaration("Biểu quyết cả danh sách", twin: .char("V"),
                                              help: "một kết quả biểu quyết cho mọi đề nghị «Dự kiến» của danh sách")
            case .override: CommandDeclaration("Vẫn đề nghị (ghi lý do)", twin: .char("o"), help: "ghi lý do vẫn đề nghị dù có cảnh báo chưa xử lý")
            case .mark: CommandDeclaration("Đánh dấu", twin: .char(" "), help: "đánh dấu / bỏ đề nghị này; t, b làm cho mọi đề nghị đã đánh dấu")
            case .markAll: CommandDeclaration("Đánh dấu cả danh sách", twin: .char("*"), help: "mọi đề nghị của danh sách; lần nữa thì bỏ")
            case .forward: CommandDeclaration("Chuyển bước tiếp", twin: .char("t"), help: "Hội đồng đã xét → Đã trình hoặc Không được khen")
            case .back: CommandDeclaration("Trả về bước trước", twin: .char("b"), help: "đưa đề nghị về bước trước, có ghi lý do")
            case .decision: CommandDeclaration("Ghi quyết định", twin: .char("r"),
                                               help: "số, ngày, cấp ban hành quyết định khen; đưa vào lịch sử khen thưởng")
            case .decisionAll: CommandDeclaration("Ghi quyết định cả danh sách", twin: .char("R"),
                                                  help: "một quyết định cho mọi đề nghị «Đã trình» của danh sách")
            case .certificates: CommandDeclaration("In giấy khen", twin: .char("p"),
                                                   help: "in lên phôi giấy khen của quyết định đề nghị đang chọn (hoặc các đề nghị đã đánh dấu)")
            case .awards: CommandDeclaration("Lịch sử khen thưởng", twin: .char("k"),
                                             help: "các khen thưởng đã nhận của đối tượng đang chọn; nhập cả khen thưởng các năm trước")
            case .prevForm: CommandDeclaration("Hình thức trước", twin: .char("["), keys: [.left])
            case .nextForm: CommandDeclaration("Hình thức sau", twin: .char("]"), keys: [.right])
            case .prevPeriod: CommandDeclaration("Đợt trước", twin: .char("<"), keys: [.char(",")], help: "các năm, sơ kết, tổng kết")
            case .nextPeriod: CommandDeclaration("Đợt sau", twin: .char(">"), keys: [.char(".")], help: "các năm, sơ kết, tổng kết")
            }
        }
    }

    public let title = "Khen thưởng"
    private(set) var period: Period
    private(set) var formID: String
    private(set) var rows = NominationRows()
    /// Nominations per form in this period, for the form tabs; counted once per data change.
    private(set) var formCounts: [String: Int] = [:]
    var table = Table(columns: NominationsScreen.columns(wide: false))
    private var wide = false
    /// Nominations marked for a step of many at once.
    var marks = RowMarks<NominationID>()

    public init(session: Session, period: Period? = nil, formID: String? = nil) {
        let data = session.data
        self.period = period ?? .year(session.year)
        let forms = data.catalog.forms(for: self.period)
        // Giấy khen first: it is the form the commune decides itself and uses most.
        self.formID = formID ?? forms.last?.id ?? ""
        refresh(data)
    }

    var selected: Nomination? { rows.nomination(at: table.selectedIndex) }
    var selectedFindings: [EligibilityFinding] { rows.findings(at: table.selectedIndex) }

    public var hint: String? {
        guard let n = selected else {
            return rows.total == 0 ? "g gợi ý từ xếp hạng, F7 thêm đề nghị; ← → đổi hình thức, < > đổi đợt."
                                   : "↑ ↓ chọn đề nghị."
        }
        if selectedFindings.contains(where: { $0.overrideReason == nil }) && n.status != .awarded {
            return "Có cảnh báo: o ghi lý do vẫn đề nghị · v biểu quyết · t chuyển bước · ? trợ giúp."
        }
        switch n.status {
        case .proposed: return "v ghi biểu quyết (V cho cả danh sách) · Enter sửa · F8 xóa."
        case .councilReviewed: return "t chuyển «Đã trình» hoặc «Không được khen» · b trả về."
        case .submitted: return "r ghi quyết định khen (R cho cả danh sách) · t «Không được khen»."
        case .awarded, .rejected: return "b trả về bước trước (ghi lý do) · c phiếu chấm."
        }
    }

    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("TT", minWidth: 2, alignment: .right),
            TableColumn("Tên tập thể, cá nhân", minWidth: 16, flex: 4),
            TableColumn("Điểm", minWidth: 5, alignment: .right),
            TableColumn("Xếp loại", minWidth: 8),
            // "11/13 84,6%": a vote is never cut.
            TableColumn("Biểu quyết", minWidth: 11),
            TableColumn("Trạng thái", minWidth: 15),
            // "⚠2 Minh chứng": the count and the short reason of the first standing finding
            // (labels are at most 10 wide, so it is never cut); the names get the rest.
            TableColumn("Cảnh báo", minWidth: 13),
        ]
        if wide {
            columns.insert(TableColumn("Khối, đơn vị", minWidth: 12, maxWidth: 30, flex: 2), at: 2)
            columns.insert(TableColumn("Mã", minWidth: 7), at: 0)
        }
        return columns
    }

    func refresh(_ data: Dataset) {
        let before = Set(rows.nominations.map(\.id))
        var keep = selected?.id
        rows = NominationRows(data: data, period: period, formID: formID)
        formCounts = Dictionary(grouping: data.nominations.values.filter { $0.period == period }, by: \.formID)
            .mapValues(\.count)
        // A nomination just added (from the picker or a suggestion) becomes the selection.
        let added = rows.nominations.map(\.id).filter { !before.contains($0) }
        if added.count == 1 { keep = added[0] }
        marks.keep(only: rows.nominations.map(\.id))
        showRows()
        if let keep, let index = rows.index(of: keep) {
            table.selection.select(index)
        } else {
            skipGroupRow(direction: 1)
        }
    }

    /// The table's rows, a marked nomination with «■» before its number; their cells are
    /// made when drawing (`rowCells`).
    func showRows() {
        table.setRows(count: rows.lines.count) { _ in [] }
    }

    /// The cells of the table's rows from `data`. Only a drawing holds them: kept, they would
    /// hold a copy of the data, and the next change would copy all 100,000 people.
    func rowCells(_ data: Dataset) -> Table.RowProvider {
        let numbers = rows.numbers()
        let rows = self.rows, wide = self.wide, marks = self.marks
        return { index in
            var cells = rows.cells(index, data: data, wide: wide, number: numbers[index])
            if let n = rows.nomination(at: index), marks.contains(n.id), !cells.isEmpty { cells[0] = "■" + cells[0] }
            return cells
        }
    }

    /// Group titles cannot be selected: step past them in the direction of travel.
    func skipGroupRow(direction: Int) {
        var index = table.selectedIndex
        while rows.nomination(at: index) == nil {
            let next = index + direction
            guard rows.lines.indices.contains(next) else {
                // Nothing further this way: look the other way, else stay.
                if let back = (0..<rows.lines.count).reversed().first(where: { rows.nomination(at: $0) != nil }),
                   direction > 0 {
                    table.selection.select(back)
                } else if let first = rows.lines.indices.first(where: { rows.nomination(at: $0) != nil }) {
                    table.selection.select(first)
                }
                return
            }
            index = next
        }
        table.selection.select(index)
    }

    func select(_ id: NominationID) {
        if let index = rows.index(of: id) { table.selection.select(index) }
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        let before = table.selectedIndex
        switch table.handle(key) {
        case .activated: return edit(session: session)
        case .moved:
            skipGroupRow(direction: table.selectedIndex >= before ? 1 : -1)
            return []
        case .ignored: return nil
        }
    }

    // MARK: Period and form

    func move(period step: Int, data: Dataset) -> [Action] {
        let periods = Period.all(settings: data.settings)
        guard let index = periods.firstIndex(of: period) else { return [] }
        let next = index + step
        guard periods.indices.contains(next) else {
            return [.message(step < 0 ? "Đây là đợt đầu tiên (năm \(data.settings.phaseStartYear))."
                                      : "Đây là đợt cuối (tổng kết giai đoạn).")]
        }
        period = periods[next]
        let forms = data.catalog.forms(for: period)
        if !forms.contains(where: { $0.id == formID }) { formID = forms.last?.id ?? "" }
        table.selection.select(0)
        refresh(data)
        return []
    }

    func move(form step: Int, data: Dataset) -> [Action] {
        let forms = data.catalog.forms(for: period)
        guard let index = forms.firstIndex(where: { $0.id == formID }), !forms.isEmpty else { return [] }
        formID = forms[(index + step + forms.count) % forms.count].id
        table.selection.select(0)
        refresh(data)
        return []
    }

    // MARK: Drawing helpers shared with the render file

    func setWide(_ value: Bool, data: Dataset) {
        guard value != wide else { return }
        wide = value
        table.columns = NominationsScreen.columns(wide: value)
        refresh(data)
    }
}
