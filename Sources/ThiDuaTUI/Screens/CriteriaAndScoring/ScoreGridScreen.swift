import ThiDuaDomain

/// Score entry for one block (khối) and one year, as a spreadsheet: a row per active unit
/// (or person on the "Cá nhân" tab), a column per criteria item, then total, rank and
/// class. Typing a digit edits the focused cell; every score goes through the domain's
/// `.setScore`, so ranges and locked sheets are refused with the domain's own message.
/// Self scores (tự chấm) and appraised scores (thẩm định) are entered in two modes (v).
public final class ScoreGridScreen: CommandScreen {
    public enum Message {
        /// The cell being typed was saved (or not); the focus then moves by `move`.
        case saved(CommitResult, move: Move)
        /// The score of item `code` was cleared (or not).
        case cleared(CommitResult, code: String)
        case bulkAnswered(BulkAction, button: Int?)
        case bulkSaved(CommitResult, done: String)
    }

    /// How the focus moves after a key or a saved cell.
    public enum Move: Sendable {
        case stay, up, down, left, right, pageUp, pageDown, home, end
        /// Tab: one cell right, from the last item to the first item of the next row.
        case nextCell
        /// Shift-Tab: one cell left, down to the name column.
        case previousCell
    }

    public let title = "Chấm điểm"
    private(set) var tabs: [ScoreGridModel.Tab]
    private(set) var tabIndex = 0 { didSet { remember() } }
    private(set) var year: Int
    private(set) var field = ScoreField.selfScore { didSet { remember() } }
    /// Where the khối and mode are kept for the next opening of the grid.
    private let memory: ViewMemory
    private(set) var sort = ScoreGridModel.SortOrder.name
    private(set) var model: ScoreGridModel
    /// The journal position `model` shows; what was written after it is taken in on the next
    /// data change.
    private var modelSeq: Int
    /// How often the model was built anew since the grid opened (the tests check that typed
    /// scores do not).
    private(set) var rebuilds = 0
    /// Rows of the category on screen (for the benchmark's report).
    public var rowCount: Int { model.rows.count }
    /// Focused row (index into `model.rows`) and column (0 = names, 1… = items).
    private(set) var row = 0
    private(set) var column = 1
    private(set) var editor: GridCellEditor?
    /// Rows marked for moving or locking many sheets at once.
    var marks = RowMarks<Subject>()
    /// The last refusal, repeated in full under the grid until the next key.
    private(set) var notice: String?
    /// View state the renderer keeps so the focus stays visible without jumping.
    var topRow = 0
    var firstItem = 0
    var pageRows = 10

    public convenience init(session: Session) {
        self.init(session: session, tab: nil)
    }

    init(session: Session, tab: ScoreGridModel.Tab?) {
        let data = session.data
        tabs = ScoreGridModel.tabs(in: data)
        year = session.year
        memory = session.memory
        let remembered = session.memory.scoreGrid
        if let tab = tab ?? remembered?.tab, let index = tabs.firstIndex(of: tab) { tabIndex = index }
        if let mode = remembered?.field { field = mode }
        model = Self.model(session, year: year, tab: tabs[tabIndex], sort: .name)
        modelSeq = session.appliedSeq
    }

    /// The grid of `tab`, its subjects in the session's kept name order.
    private static func model(_ session: Session, year: Int, tab: ScoreGridModel.Tab, sort: ScoreGridModel.SortOrder) -> ScoreGridModel {
        ScoreGridModel(data: session.data, year: year, tab: tab, sort: sort,
                       subjects: ScoreGridModel.subjectsInNameOrder(tab: tab, lists: session.lists, view: session.view))
    }

    private func remember() {
        memory.scoreGrid = ScoreGridMemory(tab: tabs[tabIndex], field: field)
    }

    var focusedRow: ScoreGridModel.Row? { model.rows.indices.contains(row) ? model.rows[row] : nil }
    var focusedItem: CriteriaItem? {
        column > 0 && column <= model.items.count ? model.items[column - 1] : nil
    }

    public var isEditingText: Bool { editor != nil }
    /// A digit, comma or point typed on a cell opens it with what was typed.
    public func acceptsTyping(_ character: Character) -> Bool {
        character.isASCII && character.isNumber || character == "," || character == "."
    }
    public var editBase: Int? { editor?.base }
    public var hasUnsavedInput: Bool { editor?.isDirty ?? false }
    public var mode: String? {
        let name = field.label.uppercased()
        return editor == nil ? name : "NHẬP \(name)"
    }

    public var hint: String? {
        if let editor {
            return "Điểm \(field.label.lowercased()) \(editor.item.code) từ \(editor.rangeText) · Enter lưu ↓ · Tab lưu → · "
                + "Esc trả lại · để trống là xóa"
        }
        if let problem = model.problem { return problem }
        if let item = focusedItem { return ScoreGridModel.describe(item) }
        return "Enter/F4 phiếu chấm · ← → (h l) chọn tiêu chí · [ ] đổi khối · y Y đổi năm"
    }

