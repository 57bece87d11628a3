import ThiDuaDomain

extension ScoreGridScreen {
    public static let commandContext: CommandContext = "scoreGrid"
    public static let commands: [Command] = [
        Command(id: "grid.edit", title: "Nhập/Lưu", fKey: 2, letterTwin: .ctrl("s"), context: commandContext,
                help: "sửa ô đang chọn (giữ điểm cũ để sửa; gõ ngay một chữ số thì thay điểm cũ); khi đang nhập: lưu và ở lại. "
                    + "Khi nhập: Enter lưu rồi xuống, Tab lưu rồi sang phải, S-Tab sang trái, Esc trả lại điểm cũ; "
                    + "để trống rồi Enter là xoá điểm. Di chuyển: mũi tên hoặc h j k l, Home/End cột đầu/cuối"),
        Command(id: "grid.checklist", title: "Phiếu chấm", fKey: 4, letterTwin: .char("o"), context: commandContext,
                help: "mở phiếu chấm chi tiết (minh chứng, ghi chú) của dòng đang chọn; Enter ở cột tên cũng vậy"),
        Command(id: "grid.clear", title: "Xoá điểm", fKey: 8, letterTwin: .char("x"), keys: [.delete, .backspace],
                context: commandContext,
                help: "xoá điểm ô đang chọn ngay, không hỏi (Del, Backspace cũng vậy); u để hoàn tác"),
        Command(id: "grid.field", title: "Tự chấm / Thẩm định", letterTwin: .char("v"), context: commandContext,
                help: "đổi cột điểm đang xem và nhập; khi thẩm định, ô có * là chưa thẩm định, tổng tạm dùng điểm tự chấm"),
        Command(id: "grid.sort", title: "Sắp theo hạng / tên", letterTwin: .char("s"), context: commandContext,
                help: "theo tên (thứ tự tiếng Việt) hoặc theo hạng trong khối"),
        Command(id: "grid.prevTab", title: "Khối trước", letterTwin: .char("["), context: commandContext),
        Command(id: "grid.nextTab", title: "Khối sau", letterTwin: .char("]"), context: commandContext,
                help: "khối cuối là «Cá nhân»"),
        Command(id: "grid.prevYear", title: "Năm trước", letterTwin: .char("y"), context: commandContext,
                help: "trong giai đoạn của phong trào"),
        Command(id: "grid.nextYear", title: "Năm sau", letterTwin: .char("Y"), context: commandContext,
                help: "trong giai đoạn của phong trào"),
    ]

    /// INTEGRATION POINT — the single place the grid opens a subject's checklist. When the
    /// module has a `ChecklistScreen`, push it here, e.g.
    /// `[.push(ChecklistScreen(session: session, year: year, subject: subject))]`.
    func openChecklist(_ subject: Subject, session: Session) -> [ScreenAction] {
        [.message("Phiếu chấm chi tiết của «\(session.data.name(of: subject))» chưa có trong bản này.")]
    }
}
