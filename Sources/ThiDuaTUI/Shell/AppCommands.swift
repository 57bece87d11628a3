/// The commands that work on every screen. Screen commands live next to their screens.
public enum AppCommands {
    public static let help = Command(id: "app.help", title: "Trợ giúp", fKey: 1, letterTwin: .char("?"),
                                     help: "các phím của màn hình này")
    public static let palette = Command(id: "app.palette", title: "Bảng lệnh", letterTwin: .char(":"),
                                        keys: [.ctrl("p")], help: "tìm và chạy một lệnh theo tên")
    public static let undo = Command(id: "app.undo", title: "Hoàn tác", letterTwin: .char("u"), keys: [.ctrl("z")],
                                     help: "bỏ thay đổi dữ liệu vừa làm")
    public static let redo = Command(id: "app.redo", title: "Làm lại", letterTwin: .ctrl("r"), keys: [.ctrl("y")],
                                     help: "làm lại thay đổi vừa hoàn tác")
    public static let telex = Command(id: "app.telex", title: "Bật/tắt gõ Telex", letterTwin: .ctrl("t"),
                                      help: "gõ tiếng Việt kiểu Telex khi máy không có bộ gõ")
    public static let quit = Command(id: "app.quit", title: "Thoát", fKey: 10, letterTwin: .char("q"),
                                     help: "q ở màn hình con thì quay lại; F10 thoát ở mọi nơi")

    public static let all = [help, palette, undo, redo, telex, quit]

    /// Keys that are not commands but hold everywhere, for the help screen.
    public static let movementHelp = [
        "↑ ↓ PgUp PgDn Home End  di chuyển",
        "Enter                    mở / chấp nhận",
        "Esc                      quay lại, hủy (không bao giờ thoát chương trình)",
        "Tab / S-Tab              sang ô sau / ô trước",
        "Esc rồi 1…0              thay cho F1…F10 khi terminal nuốt phím F",
    ]
}
