import ThiDuaDomain

/// The dashboard the program opens on: the year at a glance and a menu to every area.
/// Areas whose screens are not built yet say so instead of opening a fake screen.
public final class HomeScreen: CommandScreen {
    public typealias Message = Never
    enum Area: Int, CaseIterable {
        case units = 1, people, criteria, scoring, reports, nominations, documents, history, settings

        var title: String {
            switch self {
            case .units: return "Đơn vị (tập thể)"
            case .people: return "Cá nhân"
            case .criteria: return "Bộ tiêu chí"
            case .scoring: return "Chấm điểm"
            case .reports: return "Báo cáo năm"
            case .nominations: return "Khen thưởng"
            case .documents: return "Văn bản, in ấn"
            case .history: return "Lịch sử thay đổi"
            case .settings: return "Cài đặt"
            }
        }

        var isBuilt: Bool {
            switch self {
            case .units, .people, .criteria, .scoring, .reports, .nominations, .documents, .history, .settings: return true
            }
        }
    }

    /// One command per area, under its number: «home.area1» … «home.area9».
    public enum Commands: CommandSet {
        case area1, area2, area3, area4, area5, area6, area7, area8, area9

        public static let context: CommandContext = "home"

        var area: Area {
            switch self {
            case .area1: .units
            case .area2: .people
            case .area3: .criteria
            case .area4: .scoring
            case .area5: .reports
            case .area6: .nominations
            case .area7: .documents
            case .area8: .history
            case .area9: .settings
            }
        }

        public var declaration: CommandDeclaration {
            let area = self.area
            return CommandDeclaration(area.title, twin: .char(Character(String(area.rawValue))),
                                      help: area.isBuilt ? "mở màn hình \(area.title)" : "chưa có trong bản này")
        }
    }

    /// Also what others see of a session that has just started (`SessionRegistry.join`).
    public static let screenTitle = "Trang chính"
    public let title = HomeScreen.screenTitle
    private var menu = ListView(Area.allCases.map(HomeScreen.menuLine))
    /// The year's figures, counted once per data change rather than on every key (a
    /// province has 90,000 score sheets to count).
    private var summary: HomeSummary?

    public init() {}

    private static func menuLine(_ area: Area) -> String {
        "\(area.rawValue)  \(area.title)" + (area.isBuilt ? "" : " (chưa có)")
    }

    public func dataChanged(session: Session) { summary = nil }

