import ThiDuaDomain

/// Enters (or corrects) one award a unit or person received: a form of commendation with
/// its grade, or an emulation title — never both — with its kind, year and decision.
/// Older decisions entered here are what the prerequisite rules check later.
public final class AwardFormScreen: CommandScreen, AnsweringScreen {
    public typealias Message = FormMessage
    /// The award saved (its number may differ from the one shown when someone else took it).
    public typealias Answer = AwardRecordID
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "awardForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi khen thưởng vào lịch sử")
            }
        }
    }

    static let modes = ["Hình thức khen thưởng", "Danh hiệu thi đua"]
    static let kinds = AwardKind.allCases

    /// What the fields hold, independent of which fields are shown: switching between a
    /// form and a title rebuilds the fields from it without losing what was typed.
    struct Draft: Equatable {
        var isTitle = false
        var formID: String?
        var grade: String?
        var titleID: String?
        var kind = AwardKind.thematic
        var year = ""
        var number = ""
        var date = ""
        var issuer = ""
        var note = ""
    }

    public var title: String { original == nil ? "Thêm khen thưởng đã nhận" : "Sửa khen thưởng" }
    public private(set) var form: Form
    let subject: Subject
    let original: AwardRecord?
    private let id: AwardRecordID
    private let forms: [AwardForm]
    /// Only titles of the subject's kind: collective titles for units, individual for people.
    private let titles: [AwardTitle]
    private var pristine: Draft
    /// The last values read from the fields, including choices whose field is hidden.
    private var memory: Draft
    private var transform: TextField.InputTransform?

    public init(session: Session, subject: Subject, editing award: AwardRecord?) {
        let data = session.data
        self.subject = subject
        original = award
        id = award?.id ?? data.nextAwardID()
        var forms = data.catalog.formsBySeniority
        var titles = data.catalog.titles.filter { $0.subjectKind == subject.kind }
        // A record naming something the catalog no longer has keeps it as a choice: picking
        // another one silently would change the record; the domain says what is wrong.
        switch award?.recognition {
        case .form(let id, _)? where data.catalog.form(id) == nil:
            forms.append(AwardForm(id: id, name: "«\(id)» (không còn trong danh mục)", issuer: "", rank: 0,
                                   periods: [], decidedInCommune: false))
        case .title(let id)? where !titles.contains(where: { $0.id == id }):
            titles.append(AwardTitle(id: id, name: "«\(id)» (không có trong danh mục cho đối tượng này)",
                                     subjectKind: subject.kind))
        default:
            break
        }
        self.forms = forms
        self.titles = titles
        var draft = Draft(formID: forms.first?.id, titleID: titles.first?.id)
        if let award {
            switch award.recognition {
            case .form(let id, let grade):
                draft.formID = id
                draft.grade = grade
            case .title(let id):
                draft.isTitle = true
                draft.titleID = id
            }
            draft.kind = award.kind
            draft.year = String(award.year)
            draft.number = award.decision.number
            draft.date = award.decision.date.display
            draft.issuer = award.decision.issuer
            draft.note = award.note
        }
        pristine = draft
        memory = draft
        form = Form([])
        form = makeForm(draft)
        pristine = self.draft()
        memory = pristine
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { Self.effective(draft()) != Self.effective(pristine) }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        switch form.focusedItem?.id {
        case "mode": return "← → chọn hình thức khen thưởng hoặc danh hiệu thi đua."
        case "form", "title", "grade", "kind": return "← → hoặc gõ chữ đầu để chọn. F2 lưu."
        case "year": return "Năm khen thưởng, ví dụ 2023."
        case "date": return "Ngày quyết định dạng dd/mm/yyyy, ví dụ 12/12/2023."
        default: return "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc hủy ô đang sửa, Esc lần nữa đóng."
        }
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        self.transform = transform
        form.setInputTransform(transform)
    }

    // MARK: Fields

    private func selectedForm(_ draft: Draft) -> AwardForm? {
        forms.first { $0.id == draft.formID }
    }

    /// Shown for a form with grades when none is recorded (the domain allows it).
    static let noGrade = "(không ghi hạng)"

    /// The selected form's grades, the record's own grade when the catalog dropped it, and
    /// «no grade» last; empty for a form without grades.
    private func gradeOptions(_ d: Draft) -> [String] {
        guard let selected = selectedForm(d) else { return [] }
        var grades = selected.grades
        if case .form(let id, let grade?)? = original?.recognition, id == selected.id, !grades.contains(grade) {
            grades.append(grade)
        }
        return grades.isEmpty ? [] : grades + [AwardFormScreen.noGrade]
    }

    /// The grade chosen at first: the record's own (or none, as recorded); for a new entry
    /// the lowest grade, the usual first award (Huân chương Lao động hạng Ba).
    private func initialGrade(_ d: Draft, options: [String]) -> Int {
        if let grade = d.grade, let index = options.firstIndex(of: grade) { return index }
        if case .form(let id, nil)? = original?.recognition, id == d.formID { return options.count - 1 }
        return max(0, options.count - 2)
    }

    private func makeForm(_ d: Draft) -> Form {
        func choice(_ id: String, _ label: String, _ options: [String], _ selected: Int?) -> FormItem {
            FormItem(id: id, label: label, field: .choice(ChoiceField(options, selected: selected ?? 0)))
        }
        func text(_ id: String, _ label: String, _ value: String, max: Int, width: Int) -> FormItem {
            FormItem(id: id, label: label, field: .text(TextField(value, maxLength: max, visibleWidth: width)))
        }
        var items = [choice("mode", "Dạng", AwardFormScreen.modes, d.isTitle ? 1 : 0)]
        if d.isTitle {
            items.append(choice("title", "Danh hiệu", titles.map(\.name), titles.firstIndex { $0.id == d.titleID }))
        } else {
            items.append(choice("form", "Hình thức", forms.map(\.name), forms.firstIndex { $0.id == d.formID }))
            let grades = gradeOptions(d)
            if !grades.isEmpty {
                items.append(choice("grade", "Hạng", grades, initialGrade(d, options: grades)))
            }
        }
        items.append(choice("kind", "Loại khen thưởng", AwardFormScreen.kinds.map(\.label),
                            AwardFormScreen.kinds.firstIndex(of: d.kind)))
        // No range here: the domain says which years it accepts, under the field.
        var year = NumberField(d.year, allowNegative: true, visibleWidth: 6)
        year.wholeNumber = true
        items.append(FormItem(id: "year", label: "Năm", field: .number(year)))
        items.append(text("number", "Số quyết định", d.number, max: 100, width: 24))
        items.append(FormItem(id: "date", label: "Ngày quyết định", field: .date(DateField(d.date))))
        items.append(text("issuer", "Cơ quan ban hành", d.issuer, max: 300, width: 50))
        items.append(text("note", "Ghi chú", d.note, max: 2000, width: 50))
        var made = Form(items)
        made.setInputTransform(transform)
        return made
    }

    /// The fields as a draft. A choice whose field is hidden (the title while a form is
    /// chosen) keeps its last value, so switching back restores it.
    func draft() -> Draft {
        var d = memory
        d.isTitle = form.choiceIndex("mode") == 1
        if let i = form.choiceIndex("form"), forms.indices.contains(i) { d.formID = forms[i].id }
        if let i = form.choiceIndex("title"), titles.indices.contains(i) { d.titleID = titles[i].id }
        let grade = form.item("grade") == nil ? nil : form.text("grade")
        d.grade = grade == AwardFormScreen.noGrade ? nil : grade
        if let i = form.choiceIndex("kind") { d.kind = AwardFormScreen.kinds[i] }
        d.year = form.text("year") ?? ""
        d.number = form.text("number") ?? ""
        d.date = form.text("date") ?? ""
        d.issuer = form.text("issuer") ?? ""
        d.note = form.text("note") ?? ""
        return d
    }

    /// The draft without the hidden choice: what saving would write.
    private static func effective(_ draft: Draft) -> Draft {
        var d = draft
        if d.isTitle { d.formID = nil } else { d.titleID = nil }
        return d
    }

    /// Which fields a draft needs: a title, or a form with or without grades.
    private func shape(_ d: Draft) -> [String] {
        d.isTitle ? ["title"] : ["form"] + gradeOptions(d)
    }

    /// After a choice changed, shows the fields the new choice needs, keeping the focus.
    private func reshapeIfNeeded(from before: Draft) {
        let now = draft()
        memory = now
        guard shape(now) != shape(before) else { return }
        let focusedID = form.focusedItem?.id
        form = makeForm(now)
        if let focusedID, let index = form.items.firstIndex(where: { $0.id == focusedID }) { form.focus(on: index) }
        memory = draft()
    }

    // MARK: Keys

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        let before = draft()
        let event = form.handle(key)
        reshapeIfNeeded(from: before)
        return FormKeys.outcome(of: event, unsaved: hasUnsavedInput, question: "Đóng mà không lưu khen thưởng đã nhập?") {
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
        guard form.submit() else { return [] }
        let d = draft()
        let recognition: Recognition
        if d.isTitle {
            guard let titleID = d.titleID else {
                form.message = "Chưa lưu: danh mục chưa có danh hiệu thi đua nào cho \(subject.kind.label.lowercased())."
                return []
            }
            recognition = .title(id: titleID)
        } else {
            guard let formID = d.formID else {
                form.message = "Chưa lưu: danh mục chưa có hình thức khen thưởng nào."
                return []
            }
            recognition = .form(id: formID, grade: d.grade)
        }
        guard let year = form.integer("year"), let date = form.date("date") else { return [] }
        // An empty issuer is the form's own signer, as printed on such decisions.
        let issuer = d.issuer.isEmpty && !d.isTitle ? (selectedForm(d)?.issuer ?? "") : d.issuer
        let award = AwardRecord(id: id, recipient: subject, recognition: recognition, kind: d.kind, year: year,
                                decision: Decision(number: d.number, date: date, issuer: issuer),
                                nominationID: original?.nominationID, note: d.note)
        guard let original else { return [.commit(.addAward(award: award), reply: FormMessage.saved)] }
        guard award != original else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.updateAward(award: award), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success(let applied):
            // A new number someone else took meanwhile was given the next free one.
            var saved = id
            if case .addAward(let added) = applied.change { saved = added.id }
            let data = session.data
            let what = data.awards[saved].map { "\(data.catalog.name(of: $0.recognition)), năm \($0.year)" } ?? ""
            return [answer(saved), .message("Đã lưu khen thưởng \(saved) (\(what)) cho «\(data.name(of: subject))».")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        var heading = "«\(data.name(of: subject))» · "
        if let original {
            heading += "sửa khen thưởng \(id)" + (original.nominationID.map { " (từ đề nghị \($0))" } ?? "")
        } else {
            heading += "khen thưởng mới, mã \(id) (tự cấp)"
        }
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold, clipWidth: rect.width - 4)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        let formHeight = min(rect.height - 3, form.items.count + errors + 2)
        let formRect = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, formHeight))
        form.render(into: &buffer, rect: formRect, focused: true)
        var below = DashboardLines(rect: Rect(x: rect.x + 2, y: formRect.maxY, width: rect.width - 4,
                                              height: max(0, rect.maxY - formRect.maxY)))
        let d = draft()
        if !d.isTitle, d.issuer.isEmpty, let form = selectedForm(d) {
            below.add("Để trống «Cơ quan ban hành» thì ghi: \(form.issuer).", style: .dim)
        }
        if let nomination = original?.nominationID {
            below.add("Khen thưởng này được ghi từ đề nghị \(nomination); sửa ở đây không đổi đề nghị đó.", style: .dim)
        }
        below.draw(into: &buffer)
    }
}
