import ThiDuaTUI

/// A small app that exercises the terminal loop end to end, apart from the domain screens: a
/// text field, a list of names, the help pager, the status line and the F-key bar. The
/// front end's own tests drive it under tmux, so a failure there is the terminal's, not a
/// screen's.
public final class DemoApp: TerminalApp {
    public typealias Effect = Never

    public static let title = "thidua — thử giao diện"
    static let context: CommandContext = "demo"

    public enum Focus: Sendable { case field, list }

    public private(set) var field = TextField("", maxLength: 60, visibleWidth: 40)
    public private(set) var list = ListView([
        "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thị Dung", "Hoàng Văn Đức",
        "Vũ Thị Hạnh", "Đặng Quốc Huy", "Bùi Thị Lan", "Đỗ Minh Khoa", "Hồ Thị Mai",
    ])
    public private(set) var focus: Focus = .field
    public private(set) var status = StatusLine(message: "Gõ tên rồi Enter; Tab sang danh sách.")
    public private(set) var help: Pager?
    public private(set) var wantsQuit = false
    public private(set) var lastSize = Size.minimum

    let registry = CommandRegistry([
        Command(id: "help", title: "Trợ giúp", fKey: 1, letterTwin: .char("?"),
                help: "Xem các phím dùng được ở màn hình này"),
        Command(id: "quit", title: "Thoát", fKey: 10, letterTwin: .char("q"),
                help: "Thoát chương trình (q chỉ dùng được khi không ở ô nhập)"),
        Command(id: "switch", title: "Chuyển ô", keys: [.tab, .backTab],
                help: "Chuyển giữa ô nhập và danh sách"),
    ])

    public init() {
        field.beginEditing()
    }

    public func update(_ key: Key) -> [Never] {
        if case .resize(let s) = key {
            lastSize = s
            status.message = "Đã đổi cỡ cửa sổ: \(s)"
            return []
        }
        status.indicators = ["Phím: \(key.label)"]
        if var pager = help {
            pager.setViewportRows(lastSize.height - 3)
            help = pager.handle(key) == .closed ? nil : pager
            return []
        }
        // Printable keys belong to the field while it has focus, so "q" and
        // "?" can be typed into a name.
        if focus == .field, key.isPrintable || key == .backspace || key == .delete {
            _ = field.handle(key)
            return []
        }
        if let command = registry.resolve(key, in: DemoApp.context) {
            run(command)
            return []
        }
        switch focus {
        case .field:
            switch field.handle(key) {
            case .committed: status.message = "Đã nhập: \(field.value)"
            case .cancelled: status.message = "Đã khôi phục giá trị cũ."
            default: break
            }
        case .list:
            if case .activated = list.handle(key), let name = list.selectedItem {
                status.message = "Đã chọn: \(name)"
            }
        }
        return []
    }

    private func run(_ command: Command) {
        switch command.id {
        case "quit": wantsQuit = true
        case "help":
            var pager = Pager(lines: ["Các phím dùng được:", ""] + registry.helpLines(in: DemoApp.context))
            pager.setViewportRows(lastSize.height - 3)
            help = pager
        case "switch":
            focus = focus == .field ? .list : .field
            if focus == .field { field.beginEditing() }
        default: break
        }
    }

    public func render(size: Size) -> Buffer {
        if TooSmallScreen.applies(to: size) { return TooSmallScreen.render(size: size) }
        var buffer = Buffer(size: size)
        let screen = buffer.bounds
        let titleRow = screen.row(0)
        buffer.fill(titleRow, style: .selected)
        buffer.put(" " + DemoApp.title, at: titleRow.origin, style: .selected, clipWidth: titleRow.width)
        let sizeText = "\(size) "
        buffer.put(sizeText, at: Point(x: titleRow.maxX - sizeText.displayWidth, y: 0), style: .selected)

        let (rest, bars) = screen.splitBottom(2)
        if let pager = help {
            pager.render(into: &buffer, rect: Rect(x: 0, y: 1, width: size.width, height: rest.height - 1),
                         focused: true)
        } else {
            buffer.put("Họ và tên:", at: Point(x: 2, y: 2), style: focus == .field ? .bold : .plain)
            field.render(into: &buffer, rect: Rect(x: 14, y: 2, width: 40, height: 1), focused: focus == .field)
            buffer.put("Danh sách:", at: Point(x: 2, y: 4), style: focus == .list ? .bold : .plain)
            list.render(into: &buffer, rect: Rect(x: 2, y: 5, width: size.width - 4, height: rest.maxY - 5),
                        focused: focus == .list)
        }
        var line = status
        line.mode = help != nil ? "TRỢ GIÚP" : (focus == .field ? "NHẬP" : "DANH SÁCH")
        line.render(into: &buffer, rect: bars.row(0))
        FKeyBar(registry.fKeyBar(in: DemoApp.context)).render(into: &buffer, rect: bars.row(1))
        return buffer
    }
}