    // MARK: Data

    /// Rebuilds the model, keeping the focused subject where it is still shown.
    private func rebuild(_ session: Session) {
        let data = session.data
        modelSeq = session.appliedSeq
        rebuilds += 1
        let keep = focusedRow?.subject
        let tab = tabs[tabIndex]
        tabs = ScoreGridModel.tabs(in: data)
        tabIndex = tabs.firstIndex(of: tab) ?? min(tabIndex, tabs.count - 1)
        model = Self.model(session, year: year, tab: tabs[tabIndex], sort: sort)
        if let keep, let index = model.index(of: keep) { row = index }
        marks.keep(only: model.rows.map(\.subject))
        clampFocus()
    }

    private func clampFocus() {
        row = max(0, min(row, model.rows.count - 1))
        column = max(0, min(column, model.items.count))
    }

    /// Commits, undo, redo and what others wrote all land here. When only sheets changed
    /// (entering scores, here or elsewhere), the model takes in just those rows; anything
    /// else, or when the store cannot say what changed, builds the model anew.
    public func dataChanged(session: Session) {
        let keep = focusedRow?.subject
        guard let touched = session.view.recordsTouched(after: modelSeq), model.absorb(touched, data: session.data) else {
            rebuild(session)
            return
        }
        modelSeq = session.appliedSeq
        // In rank order the focused row moves with its subject.
        if let keep, let index = model.index(of: keep) { row = index }
    }

    // MARK: Keys

    public func handle(_ key: Key, session: Session) -> [Action]? {
        notice = nil
        if editor != nil { return handleEditing(key, session: session) }
        switch key {
        case .up: move(.up)
        case .down: move(.down)
        case .left: move(.left)
        case .right: move(.right)
        case .home: move(.home)
        case .end: move(.end)
        case .pageUp: move(.pageUp)
        case .pageDown: move(.pageDown)
        case .tab: move(.nextCell)
        case .backTab: move(.previousCell)
        case .enter:
            guard let subject = focusedRow?.subject else { return [] }
            if column == 0 { return openChecklist(subject, session: session) }
            return beginEdit(initial: nil, session: session)
        case .char(let c) where acceptsTyping(c):
            return beginEdit(initial: String(c), session: session)
        default:
            return nil
        }
        return []
    }

    private func handleEditing(_ key: Key, session: Session) -> [Action] {
        switch key {
        case .enter, .down: return commitEdit(then: .down)
        case .up: return commitEdit(then: .up)
        case .tab: return commitEdit(then: .nextCell)
        case .backTab: return commitEdit(then: .previousCell)
        case .pageDown: return commitEdit(then: .pageDown)
        case .pageUp: return commitEdit(then: .pageUp)
        case .escape:
            let restored = editor?.original?.display ?? "trống"
            editor = nil
            return [.message("Đã trả lại điểm cũ (\(restored)).")]
        default:
            _ = editor?.handle(key)
            return []
        }
    }

    func move(_ step: Move) {
        let lastRow = max(0, model.rows.count - 1), lastColumn = model.items.count
        switch step {
        case .stay: break
        case .up: row -= 1
        case .down: row += 1
        case .left: column -= 1
        case .right: column += 1
        case .pageUp: row -= max(1, pageRows - 1)
        case .pageDown: row += max(1, pageRows - 1)
        case .home: column = min(1, lastColumn)
        case .end: column = lastColumn
        case .nextCell:
            if column < lastColumn {
                column += 1
            } else if row < lastRow {
                row += 1
                column = min(1, lastColumn)
            }
        case .previousCell: column -= 1
        }
        row = max(0, min(row, lastRow))
        column = max(0, min(column, lastColumn))
    }

    // MARK: Editing

    /// Opens the edit line on the focused cell with `initial` typed (nil: the old value).
    /// A locked sheet is refused at once with the domain's message, before any typing; so is
    /// a read-only copy, with the app's one read-only message (the cell line is an edit form).
    private func beginEdit(initial: String?, session: Session) -> [Action] {
        if let holder = session.readOnlyHolder { return refuse(ThiDuaApp.readOnlyRefusal(holder: holder)) }
        guard model.hasGrid else { return refuse(model.problem ?? "Khối này chưa có tiêu chí để chấm.") }
        guard let current = focusedRow else { return [] }
        guard let item = focusedItem else {
            return [.message("Chọn một ô điểm (← →) rồi gõ điểm; cột tên chỉ để mở phiếu chấm.")]
        }
        let old = current.scores[column - 1]?[field]
        if current.isLocked {
            // A dry run of the edit: the domain's refusal is what the user should read.
            let change = Change.setScore(year: year, subject: current.subject, item: item.code, field: field, value: old)
            do {
                _ = try session.data.apply(change, context: session.context)
            } catch {
                return refuse(error.message)
            }
        }
        editor = GridCellEditor(subject: current.subject, item: item, field: field, original: old,
                                base: session.appliedSeq, initial: initial ?? old?.display ?? "")
        return []
    }

