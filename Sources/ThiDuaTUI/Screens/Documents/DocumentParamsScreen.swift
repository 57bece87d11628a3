import ThiDuaDomain
import ThiDuaRender

/// Asks only for what the chosen document needs (DocumentKind.parameters), plus the date
/// printed on it, then builds it and opens the preview. A document the records cannot make
/// (no such form in the period, no unit chosen) is refused with the builder's reason.
public final class DocumentParamsScreen: CommandScreen {
    public enum Message {
        /// The unit or person chosen in the picker.
        case picked(Subject)
    }

    public enum Commands: CommandSet {
        case preview
        public static let context: CommandContext = "documentParams"
        public var declaration: CommandDeclaration {
            switch self {
            case .preview: CommandDeclaration("Xem trước", fKey: 5, twin: .ctrl("k"),
                                               help: "lập văn bản với các tham số này và xem trước (hoặc Enter ở ô cuối)")
            }
        }
    }

    public let kind: DocumentKind
    public var title: String { kind.title }
    public private(set) var form: Form
    private let years: [Int]
    private let periods: [Period]
    private let categories: [UnitCategory]
    /// The forms of the period now chosen (the choice shows «all» first, then these).
    private var forms: [AwardForm]
    private var periodIndex: Int
    private(set) var subject: Subject?

    public init(session: Session, kind: DocumentKind) {
        self.kind = kind
        let data = session.data
        years = Array(data.settings.phaseYears)
        periods = Period.all(settings: data.settings)
        categories = data.categories.sorted { $0.order < $1.order }
        periodIndex = periods.firstIndex(of: .year(session.year)) ?? 0
        forms = data.catalog.forms(for: periods[periodIndex])
        var items: [FormItem] = []
        for parameter in kind.parameters {
            let field: FormField
            switch parameter {
            case .year:
                field = .choice(ChoiceField(years.map(String.init), selected: years.firstIndex(of: session.year) ?? 0))
            case .period:
                field = .choice(ChoiceField(periods.map { $0.label(settings: data.settings) }, selected: periodIndex))
            case .form:
                field = .choice(DocumentParamsScreen.formChoice(forms, selecting: nil))
            case .subject:
                field = .choice(DocumentParamsScreen.subjectChoice(nil))
            case .category:
                field = .choice(ChoiceField(["Tất cả khối"] + categories.map(\.name)))
            case .number:
                field = .text(TextField("", maxLength: 20, visibleWidth: 12, composesVietnamese: false))
            case .target:
                field = .choice(ChoiceField(["Theo hình thức đã chọn"]
                    + SubmissionTarget.allCases.map { $0.choiceLabel(forms: data.catalog.forms) }))
            }
            items.append(FormItem(id: parameter.id, label: parameter.label, field: field))
        }
        items.append(FormItem(id: "date", label: "Ngày ghi trên văn bản", field: .date(DateField(date: session.today))))
        form = Form(items)
        refreshScope(session)
    }

