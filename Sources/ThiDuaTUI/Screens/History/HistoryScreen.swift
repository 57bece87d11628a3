import ThiDuaDomain
// The store's value types only (`AuditTrail`, `AuditEntry`): the app reads the trail.
import ThiDuaStore

/// The audit trail: who changed what, when, newest first. Enter shows one change in
/// full; F8 undoes the selected change when no later change touched the same records.
public final class HistoryScreen: CommandScreen {
    public enum Message {
        case loaded(Result<AuditTrail, StoreFailure>)
        /// The answer to «hoàn tác» of the change written at journal position `seq`.
        case undoAnswered(seq: Int, confirmed: Bool)
        case undone(CommitResult)
    }

    public enum Commands: CommandSet {
        case undo, reload, search

        public static let context: CommandContext = "history"

        public var declaration: CommandDeclaration {
            switch self {
            case .undo: CommandDeclaration("Hoàn tác mục chọn", fKey: 8, twin: .char("h"),
                                           help: "hoàn tác thay đổi đang chọn, nếu sau đó chưa ai sửa cùng bản ghi")
            case .reload: CommandDeclaration("Đọc lại", fKey: 5, twin: .char("g"))
            case .search: CommandDeclaration("Tìm", fKey: 3, twin: .char("/"), help: "lọc theo nội dung, người sửa hoặc ngày")
            }
        }
    }

    public let title = "Lịch sử thay đổi"
    /// The whole trail, oldest first, as read.
    private(set) var entries: [AuditEntry] = []
    private(set) var problems: [String] = []
    /// Indices into `entries` of the rows shown, newest first.
    private(set) var shown: [Int] = []
    private(set) var table = Table(columns: [
        TableColumn("Lúc", minWidth: 16),
        TableColumn("Người sửa", minWidth: 10, maxWidth: 20, flex: 1),
        TableColumn("Thay đổi", minWidth: 30, flex: 6),
    ])
    private var search = TextField("", visibleWidth: 30)
    private var isSearching = false
    private var loadError: String?

    public init() {}

    public var isEditingText: Bool { isSearching }
    public var mode: String? { isSearching ? "TÌM" : nil }
    public var hint: String? {
        if isSearching { return "Gõ để lọc; Enter về danh sách, Esc xóa ô tìm." }
        return "Enter chi tiết · F8 hoàn tác mục chọn · u hoàn tác việc vừa làm."
    }

    /// "2026-11-24 09:15", the wall clock where the change was made.
    static func displayTime(_ iso: String) -> String {
        guard let time = Timestamp.fields(iso) else { return iso }
        return "\(time.day.iso) \(time.clock)"
    }

    private func refilter() {
        let query = SearchQuery(search.value)
        shown = entries.indices.reversed().filter { i in
            let e = entries[i]
            return query.matches(unfolded: "\(e.summary) \(e.user) \(e.host) \(e.time)")
        }
        table.setRows(shown.map { i in
            let e = entries[i]
            return [HistoryScreen.displayTime(e.time), e.user, e.summary]
        })
    }

    /// Any commit (an undo with `u`, this screen's F8, a redo) adds an entry to the trail.
    public func actionsAfterDataChange(session: Session) -> [Action] { [load] }

    /// The trail is read when the screen opens, and again after every change.
    public func opened(session: Session) -> [Action] { [load] }

