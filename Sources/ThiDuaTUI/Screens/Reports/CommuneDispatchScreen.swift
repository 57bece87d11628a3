import ThiDuaDomain

/// Records that the commune's year report went to the province: its number, the day it was
/// sent and how. From then on the home screen says «Đã báo cáo tỉnh ngày …» instead of a
/// countdown to 30/11.
public final class CommuneDispatchScreen: CommandScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "communeDispatch"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi nhận đã gửi báo cáo năm của xã lên tỉnh")
            }
        }
    }
    /// How the office usually sends it, offered when nothing is recorded yet.
    static let usualChannel = "Hệ thống quản lý văn bản và điều hành"

    public var title: String { "Đã gửi báo cáo tỉnh" }
    public var changesData: Bool { true }
    public private(set) var form: Form
    let year: Int
    private let original: CommuneYearReport
    private var pristine: [String] = []

    public init(session: Session, year: Int) {
        self.year = year
        original = session.data.communeReports[year] ?? CommuneYearReport(year: year)
        let sent = original.sent
        form = Form([
            FormItem(id: "number", label: "Số văn bản",
                     field: .text(TextField(sent?.number ?? "", maxLength: 100, visibleWidth: 24, composesVietnamese: false))),
            FormItem(id: "date", label: "Ngày gửi", field: .date(DateField(date: sent?.date ?? session.today))),
            FormItem(id: "channel", label: "Cách gửi",
                     field: .text(TextField(sent?.channel ?? Self.usualChannel, maxLength: 200, visibleWidth: 50))),
        ])
        pristine = form.items.map(\.field.text)
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { form.items.map(\.field.text) != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        form.focusedItem?.id == "number" ? "Số, ký hiệu báo cáo đã gửi, ví dụ 45/BC-UBND. F2 lưu."
                                         : "Tab ô sau · F2 hoặc ^S lưu · Esc đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không ghi nhận?") { save() }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save() -> [Action] {
        guard form.submit(), let date = form.date("date") else { return [] }
        var report = original
        report.sent = ReportDispatch(number: form.text("number") ?? "", date: date, channel: form.text("channel") ?? "")
        if report == original { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(.putCommuneReport(report: report), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            if case .done(let line) = session.data.communeReportDeadline(year: year, today: session.today) {
                return [.pop, .message(line + ".")]
            }
            return [.pop, .message("Đã lưu.")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        var head = DashboardLines(rect: Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: 2))
        head.add("Báo cáo năm \(year) của xã gửi tỉnh", style: .bold, wrap: false)
        head.add("Hạn: \(session.data.settings.communeReportDue(in: year).display)", style: .dim, wrap: false)
        head.draw(into: &buffer)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 2) }
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 4, width: rect.width,
                                              height: max(0, min(rect.height - 4, form.items.count + errors + 2))),
                    focused: true)
    }
}
