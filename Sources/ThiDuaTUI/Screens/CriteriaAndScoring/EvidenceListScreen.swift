import ThiDuaDomain

/// The evidence of one checklist item: document number and date, summary, or a product
/// description; several per item. Every edit saves the item's whole evidence list.
public final class EvidenceListScreen: CommandScreen {
    public enum Message {
        /// The answer to «xóa minh chứng» of the evidence at this index.
        case removeAnswered(index: Int, confirmed: Bool)
        case removed(CommitResult)
    }

    public enum Commands: CommandSet {
        case add, edit, remove

        public static let context: CommandContext = "evidence"

        public var declaration: CommandDeclaration {
            switch self {
            case .add: CommandDeclaration("Thêm", fKey: 7, twin: .char("a"))
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"))
            case .remove: CommandDeclaration("Xóa", fKey: 8, twin: .char("d"))
            }
        }
    }

    public var title: String { "Minh chứng \(item.code)" }
    let subject: Subject
    let year: Int
    let item: CriteriaItem
    private(set) var evidence: [Evidence] = []
    private var table = Table(columns: [
        TableColumn("Số văn bản", minWidth: 14, maxWidth: 24, flex: 1),
        TableColumn("Ngày", minWidth: 10),
        TableColumn("Trích yếu / sản phẩm", minWidth: 30, flex: 4),
    ])

    public init(session: Session, subject: Subject, year: Int, item: CriteriaItem) {
        self.subject = subject
        self.year = year
        self.item = item
        refresh(session.data)
    }

    func refresh(_ data: Dataset) {
        evidence = data.sheets[SheetKey(year: year, subject: subject)]?.items[item.code]?.evidence ?? []
        table.setRows(evidence.map { e in
            [e.documentNumber, e.date?.display ?? "", [e.summary, e.product].filter { !$0.isEmpty }.joined(separator: " — ")]
        })
    }

    public var hint: String? { evidence.isEmpty ? "Chưa có minh chứng. F7 để thêm." : "F7 thêm · Enter sửa · F8 xóa." }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated(let index):
            return [.push(EvidenceFormScreen(item: item, year: year, subject: subject, evidence: evidence, index: index))]
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .add:
            return [.push(EvidenceFormScreen(item: item, year: year, subject: subject, evidence: evidence, index: nil))]
        case .edit:
            guard !evidence.isEmpty else { return [.message("Chưa có minh chứng nào.")] }
            return [.push(EvidenceFormScreen(item: item, year: year, subject: subject, evidence: evidence,
                                             index: table.selectedIndex))]
        case .remove:
            guard !evidence.isEmpty else { return [.message("Chưa có minh chứng nào.")] }
            let e = evidence[table.selectedIndex]
            let name = e.documentNumber.isEmpty ? (e.summary.isEmpty ? e.product : e.summary) : e.documentNumber
            return [.confirm(Dialog.confirm(title: "Xóa minh chứng", message: "Xóa minh chứng «\(name)»?")) {
                [index = table.selectedIndex] in .removeAnswered(index: index, confirmed: $0 == Dialog.yes)
            }]
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .removeAnswered(let index, confirmed: true) where evidence.indices.contains(index):
            var list = evidence
            list.remove(at: index)
            return [.commit(.setItemEvidence(year: year, subject: subject, item: item.code, evidence: list), reply: Message.removed)]
        case .removeAnswered:
            return []
        case .removed(.success):
            return [.message("Đã lưu minh chứng.")]
        case .removed(.failure(let error)):
            return [.message(error.message)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let head = "\(session.data.name(of: subject)) · năm \(year) · tiêu chí \(item.code): \(item.text)"
        buffer.put(head, at: Point(x: rect.x + 1, y: rect.y), style: .bold, clipWidth: rect.width - 2)
        if !item.evidenceExpected.isEmpty {
            buffer.put("Cần có: \(item.evidenceExpected)", at: Point(x: rect.x + 1, y: rect.y + 1), style: .dim,
                       clipWidth: rect.width - 2)
        }
        table.render(into: &buffer, rect: Self.tableRect(in: rect), focused: true)
    }

    public func layout(_ rect: Rect, session: Session) {
        table.setViewport(height: Self.tableRect(in: rect).height)
    }

    /// Below the item's wording and what evidence it expects.
    private static func tableRect(in rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3)
    }
}

/// Adds or edits one piece of evidence.
public final class EvidenceFormScreen: CommandScreen {
    public enum Message {
        case saved(CommitResult)
    }

    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "evidenceForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"))
            }
        }
    }

    public var title: String { index == nil ? "Thêm minh chứng" : "Sửa minh chứng" }
    private let item: CriteriaItem
    private let year: Int
    private let subject: Subject
    /// The item's evidence when the form opened; the save replaces it whole.
    private let evidence: [Evidence]
    private let index: Int?
    private var form: Form

    init(item: CriteriaItem, year: Int, subject: Subject, evidence: [Evidence], index: Int?) {
        self.item = item
        self.year = year
        self.subject = subject
        self.evidence = evidence
        self.index = index
        let e = index.map { evidence[$0] } ?? Evidence()
        form = Form([
            FormItem(id: "number", label: "Số văn bản", field: .text(TextField(e.documentNumber, maxLength: 100, visibleWidth: 24, composesVietnamese: false))),
            FormItem(id: "date", label: "Ngày văn bản", field: .date(DateField(date: e.date, isRequired: false))),
            FormItem(id: "summary", label: "Trích yếu", field: .text(TextField(e.summary, maxLength: 4000, visibleWidth: 50))),
            FormItem(id: "product", label: "Sản phẩm", field: .text(TextField(e.product, maxLength: 4000, visibleWidth: 50))),
        ])
    }

    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Văn bản: số và ngày (dd/mm/yyyy); hoặc mô tả sản phẩm. F2 lưu." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    private func save() -> [Action] {
        guard form.submit() else { return [] }
        let e = Evidence(documentNumber: form.text("number") ?? "", date: form.date("date"),
                         summary: form.text("summary") ?? "", product: form.text("product") ?? "")
        var all = evidence
        if let index, all.indices.contains(index) { all[index] = e } else { all.append(e) }
        return [.commit(.setItemEvidence(year: year, subject: subject, item: item.code, evidence: all), reply: Message.saved)]
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch form.handle(key) {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return save()
        case .cancelled: return [.pop]
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(.success): return [.pop, .message("Đã lưu minh chứng.")]
        case .saved(.failure(let error)):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Tiêu chí \(item.code): \(item.text)", at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold,
                   clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3),
                    focused: true)
    }
}
