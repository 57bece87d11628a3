import ThiDuaDomain

/// Adds or edits one unit. F2 (or Ctrl-S) saves through the domain's rules; a broken
/// rule is shown under its field and nothing is written.
public final class UnitFormScreen: CommandScreen, AnsweringScreen {
    public typealias Message = FormMessage
    /// The unit saved (its code may differ from the one shown when someone else took it).
    public typealias Answer = UnitID

    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "unitForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi đơn vị")
            }
        }
    }

    public var title: String { original == nil ? "Thêm đơn vị" : "Sửa đơn vị" }
    public private(set) var form: Form
    let original: OrgUnit?
    private let id: UnitID
    private let categoryIDs: [String]
    /// What the untouched form describes (a blank record when adding).
    private var pristine: OrgUnit?

    public init(session: Session, editing unit: OrgUnit?, categoryID: String) {
        let data = session.data
        original = unit
        id = unit?.id ?? data.nextUnitID()
        let categories = data.categories.sorted { $0.order < $1.order }
        categoryIDs = categories.map(\.id)
        let selected = categoryIDs.firstIndex(of: unit?.categoryID ?? categoryID) ?? 0
        form = Form([
            FormItem(id: "name", label: "Tên đơn vị", field: .text(TextField(unit?.name ?? "", maxLength: 200, visibleWidth: 50))),
            FormItem(id: "category", label: "Khối", field: .choice(ChoiceField(categories.map(\.name), selected: selected))),
            FormItem(id: "order", label: "Thứ tự", field: .number(UnitFormScreen.orderField(unit))),
            FormItem(id: "head", label: "Người đứng đầu", field: .text(TextField(unit?.head ?? "", maxLength: 200, visibleWidth: 40))),
            FormItem(id: "phone", label: "Điện thoại", field: .text(TextField(unit?.phone ?? "", maxLength: 30, visibleWidth: 20, composesVietnamese: false))),
            FormItem(id: "notes", label: "Ghi chú", field: .text(TextField(unit?.notes ?? "", maxLength: 2000, visibleWidth: 50))),
        ])
        pristine = draft(nil)
    }

    private static func orderField(_ unit: OrgUnit?) -> NumberField {
        var field = NumberField(unit.map { String($0.order) } ?? "", range: 0...99_999, isRequired: false)
        field.wholeNumber = true
        return field
    }

    public var isEditingText: Bool { true }
    /// Unsaved when the form no longer describes what it was opened with.
    public var hasUnsavedInput: Bool { draft(nil) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc hủy ô đang sửa, Esc lần nữa đóng." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    /// The unit the form describes now (nil order = end of the category). Without data,
    /// an empty order stays as it was, for comparing with the original.
    private func draft(_ data: Dataset?) -> OrgUnit {
        let categoryID = categoryIDs[form.choiceIndex("category") ?? 0]
        let typed = form.integer("order")
        var order = typed ?? original?.order ?? 0
        if let data, typed == nil || (original != nil && categoryID != original?.categoryID && order == original?.order) {
            order = data.nextOrder(inCategory: categoryID)
        }
        return OrgUnit(id: id, name: form.text("name") ?? "", categoryID: categoryID, order: order,
                       head: form.text("head") ?? "", phone: form.text("phone") ?? "",
                       archived: original?.archived ?? false, notes: form.text("notes") ?? "",
                       isSample: original?.isSample ?? false)
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
        case .answered(.addDuplicate, Dialog.yes?): return [.commit(.addUnit(unit: draft(session.data)), reply: FormMessage.saved)]
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save(session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let unit = draft(session.data)
        guard let original else {
            if let duplicate = session.data.likelyDuplicate(of: unit) {
                return [FormKeys.duplicateQuestion(duplicate, adding: unit.name)]
            }
            return [.commit(.addUnit(unit: unit), reply: FormMessage.saved)]
        }
        guard unit != original else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.updateUnit(unit: unit), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success(let applied):
            // A new code someone else took meanwhile was given the next free one.
            var saved = id
            if case .addUnit(let added) = applied.change { saved = added.id }
            let name = session.data.units[saved]?.name ?? ""
            let renumbered = saved == id ? "" : "; mã \(id) vừa có người khác dùng"
            return [answer(saved), .message("Đã lưu đơn vị «\(name)» (\(saved))\(renumbered).")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let heading = original == nil ? "Đơn vị mới · mã \(id) (tự cấp)" : "Mã \(id)"
            + (original?.archived == true ? " · đang lưu trữ" : "")
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold, clipWidth: rect.width - 4)
        let body = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3)
        form.render(into: &buffer, rect: body, focused: true)
    }
}
