import ThiDuaDomain

/// Adds or edits one person. A person belongs to a unit or, for residents, carries an
/// address; the domain's rules are checked on save and shown under the field.
public final class PersonFormScreen: CommandScreen, AnsweringScreen {
    public typealias Message = FormMessage
    /// The person saved (the code may differ from the one shown when someone else took it).
    public typealias Answer = PersonID
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "personForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi cá nhân")
            }
        }
    }

    public var title: String { original == nil ? "Thêm cá nhân" : "Sửa cá nhân" }
    public private(set) var form: Form
    let original: Person?
    private let id: PersonID
    /// Unit choices in Vietnamese order; index 0 of the field is "no unit".
    private let unitIDs: [UnitID]
    /// What the untouched form describes (a blank record when adding).
    private var pristine: Person?

    static let noUnit = "(không thuộc đơn vị — người dân)"

    public init(session: Session, editing person: Person?, unitID: UnitID?) {
        let data = session.data
        original = person
        id = person?.id ?? data.nextPersonID()
        // The session's kept name order of units (name, then id), not a sort of 15,000 units
        // each time the form opens.
        let order = session.lists.units(session.view)
        let units = order.byName.map { order.entries[Int($0)].unit }.filter { !$0.archived || $0.id == person?.unitID }
        unitIDs = units.map(\.id)
        let chosenUnit = person == nil ? unitID : person?.unitID
        let unitIndex = chosenUnit.flatMap { id in units.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        var birthYear = NumberField(person?.birthYear.map(String.init) ?? "", range: 1900...2100, isRequired: false,
                                    visibleWidth: 6)
        birthYear.wholeNumber = true
        let kinds = PersonKind.allCases
        form = Form([
            FormItem(id: "fullName", label: "Họ và tên", field: .text(TextField(person?.fullName ?? "", maxLength: 120, visibleWidth: 40))),
            FormItem(id: "givenName", label: "Tên", field: .text(TextField(person?.givenName ?? "", maxLength: 40, visibleWidth: 16))),
            FormItem(id: "gender", label: "Giới tính", field: .choice(ChoiceField(Gender.allCases.map(\.label),
                selected: Gender.allCases.firstIndex(of: person?.gender ?? .male) ?? 0))),
            FormItem(id: "birthYear", label: "Năm sinh", field: .number(birthYear)),
            FormItem(id: "position", label: "Chức vụ", field: .text(TextField(person?.position ?? "", maxLength: 200, visibleWidth: 40))),
            FormItem(id: "unit", label: "Đơn vị", field: .choice(ChoiceField([PersonFormScreen.noUnit] + units.map(\.name),
                                                                            selected: unitIndex))),
            FormItem(id: "address", label: "Địa chỉ", field: .text(TextField(person?.address ?? "", maxLength: 500, visibleWidth: 40))),
            FormItem(id: "kind", label: "Loại", field: .choice(ChoiceField(kinds.map(\.label),
                selected: kinds.firstIndex(of: person?.kind ?? .canBo) ?? 0))),
            FormItem(id: "discipline", label: "Đang bị kỷ luật", field: .choice(ChoiceField(["Không", "Có"],
                selected: person?.underDiscipline == true ? 1 : 0))),
            FormItem(id: "notes", label: "Ghi chú", field: .text(TextField(person?.notes ?? "", maxLength: 2000, visibleWidth: 40))),
        ])
        pristine = draft()
    }

    public var isEditingText: Bool { true }
    /// Unsaved when the form no longer describes what it was opened with.
    public var hasUnsavedInput: Bool { draft() != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        if form.focusedItem?.id == "unit" { return "Gõ chữ đầu tên đơn vị để nhảy tới; ← → lần lượt." }
        if form.focusedItem?.id == "givenName" { return "Để trống: lấy chữ cuối của họ tên (dùng để sắp xếp)." }
        return "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc hủy ô đang sửa, Esc lần nữa đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    private func draft() -> Person {
        let unitIndex = form.choiceIndex("unit") ?? 0
        let given = form.text("givenName") ?? ""
        return Person(id: id, fullName: form.text("fullName") ?? "", givenName: given.isEmpty ? nil : given,
                      gender: Gender.allCases[form.choiceIndex("gender") ?? 0],
                      birthYear: form.integer("birthYear"), position: form.text("position") ?? "",
                      unitID: unitIndex == 0 ? nil : unitIDs[unitIndex - 1], address: form.text("address") ?? "",
                      kind: PersonKind.allCases[form.choiceIndex("kind") ?? 0],
                      underDiscipline: form.choiceIndex("discipline") == 1, archived: original?.archived ?? false,
                      notes: form.text("notes") ?? "", isSample: original?.isSample ?? false)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu các ô đã sửa?") { save(session: session) }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(.addDuplicate, Dialog.yes?): return [.commit(.addPerson(person: draft()), reply: FormMessage.saved)]
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save(session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let person = draft()
        guard let original else {
            if let duplicate = session.data.likelyDuplicate(of: person) {
                return [FormKeys.duplicateQuestion(duplicate, adding: person.fullName)]
            }
            return [.commit(.addPerson(person: person), reply: FormMessage.saved)]
        }
        guard person != original else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.updatePerson(person: person), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success(let applied):
            // A new code someone else took meanwhile was given the next free one.
            var saved = id
            if case .addPerson(let added) = applied.change { saved = added.id }
            let name = session.data.people[saved]?.fullName ?? ""
            let renumbered = saved == id ? "" : "; mã \(id) vừa có người khác dùng"
            return [answer(saved), .message("Đã lưu «\(name)» (\(saved))\(renumbered).")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let heading = original == nil ? "Cá nhân mới · mã \(id) (tự cấp)" : "Mã \(id)"
            + (original?.archived == true ? " · đang lưu trữ" : "")
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        let body = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2)
        form.render(into: &buffer, rect: body, focused: true)
    }
}