    public var hint: String? { "Chọn số 1–9 hoặc ↑↓ rồi Enter. ? trợ giúp, : bảng lệnh." }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        open(command.area, session: session)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch menu.handle(key) {
        case .activated(let index): return open(Area.allCases[index], session: session)
        case .moved: return []
        case .ignored: return nil
        }
    }

    private func open(_ area: Area, session: Session) -> [Action] {
        menu.selection.select(area.rawValue - 1)
        switch area {
        case .units: return [.push(UnitListScreen(session: session))]
        case .people: return [.push(PersonListScreen(session: session))]
        case .criteria: return [.push(CriteriaSetScreen(session: session))]
        case .reports: return [.push(ReportsScreen(session: session))]
        case .history: return [.push(HistoryScreen())]
        case .settings: return [.push(SettingsScreen(session: session))]
        case .scoring: return [.push(ScoreGridScreen(session: session))]
        case .nominations: return [.push(NominationsScreen(session: session))]
        case .documents: return [.push(DocumentsScreen(session: session))]
        }
    }

    /// The year's figures are counted here, once after each data change, not on every draw.
    public func layout(_ rect: Rect, session: Session) {
        if summary == nil { summary = HomeSummary(data: session.data, year: session.year, today: session.today) }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let data = session.data
        let year = session.year
        let summary = self.summary ?? HomeSummary(data: data, year: year, today: session.today)
        let full = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        var head = DashboardLines(rect: full)
        // One row each: the band below starts at a fixed row so the dashboard fits 80×24.
        head.add("Phong trào: \(data.settings.movementName)".truncated(toWidth: full.width), style: .bold, wrap: false)
        let sample = data.units.values.contains(where: \.isSample) ? " · DỮ LIỆU MẪU (tên bịa) để thử" : ""
        head.add(("Giai đoạn \(data.settings.phaseStartYear)–\(data.settings.phaseEndYear) · \(data.settings.officeName)"
                  + sample).truncated(toWidth: full.width), wrap: false)
        // Row 3 is free for who else has the folder open, and on which screen.
        if let together = session.presence?.workingTogether {
            head.add(together.truncated(toWidth: full.width), style: .dim, wrap: false)
        }
        head.draw(into: &buffer)

        // Middle band: registrations on the left, the menu on the right.
        let bandTop = rect.y + 3
        let menuWidth = max(32, rect.width * 2 / 5)
        let left = Rect(x: rect.x + 1, y: bandTop, width: rect.width - menuWidth - 3, height: 10)
        var counts = DashboardLines(rect: left)
        counts.add("Đăng ký thi đua", style: .bold)
        let widest = max(1, summary.categories.map(\.units).max() ?? 1)
        let barRoom = max(0, left.width - 24)
        for category in summary.categories {
            let bar = String(repeating: "■", count: category.units * barRoom / widest)
            counts.add("  " + category.name.padded(toWidth: 16)
                       + String(category.units).padded(toWidth: 4, alignment: .right) + " " + bar, wrap: false)
        }
        counts.add("  " + "Cá nhân".padded(toWidth: 16) + String(summary.activePeople).padded(toWidth: 4, alignment: .right),
                   wrap: false)
        counts.draw(into: &buffer)
        let menuX = rect.maxX - menuWidth
        buffer.put("Chọn màn hình", at: Point(x: menuX, y: bandTop), style: .bold, clipWidth: menuWidth)
        menu.render(into: &buffer, rect: Rect(x: menuX, y: bandTop + 1, width: menuWidth,
                                              height: min(Area.allCases.count, max(0, rect.maxY - bandTop - 1))),
                    focused: true)

        // Bottom band: the year's progress and deadlines, full width.
        var progress = DashboardLines(rect: Rect(x: full.x, y: bandTop + 11, width: full.width,
                                                 height: max(0, rect.maxY - bandTop - 11)))
        let states = SheetState.allCases.map { "\($0.label.lowercased()) \(summary.sheetsByState[$0] ?? 0)" }
        progress.add("Chấm điểm năm \(year): \(summary.sheetCount) phiếu (\(states.joined(separator: ", ")))"
                     + "; chưa có phiếu: \(summary.subjectsWithoutSheet)")
        progress.add("Báo cáo năm \(year): đã nhận \(summary.reportsReceived)/\(summary.activeUnits), muộn \(summary.reportsLate)"
                     + ", còn thiếu \(summary.reportsMissing)")
        deadline(&progress, "Hạn đơn vị nộp báo cáo", data.settings.unitReportDue(in: year), summary.unitDeadline)
        deadline(&progress, "Hạn xã báo cáo tỉnh", data.settings.communeReportDue(in: year), summary.communeDeadline)
        // Only the forms and statuses that occur, so the line fits 80 columns.
        let total = summary.nominationsByForm.map(\.count).reduce(0, +)
        if total == 0 {
            progress.add("Đề nghị khen thưởng năm \(year): chưa có")
        } else {
            let forms = summary.nominationsByForm.map { "\($0.form) \($0.count)" }.joined(separator: ", ")
            let statuses = NominationStatus.allCases.compactMap { status in
                summary.nominationsByStatus[status].map { "\(status.label.lowercased()) \($0)" }
            }.joined(separator: ", ")
            progress.add("Đề nghị khen thưởng: \(total) — \(forms) · \(statuses)")
        }
        progress.draw(into: &buffer)
    }

    /// A deadline still open counts down (urgent in its last week); one that is met says so.
    private func deadline(_ lines: inout DashboardLines, _ label: String, _ due: CalendarDate, _ progress: DeadlineProgress) {
        let days: Int
        switch progress {
        case .done(let text):
            lines.add(text)
            return
        case .open(let left):
            days = left
        }
        let urgent = HomeSummary.isUrgent(days)
        let style = urgent ? Style.bold.colored(.error) : .plain
        lines.add("\(label) \(due.display): \(HomeSummary.countdown(days))" + (urgent ? " (!)" : ""), style: style)
    }
}

/// Writes dashboard lines top-down inside a rect, dropping what does not fit.
struct DashboardLines {
    let rect: Rect
    private(set) var y: Int
    private(set) var entries: [(text: String, style: Style, y: Int)] = []

    init(rect: Rect) {
        self.rect = rect
        self.y = rect.y
    }

    /// Adds `text`, wrapped at word boundaries with continuation lines indented; with
    /// `wrap: false` one row as is (aligned columns keep their spaces).
    mutating func add(_ text: String, style: Style = .plain, wrap: Bool = true) {
        let lines = wrap ? TextWrap.wrap(text, width: max(1, rect.width)) : [text]
        for (i, line) in lines.enumerated() {
            guard y < rect.maxY else { return }
            entries.append((i == 0 ? line : "  " + line, style, y))
            y += 1
        }
    }

    mutating func gap() { if y < rect.maxY { y += 1 } }

    func draw(into buffer: inout Buffer) {
        for entry in entries {
            buffer.put(entry.text, at: Point(x: rect.x, y: entry.y), style: entry.style, clipWidth: rect.width)
        }
    }
}
