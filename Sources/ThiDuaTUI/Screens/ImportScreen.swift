import ThiDuaDomain
import ThiDuaStore

/// Imports units or people from a CSV file in two steps: name the file and see every
/// row that would be added or changed (or every bad row, with its line number); only
/// F2 on a clean preview writes, as one change that a single undo takes back.
public final class ImportScreen: Screen {
    public var changesData: Bool { true }
    public static let commandContext: CommandContext = "import"
    public static let commands: [Command] = [
        Command(id: "import.write", title: "Ghi", fKey: 2, letterTwin: .ctrl("s"), context: commandContext,
                help: "ghi các dòng đã xem trước (chỉ khi không có dòng lỗi)"),
        Command(id: "import.check", title: "Xem trước", fKey: 5, letterTwin: .ctrl("k"), context: commandContext,
                help: "đọc và kiểm tra tệp, chưa ghi gì (hoặc Enter trong ô tên tệp)"),
    ]

    enum Phase {
        case choosing
        case preview(CSVImport.Plan)
        case failed
    }

    let table: CSVImport.Table
    public var title: String { table == .units ? "Nhập đơn vị từ CSV" : "Nhập cá nhân từ CSV" }
    public var context: CommandContext { ImportScreen.commandContext }
    private(set) var path = TextField("", maxLength: 1000, visibleWidth: 60)
    private(set) var phase = Phase.choosing
    /// What the body shows (help, preview or errors), unwrapped.
    private var report: [String] = []
    /// The report wrapped to the width it was last drawn at.
    private(set) var pager = Pager(lines: [])
    private var wrappedWidth = 0
    private var editingPath = true

    public init(table: CSVImport.Table) {
        self.table = table
        show(columnHelp)
    }

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
            "Tệp CSV có dòng tiêu đề, mã UTF-8 (Excel: «CSV UTF-8»), dấu phẩy hoặc chấm phẩy.",
            columns,
            "Dòng có mã đã có sẽ được sửa; dòng không có mã được thêm mới với mã tự cấp.",
            "Nhập đường dẫn tệp rồi Enter để xem trước. Chưa có gì được ghi cho tới khi bấm F2.",
        ]
    }

    public var isEditingText: Bool { editingPath }
    public var mode: String? { editingPath ? "NHẬP" : nil }
    public var hint: String? {
        switch phase {
        case .choosing: return "Gõ đường dẫn tệp (ví dụ ~/don-vi.csv), Enter để xem trước."
        case .preview: return "F2 ghi tất cả · Tab sửa tên tệp · Esc quay lại."
        case .failed: return "Sửa tệp rồi Enter để đọc lại · Esc quay lại."
        }
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        // A file path is typed as is: Telex would turn "dd" into "đ".
    }

    public func handle(_ key: Key, session: Session) -> [ScreenAction]? {
        if editingPath {
            switch key {
            case .enter: return check()
            case .escape: return [.pop]
            case .tab, .down:
                editingPath = false
                return []
            default:
                _ = path.handle(key)
                return []
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
        default:
            return pager.handle(key) == .ignored ? nil : []
        }
    }

    public func run(_ command: Command, session: Session) -> [ScreenAction] {
        switch command.id {
        case "import.check":
            return check()
        case "import.write":
            guard case .preview(let plan) = phase else {
                return [.message("Chưa có bản xem trước hợp lệ: nhập tên tệp rồi Enter.")]
            }
            return [.commit(plan.change)]
        default:
            return []
        }
    }

    private func check() -> [ScreenAction] {
        let file = path.value.trimmingCharacters(in: .whitespaces)
        guard !file.isEmpty else { return [.message("Chưa nhập tên tệp CSV.")] }
        return [.planImport(table, path: file)]
    }

    public func didLoad(_ result: LoadResult, session: Session) -> [ScreenAction] {
        guard case .importPlan(let outcome) = result else { return [] }
        switch outcome {
        case .success(let plan):
            phase = .preview(plan)
            editingPath = false
            show(["Sẽ thêm \(plan.added), sửa \(plan.updated). Bấm F2 để ghi, Esc để thôi.", ""] + plan.preview)
            return [.message("Tệp hợp lệ: \(plan.added + plan.updated) dòng. Chưa ghi gì.")]
        case .failure(let failure):
            phase = .failed
            editingPath = true
            show(failure.lines)
            return [.message("Tệp có lỗi; chưa ghi gì.")]
        }
    }

    public func didCommit(_ result: Result<AppliedChange, CommitError>, session: Session) -> [ScreenAction] {
        switch result {
        case .success:
            guard case .preview(let plan) = phase else { return [.pop] }
            return [.pop, .message("Đã nhập: thêm \(plan.added), sửa \(plan.updated). Đã lưu; u để hoàn tác cả lần nhập.")]
        case .failure(let error):
            return [.message("Chưa ghi: \(error.message)")]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Tệp CSV:", at: Point(x: rect.x + 1, y: rect.y + 1), style: .bold)
        path.render(into: &buffer, rect: Rect(x: rect.x + 11, y: rect.y + 1, width: min(60, rect.width - 12), height: 1),
                    focused: editingPath)
        let body = Rect(x: rect.x + 1, y: rect.y + 3, width: rect.width - 2, height: rect.height - 3)
        // Long error lines wrap rather than hide their end; re-wrapped when the width changes.
        if wrappedWidth != body.width {
            pager = Pager(lines: report.flatMap { TextWrap.wrap($0, width: max(1, body.width)) })
            wrappedWidth = body.width
        }
        // Layout tells the pager its page height, so PgUp/PgDn move by a real page.
        pager.setViewportRows(max(1, body.height - 1))
        pager.render(into: &buffer, rect: body, focused: !editingPath)
    }
}
