import ThiDuaDomain

/// Records the decision that grants the award — number ("123/QĐ-UBND"), date, issuer — for
/// one submitted nomination or every submitted nomination of a list (one decision with its
/// list). Each becomes «Đã khen» and enters the award history.
public final class DecisionFormScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "decisionForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi quyết định và đưa vào lịch sử khen thưởng")
            }
        }
    }

    public var title: String { nominations.count == 1 ? "Ghi quyết định khen thưởng" : "Ghi quyết định cho cả danh sách" }
    let nominations: [Nomination]
    private var form: Form
    private var pristine: [String]

    public init(session: Session, nominations: [Nomination]) {
        self.nominations = nominations
        let issuer = nominations.first.flatMap { session.data.catalog.form($0.formID)?.issuer } ?? ""
        form = Form([
            FormItem(id: "number", label: "Số quyết định", field: .text(TextField("", maxLength: 100, visibleWidth: 24, composesVietnamese: false))),
            FormItem(id: "date", label: "Ngày quyết định", field: .date(DateField(date: session.today))),
            FormItem(id: "issuer", label: "Cấp quyết định", field: .text(TextField(issuer, maxLength: 200, visibleWidth: 50))),
        ])
        pristine = []
        pristine = form.items.map(\.field.text)
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { form.items.map(\.field.text) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        form.focusedItem?.id == "number" ? "Số, ký hiệu quyết định, ví dụ 123/QĐ-UBND. F2 lưu."
                                         : "Tab ô sau · F2 hoặc ^S lưu · Esc đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không ghi quyết định?") {
            save(session: session)
        }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save(session: Session) -> [Action] {
        guard form.submit(), let date = form.date("date") else { return [] }
        let number = form.text("number") ?? ""
        guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
            form.setError("Cần nhập số quyết định, ví dụ 123/QĐ-UBND.", for: "number")
            form.focus(on: 0)
            return []
        }
        let decision = Decision(number: number, date: date, issuer: form.text("issuer") ?? "")
        let ids = session.data.nextAwardIDs(nominations.count)
        let changes = zip(nominations, ids).map { Change.recordDecision(id: $0.id, decision: decision, awardID: $1) }
        return [.commit(changes.count == 1 ? changes[0]
                        : .batch(label: "Quyết định \(number) khen \(changes.count) đối tượng", changes: changes), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            // The number as recorded («123» typed is kept as «123/QĐ-UBND»).
            let number = nominations.first.flatMap { session.data.nominations[$0.id]?.decision?.number } ?? form.text("number") ?? ""
            let who = nominations.count == 1 ? "«\(session.data.name(of: nominations[0].nominee))»" : "\(nominations.count) đối tượng"
            return [.pop, .message("Đã ghi quyết định \(number): \(who) đã khen, có trong lịch sử khen thưởng.")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: rect.height)
        var head = DashboardLines(rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 3))
        if let first = nominations.first {
            let formName = data.catalog.form(first.formID)?.name ?? first.formID
            head.add("\(formName) · \(first.period.label(settings: data.settings))", style: .bold, wrap: false)
            let names = nominations.map { data.name(of: $0.nominee) }
            head.add((nominations.count == 1 ? "Khen: " : "Khen \(names.count) đối tượng: ") + names.joined(separator: ", "))
        }
        head.draw(into: &buffer)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 5, width: rect.width,
                                             height: min(rect.height - 5, form.items.count + errors + 2)),
                    focused: true)
    }
}
