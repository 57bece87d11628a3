import ThiDuaDomain

/// Which criteria group scores each block (khối): the plan gives groups for most blocks
/// and leaves public service units and villages to the office. Changing it affects score
/// sheets started afterwards; a sheet keeps the group it was started with.
public final class CriteriaAssignmentScreen: CommandScreen {
    public enum Message {
        /// The group chosen for a khối (the dialog's button; nil: Esc).
        case groupChosen(categoryID: String, button: Int?)
        case assigned(CommitResult)
    }

    public enum Commands: CommandSet {
        case edit
        public static let context: CommandContext = "criteriaAssign"
        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Đổi bộ tiêu chí", fKey: 4, twin: .char("e"), help: "chọn nhóm tiêu chí cho khối đang chọn (hoặc Enter)")
            }
        }
    }

    public let title = "Gắn bộ tiêu chí"
    private(set) var categories: [UnitCategory] = []
    private(set) var table = Table(columns: [
        TableColumn("Khối", minWidth: 14, maxWidth: 20, flex: 1),
        TableColumn("Tên khối", minWidth: 20, flex: 3),
        TableColumn("Nhóm", minWidth: 6),
        TableColumn("Bộ tiêu chí dùng để chấm", minWidth: 20, flex: 3),
    ])

    public init(session: Session) { refresh(session.data) }

    var selected: UnitCategory? { categories.isEmpty ? nil : categories[table.selectedIndex] }

    public var hint: String? { "Enter hoặc F4 đổi nhóm tiêu chí của khối; Esc quay lại." }

    func refresh(_ data: Dataset) {
        categories = data.categories.sorted { $0.order < $1.order }
        table.setRows(categories.map { category in
            [category.shortName, category.name, category.criteriaGroupID,
             data.criteriaGroup(category.criteriaGroupID)?.name ?? "(không có nhóm này)"]
        })
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated: return choose(session.data)
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .edit: choose(session.data)
        }
    }

    /// Groups that score collectives; the individuals' group (III.4) is not for blocks.
    private func choices(_ data: Dataset) -> [CriteriaGroup] {
        data.criteriaGroups.filter { $0.subjectKind == .collective }
    }

    private func choose(_ data: Dataset) -> [Action] {
        guard let category = selected else { return [] }
        let groups = choices(data)
        guard !groups.isEmpty else { return [.message("Chưa có nhóm tiêu chí nào cho tập thể.")] }
        let current = groups.firstIndex { $0.id == category.criteriaGroupID } ?? 0
        // «khối Đảng», not «khối Khối Đảng»
        let dialog = Dialog(title: "Bộ tiêu chí cho " + category.blockLabel.replacingOccurrences(of: "Khối", with: "khối", options: .anchored),
                            message: ["Chọn nhóm (← → rồi Enter, Esc thôi):"] + groups.map { "\($0.id): \($0.name)" },
                            buttons: groups.map(\.id), defaultButton: current)
        return [.confirm(dialog) { [id = category.id] in .groupChosen(categoryID: id, button: $0) }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .groupChosen(let categoryID, let button): return assign(categoryID, button: button, data: session.data)
        case .assigned(let result): return assigned(result)
        }
    }

    private func assign(_ categoryID: String, button: Int?, data: Dataset) -> [Action] {
        let groups = choices(data)
        guard let button, groups.indices.contains(button),
              var category = data.category(categoryID) else { return [] }
        guard category.criteriaGroupID != groups[button].id else {
            return [.message("\(category.blockLabel) vẫn dùng nhóm \(category.criteriaGroupID).")]
        }
        category.criteriaGroupID = groups[button].id
        return [.commit(.updateCategory(category: category), reply: Message.assigned)]
    }

    private func assigned(_ result: CommitResult) -> [Action] {
        switch result {
        case .success(let applied):
            guard case .updateCategory(let category) = applied.change else { return [.message("Đã lưu.")] }
            return [.message("\(category.blockLabel) chấm theo nhóm \(category.criteriaGroupID) từ nay (phiếu đã có giữ nhóm cũ). Hoàn tác: u.")]
        case .failure(let error):
            return [.message("Chưa lưu: \(error.message)")]
        }
    }

    /// The explanation above the table, and the table's rect below it.
    private func regions(_ rect: Rect) -> (head: DashboardLines, table: Rect) {
        let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        var head = DashboardLines(rect: inner)
        head.add("Mỗi khối được chấm theo một nhóm tiêu chí.", style: .bold)
        head.add("Đổi nhóm chỉ áp dụng cho phiếu chấm tạo sau đó; phiếu đã có giữ nhóm tiêu chí lúc tạo.", style: .dim)
        return (head, Rect(x: rect.x, y: head.y + 1, width: rect.width, height: max(0, rect.maxY - head.y - 1)))
    }

    public func layout(_ rect: Rect, session: Session) {
        table.setViewport(height: regions(rect).table.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let (head, body) = regions(rect)
        head.draw(into: &buffer)
        table.render(into: &buffer, rect: body, focused: true)
    }
}
