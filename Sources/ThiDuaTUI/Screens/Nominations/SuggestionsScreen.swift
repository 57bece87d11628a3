import ThiDuaDomain

/// Nominees proposed by the suggestion rules from the ranking, to accept or reject: accepting
/// adds a nomination «Dự kiến» with the score snapshot; rejecting only drops the line from
/// this list. The marked lines (Space), or all of them, are accepted in one step.
public final class SuggestionsScreen: CommandScreen {
    public enum Message {
        /// The nominations of these subjects were added (or not).
        case accepted(CommitResult, subjects: [Subject])
        /// The answer to the preview of accepting `subjects`.
        case bulkAnswered(BulkAction, subjects: [Subject], button: Int?)
    }

    public enum Commands: CommandSet {
        case accept, reject, mark, markAll, acceptAll

        public static let context: CommandContext = "suggestions"

        public var declaration: CommandDeclaration {
            switch self {
            case .accept: CommandDeclaration("Nhận", fKey: 2, twin: .char("y"), help: "đề nghị đối tượng đang chọn (hoặc Enter)")
            case .reject: CommandDeclaration("Bỏ", fKey: 8, twin: .char("n"), help: "bỏ gợi ý đang chọn khỏi danh sách (không ghi gì)")
            case .mark: CommandDeclaration("Đánh dấu", twin: .char(" "), help: "đánh dấu / bỏ gợi ý này; y nhận mọi gợi ý đã đánh dấu")
            case .markAll: CommandDeclaration("Đánh dấu tất cả", twin: .char("*"), help: "mọi gợi ý; lần nữa thì bỏ")
            case .acceptAll: CommandDeclaration("Nhận tất cả", twin: .char("A"), help: "nhận mọi gợi ý trong danh sách một lần")
            }
        }
    }

    public let title = "Gợi ý đề nghị khen thưởng"
    public var changesData: Bool { true }
    let period: Period
    let formID: String
    private(set) var suggestions: [Suggestion]
    private var table = Table(columns: [
        TableColumn("Tên tập thể, cá nhân", minWidth: 20, flex: 3),
        TableColumn("Lý do gợi ý", minWidth: 30, flex: 4),
    ])
    private var accepted = 0
    private var marks = RowMarks<Subject>()
    /// Each suggestion's name, looked up once.
    private var names: [Subject: String] = [:]

    public init(session: Session, period: Period, formID: String, suggestions: [Suggestion]) {
        self.period = period
        self.formID = formID
        self.suggestions = suggestions
        let data = session.data
        names = Dictionary(suggestions.map { ($0.subject, data.name(of: $0.subject)) }, uniquingKeysWith: { first, _ in first })
        showRows()
    }

    /// The list's rows, a marked suggestion with «■» before its name; built once per change.
    private func showRows() {
        let kept = table.selectedIndex
        table.setRows(suggestions.map { [(marks.contains($0.subject) ? "■ " : "") + (names[$0.subject] ?? ""), $0.reason] })
        table.selection.select(kept)
    }

    public var hint: String? {
        marks.isEmpty ? "Enter hoặc y nhận · n bỏ · Space đánh dấu · A nhận tất cả · Esc xong."
                      : "Đã đánh dấu \(marks.count) · y nhận các gợi ý đó · Space bỏ dấu · Esc xong."
    }
    var selected: Suggestion? { suggestions.isEmpty ? nil : suggestions[table.selectedIndex] }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated: return accept(session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .accept:
            return marks.isEmpty ? accept(session: session) : acceptMany(marks.targets(in: suggestions.map(\.subject), focused: nil),
                                                                       session: session)
        case .acceptAll: return acceptMany(suggestions.map(\.subject), session: session)
        case .markAll:
            marks.toggleAll(suggestions.map(\.subject))
            showRows()
            return []
        case .mark:
            guard let s = selected else { return [] }
            marks.toggle(s.subject)
            showRows()
            table.selection.select(table.selectedIndex + 1)
            return []
        case .reject:
            guard let s = selected else { return [] }
            remove(s.subject)
            return finished(session: session) ?? [.message("Đã bỏ gợi ý «\(session.data.name(of: s.subject))».")]
        }
    }

    private func accept(session: Session) -> [Action] {
        guard let s = selected else { return [] }
        let data = session.data
        let nomination = Nomination(id: data.nextNominationID(), period: period, formID: formID, nominee: s.subject,
                                    scoreSnapshot: s.snapshot)
        return [.commit(.addNomination(nomination: nomination)) { [subject = s.subject] in .accepted($0, subjects: [subject]) }]
    }

    /// The preview of accepting `subjects` at once.
    private func acceptMany(_ subjects: [Subject], session: Session) -> [Action] {
        let chosen = suggestions.filter { subjects.contains($0.subject) }
        guard !chosen.isEmpty else { return [] }
        let plan = NominationBulk.acceptPlan(chosen, period: period, formID: formID, in: session.data,
                                             context: session.context)
        let action = BulkAction(plan: plan, noun: "gợi ý", done: "\(plan.title): đã lưu. u để hoàn tác cả nhóm.")
        let subjects = chosen.map(\.subject)
        return action.start(session: session) { .bulkAnswered($0, subjects: subjects, button: $1) }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .bulkAnswered(let action, let subjects, let button):
            let ready = action.plan.readyPositions.map { subjects[$0] }
            return action.answer(button) { .accepted($0, subjects: ready) }
        case .accepted(let result, let subjects):
            return accepted(result, subjects: subjects, session: session)
        }
    }

    private func remove(_ subject: Subject) {
        guard let index = suggestions.firstIndex(where: { $0.subject == subject }) else { return }
        marks.remove(subject)
        suggestions.remove(at: index)
        showRows()
    }

    /// Closes the screen once every suggestion is dealt with.
    private func finished(session: Session) -> [Action]? {
        guard suggestions.isEmpty else { return nil }
        return [.pop, .message("Đã xem hết gợi ý: nhận \(accepted). Thêm tóm tắt thành tích bằng Enter ở từng đề nghị.")]
    }

    private func accepted(_ result: CommitResult, subjects: [Subject], session: Session) -> [Action] {
        switch result {
        case .success:
            guard let first = subjects.first else { return [] }
            accepted += subjects.count
            for subject in subjects { remove(subject) }
            let what = subjects.count == 1 ? "«\(session.data.name(of: first))»" : "\(subjects.count) gợi ý (u hoàn tác cả nhóm)"
            return finished(session: session)
                ?? [.message("Đã đề nghị \(what); còn \(suggestions.count) gợi ý.")]
        case .failure(let error):
            return [.message("Chưa lưu: \(error.message)")]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let formName = data.catalog.form(formID)?.name ?? formID
        var head = DashboardLines(rect: Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: 2))
        head.add("\(formName) · \(period.label(settings: data.settings)) · \(suggestions.count) gợi ý", style: .bold, wrap: false)
        let rules = data.rules.suggestions.filter { $0.enabled && $0.formID == formID }.map(\.description)
        head.add("Theo quy tắc: " + rules.joined(separator: " "), style: .dim, wrap: false)
        head.draw(into: &buffer)
        table.render(into: &buffer, rect: Self.listRect(in: rect), focused: true)
    }

    public func layout(_ rect: Rect, session: Session) {
        table.setViewport(height: max(1, Self.listRect(in: rect).height - 1))
    }

    /// Below the two heading rows and a blank one.
    private static func listRect(in rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3))
    }
}
