/// The commands that work on every screen. Screen commands live next to their screens.
public enum AppCommand: CommandSet {
    case help, palette, undo, redo, telex, quit

    public static let context = CommandContext.global

    public var declaration: CommandDeclaration {
        switch self {
        case .help: CommandDeclaration("Trợ giúp", fKey: 1, twin: .char("?"), help: "các phím của màn hình này")
        case .palette: CommandDeclaration("Bảng lệnh", twin: .char(":"), keys: [.ctrl("p")], help: "tìm và chạy một lệnh theo tên")
        case .undo: CommandDeclaration("Hoàn tác", twin: .char("u"), keys: [.ctrl("z")], help: "bỏ thay đổi dữ liệu vừa làm")
        case .redo: CommandDeclaration("Làm lại", twin: .ctrl("r"), keys: [.ctrl("y")], help: "làm lại thay đổi vừa hoàn tác")
        case .telex: CommandDeclaration("Bật/tắt gõ Telex", twin: .ctrl("t"), help: "gõ tiếng Việt kiểu Telex khi máy không có bộ gõ")
        case .quit: CommandDeclaration("Thoát", fKey: 10, twin: .char("q"), help: "q ở màn hình con thì quay lại; F10 thoát ở mọi nơi")
        }
    }
}

public enum AppCommands {
    public static var all: [Command] { AppCommand.commands }

    /// Keys that are not commands but mean the same on every screen: moving in a list, a
    /// table, a pager or a form, opening, backing out. A screen may use them without declaring
    /// them; every other key it uses is one of its commands (`KeymapTests` checks both).
    public static let movementKeys: [(keys: [Key], label: String, help: String)] = [
        ([.up, .down, .pageUp, .pageDown, .home, .end], "↑ ↓ PgUp PgDn Home End", "di chuyển"),
        ([.left, .right], "← →", "sang trái / phải (cột, chữ trong ô, lựa chọn)"),
        ([.enter], "Enter", "mở / chấp nhận"),
        ([.escape], "Esc", "quay lại, hủy (không bao giờ thoát chương trình)"),
        ([.tab, .backTab], "Tab / S-Tab", "sang ô sau / ô trước"),
    ]

    /// The help screen's lines for `movementKeys`, and the terminal's stand-in for F-keys.
    public static var movementHelp: [String] {
        movementKeys.map { $0.label.padding(toLength: 25, withPad: " ", startingAt: 0) + $0.help }
            + ["Esc rồi 1…0".padding(toLength: 25, withPad: " ", startingAt: 0) + "thay cho F1…F10 khi terminal nuốt phím F"]
    }

    /// Whether `key` is one of `movementKeys`.
    public static func isMovement(_ key: Key) -> Bool {
        movementKeys.contains { $0.keys.contains(key) }
    }
}