    private var load: Action { .loadAuditTrail(reply: Message.loaded) }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        search.inputTransform = transform
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .loaded(let outcome):
            return loaded(outcome)
        case .undoAnswered(let seq, confirmed: true):
            // Found again by position: the trail may have been read again meanwhile.
            guard let index = entries.firstIndex(where: { $0.seq == seq }) else { return [] }
            switch plan(undoing: index, session: session) {
            case .failure(let refusal): return [.message(refusal.message)]
            case .success(let change): return [.commit(change, reply: Message.undone)]
            }
        case .undoAnswered(_, confirmed: false):
            return []
        // The trail is read again by `actionsAfterDataChange`, as after any other commit.
        case .undone(.success):
            return [.message("Đã hoàn tác. Đã lưu.")]
        case .undone(.failure(let error)):
            return [.message("Không hoàn tác được: \(error.message)")]
        }
    }

    private func loaded(_ outcome: Result<AuditTrail, StoreFailure>) -> [Action] {
        switch outcome {
        case .success(let trail):
            entries = trail.entries
            problems = trail.problems
            loadError = nil
            refilter()
            table.selection.select(0)
            return problems.isEmpty ? [] : [.message("Nhật ký có \(problems.count) chỗ hỏng; xem dòng cảnh báo trên bảng.")]
        case .failure(let failure):
            loadError = failure.message
            return [.message("Không đọc được lịch sử: \(failure.message)")]
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if isSearching {
            switch key {
            case .enter, .down: isSearching = false
            case .escape:
                search.setText("")
                isSearching = false
                refilter()
            default:
                switch search.handle(key) {
                case .ignored: return nil
                case .changed: refilter()
                default: break
                }
            }
            return []
        }
        switch table.handle(key) {
        case .activated(let row):
            return [.push(ChangeDetailScreen(lines: describe(entries[shown[row]], data: session.data)))]
        case .moved: return []
        case .ignored: return nil
        }
    }

    private func describe(_ e: AuditEntry, data: Dataset) -> [String] {
        var lines = [
            "Thay đổi số \(e.seq)",
            "Lúc: \(HistoryScreen.displayTime(e.time))",
            "Người sửa: \(e.user) (máy \(e.host))",
            "Nội dung: \(e.summary)",
            "",
            "Các bản ghi bị thay đổi:",
        ]
        lines += e.change.touchedRecords.sorted().map { "  • \($0)" }
        let fields = ChangeFieldDiff.lines(change: e.change, inverse: e.inverse)
        if !fields.isEmpty {
            lines += ["", "Trước → sau:"] + fields.map { "  \($0)" }
        }
        if case .batch(let label, let changes) = e.change {
            lines += ["", "Gồm \(changes.count) thay đổi (\(label)):"]
            lines += changes.prefix(200).map { "  – " + $0.summary(in: data) }
        }
        lines += ["", "Esc hoặc Enter để đóng."]
        return lines
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .reload:
            return [load]
        case .search:
            isSearching = true
            search.beginEditing()
            return []
        case .undo:
            guard !shown.isEmpty else { return [.message("Chưa có thay đổi nào.")] }
            let index = shown[table.selectedIndex]
            switch plan(undoing: index, session: session) {
            case .failure(let refusal):
                return [.message(refusal.message)]
            case .success:
                let e = entries[index]
                let dialog = Dialog.confirm(title: "Hoàn tác",
                    message: "Hoàn tác «\(e.summary)»\n(lúc \(HistoryScreen.displayTime(e.time)), bởi \(e.user))?")
                return [.confirm(dialog) { [seq = e.seq] in .undoAnswered(seq: seq, confirmed: $0 == Dialog.yes) }]
            }
        }
    }

    private func plan(undoing index: Int, session: Session) -> Result<Change, Refusal> {
        let history = entries.map { HistoricChange(change: $0.change, inverse: $0.inverse, time: HistoryScreen.displayTime($0.time),
                                                  user: $0.user, restoredFrom: $0.restoredFrom) }
        return SelectiveUndo.plan(undoing: index, history: history, current: session.data,
                                  context: session.context)
    }


    public func layout(_ rect: Rect, session: Session) {
        table.setViewport(height: tableRect(in: rect).height)
    }

    /// Below the count and search row, and the row of problems found in the journal if any.
    private func tableRect(in rect: Rect) -> Rect {
        rect.splitTop(problems.isEmpty ? 1 : 2).1
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        var body = rect
        let top: Rect
        (top, body) = body.splitTop(1)
        var x = top.x + 1
        x += buffer.put("\(shown.count)/\(entries.count) thay đổi  ", at: Point(x: x, y: top.y), clipWidth: top.width - 1)
        x += buffer.put("Tìm: ", at: Point(x: x, y: top.y), style: isSearching ? .bold : .plain, clipWidth: top.maxX - x)
        search.render(into: &buffer, rect: Rect(x: x, y: top.y, width: max(0, min(30, top.maxX - x)), height: 1),
                      focused: isSearching)
        if let loadError {
            buffer.put("Không đọc được lịch sử: \(loadError)", at: Point(x: body.x + 1, y: body.y + 1), style: .bold,
                       clipWidth: body.width - 2)
            return
        }
        if !problems.isEmpty {
            buffer.put("! " + problems.joined(separator: " · "), at: body.origin, style: .bold, clipWidth: body.width)
        }
        body = tableRect(in: rect)
        table.render(into: &buffer, rect: body, focused: !isSearching)
        if entries.isEmpty {
            buffer.put("Chưa có thay đổi nào được ghi.", at: Point(x: body.x + 2, y: body.y + 2), clipWidth: body.width - 2)
        }
    }
}
