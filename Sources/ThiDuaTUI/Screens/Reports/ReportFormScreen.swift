import ThiDuaDomain

/// Records (or corrects) that a unit's yearly report was received: the day it arrived
/// and the document's number. Whether that is on time is shown as the date is typed.
public final class ReportFormScreen: CommandScreen, AnsweringScreen {
    public typealias Message = FormMessage
    /// The unit whose report was recorded.
    public typealias Answer = UnitID
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "reportForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi nhận báo cáo")
            }
        }
    }

    public var title: String { original == nil ? "Ghi nhận báo cáo" : "Sửa báo cáo" }
    public private(set) var form: Form
    let unit: OrgUnit
    let year: Int
    let original: ReportSubmission?
    private var pristine: [String] = []

    public init(session: Session, unit: OrgUnit, year: Int, editing report: ReportSubmission?) {
        self.unit = unit
        self.year = year
        original = report
        form = Form([
            FormItem(id: "date", label: "Ngày nhận", field: .date(DateField(date: report?.receivedDate ?? session.today))),
            FormItem(id: "number", label: "Số văn bản",
                     field: .text(TextField(report?.documentNumber ?? "", maxLength: 100, visibleWidth: 24, composesVietnamese: false))),
            FormItem(id: "note", label: "Ghi chú", field: .text(TextField(report?.note ?? "", maxLength: 2000, visibleWidth: 50))),
        ])
        pristine = form.items.map(\.field.text)
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { form.items.map(\.field.text) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        form.focusedItem?.id == "number" ? "Số, ký hiệu văn bản báo cáo, ví dụ 15/BC-UBND. F2 lưu."
                                         : "Ngày dạng ngày/tháng/năm · Tab ô sau · F2 hoặc ^S lưu · Esc đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    private func draft(date: CalendarDate) -> ReportSubmission {
        ReportSubmission(year: year, unitID: unit.id, receivedDate: date, documentNumber: form.text("number") ?? "",
                         note: form.text("note") ?? "")
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không ghi nhận báo cáo?") { save() }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save() -> [Action] {
        guard form.submit(), let date = form.date("date") else { return [] }
        let report = draft(date: date)
        if let original, report == original { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.recordReport(report: report), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            guard let report = session.data.reports[ReportKey(year: year, unitID: unit.id)] else { return [answer(unit.id)] }
            let row = ReportsScreen.Row(unit: unit, report: report, timeliness: session.data.settings.timeliness(of: report))
            let status = ReportsScreen.status(row, settings: session.data.settings).lowercased()
            return [answer(unit.id), .message("Đã ghi nhận: \(status) — «\(unit.name)», ngày \(report.receivedDate.display).")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let settings = session.data.settings
        let due = settings.unitReportDue(in: year)
        var head = DashboardLines(rect: Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: 2))
        head.add("Báo cáo năm \(year) · \(unit.name)", style: .bold, wrap: false)
        head.add("Hạn nộp: \(due.display) (\(settings.deadlineDayIsOnTime ? "nộp đúng ngày hạn vẫn là đúng hạn" : "phải nộp trước ngày hạn"))",
                 style: .dim, wrap: false)
        head.draw(into: &buffer)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        let formRect = Rect(x: rect.x, y: rect.y + 4, width: rect.width,
                            height: max(0, min(rect.height - 4, form.items.count + errors + 2)))
        form.render(into: &buffer, rect: formRect, focused: true)
        // What the typed date means, before saving.
        guard let date = form.date("date"), formRect.maxY + 1 < rect.maxY else { return }
        let preview = ReportSubmission(year: year, unitID: unit.id, receivedDate: date)
        let row = ReportsScreen.Row(unit: unit, report: preview, timeliness: settings.timeliness(of: preview))
        let late = row.timeliness == .late
        buffer.put("Theo ngày nhận này: \(ReportsScreen.status(row, settings: settings))",
                   at: Point(x: rect.x + 2, y: formRect.maxY + 1), style: late ? Style.bold.colored(.warning) : .plain,
                   clipWidth: rect.width - 4)
    }
}
