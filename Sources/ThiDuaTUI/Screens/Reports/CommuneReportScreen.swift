import ThiDuaDomain

/// The office's own sections of the commune's year report to the province (results,
/// shortcomings, next year's tasks, recommendations), one text area each; the counts and
/// tables of the report are the program's. Tab moves between the sections; F2 saves all four
/// as one undoable change.
public final class CommuneReportScreen: CommandScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "communeReport"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi các phần của báo cáo năm của xã")
            }
        }
    }

    public var title: String { "Báo cáo năm \(year) của xã" }
    public var changesData: Bool { true }
    let year: Int
    private let original: CommuneYearReport
    private(set) var areas: [TextArea]
    private(set) var focus = 0
    private var error: String?

    public init(session: Session, year: Int) {
        self.year = year
        original = session.data.communeReports[year] ?? CommuneYearReport(year: year)
        areas = CommuneYearReport.Section.allCases.map { [original] in TextArea(original[$0], maxLength: 20_000) }
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { draft() != original }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Enter xuống dòng · Tab phần sau · F2 hoặc ^S lưu · Esc đóng." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        for index in areas.indices { areas[index].inputTransform = transform }
    }

    /// The typed sections over what is stored (the record of sending it stays as it is).
    private func draft() -> CommuneYearReport {
        var report = original
        for (section, area) in zip(CommuneYearReport.Section.allCases, areas) { report[section] = area.value }
        return report
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch key {
        case .tab, .backTab:
            focus = (focus + (key == .tab ? 1 : areas.count - 1)) % areas.count
            return []
        case .escape:
            return FormKeys.outcome(of: .cancelled, unsaved: hasUnsavedInput, question: "Đóng mà không lưu báo cáo?") { [] }
        default:
            switch areas[focus].handle(key) {
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

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save() -> [Action] {
        let report = draft()
        guard report != original else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.putCommuneReport(report: report), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success: return [.pop, .message("Đã lưu báo cáo năm \(year) của xã.")]
        case .failure(let failure):
            error = failure.message
            return []
        }
    }

    /// Each section's heading row and text area, as many as fit, sharing the height.
    private func sections(_ rect: Rect) -> [(heading: Point, area: Rect)] {
        let bottom = rect.maxY - (error == nil ? 0 : 1)
        let each = max(2, (bottom - rect.y - 1) / areas.count)
        return areas.indices.compactMap { index in
            let top = rect.y + 1 + index * each
            guard top + 1 < bottom else { return nil }
            return (Point(x: rect.x, y: top),
                    Rect(x: rect.x + 4, y: top + 1, width: rect.width - 6, height: min(each - 1, bottom - top - 1)))
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        guard rect.height > 4 else { return }
        for (index, section) in sections(rect).enumerated() { areas[index].layout(section.area) }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard rect.height > 4 else { return }
        buffer.put("Các phần do Phòng viết; số liệu và bảng do chương trình lập (in: thidua print bao-cao-nam)",
                   at: Point(x: rect.x + 2, y: rect.y), style: .dim, clipWidth: rect.width - 4)
        let cursorBefore = buffer.cursor
        var focusedCursor = buffer.cursor
        for (index, (heading, area)) in sections(rect).enumerated() {
            let focused = index == focus
            let section = CommuneYearReport.Section.allCases[index]
            buffer.put((focused ? "▶ " : "  ") + section.heading, at: heading, style: .bold, clipWidth: rect.width)
            areas[index].render(into: &buffer, rect: area, focused: focused)
            if focused { focusedCursor = buffer.cursor }
            buffer.cursor = cursorBefore
        }
        buffer.cursor = focusedCursor
        if let error {
            buffer.put("! " + error, at: Point(x: rect.x + 2, y: rect.maxY - 1), style: .bold, clipWidth: rect.width - 4)
        }
    }
}
