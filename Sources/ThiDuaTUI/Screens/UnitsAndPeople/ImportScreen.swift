import ThiDuaDomain
import ThiDuaOutput
// The store's value types only (`CSVImport`): the app reads and checks the file.
import ThiDuaStore

/// Imports units or people from a CSV file or an Excel workbook in two steps: name the file
/// and see every row that would be added or changed (or every bad row, with its line number);
/// only F2 on a clean preview writes, as one change that a single undo takes back. A row that
/// repeats a kept unit or person is listed above the preview, and the user chooses for it —
/// or for all of them — to add it anyway, update the kept record or skip it.
public final class ImportScreen: CommandScreen {
    public enum Message {
        /// The file read and checked with the duplicate choices made so far.
        case planned(Result<CSVImport.Plan, ImportFailure>)
        case written(CommitResult)
    }

    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case write, check, add, update, skip, addAll, updateAll, skipAll

        public static let context: CommandContext = "import"

        public var declaration: CommandDeclaration {
            switch self {
            case .write: CommandDeclaration("Ghi", fKey: 2, twin: .ctrl("s"), help: "ghi các dòng đã xem trước (chỉ khi không có dòng lỗi)")
            case .check: CommandDeclaration("Xem trước", fKey: 5, twin: .ctrl("k"),
                                            help: "đọc và kiểm tra tệp, chưa ghi gì (hoặc Enter trong ô tên tệp)")
            case .add: CommandDeclaration("Vẫn thêm", twin: .char("t"), help: "dòng trùng đang chọn: vẫn thêm mới")
            case .update: CommandDeclaration("Cập nhật", twin: .char("c"), help: "dòng trùng đang chọn: ghi vào bản đã có")
            case .skip: CommandDeclaration("Bỏ qua", twin: .char("b"), help: "dòng trùng đang chọn: bỏ qua, không nhập")
            case .addAll: CommandDeclaration("Vẫn thêm tất cả", twin: .char("T"), help: "mọi dòng trùng: vẫn thêm mới")
            case .updateAll: CommandDeclaration("Cập nhật tất cả", twin: .char("C"), help: "mọi dòng trùng: ghi vào bản đã có")
            case .skipAll: CommandDeclaration("Bỏ qua tất cả", twin: .char("B"), help: "mọi dòng trùng: bỏ qua")
            }
        }
    }

    enum Phase {
        case choosing
        case preview(CSVImport.Plan)
        case failed
    }

    let table: CSVImport.Table
    public var title: String { table == .units ? "Nhập đơn vị từ tệp" : "Nhập cá nhân từ tệp" }
    private(set) var path = TextField("", maxLength: 1000, visibleWidth: 60)
    private(set) var phase = Phase.choosing
    /// What the body shows (help, preview or errors), unwrapped.
    private var report: [String] = []
    /// The report wrapped to the width it was last drawn at.
    private(set) var pager = Pager(lines: [])
    private var wrappedWidth = 0
    private var editingPath = true
    /// The file last read, as typed; choices re-read this one even if the field is edited since.
    private var readPath = ""
    /// What the user chose for the duplicate rows of this file, sent with every re-read.
    private(set) var choices = CSVImport.DuplicateChoices()
    /// The duplicate row the choice keys act on.
    private var duplicateSelection = ListSelection(count: 0)
    /// Rows of the duplicate list at most; the preview below keeps the rest of the screen.
    private static let duplicateRows = 5

    public init(table: CSVImport.Table) {
        self.table = table
        show(columnHelp)
    }

    /// The import of units, as the unit list opens it.
    public static func units() -> ImportScreen { ImportScreen(table: .units) }
    /// The import of people, as the people list opens it.
    public static func people() -> ImportScreen { ImportScreen(table: .people) }

    private func show(_ lines: [String]) {
        report = lines
        wrappedWidth = 0
    }

    private var columnHelp: [String] {
        let columns = table == .units
            ? "Cột bắt buộc: «Tên đơn vị», «Khối». Cột thêm: «Mã», «Thứ tự», «Người đứng đầu», «Điện thoại», «Ghi chú»."
            : "Cột bắt buộc: «Họ và tên», «Giới tính». Cột thêm: «Mã», «Tên», «Năm sinh», «Chức vụ», «Đơn vị»"
                + " (tên hoặc mã), «Địa chỉ», «Loại», «Kỷ luật», «Ghi chú»."
        return [
            "Tệp Excel (.xlsx: trang đầu tiên) hoặc CSV (mã UTF-8 — Excel: «CSV UTF-8» — dấu phẩy hoặc chấm phẩy), có dòng tiêu đề.",
            columns,
            "Dòng có mã đã có sẽ được sửa; dòng không có mã được thêm mới với mã tự cấp.",
            "Dòng trùng tên một đơn vị cùng khối (hoặc một người cùng năm sinh, cùng đơn vị) đã có được liệt kê để chọn: vẫn thêm, cập nhật hay bỏ qua.",
            "Nhập đường dẫn tệp rồi Enter để xem trước. Chưa có gì được ghi cho tới khi bấm F2.",
        ]
    }

    public var isEditingText: Bool { editingPath }
    public var mode: String? { editingPath ? "NHẬP" : nil }
    public var hint: String? {
        switch phase {
        case .choosing: return "Gõ đường dẫn tệp (ví dụ ~/don-vi.xlsx), Enter để xem trước."
        case .preview(let plan) where !plan.duplicates.isEmpty:
            return "↑↓ dòng trùng · t vẫn thêm · c cập nhật · b bỏ qua · T C B: mọi dòng · F2 ghi"
        case .preview: return "F2 ghi tất cả · Tab sửa tên tệp · Esc quay lại."
        case .failed: return "Sửa tệp rồi Enter để đọc lại · Esc quay lại."
        }
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        // A file path is typed as is: Telex would turn "dd" into "đ".
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if editingPath {
            switch key {
            case .enter: return check()
            case .escape: return [.pop]
            case .tab, .down:
                editingPath = false
                return []
            default:
                return path.handle(key) == .ignored ? nil : []
            }
        }
        switch key {
        case .tab:
            editingPath = true
            path.beginEditing()
            return []
        case .escape:
            return [.pop]
        case .enter:
            return check()
        case .up, .down, .home, .end:
            if case .preview(let plan) = phase, !plan.duplicates.isEmpty {
                _ = duplicateSelection.handle(key)
                return []
            }
            return pager.handle(key) == .ignored ? nil : []
        default:
            return pager.handle(key) == .ignored ? nil : []
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .check:
            return check()
        case .write:
            guard case .preview(let plan) = phase else {
                return [.message("Chưa có bản xem trước hợp lệ: nhập tên tệp rồi Enter.")]
            }
            guard let change = plan.change else {
                return [.message("Còn \(plan.undecided.count) dòng trùng chưa chọn: t vẫn thêm, c cập nhật, b bỏ qua (T, C, B cho mọi dòng).")]
            }
            guard plan.added + plan.updated > 0 else {
                return [.message("Không có dòng nào để ghi: \(plan.summary).")]
            }
            return [.commit(change, reply: Message.written)]
        case .add: return choose(.add, all: false)
        case .update: return choose(.update, all: false)
        case .skip: return choose(.skip, all: false)
        case .addAll: return choose(.add, all: true)
        case .updateAll: return choose(.update, all: true)
        case .skipAll: return choose(.skip, all: true)
        }
    }

    /// Records a choice for the selected duplicate row (or every one) and reads the file again
    /// with it, so the preview shows exactly what F2 will write.
    private func choose(_ choice: CSVImport.DuplicateChoice, all: Bool) -> [Action] {
        guard case .preview(let plan) = phase, plan.duplicates.indices.contains(duplicateSelection.selected) else {
            return [.message("Không có dòng trùng nào để chọn.")]
        }
        if all {
            choices = CSVImport.DuplicateChoices(all: choice)
        } else {
            choices.byLine[plan.duplicates[duplicateSelection.selected].line] = choice
        }
        return [.planImport(table, path: readPath, duplicates: choices, reply: Message.planned)]
    }

    /// Reads the file named in the field afresh: choices made for another file are forgotten.
    private func check() -> [Action] {
        let file = path.value.trimmingCharacters(in: .whitespaces)
        guard !file.isEmpty else { return [.message("Chưa nhập tên tệp.")] }
        readPath = file
        choices = CSVImport.DuplicateChoices()
        duplicateSelection = ListSelection(count: 0)
        return [.planImport(table, path: file, duplicates: choices, reply: Message.planned)]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .planned(let outcome): return planned(outcome)
        case .written(let result): return written(result)
        }
    }

    private func planned(_ outcome: Result<CSVImport.Plan, ImportFailure>) -> [Action] {
        switch outcome {
        case .success(let plan):
            phase = .preview(plan)
            editingPath = false
            duplicateSelection.setCount(plan.duplicates.count)
            let next = plan.undecided.isEmpty
                ? "Bấm F2 để ghi, Esc để thôi."
                : "Còn \(plan.undecided.count) dòng trùng chưa chọn."
            show(["Sẽ ghi \(plan.summary). \(next)"] + (plan.ignoredColumnsNote.map { [$0] } ?? []) + [""] + plan.preview)
            if !plan.undecided.isEmpty {
                return [.message("Có \(plan.undecided.count) dòng trùng với dữ liệu đã có: chọn cho từng dòng rồi F2. Chưa ghi gì.")]
            }
            return [.message("Tệp hợp lệ: \(plan.added + plan.updated + plan.skipped) dòng. Chưa ghi gì.")]
        case .failure(let failure):
            phase = .failed
            editingPath = true
            show(failure.lines)
            return [.message("Tệp có lỗi; chưa ghi gì.")]
        }
    }

    private func written(_ result: CommitResult) -> [Action] {
        switch result {
        case .success:
            guard case .preview(let plan) = phase else { return [.pop] }
            return [.pop, .message("Đã nhập: \(plan.summary). Đã lưu; u để hoàn tác cả lần nhập.")]
        case .failure(let error):
            return [.message("Chưa ghi: \(error.message)")]
        }
    }

    /// The duplicates listed on the preview, if any: how many rows of them show.
    private var visibleDuplicates: Int {
        guard case .preview(let plan) = phase else { return 0 }
        return min(plan.duplicates.count, Self.duplicateRows)
    }

    /// Under the file row: the duplicate rows (a title, the rows, a blank line), then the report.
    private func regions(_ rect: Rect) -> (duplicates: Rect, report: Rect) {
        let body = Rect(x: rect.x + 1, y: rect.y + 3, width: rect.width - 2, height: rect.height - 3)
        guard visibleDuplicates > 0 else { return (Rect(x: body.x, y: body.y, width: body.width, height: 0), body) }
        let used = visibleDuplicates + 2
        return (body, Rect(x: body.x, y: body.y + used, width: body.width, height: max(1, body.height - used)))
    }

    public func layout(_ rect: Rect, session: Session) {
        let report = regions(rect).report
        // Long error lines wrap rather than hide their end; re-wrapped when the width changes.
        if wrappedWidth != report.width {
            pager = Pager(lines: self.report.flatMap { TextWrap.wrap($0, width: max(1, report.width)) },
                          keysHint: "PgUp PgDn Home End cuộn")
            wrappedWidth = report.width
        }
        // The pager's page height, so PgUp/PgDn move by a real page.
        pager.setViewportRows(max(1, report.height - 1))
        duplicateSelection.pageRows = max(1, visibleDuplicates)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Tệp:", at: Point(x: rect.x + 1, y: rect.y + 1), style: .bold)
        path.render(into: &buffer, rect: Rect(x: rect.x + 7, y: rect.y + 1, width: min(60, rect.width - 8), height: 1),
                    focused: editingPath)
        let (duplicates, report) = regions(rect)
        if case .preview(let plan) = phase, !plan.duplicates.isEmpty {
            renderDuplicates(plan.duplicates, into: &buffer, rect: duplicates)
        }
        pager.render(into: &buffer, rect: report, focused: !editingPath)
    }

    /// The duplicate rows, one line each with its choice, the selected one highlighted.
    private func renderDuplicates(_ rows: [CSVImport.DuplicateRow], into buffer: inout Buffer, rect: Rect) {
        let visible = visibleDuplicates
        buffer.put("Dòng trùng với dữ liệu đã có (\(rows.count)):", at: Point(x: rect.x, y: rect.y), style: .bold)
        let offset = duplicateSelection.visibleOffset(rows: visible)
        for (slot, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let row = rows[index]
            let choice = row.choice.map { "[\($0.label)]" } ?? "[chưa chọn]"
            let selected = index == duplicateSelection.selected && !editingPath
            let text = (selected ? "▸ " : "  ") + "\(choice) \(row.description)"
            buffer.put(text, at: Point(x: rect.x, y: rect.y + 1 + slot), width: rect.width,
                       style: selected ? .selected : (row.choice == nil ? .bold : .plain))
        }
    }
}