    static func formChoice(_ forms: [AwardForm], selecting id: String?) -> ChoiceField {
        let selected = id.flatMap { id in forms.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        return ChoiceField(["Tất cả hình thức của đợt"] + forms.map(\.shortName), selected: selected)
    }

    static func subjectChoice(_ name: String?) -> ChoiceField {
        ChoiceField([name ?? "(chưa chọn — Enter để chọn)"])
    }

    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        if form.focusedItem?.id == "subject" { return "Enter tìm và chọn đơn vị, cá nhân · F5/^K xem trước." }
        return "←/→ đổi · Tab ô sau · F5/^K xem trước · Esc quay lại."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .preview: preview(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if form.focusedItem?.id == "subject", key == .enter || key == .char(" ") {
            return [.present(SubjectPickerScreen(session: session, heading: "\(kind.title): chọn đơn vị hoặc cá nhân"),
                             reply: Message.picked)]
        }
        let choices = ["period", "form", "target"].map { form.choiceIndex($0) }
        let event = form.handle(key)
        followPeriod(session.data)
        if ["period", "form", "target"].map({ form.choiceIndex($0) }) != choices {
            // What the refusal was about has changed: its message and the question go.
            form.message = nil
            form.setError(nil, for: "target")
        }
        refreshScope(session)
        switch event {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return preview(session: session)
        case .cancelled: return [.pop]
        }
    }

    /// What the document will hold as the fields stand: its rule, how many nominations it
    /// lists and how many it leaves out and why (lines under the form).
    private(set) var scopeLines: [String] = []

    private func refreshScope(_ session: Session) {
        let request = request(session: session, date: form.date("date") ?? session.today)
        guard let selection = DocumentBuilder.nominationSelection(request, data: session.data) else {
            scopeLines = kind.parameters.contains(.target)
                ? ["Mỗi tờ trình gửi một nơi: chọn «Gửi tới» hoặc một hình thức để xem tờ trình gồm những đề nghị nào."] : []
            return
        }
        let held = selection.nominations.count
        let left = selection.exclusionSummary
        scopeLines = [selection.document.rule,
                      "Văn bản gồm \(held) đề nghị" + (left.isEmpty ? "." : "; để ngoài \(selection.excluded.count): \(left).")]
        if case .decision = selection.document, !selection.isEmpty {
            // The money of Điều 2: say what setting is missing before the chairman reads it.
            let tally = session.data.rewardTally(selection.nominations, on: selection.decisionDate(draftDate: request.date))
            scopeLines.append(tally.isComplete
                ? "Tiền thưởng: tổng cộng \(VietnameseMoney.display(tally.total)) đồng."
                : "Tiền thưởng không ghi số tiền: " + tally.gaps.map(\.message).joined(separator: " "))
        }
    }

    /// The form choice offers the forms of the period now chosen, keeping the form picked
    /// when the new period allows it too.
    private func followPeriod(_ data: Dataset) {
        guard let index = form.choiceIndex("period"), index != periodIndex else { return }
        let chosen = form.choiceIndex("form").flatMap { $0 > 0 && $0 <= forms.count ? forms[$0 - 1].id : nil }
        periodIndex = index
        forms = data.catalog.forms(for: periods[index])
        if form.item("form") != nil {
            form.setField(.choice(DocumentParamsScreen.formChoice(forms, selecting: chosen)), for: "form")
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .picked(let subject):
            self.subject = subject
            form.setField(.choice(DocumentParamsScreen.subjectChoice(session.data.name(of: subject))), for: "subject")
            return [.message("Đã chọn «\(session.data.name(of: subject))».")]
        }
    }

    /// The request the form describes, or nil when a field is invalid (shown under it).
    func request(session: Session) -> DocumentRequest? {
        guard form.submit(), let date = form.date("date") else { return nil }
        return request(session: session, date: date)
    }

    /// The request as the fields stand, without checking them (for the rule shown below).
    private func request(session: Session, date: CalendarDate) -> DocumentRequest {
        let year = form.choiceIndex("year").map { years[$0] } ?? session.year
        let period = form.choiceIndex("period").map { periods[$0] } ?? .year(year)
        let formID = form.choiceIndex("form").flatMap { $0 > 0 && $0 <= forms.count ? forms[$0 - 1].id : nil }
        let categoryID = form.choiceIndex("category").flatMap { $0 > 0 ? categories[$0 - 1].id : nil }
        let target = form.choiceIndex("target").flatMap { $0 > 0 ? SubmissionTarget.allCases[$0 - 1] : nil }
        return DocumentRequest(kind: kind, year: year, period: period, formID: formID, subject: subject,
                               categoryID: categoryID, target: target, number: form.text("number") ?? "", date: date)
    }

    private func preview(session: Session) -> [Action] {
        guard let request = request(session: session) else { return [] }
        do {
            let document = try DocumentBuilder.build(request, data: session.data)
            form.message = nil
            return [.push(DocumentPreviewScreen(request: request, document: document))]
        } catch {
            form.message = error.message
            // The nominations go to two authorities: ask where this tờ trình goes.
            if let index = form.items.firstIndex(where: { $0.id == "target" }), request.target == nil, request.formID == nil,
               case .failure = session.data.submissionTarget(period: request.period, formID: nil, requested: nil) {
                form.focus(on: index)
                form.setError("Chọn nơi gửi tờ trình.", for: "target")
            }
            return [.message(error.message)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        buffer.put(kind.title, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold, clipWidth: rect.width - 4)
        buffer.put("Dùng ở dòng lệnh: thidua print \(kind.rawValue)", at: Point(x: rect.x + 2, y: rect.y + 2),
                   style: .dim, clipWidth: rect.width - 4)
        // The rule and what it leaves out, wrapped: every word of it matters before printing.
        let scope = scopeLines.flatMap { TextWrap.wrap($0, width: max(1, rect.width - 4)) }
        let formHeight = max(0, rect.height - 4 - (scope.isEmpty ? 0 : scope.count + 1))
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: formHeight),
                    focused: true)
        for (index, line) in scope.enumerated() {
            buffer.put(line, at: Point(x: rect.x + 2, y: rect.y + 5 + formHeight + index), style: .dim,
                       clipWidth: rect.width - 4)
        }
    }
}

extension DocumentKind.Parameter {
    /// The form item's id.
    var id: String {
        switch self {
        case .year: return "year"
        case .period: return "period"
        case .form: return "form"
        case .subject: return "subject"
        case .category: return "category"
        case .number: return "number"
        case .target: return "target"
        }
    }
}
