import ThiDuaDomain

/// The awards one unit or person has received, newest year first: those recorded from a
/// nomination's decision and older ones entered from paper decisions. The prerequisite
/// rules (a Bằng khen before a higher award) read this history, so it must be complete.
public final class AwardHistoryScreen: CommandScreen {
    public enum Message {
        /// A form opened from here saved this award.
        case saved(AwardRecordID)
        /// The answer to «xóa khen thưởng» of this award.
        case removeAnswered(AwardRecordID, confirmed: Bool)
        case removed(CommitResult)
    }

    public enum Commands: CommandSet {
        case edit, add, remove

        public static let context: CommandContext = "awardHistory"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa khen thưởng đang chọn (hoặc Enter)")
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"), help: "nhập một khen thưởng đã nhận theo quyết định cũ")
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"), help: "xóa khen thưởng đang chọn khỏi lịch sử (hỏi trước)")
            }
        }
    }

    public let subject: Subject
    public private(set) var title: String
    private(set) var awards: [AwardRecord] = []
    private(set) var table = Table(columns: AwardHistoryScreen.columns(wide: false))

    public init(session: Session, subject: Subject) {
        self.subject = subject
        title = ""
        refresh(session.data)
    }

    public var selectedAward: AwardRecord? { awards.isEmpty ? nil : awards[table.selectedIndex] }

    public var hint: String? {
        awards.isEmpty ? "F7 nhập khen thưởng đã nhận từ quyết định cũ." : "Enter sửa · F7 thêm · F8 xóa · Esc quay lại."
    }

    /// The issuer needs room to be read; on narrow screens it is in the panel below.
    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("Năm", minWidth: 4),
            TableColumn("Hình thức / danh hiệu", minWidth: 20, flex: 4),
            TableColumn("Loại", minWidth: 10),
            TableColumn("Số quyết định", minWidth: 13, maxWidth: 20, flex: 1),
            TableColumn("Ngày", minWidth: 10),
        ]
        if wide { columns.append(TableColumn("Cơ quan ban hành", minWidth: 20, flex: 3)) }
        return columns
    }

    /// Newest first: by year, then decision date, then id so the order never jumps.
    func refresh(_ data: Dataset) {
        let keep = selectedAward?.id
        let name = data.name(of: subject)
        title = "Lịch sử khen thưởng — \(name)"
        awards = data.awards.values.filter { $0.recipient == subject }.sorted { a, b in
            if a.year != b.year { return a.year > b.year }
            if a.decision.date != b.decision.date { return a.decision.date > b.decision.date }
            return a.id > b.id
        }
        let catalog = data.catalog
        let rows = awards.map { award in
            [String(award.year), catalog.name(of: award.recognition), AwardText.shortKind(award.kind),
             award.decision.number, award.decision.date.display, award.decision.issuer]
        }
        table.setRows(rows)
        if let keep { select(keep) }
    }

    /// Selects an award by id (after adding one), when it is this subject's.
    func select(_ id: AwardRecordID) {
        if let index = awards.firstIndex(where: { $0.id == id }) { table.selection.select(index) }
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
        switch command {
        case .add:
            guard session.data.exists(subject) else {
                return [.message("«\(subject)» không còn trong dữ liệu; không thêm được khen thưởng.")]
            }
            return [form(session, editing: nil)]
        case .edit:
            return edit(session: session)
        case .remove:
            return remove(session: session)
        }
    }

    private func form(_ session: Session, editing award: AwardRecord?) -> Action {
        .present(AwardFormScreen(session: session, subject: subject, editing: award), reply: Message.saved)
    }

    private func edit(session: Session) -> [Action] {
        guard let award = selectedAward else { return [.message("Chưa có khen thưởng nào để sửa; F7 để thêm.")] }
        return [form(session, editing: award)]
    }

    private func remove(session: Session) -> [Action] {
        guard let award = selectedAward else { return [.message("Chưa có khen thưởng nào để xóa.")] }
        let data = session.data
        var lines = ["Xóa khỏi lịch sử của «\(data.name(of: subject))» khen thưởng \(award.id):",
                     "\(data.catalog.name(of: award.recognition)), năm \(award.year),"
                        + " quyết định \(award.decision.number) ngày \(award.decision.date.display)?"]
        if let nomination = award.nominationID {
            // The domain keeps the nomination as it was; say so before the user relies on it.
            lines.append("Khen thưởng này được ghi từ đề nghị \(nomination). Đề nghị đó vẫn giữ trạng thái"
                         + " «\(NominationStatus.awarded.label)»; nếu cần, hãy chuyển trạng thái của đề nghị về trước"
                         + " ở màn hình đề nghị khen thưởng.")
        }
        lines.append("Có thể hoàn tác bằng u ngay sau đó.")
        return [.confirm(Dialog.confirm(title: "Xóa khen thưởng", message: lines.joined(separator: "\n"))) {
            .removeAnswered(award.id, confirmed: $0 == Dialog.yes)
        }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(let id):
            select(id)
            return []
        case .removeAnswered(_, confirmed: false):
            return []
        case .removeAnswered(let id, confirmed: true):
            return [.commit(.removeAward(id: id), reply: Message.removed)]
        case .removed(let result):
            return removed(result)
        }
    }

    private func removed(_ result: CommitResult) -> [Action] {
        switch result {
        case .success(let applied):
            if case .removeAward(let id) = applied.change {
                return [.message("Đã xóa khen thưởng \(id) khỏi lịch sử. Đã lưu; hoàn tác: u.")]
            }
            return [.message("Đã lưu.")]
        case .failure(let error):
            return [.message("Chưa lưu: \(error.message)")]
        }
    }

    // MARK: Drawing

    /// The headline and where the awards come from, then the table with the selected award in
    /// full under it when there is room.
    private func regions(_ rect: Rect, data: Dataset) -> (head: DashboardLines, rest: Rect, table: Rect, below: Rect, room: Int) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        var head = DashboardLines(rect: inner)
        head.add(headline(data), style: .bold)
        head.add(sourceLine(), style: .dim)
        let rest = Rect(x: rect.x, y: head.y + 1, width: rect.width, height: max(0, rect.maxY - head.y - 1))
        guard !awards.isEmpty else { return (head, rest, rest.splitTop(1).0, rest.splitTop(1).1, 0) }
        let detail = detailLines(width: rest.width - 2, data: data)
        var room = rest.height >= 8 ? min(detail.count, rest.height / 2 - 1) : 0
        let tableHeight = min(awards.count + 1, rest.height - (room > 0 ? room + 1 : 0))
        if room > 0 { room = min(detail.count, rest.height - tableHeight - 1) }
        let (table, below) = rest.splitTop(tableHeight)
        return (head, rest, table, below, room)
    }

    public func layout(_ rect: Rect, session: Session) {
        table.columns = AwardHistoryScreen.columns(wide: rect.width >= 100)
        table.setViewport(height: regions(rect, data: session.data).table.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let (head, rest, tableRect, below, room) = regions(rect, data: data)
        head.draw(into: &buffer)
        guard !awards.isEmpty else {
            table.render(into: &buffer, rect: tableRect, focused: false)
            var lines = DashboardLines(rect: Rect(x: rest.x + 2, y: rest.y + 2, width: rest.width - 4,
                                                  height: max(0, rest.height - 2)))
            lines.add("Chưa ghi khen thưởng nào cho «\(data.name(of: subject))».", style: .bold)
            lines.add("Bấm F7 (hoặc a) để nhập một khen thưởng đã nhận theo quyết định cũ: hình thức hoặc danh hiệu,"
                      + " năm, số và ngày quyết định. Khen thưởng từ đề nghị được ghi vào đây khi ghi quyết định.")
            lines.draw(into: &buffer)
            return
        }
        table.render(into: &buffer, rect: tableRect, focused: true)
        guard room > 0 else { return }
        let detail = detailLines(width: rest.width - 2, data: data)
        let (rule, panel) = below.splitTop(1)
        buffer.put(String(repeating: "─", count: max(0, rule.width)), at: rule.origin, style: .dim, clipWidth: rule.width)
        for (i, line) in detail.prefix(room).enumerated() {
            buffer.put(line.text, at: Point(x: panel.x + 1, y: panel.y + i), style: line.style, clipWidth: panel.width - 1)
        }
    }

    /// "CN00012 Nguyễn Văn An · Chuyên viên · UBND xã · 3 khen thưởng": the title bar
    /// may cut the name on narrow screens.
    private func headline(_ data: Dataset) -> String {
        var parts: [String]
        switch subject {
        case .unit(let id):
            parts = ["\(id) \(data.name(of: subject))"]
            parts.append(data.units[id].flatMap { data.category($0.categoryID)?.shortName } ?? "")
        case .person(let id):
            let person = data.people[id]
            parts = ["\(id) \(data.name(of: subject))", person?.position ?? ""]
            parts.append(person?.unitID.map { data.units[$0]?.name ?? $0.rawValue } ?? person?.address ?? "")
        }
        parts.append(awards.isEmpty ? "chưa có khen thưởng" : "\(awards.count) khen thưởng")
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// Which awards came from a nomination's decision, which were entered by hand.
    private func sourceLine() -> String {
        let fromNominations = awards.filter { $0.nominationID != nil }
        guard !fromNominations.isEmpty else {
            return awards.isEmpty ? "" : "Tất cả được nhập từ quyết định đã có (không qua đề nghị)."
        }
        let list = fromNominations.map { "\($0.decision.number) từ đề nghị \($0.nominationID!)" }
        return "Từ đề nghị khen thưởng: " + list.joined(separator: "; ")
            + (fromNominations.count < awards.count ? "; còn lại nhập từ quyết định cũ." : ".")
    }

    private func detailLines(width: Int, data: Dataset) -> [(text: String, style: Style)] {
        guard let award = selectedAward, width > 0 else { return [] }
        let wrap = { (text: String, style: Style) in TextWrap.wrap(text, width: width - 1).map { ($0, style) } }
        var out: [(String, Style)] = [("\(award.id) · năm \(award.year) · \(award.kind.label)", .bold)]
        switch award.recognition {
        case .form:
            out += wrap("Hình thức khen thưởng: " + data.catalog.name(of: award.recognition), .plain)
        case .title(let id):
            out += wrap("Danh hiệu thi đua: " + (data.catalog.title(id)?.name ?? "«\(id)»"), .plain)
        }
        out += wrap("Quyết định số " + AwardText.decision(award.decision), .plain)
        if let id = award.nominationID {
            let status = data.nominations[id].map { " (trạng thái «\($0.status.label)»)" } ?? ""
            out += wrap("Từ đề nghị \(id)\(status).", .plain)
            if let issue = data.nominations[id]?.certificate, issue.isPrinted {
                let reprints = issue.printings.count - 1
                out += wrap("Giấy chứng nhận số \(issue.number)" + (reprints > 0 ? ", đã in lại \(reprints) lần." : "."), .plain)
            }
        } else {
            out += wrap("Nhập từ quyết định đã có (không qua đề nghị).", .dim)
        }
        if !award.note.isEmpty { out += wrap("Ghi chú: " + award.note, .plain) }
        return out
    }
}
