import ThiDuaDomain

/// The emulation council's vote on one nomination, or on every proposed nomination of a list
/// at once: method, members total and present, agree / disagree / abstain. The share of ALL
/// members and whether it reaches the form's threshold show while typing; inconsistent counts
/// are refused with the domain's message.
public final class VoteFormScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "voteForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi kết quả biểu quyết")
            }
        }
    }

    public var title: String { nominations.count == 1 ? "Biểu quyết của hội đồng" : "Biểu quyết cả danh sách" }
    let nominations: [Nomination]
    private var form: Form
    private var pristine: [String]
    /// Why the counts were refused, shown wrapped under the form (one form row is too short).
    private var problem: String?
    private static let counts = ["total", "present", "agree", "disagree", "abstain"]

    public init(session: Session, nominations: [Nomination]) {
        self.nominations = nominations
        // Start from this nomination's vote, else the council's size at its last vote.
        // The latest meeting; among votes of one day (or undated), the latest nomination's.
        let latest = session.data.nominations.values.filter { $0.vote != nil }
            .max { ($0.vote!.date?.iso ?? "", $0.id.rawValue) < ($1.vote!.date?.iso ?? "", $1.id.rawValue) }
        let previous = nominations.first?.vote ?? latest?.vote
        let own = nominations.count == 1 ? nominations.first?.vote : nil
        func number(_ value: Int?) -> FormField {
            var field = NumberField(value.map { String($0) } ?? "", range: 0...999, visibleWidth: 6)
            field.wholeNumber = true
            return .number(field)
        }
        form = Form([
            FormItem(id: "method", label: "Hình thức biểu quyết",
                     field: .choice(ChoiceField(VoteMethod.allCases.map(\.label),
                                                selected: VoteMethod.allCases.firstIndex(of: previous?.method ?? .showOfHands) ?? 0))),
            FormItem(id: "date", label: "Ngày họp", field: .date(DateField(date: own?.date ?? session.today))),
            FormItem(id: "total", label: "Tổng số thành viên", field: number(previous?.membersTotal)),
            FormItem(id: "present", label: "Số có mặt", field: number(previous?.membersPresent)),
            FormItem(id: "agree", label: "Đồng ý", field: number(own?.agree)),
            FormItem(id: "disagree", label: "Không đồng ý", field: number(own?.disagree)),
            FormItem(id: "abstain", label: "Không biểu quyết", field: number(own?.abstain)),
        ])
        pristine = []
        pristine = form.items.map(\.field.text)
        // Straight to the first count still to type: the method is nearly always «Giơ tay».
        form.focus(on: previous == nil ? 2 : (own == nil ? 4 : 0))
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { form.items.map(\.field.text) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Số nguyên · Tab ô sau · F2 hoặc ^S lưu · Esc đóng." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {}

    /// The vote as typed, when every count is a whole number.
    var draft: CouncilVote? {
        let values = VoteFormScreen.counts.map { form.integer($0) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let v = values.map { $0! }
        return CouncilVote(method: VoteMethod.allCases[form.choiceIndex("method") ?? 0], date: form.date("date"),
                           membersTotal: v[0], membersPresent: v[1], agree: v[2], disagree: v[3], abstain: v[4])
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không ghi biểu quyết?") { save() }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save() -> [Action] {
        guard form.submit(), let vote = draft else { return [] }
        do {
            try vote.validate()
        } catch {
            problem = "Chưa lưu: \(error.message)"
            return []
        }
        problem = nil
        let changes = nominations.map { Change.recordVote(id: $0.id, vote: vote) }
        return [.commit(changes.count == 1 ? changes[0] : .batch(label: "Biểu quyết \(changes.count) đề nghị", changes: changes), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            let threshold = nominations.first.map { session.data.rules.voteThreshold(forForm: $0.formID) }
            let passed = draft.map { threshold?.passes($0) ?? true } ?? true
            let who = nominations.count == 1 ? "«\(session.data.name(of: nominations[0].nominee))»" : "\(nominations.count) đề nghị"
            return [.pop, .message("Đã ghi biểu quyết cho \(who)" + (passed ? "." : "; chưa đạt ngưỡng — xem cảnh báo."))]
        case .failure(let error):
            problem = "Chưa lưu: \(error.message)"
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: rect.height)
        var head = DashboardLines(rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 2))
        if let first = nominations.first {
            let formName = data.catalog.form(first.formID)?.name ?? first.formID
            let who = nominations.count == 1 ? data.name(of: first.nominee) : "\(nominations.count) đề nghị «Dự kiến»"
            head.add("\(who) — \(formName)", style: .bold, wrap: false)
            head.add("Ngưỡng: \(data.rules.voteThreshold(forForm: first.formID).label)", style: .dim, wrap: false)
        }
        head.draw(into: &buffer)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        let formRect = Rect(x: rect.x, y: rect.y + 4, width: rect.width,
                            height: min(rect.height - 4, form.items.count + errors + (form.message == nil ? 0 : 2)))
        form.render(into: &buffer, rect: formRect, focused: true)
        var result = DashboardLines(rect: Rect(x: inner.x, y: formRect.maxY + 1, width: inner.width,
                                               height: max(0, rect.maxY - formRect.maxY - 1)))
        if let problem { result.add(problem, style: .bold) }
        defer { result.draw(into: &buffer) }
        guard let vote = draft, let first = nominations.first else { return }
        let threshold = data.rules.voteThreshold(forForm: first.formID)
        let passes = threshold.passes(vote)
        let line = "Đồng ý \(vote.agree)/\(vote.membersTotal) = \(vote.agreePercentText) % tổng số thành viên — "
            + (passes ? "đạt ngưỡng" : "CHƯA ĐẠT ngưỡng") + " \(threshold.label)"
        result.add(line, style: passes ? .bold : Style.bold.colored(.warning))
    }
}
