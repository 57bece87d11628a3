import ThiDuaDomain
// The store's value types only (`StoreError`): the app reads the plan's defaults.
import ThiDuaStore

/// The award rules the office may change without a programmer (neither the law nor the plan fixes them):
/// eligibility checks that warn when a nomination is considered, the council's vote
/// thresholds, and how suggestions are picked from the ranking. Every edit is one
/// `.updateRules` change, written at once and undoable with u.
public final class RulesScreen: CommandScreen {
    public enum Message {
        case defaultsAnswered(confirmed: Bool)
        case defaultsLoaded(Result<Dataset, StoreError>)
        /// The rules were written (or not); `done` is said once they are.
        case saved(CommitResult, done: String)
    }

    public enum Commands: CommandSet {
        case edit, toggle, defaults, prevSection, nextSection

        public static let context: CommandContext = "rules"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa", fKey: 4, twin: .char("e"), help: "sửa dòng đang chọn (hoặc Enter)")
            case .toggle: CommandDeclaration("Bật/tắt quy tắc", twin: .char(" "), help: "áp dụng hoặc thôi áp dụng quy tắc đang chọn; ghi ngay")
            case .defaults: CommandDeclaration("Khôi phục quy tắc mặc định của kế hoạch", twin: .char("m"),
                                               help: "thay điều kiện, ngưỡng biểu quyết và quy tắc gợi ý bằng bản mặc định; mức xếp loại giữ nguyên")
            case .prevSection: CommandDeclaration("Mục trước", twin: .char("["), keys: [.left, .backTab])
            case .nextSection: CommandDeclaration("Mục sau", twin: .char("]"), keys: [.right, .tab])
            }
        }
    }

    enum Section: Int, CaseIterable {
        case eligibility, thresholds, suggestions

        var title: String {
            switch self {
            case .eligibility: return "Điều kiện khen thưởng"
            case .thresholds: return "Ngưỡng biểu quyết"
            case .suggestions: return "Gợi ý đề nghị"
            }
        }

        var explanation: String {
            switch self {
            case .eligibility: return "Kiểm tra khi xét đề nghị; chỉ cảnh báo kèm lý do, không tự loại ai."
            case .thresholds: return "Đề nghị được thông qua khi số thành viên đồng ý đạt ngưỡng, tính trên tổng số thành viên."
            case .suggestions: return "Cách chọn tập thể, cá nhân để gợi ý đề nghị từ kết quả xếp hạng."
            }
        }
    }

    public let title = "Quy tắc khen thưởng"
    private(set) var section = Section.eligibility
    private(set) var rules: Rules
    private var catalog: AwardCatalog
    /// Threshold rows: nil for the default, then each form, most senior first.
    private var thresholdRows: [String?] = []
    /// One table per section, so each keeps its selection.
    private var tables: [Table]

    public init(session: Session) {
        rules = session.data.rules
        catalog = session.data.catalog
        tables = Section.allCases.map { RulesScreen.table(for: $0, wide: false) }
        refresh(session.data)
    }

    var table: Table { tables[section.rawValue] }
    var selectedIndex: Int { tables[section.rawValue].selectedIndex }

    public var hint: String? {
        switch section {
        case .eligibility, .suggestions: return "Space bật/tắt · Enter sửa · Tab mục sau · m khôi phục mặc định."
        case .thresholds: return "Enter sửa ngưỡng · Tab mục sau · m khôi phục mặc định."
        }
    }

    static func table(for section: Section, wide: Bool) -> Table {
        switch section {
        case .eligibility:
            return Table(columns: [TableColumn("Bật", minWidth: 3), TableColumn("Quy tắc", minWidth: 24, maxWidth: 44, flex: 2),
                                   TableColumn("Tham số", minWidth: 24, flex: 3)])
        case .thresholds:
            return Table(columns: [TableColumn("Hình thức", minWidth: 30, flex: 3),
                                   TableColumn("Ngưỡng (trên tổng số thành viên)", minWidth: 34, flex: 2)])
        case .suggestions:
            var columns = [TableColumn("Bật", minWidth: 3), TableColumn("Hình thức", minWidth: 14, flex: 1),
                           TableColumn("Đối tượng", minWidth: 9), TableColumn("Cách chọn", minWidth: 24, flex: 2)]
            if wide { columns.append(TableColumn("Mô tả", minWidth: 20, flex: 3)) }
            return Table(columns: columns)
        }
    }

    private static func mark(_ enabled: Bool) -> String { enabled ? "[x]" : "[ ]" }

    func refresh(_ data: Dataset) {
        rules = data.rules
        catalog = data.catalog
        thresholdRows = [nil] + catalog.formsBySeniority.map(\.id)
        let (rules, catalog) = (self.rules, self.catalog)
        tables[Section.eligibility.rawValue].setRows(rules.eligibility.map { rule in
            [Self.mark(rule.enabled), rule.description, RuleText.parameters(rule.check, catalog: catalog, full: false)]
        })
        tables[Section.thresholds.rawValue].setRows(thresholdRows.map { formID in
            let fallback = RuleText.shortThreshold(rules.defaultVoteThreshold)
            guard let formID else { return ["Mặc định (mọi hình thức)", fallback] }
            return [catalog.formName(formID),
                    rules.voteThresholds[formID].map(RuleText.shortThreshold) ?? "(dùng mặc định) \(fallback)"]
        })
        tables[Section.suggestions.rawValue].setRows(rules.suggestions.map { rule in
            [Self.mark(rule.enabled), AwardText.shortFormName(rule.formID, in: catalog),
             RuleText.subjects(rule.subjectKind), RuleText.pick(rule.pick), rule.description]
        })
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch tables[section.rawValue].handle(key) {
        case .activated: return edit(session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .edit: return edit(session: session)
        case .toggle: return toggle(session.data.rules)
        case .prevSection, .nextSection:
            let step = command == .prevSection ? -1 : 1
            let count = Section.allCases.count
            section = Section(rawValue: (section.rawValue + step + count) % count) ?? .eligibility
            return []
        case .defaults:
            let dialog = Dialog.confirm(title: "Khôi phục quy tắc mặc định",
                message: "Thay toàn bộ điều kiện khen thưởng, ngưỡng biểu quyết và quy tắc gợi ý bằng quy tắc mặc định"
                    + " của kế hoạch?\nCác mức xếp loại giữ nguyên. Có thể hoàn tác bằng u.")
            return [.confirm(dialog) { .defaultsAnswered(confirmed: $0 == Dialog.yes) }]
        }
    }

    private func edit(session: Session) -> [Action] {
        let data = session.data
        let index = selectedIndex
        let editor: any RuleEditor
        switch section {
        case .eligibility:
            guard rules.eligibility.indices.contains(index) else { return [.message("Chưa có quy tắc nào.")] }
            editor = EligibilityRuleEditor(rule: rules.eligibility[index], data: data)
        case .thresholds:
            guard thresholdRows.indices.contains(index) else { return [] }
            editor = VoteThresholdEditor(formID: thresholdRows[index], data: data)
        case .suggestions:
            guard rules.suggestions.indices.contains(index) else {
                return [.message("Chưa có quy tắc gợi ý nào; m để khôi phục quy tắc mặc định của kế hoạch.")]
            }
            editor = SuggestionRuleEditor(rule: rules.suggestions[index], data: data)
        }
        return [.push(RuleFormScreen(editor: editor))]
    }

    /// Space: the selected rule on or off, written at once from the rules as they are now.
    private func toggle(_ current: Rules) -> [Action] {
        var updated = current
        let index = selectedIndex
        let verb: (Bool) -> String = { $0 ? "bật" : "tắt" }
        let done: String
        switch section {
        case .eligibility:
            guard updated.eligibility.indices.contains(index) else { return [] }
            updated.eligibility[index].enabled.toggle()
            let rule = updated.eligibility[index]
            done = "Đã lưu: \(verb(rule.enabled)) quy tắc «\(rule.id)». Hoàn tác: u."
        case .suggestions:
            guard updated.suggestions.indices.contains(index) else { return [] }
            updated.suggestions[index].enabled.toggle()
            let rule = updated.suggestions[index]
            done = "Đã lưu: \(verb(rule.enabled)) quy tắc gợi ý «\(rule.id)». Hoàn tác: u."
        case .thresholds:
            return [.message("Ngưỡng biểu quyết không bật/tắt được: Enter để sửa, hoặc chọn «Dùng ngưỡng mặc định».")]
        }
        return [.commit(.updateRules(rules: updated)) { .saved($0, done: done) }]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .defaultsAnswered(confirmed: true): return [.loadPlanDefaults(reply: Message.defaultsLoaded)]
        case .defaultsAnswered(confirmed: false): return []
        case .defaultsLoaded(let outcome): return restoreDefaults(outcome, current: session.data.rules)
        case .saved(.success, let done): return [.message(done)]
        case .saved(.failure(let error), _): return [.message("Chưa lưu: \(error.message)")]
        }
    }

    /// The plan's rules replace the office's, except the class bands (and the names they
    /// give): those belong to the scoring and are edited in Settings.
    private func restoreDefaults(_ outcome: Result<Dataset, StoreError>, current: Rules) -> [Action] {
        switch outcome {
        case .failure(let error):
            return [.message("Không đọc được quy tắc mặc định: \(error.message)")]
        case .success(let defaults):
            var updated = current
            updated.eligibility = defaults.rules.eligibility
            updated.voteThresholds = defaults.rules.voteThresholds
            updated.defaultVoteThreshold = defaults.rules.defaultVoteThreshold
            updated.suggestions = defaults.rules.suggestions
            guard updated != current else {
                return [.message("Quy tắc đang đúng như mặc định của kế hoạch; không có gì thay đổi.")]
            }
            return [.commit(.updateRules(rules: updated)) {
                .saved($0, done: "Đã lưu: khôi phục quy tắc mặc định của kế hoạch. Hoàn tác: u.")
            }]
        }
    }

    // MARK: Drawing

    /// The section's explanation under the tabs, and below it the table with the selected
    /// row in full under it when there is room.
    private func regions(_ rect: Rect) -> (head: DashboardLines, rest: Rect, table: Rect, below: Rect, room: Int) {
        var head = DashboardLines(rect: Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: 2))
        head.add(section.explanation, style: .dim)
        let rest = Rect(x: rect.x, y: head.y + 1, width: rect.width, height: max(0, rect.maxY - head.y - 1))
        let rowCount = tables[section.rawValue].count
        guard rowCount > 0 else { return (head, rest, rest.splitTop(1).0, rest.splitTop(1).1, 0) }
        let detail = detailLines(width: rest.width - 2)
        var room = rest.height >= 8 ? min(detail.count, rest.height / 2 - 1) : 0
        let tableHeight = min(rowCount + 1, rest.height - (room > 0 ? room + 1 : 0))
        if room > 0 { room = min(detail.count, rest.height - tableHeight - 1) }
        let (table, below) = rest.splitTop(tableHeight)
        return (head, rest, table, below, room)
    }

    public func layout(_ rect: Rect, session: Session) {
        tables[section.rawValue].columns = Self.table(for: section, wide: rect.width >= 110).columns
        tables[section.rawValue].setViewport(height: regions(rect).table.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        drawTabs(into: &buffer, row: rect.row(0))
        let (head, rest, tableRect, below, room) = regions(rect)
        head.draw(into: &buffer)
        guard tables[section.rawValue].count > 0 else {
            tables[section.rawValue].render(into: &buffer, rect: tableRect, focused: false)
            buffer.put("Chưa có quy tắc nào ở mục này. Bấm m để khôi phục quy tắc mặc định của kế hoạch.",
                       at: Point(x: rest.x + 2, y: rest.y + 2), clipWidth: max(0, rest.width - 4))
            return
        }
        tables[section.rawValue].render(into: &buffer, rect: tableRect, focused: true)
        guard room > 0 else { return }
        let detail = detailLines(width: rest.width - 2)
        let (rule, panel) = below.splitTop(1)
        buffer.put(String(repeating: "─", count: max(0, rule.width)), at: rule.origin, style: .dim, clipWidth: rule.width)
        for (i, line) in detail.prefix(room).enumerated() {
            buffer.put(line.text, at: Point(x: panel.x + 1, y: panel.y + i), style: line.style, clipWidth: panel.width - 1)
        }
    }

    /// "Điều kiện khen thưởng (9) │ Ngưỡng biểu quyết (5) │ Gợi ý đề nghị (2)", the open one
    /// in reverse video so it shows without colour.
    private func drawTabs(into buffer: inout Buffer, row: Rect) {
        buffer.fill(row)
        var x = row.x
        for s in Section.allCases {
            let label = " \(s.title) (\(tables[s.rawValue].count)) "
            let style: Style = s == section ? .selected : .plain
            x += buffer.put(label, at: Point(x: x, y: row.y), style: style, clipWidth: max(0, row.maxX - x))
            x += buffer.put(" ", at: Point(x: x, y: row.y), clipWidth: max(0, row.maxX - x))
        }
        buffer.put("Tab ← → đổi mục", at: Point(x: x + 1, y: row.y), style: .dim, clipWidth: max(0, row.maxX - x - 1))
    }

    /// What the threshold means for a council of 9 with 7 present: counted on all members.
    static func example(_ threshold: VoteThreshold) -> String {
        let needed = (0...9).first { agree in
            threshold.passes(CouncilVote(method: .showOfHands, membersTotal: 9, membersPresent: 7,
                                         agree: agree, disagree: 0, abstain: 0))
        }
        guard let needed else { return "Ví dụ: hội đồng 9 thành viên thì không thể đạt ngưỡng này." }
        return "Ví dụ: hội đồng 9 thành viên, 7 người có mặt: cần ít nhất \(needed) người đồng ý."
    }

    private func detailLines(width: Int) -> [(text: String, style: Style)] {
        guard width > 0 else { return [] }
        let index = selectedIndex
        let wrap = { (text: String, style: Style) in TextWrap.wrap(text, width: width - 1).map { ($0, style) } }
        let state = { (enabled: Bool) in enabled ? "đang áp dụng" : "đang tắt (không kiểm tra)" }
        var out: [(String, Style)] = []
        switch section {
        case .eligibility:
            guard rules.eligibility.indices.contains(index) else { return [] }
            let rule = rules.eligibility[index]
            out.append(("\(rule.id) · \(RuleText.kind(rule.check)) · \(state(rule.enabled))", .bold))
            out += wrap(rule.description, .plain)
            out += wrap("Tham số: " + RuleText.parameters(rule.check, catalog: catalog, full: true), .plain)
        case .thresholds:
            guard thresholdRows.indices.contains(index) else { return [] }
            if let formID = thresholdRows[index] {
                out.append((catalog.formName(formID), .bold))
                if let own = rules.voteThresholds[formID] {
                    out += wrap("Ngưỡng riêng: \(own.label).", .plain)
                } else {
                    out += wrap("Dùng ngưỡng mặc định: \(rules.defaultVoteThreshold.label).", .plain)
                }
            } else {
                out.append(("Ngưỡng mặc định", .bold))
                out += wrap("\(rules.defaultVoteThreshold.label); áp dụng cho mọi hình thức không có ngưỡng riêng.", .plain)
            }
            let threshold = thresholdRows[index].map { rules.voteThreshold(forForm: $0) } ?? rules.defaultVoteThreshold
            out += wrap(Self.example(threshold), .dim)
        case .suggestions:
            guard rules.suggestions.indices.contains(index) else { return [] }
            let rule = rules.suggestions[index]
            out.append(("\(rule.id) · \(state(rule.enabled))", .bold))
            out += wrap(rule.description, .plain)
            out += wrap("Hình thức: \(catalog.formName(rule.formID)) · Đối tượng: "
                        + "\(RuleText.subjects(rule.subjectKind).lowercased()) · Cách chọn: \(RuleText.pick(rule.pick))", .plain)
        }
        return out
    }
}