    /// Checks the typed text and asks the app to store it; the move happens once saved.
    private func commitEdit(then step: Move) -> [Action] {
        guard let editor else { return [] }
        switch editor.parsed() {
        case .refused(let message):
            return refuse(message)
        case .value(let value):
            guard value != editor.original else {
                self.editor = nil
                move(step)
                return []
            }
            return [.commit(editor.change(year: year, value: value)) { .saved($0, move: step) }]
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(.success, let step):
            let saved = editor
            editor = nil
            move(step)
            guard let saved else { return [.message("Đã lưu.")] }
            return [.message(savedMessage(saved, session: session))]
        case .cleared(.success, let code):
            return [.message("Đã xóa điểm \(field.label.lowercased()) tiêu chí \(code). u để hoàn tác.")]
        case .bulkAnswered(let action, let button):
            return bulkAnswered(action, button: button)
        case .bulkSaved(.success, let done):
            return [.message(done)]
        case .saved(.failure(let error), _), .cleared(.failure(let error), _), .bulkSaved(.failure(let error), _):
            // The edit line stays open with the typed text, so it can be corrected.
            return refuse(error.message)
        }
    }

    /// A refusal goes to the status line and, whole, under the grid.
    private func refuse(_ message: String) -> [Action] {
        notice = message
        return [.message(message)]
    }

    private func savedMessage(_ saved: GridCellEditor, session: Session) -> String {
        let name = session.data.name(of: saved.subject)
        let value = session.data.sheets[SheetKey(year: year, subject: saved.subject)]?.items[saved.item.code]?[saved.field]
        var text = "Đã lưu \(saved.field.label.lowercased()) \(saved.item.code) của «\(name)»: \(value?.display ?? "trống")."
        if let index = model.index(of: saved.subject), let ranked = model.ranked(model.rows[index]) {
            text += " Tổng \(ranked.total.display), hạng \(ranked.rank), \(ranked.className)."
        }
        return text
    }

    // MARK: Commands

    public func perform(_ command: Commands, session: Session) -> [Action] {
        notice = nil
        if let editor, command != .edit {
            return [.message("Đang nhập ô \(editor.item.code): Enter để lưu, Esc để trả lại điểm cũ.")]
        }
        switch command {
        case .edit:
            if editor != nil { return commitEdit(then: .stay) }
            return beginEdit(initial: nil, session: session)
        case .checklist:
            guard let subject = focusedRow?.subject else { return [.message("Chưa có dòng nào.")] }
            return openChecklist(subject, session: session)
        case .clear:
            return clear()
        case .field:
            field = field == .selfScore ? .appraised : .selfScore
            return [.message(field == .selfScore
                ? "Đang xem và nhập điểm tự chấm."
                : "Đang xem và nhập điểm thẩm định; ô có * chưa thẩm định, tổng tạm dùng điểm tự chấm.")]
        case .sort:
            sort = sort == .name ? .rank : .name
            rebuild(session)
            return [.message("Sắp xếp theo \(sort.label).")]
        case .prevTab, .nextTab:
            tabIndex = (tabIndex + (command == .prevTab ? -1 : 1) + tabs.count) % tabs.count
            row = 0
            column = 1
            topRow = 0
            firstItem = 0
            rebuild(session)
        case .mark: return toggleMark()
        case .markAll: return toggleAllMarks()
        case .advance, .lock: return runBulk(command == .lock ? .lock : .nextState, session: session)
        case .left: move(.left)
        case .right: move(.right)
        case .up: move(.up)
        case .down: move(.down)
        case .prevYear, .nextYear:
            let phase = session.data.settings.phaseYears
            let next = year + (command == .prevYear ? -1 : 1)
            guard phase.contains(next) else {
                return [.message("Giai đoạn \(phase.lowerBound)–\(phase.upperBound): không có năm \(next).")]
            }
            year = next
            rebuild(session)
            return [.message("Năm \(year).")]
        }
        return []
    }

    /// Del, Backspace, x or F8: the focused score goes, without a question (u undoes it).
    private func clear() -> [Action] {
        guard let current = focusedRow, let item = focusedItem else {
            return [.message("Chọn một ô điểm để xóa.")]
        }
        guard current.scores[column - 1]?[field] != nil || current.isLocked else {
            return [.message("Ô \(item.code) chưa có điểm \(field.label.lowercased()).")]
        }
        return [.commit(.setScore(year: year, subject: current.subject, item: item.code, field: field, value: nil)) {
            .cleared($0, code: item.code)
        }]
    }
}
