import ThiDuaDomain

/// The checklist of one unit or person for one year: each criteria item with done, self
/// and appraised score, evidence count and note; live totals, class and rank; the sheet's
/// state (nháp → đã nộp → đã thẩm định → đã khóa). A locked sheet refuses edits until it
/// is unlocked with a written reason.
public final class ChecklistScreen: CommandScreen {
    public enum Message {
        /// The answer to «khóa phiếu».
        case lockAnswered(confirmed: Bool)
        /// A state change of the sheet was saved, or not.
        case moved(CommitResult)
    }

    public enum Commands: CommandSet {
        case edit, evidence, done, next, back, prevYear, nextYear

        public static let context: CommandContext = "checklist"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Sửa điểm", fKey: 4, twin: .char("e"),
                                           help: "tự chấm, thẩm định, ghi chú của tiêu chí đang chọn (hoặc Enter)")
            case .evidence: CommandDeclaration("Minh chứng", fKey: 5, twin: .char("m"), help: "xem, thêm, sửa, xóa minh chứng của tiêu chí đang chọn")
            case .done: CommandDeclaration("Đánh dấu xong/chưa", twin: .char("x"), keys: [.char(" ")], barTitle: "Xong")
            case .next: CommandDeclaration("Chuyển trạng thái tiếp", twin: .char(">"),
                                           help: "nháp → đã nộp → đã thẩm định → đã khóa", barTitle: "Tiếp")
            case .back: CommandDeclaration("Trả trạng thái / mở khóa", twin: .char("<"),
                                           help: "lùi một trạng thái; phải ghi lý do", barTitle: "Trả lại")
            case .prevYear: CommandDeclaration("Năm trước", twin: .char("["))
            case .nextYear: CommandDeclaration("Năm sau", twin: .char("]"))
            }
        }
    }

    public let subject: Subject
    public private(set) var year: Int
    public var title: String { "Phiếu chấm" }
    private var table = Table(columns: [
        TableColumn("Mã", minWidth: 5),
        TableColumn("Tiêu chí", minWidth: 20, flex: 1),
        TableColumn("Tối đa", minWidth: 6, alignment: .right),
        TableColumn("Xong", minWidth: 4),
        TableColumn("Tự chấm", minWidth: 7, alignment: .right),
        TableColumn("Thẩm định", minWidth: 9, alignment: .right),
        TableColumn("MC", minWidth: 3, alignment: .right),
    ])
    private(set) var items: [CriteriaItem] = []
    private var sheet: ScoreSheet?
    private var set: CriteriaSet?
    private var problem: String?
    private var summary: [String] = []

    public init(session: Session, subject: Subject, year: Int) {
        self.subject = subject
        self.year = year
        refresh(session.data)
    }

    public var hint: String? {
        guard !items.isEmpty else { return problem }
        let item = items[table.selectedIndex]
        return "\(item.code) (\(item.kind.label), tối đa \(item.maximum.display)): \(item.text)"
    }

    public var mode: String? { sheet?.state == .locked ? "ĐÃ KHÓA" : nil }

    func refresh(_ data: Dataset) {
        sheet = data.sheets[SheetKey(year: year, subject: subject)]
        let groupID = sheet?.groupID ?? data.criteriaGroupID(for: subject)
        set = groupID.flatMap { data.criteriaSets[CriteriaSetKey(year: year, groupID: $0)] }
        problem = nil
        if groupID == nil {
            problem = "\(data.name(of: subject)) chưa được gắn bộ tiêu chí; vào «Bộ tiêu chí» để chọn bộ cho khối."
        } else if set == nil {
            problem = "Năm \(year) chưa có bộ tiêu chí nhóm \(groupID ?? ""); vào «Bộ tiêu chí» để tạo."
        } else if set?.items.isEmpty == true {
            problem = "Bộ tiêu chí nhóm \(groupID ?? "") năm \(year) chưa có tiêu chí nào; hãy thêm ở «Bộ tiêu chí»."
        }
        items = set?.items ?? []
        table.setRows(items.map { item in
            let score = sheet?.items[item.code]
            let selfText = score?.selfScore?.display ?? "·"
            let appraised = score?.appraised?.display ?? (score?.selfScore == nil ? "·" : "(\(selfText))")
            return [item.code, item.text, (item.kind == .deduction ? "−" : "") + item.maximum.display,
                    score?.done == true ? "✓" : "", selfText, appraised, String(score?.evidence.count ?? 0)]
        })
        summary = ChecklistScreen.summaryLines(data: data, subject: subject, year: year, sheet: sheet, set: set)
    }

    static func summaryLines(data: Dataset, subject: Subject, year: Int, sheet: ScoreSheet?,
                             set: CriteriaSet?) -> [String] {
        guard let set else { return [] }
        let totals = sheet?.totals(in: set) ?? SheetTotals()
        var lines = ["Tự chấm \(totals.selfTotal.display) · Tiêu chí (thẩm định) \(totals.normal.display)"
                     + " · Cộng \(totals.bonus.display) · Trừ \(totals.deductions.display)"
                     + " · Tổng \(totals.total.display) · Xếp loại \(data.rules.className(for: totals.total))"]
        var notes: [String] = []
        if let rank = ChecklistScreen.rank(of: subject, year: year, in: data) { notes.append("hạng \(rank.0)/\(rank.1) trong khối") }
        if totals.usesSelfFallback {
            notes.append("\(totals.fallbackItems.count) tiêu chí chưa thẩm định, đang tính điểm tự chấm (trong ngoặc)")
        }
        if !totals.missingItems.isEmpty { notes.append("chưa chấm: \(totals.missingItems.joined(separator: ", "))") }
        if !totals.itemsWithoutEvidence.isEmpty {
            notes.append("có điểm mà thiếu minh chứng: \(totals.itemsWithoutEvidence.joined(separator: ", "))")
        }
        if !notes.isEmpty { lines.append(notes.joined(separator: "; ")) }
        return lines
    }

    private static func rank(of subject: Subject, year: Int, in data: Dataset) -> (Int, Int)? {
        let categoryID: String?
        switch subject {
        case .unit(let id): categoryID = data.units[id]?.categoryID
        case .person: categoryID = nil
        }
        // Only this subject's place: counted, not sorted (a khối has 5,000 units).
        return data.rank(of: subject, year: year, categoryID: categoryID).map { ($0.rank, $0.count) }
    }

    public func dataChanged(session: Session) { refresh(session.data) }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch table.handle(key) {
        case .activated: return edit(session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    private var selectedItem: CriteriaItem? { items.isEmpty ? nil : items[table.selectedIndex] }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .edit:
            return edit(session: session)
        case .evidence:
            guard let item = selectedItem else { return [.message(problem ?? "Chưa có tiêu chí.")] }
            return [.push(EvidenceListScreen(session: session, subject: subject, year: year, item: item))]
        case .done:
            guard let item = selectedItem else { return [.message(problem ?? "Chưa có tiêu chí.")] }
            let done = !(sheet?.items[item.code]?.done ?? false)
            return [.commit(.setItemDone(year: year, subject: subject, item: item.code, done: done))]
        case .next:
            return advance(session: session)
        case .back:
            return stepBack(session: session)
        case .prevYear, .nextYear:
            let next = year + (command == .prevYear ? -1 : 1)
            guard session.data.settings.phaseYears.contains(next) else {
                return [.message("Giai đoạn \(session.data.settings.phaseStartYear)–\(session.data.settings.phaseEndYear) không có năm \(next).")]
            }
            year = next
            table.selection.select(0)
            refresh(session.data)
            return []
        }
    }

    private func edit(session: Session) -> [Action] {
        guard let item = selectedItem else { return [.message(problem ?? "Chưa có tiêu chí.")] }
        if sheet?.state == .locked {
            return [.message("Phiếu đã khóa: bấm < để mở khóa (phải ghi lý do) rồi mới sửa được.")]
        }
        return [.push(ChecklistItemFormScreen(session: session, subject: subject, year: year, item: item,
                                              score: sheet?.items[item.code] ?? ItemScore()))]
    }

    private func advance(session: Session) -> [Action] {
        guard let sheet else { return [.message("Chưa có phiếu: chấm ít nhất một tiêu chí trước.")] }
        guard let next = SheetState.allCases.first(where: { $0 > sheet.state }) else {
            return [.message("Phiếu đã khóa; không còn trạng thái nào sau.")]
        }
        let missing = session.data.criteriaSet(for: sheet).map { sheet.unappraisedItems(in: $0) } ?? []
        if next >= .appraised, !missing.isEmpty {
            // The domain asks a reason for this; ask it here, with what is missing.
            let listed = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
            let subject = subject, year = year
            return [.push(PromptScreen(title: next == .locked ? "Khóa phiếu" : "Chuyển phiếu sang «\(next.label)»", question: [
                "Phiếu năm \(year) của \(session.data.name(of: subject)) còn \(missing.count) tiêu chí chưa có điểm thẩm định: \(listed).",
                "Muốn vẫn chuyển sang «\(next.label)», ghi lý do (lưu vào lịch sử thay đổi); Esc để quay lại chấm tiếp.",
            ], label: "Lý do", done: "Phiếu chuyển sang «\(next.label)». Đã lưu.") { reason in
                .setSheetState(year: year, subject: subject, state: next, reason: reason)
            })]
        }
        if next == .locked {
            return [.confirm(Dialog.confirm(title: "Khóa phiếu",
                message: "Khóa phiếu chấm năm \(year) của \(session.data.name(of: subject))? Mọi tiêu chí đã có điểm thẩm định.\nSau khi khóa, muốn sửa phải mở khóa và ghi lý do.")) {
                .lockAnswered(confirmed: $0 == Dialog.yes)
            }]
        }
        return [.commit(.setSheetState(year: year, subject: subject, state: next, reason: ""), reply: Message.moved)]
    }

    private func stepBack(session: Session) -> [Action] {
        guard let sheet else { return [.message("Chưa có phiếu.")] }
        guard let previous = SheetState.allCases.last(where: { $0 < sheet.state }) else {
            return [.message("Phiếu đang ở trạng thái nháp.")]
        }
        let verb = sheet.state == .locked ? "Mở khóa phiếu" : "Trả phiếu về «\(previous.label)»"
        let subject = subject, year = year
        let prompt = PromptScreen(title: verb, question: [
            "\(verb) năm \(year) của \(session.data.name(of: subject)).",
            "Lý do được ghi vào lịch sử thay đổi.",
        ], label: "Lý do", done: "Đã chuyển phiếu về «\(previous.label)». Đã lưu.") { reason in
            .setSheetState(year: year, subject: subject, state: previous, reason: reason)
        }
        return [.push(prompt)]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .lockAnswered(confirmed: false): return []
        case .lockAnswered(confirmed: true):
            return [.commit(.setSheetState(year: year, subject: subject, state: .locked, reason: ""), reply: Message.moved)]
        case .moved(let result): return moved(result)
        }
    }

    private func moved(_ result: CommitResult) -> [Action] {
        switch result {
        case .success(let applied):
            if case .setSheetState(_, _, let state, _) = applied.change { return [.message("Phiếu chuyển sang «\(state.label)». Đã lưu.")] }
            return [.message("Đã lưu.")]
        case .failure(let error):
            return [.message(error.message)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let data = session.data
        var place = ""
        if case .unit(let id) = subject, let unit = data.units[id] {
            place = " · " + (data.category(unit.categoryID)?.shortName ?? unit.categoryID)
        }
        let state = sheet?.state.label ?? "chưa có phiếu"
        buffer.put("\(data.name(of: subject)) (\(subject.idText))\(place)", at: Point(x: rect.x + 1, y: rect.y),
                   style: .bold, clipWidth: rect.width - 2)
        buffer.put("Năm \(year) ([ ] đổi năm) · bộ tiêu chí nhóm \(set?.groupID ?? "?") · trạng thái: \(state)",
                   at: Point(x: rect.x + 1, y: rect.y + 1), clipWidth: rect.width - 2)
        var y = rect.y + 2
        for line in summaryLines(width: rect.width) {
            buffer.put(line, at: Point(x: rect.x + 1, y: y), clipWidth: rect.width - 2)
            y += 1
        }
        if sheet?.state == .locked {
            buffer.put("ĐÃ KHÓA — muốn sửa: bấm < để mở khóa và ghi lý do.", at: Point(x: rect.x + 1, y: y),
                       style: .bold, clipWidth: rect.width - 2)
        }
        let body = tableRect(in: rect)
        if let problem, items.isEmpty {
            buffer.put(problem, at: Point(x: body.x + 2, y: body.y + 1), clipWidth: body.width - 4)
            return
        }
        table.render(into: &buffer, rect: body, focused: true)
    }

    public func layout(_ rect: Rect, session: Session) {
        table.setViewport(height: tableRect(in: rect).height)
    }

    /// The totals, class and rank under the heading, at most three rows.
    private func summaryLines(width: Int) -> [String] {
        Array(summary.flatMap { TextWrap.wrap($0, width: max(1, width - 2)) }.prefix(3))
    }

    /// Below the two heading rows, the summary and the locked notice, and a blank row.
    private func tableRect(in rect: Rect) -> Rect {
        let y = rect.y + 2 + summaryLines(width: rect.width).count + (sheet?.state == .locked ? 1 : 0)
        return Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1)
    }
}

extension Subject {
    /// "DV0001" or "CN00001".
    var idText: String {
        switch self {
        case .unit(let id): return id.rawValue
        case .person(let id): return id.rawValue
        }
    }
}
