import ThiDuaDomain

/// A nomination's own text: the achievement summary (several paragraphs, as printed in the
/// list and the achievement report), the kind of award, the grade for forms that have
/// grades, and a note. A new nomination keeps the nominee's score and class at this moment.
public final class NominationFormScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "nominationForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi đề nghị")
            }
        }
    }

    public var title: String { original == nil ? "Thêm đề nghị khen thưởng" : "Sửa đề nghị \(original!.id)" }
    let nominee: Subject
    let period: Period
    let formID: String
    let original: Nomination?
    private var form: Form
    private(set) var summary: TextArea
    /// True while the summary has the focus rather than the form's fields.
    private(set) var summaryFocused: Bool
    private let kinds = AwardKind.allCases
    private let grades: [String]
    private var pristine: [String]
    private var error: String?

    public convenience init(session: Session, nominee: Subject, period: Period, formID: String) {
        self.init(session: session, nominee: nominee, period: period, formID: formID, original: nil)
    }

    public convenience init(session: Session, editing nomination: Nomination) {
        self.init(session: session, nominee: nomination.nominee, period: nomination.period,
                  formID: nomination.formID, original: nomination)
    }

    private init(session: Session, nominee: Subject, period: Period, formID: String, original: Nomination?) {
        self.nominee = nominee
        self.period = period
        self.formID = formID
        self.original = original
        let grades = session.data.catalog.form(formID)?.grades ?? []
        self.grades = grades
        let kinds = AwardKind.allCases
        let kind = original?.kind ?? .thematic   // this movement's awards are thematic (theo chuyên đề)
        var items = [FormItem(id: "kind", label: "Loại khen thưởng",
                              field: .choice(ChoiceField(kinds.map(\.label), selected: kinds.firstIndex(of: kind) ?? 0)))]
        if !grades.isEmpty {
            let grade = original?.grade.flatMap { grades.firstIndex(of: $0) } ?? grades.count - 1
            items.append(FormItem(id: "grade", label: "Hạng", field: .choice(ChoiceField(grades, selected: grade))))
        }
        items.append(FormItem(id: "note", label: "Ghi chú",
                              field: .text(TextField(original?.note ?? "", maxLength: 2000, visibleWidth: 50))))
        form = Form(items)
        summary = TextArea(original?.achievementSummary ?? "", maxLength: 8000)
        // The form opens where the work is: the achievement summary.
        summaryFocused = true
        pristine = []
        pristine = snapshotOfInput()
    }

    private func snapshotOfInput() -> [String] { form.items.map(\.field.text) + [summary.text] }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { snapshotOfInput() != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        summaryFocused ? "Tóm tắt thành tích: Enter xuống dòng · Tab sang ô khác · F2 hoặc ^S lưu · Esc đóng."
                       : "Tab ô sau · ← → đổi lựa chọn · F2 hoặc ^S lưu · Esc đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
        summary.inputTransform = transform
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if summaryFocused {
            switch key {
            case .tab, .backTab:
                summaryFocused = false
                form.focus(on: key == .tab ? 0 : form.items.count - 1)
                return []
            case .escape:
                // Esc never throws away a paragraph: it closes the form, asking first.
                return FormKeys.outcome(of: .cancelled, unsaved: hasUnsavedInput,
                                        question: "Đóng mà không lưu đề nghị?") { [] }
            default:
                switch summary.handle(key) {
                case .ignored: return nil
                case .invalid(let message):
                    error = message
                    return []
                default:
                    error = nil
                    return []
                }
            }
        }
        let last = form.focus == form.items.count - 1
        if (key == .tab && last) || (key == .backTab && form.focus == 0) {
            summaryFocused = true
            return []
        }
        return FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput,
                                question: "Đóng mà không lưu đề nghị?") { save(session: session) }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    /// The nomination as typed.
    func draft(session: Session) -> Nomination {
        let data = session.data
        var n = original ?? Nomination(id: data.nextNominationID(), period: period, formID: formID, nominee: nominee,
                                       scoreSnapshot: data.scoreSnapshot(of: nominee, period: period))
        n.kind = kinds[form.choiceIndex("kind") ?? 0]
        n.grade = grades.isEmpty ? nil : grades[form.choiceIndex("grade") ?? 0]
        n.note = form.text("note") ?? ""
        n.achievementSummary = summary.value
        return n
    }

    private func save(session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let n = draft(session: session)
        if let original {
            return n == original ? [.pop, .message("Không có gì thay đổi.")] : [.commit(.updateNomination(nomination: n), reply: FormMessage.saved)]
        }
        return [.commit(.addNomination(nomination: n), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success(let applied):
            let name = session.data.name(of: nominee)
            if case .addNomination(let n) = applied.change {
                return [.pop, .message("Đã thêm đề nghị \(n.id): «\(name)».")]
            }
            return [.pop, .message("Đã lưu đề nghị của «\(name)».")]
        case .failure(let failure):
            form.show(failure)
            if form.items.allSatisfy({ $0.error == nil }) { error = failure.message }
            return []
        }
    }

    /// The live findings of this draft, checked once after each key in `layout`: the office sees
    /// the warnings before saving.
    private var findings: [EligibilityFinding] = []

    private static func warningsHeight(_ findings: Int) -> Int { findings == 0 ? 0 : min(findings + 1, 4) }

    /// The fields under the three heading rows, the summary's label row, and its text area
    /// above the warnings (`findings` of them) and the error.
    private func regions(_ rect: Rect, findings: Int) -> (form: Rect, labelY: Int, area: Rect) {
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: rect.height)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        let formRect = Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: min(rect.height - 4, form.items.count + errors))
        let labelY = formRect.maxY + 1
        let areaBottom = rect.maxY - Self.warningsHeight(findings) - (error == nil ? 0 : 1)
        let area = Rect(x: inner.x, y: labelY + 1, width: inner.width, height: max(1, areaBottom - labelY - 1))
        return (formRect, labelY, area)
    }

    public func layout(_ rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        findings = Eligibility.findings(for: draft(session: session), in: session.data)
        summary.layout(regions(rect, findings: findings.count).area)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 4, height: rect.height)
        var head = DashboardLines(rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 3))
        let formName = data.catalog.form(formID)?.name ?? formID
        head.add("\(data.name(of: nominee)) — \(formName)", style: .bold, wrap: false)
        let snapshot = original?.scoreSnapshot ?? data.scoreSnapshot(of: nominee, period: period)
        let score = snapshot.map { "điểm năm \($0.year): \($0.total.display), \($0.className ?? "")" + ($0.rank.map { ", hạng \($0)" } ?? "") }
            ?? "chưa có điểm năm \(period.referenceYear(settings: data.settings))"
        head.add("\(period.label(settings: data.settings)) · \(score)", style: .dim, wrap: false)
        head.draw(into: &buffer)

        let (formRect, labelY, area) = regions(rect, findings: findings.count)
        form.render(into: &buffer, rect: formRect, focused: !summaryFocused)
        let warningsHeight = Self.warningsHeight(findings.count)
        guard labelY + 2 < rect.maxY else { return }
        buffer.put(summaryFocused ? "▶ Tóm tắt thành tích" : "  Tóm tắt thành tích", at: Point(x: rect.x, y: labelY),
                   style: .bold, clipWidth: rect.width)
        let count = "\(summary.graphemes.count)/8000 ký tự"
        buffer.put(count, at: Point(x: rect.maxX - count.displayWidth - 2, y: labelY), style: .dim)
        let cursorBefore = buffer.cursor
        summary.render(into: &buffer, rect: area, focused: summaryFocused)
        if !summaryFocused { buffer.cursor = cursorBefore }
        var y = area.maxY
        if let error {
            buffer.put("! " + error, at: Point(x: inner.x, y: y), style: .bold, clipWidth: inner.width)
            y += 1
        }
        if warningsHeight > 0 && y < rect.maxY {
            var lines = DashboardLines(rect: Rect(x: inner.x, y: y, width: inner.width, height: rect.maxY - y))
            lines.add("Cảnh báo (vẫn lưu được; xử lý ở danh sách bằng o):", style: .dim, wrap: false)
            for finding in findings { lines.add("⚠ " + finding.reason, style: Style.bold.colored(.warning), wrap: false) }
            lines.draw(into: &buffer)
        }
    }
}
