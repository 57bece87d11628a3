import ThiDuaDomain

/// The first screen: the commune, the movement, what is registered and the days left
/// to this year's deadlines. The areas behind the menu are listed honestly as not built
/// yet until their screens exist.
public final class HomeApp: TerminalApp {
    public enum Effect: Equatable {
        case quit
    }

    public private(set) var data: Dataset
    public let today: CalendarDate
    /// Set when another program holds the folder: who, in Vietnamese.
    public let readOnlyBanner: String?
    public private(set) var wantsQuit = false
    private var message = ""

    public init(data: Dataset, today: CalendarDate, readOnlyBanner: String?) {
        self.data = data
        self.today = today
        self.readOnlyBanner = readOnlyBanner
    }

    public func update(_ key: Key) -> [Effect] {
        switch key {
        case .function(10), .char("q"), .char("Q"):
            wantsQuit = true
            return [.quit]
        case .resize:
            return []
        case .char, .enter, .function:
            message = "Các màn hình đơn vị, chấm điểm, khen thưởng, in ấn đang được xây dựng; hiện dùng lệnh «thidua --help»."
            return []
        default:
            return []
        }
    }

    public func perform(_ effect: Effect) {}

    public func render(size: Size) -> Buffer {
        guard size.fits(.minimum) else { return TooSmallScreen.render(size: size) }
        var buffer = Buffer(size: size)
        let year = today.year
        let settings = data.settings
        buffer.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: .reverse)
        buffer.put(" thidua — Thi đua, khen thưởng xã \(settings.communeName), tỉnh \(settings.provinceName) — năm \(year)",
                   at: Point(x: 0, y: 0), style: .selected, clipWidth: size.width)
        var row = 2
        func line(_ text: String, style: Style = .plain) {
            guard row < size.height - 2 else { return }
            buffer.put(text, at: Point(x: 2, y: row), style: style, clipWidth: size.width - 4)
            row += 1
        }
        if let readOnlyBanner {
            line("CHỈ ĐỌC — \(readOnlyBanner)", style: .selected)
            row += 1
        }
        line("Phong trào: \(settings.movementName)", style: .bold)
        line("Giai đoạn \(settings.phaseStartYear) - \(settings.phaseEndYear) · \(settings.officeName)")
        row += 1
        line("Đơn vị theo khối:", style: .bold)
        for category in data.categories.sorted(by: { $0.order < $1.order }) {
            let count = data.units.values.filter { $0.categoryID == category.id && !$0.archived }.count
            line("  \(category.shortName.padding(toLength: 18, withPad: " ", startingAt: 0)) \(count)")
        }
        line("  Cá nhân            \(data.people.values.filter { !$0.archived }.count)")
        row += 1
        let unitDue = settings.unitReportDue(in: year)
        let communeDue = settings.communeReportDue(in: year)
        line("Hạn đơn vị báo cáo \(unitDue.display): \(HomeApp.countdown(from: today, to: unitDue))")
        line("Hạn xã báo cáo tỉnh \(communeDue.display): \(HomeApp.countdown(from: today, to: communeDue))")
        let received = data.reports.keys.filter { $0.year == year }.count
        line("Báo cáo năm \(year) đã nhận: \(received)/\(data.units.values.filter { !$0.archived }.count)")
        if data.units.values.contains(where: \.isSample) {
            row += 1
            line("Đây là DỮ LIỆU MẪU (tên bịa) để thử chương trình.", style: .bold)
        }
        if !message.isEmpty {
            buffer.put(message, at: Point(x: 0, y: size.height - 2), clipWidth: size.width)
        }
        buffer.fill(Rect(x: 0, y: size.height - 1, width: size.width, height: 1), style: .reverse)
        buffer.put(" F10/q Thoát", at: Point(x: 0, y: size.height - 1), style: .reverse, clipWidth: size.width)
        return buffer
    }

    static func countdown(from today: CalendarDate, to due: CalendarDate) -> String {
        let days = today.days(until: due)
        if days > 0 { return "còn \(days) ngày" }
        if days == 0 { return "hôm nay là hạn cuối" }
        return "đã quá hạn \(-days) ngày"
    }
}
