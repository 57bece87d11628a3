import ThiDuaDomain

extension ScoreGridScreen {
    public static let commandContext: CommandContext = "scoreGrid"
    // Help lines must fit the 80-column help box (it does not wrap): the edit keys are
    // in the status-line hint while a cell is being edited.
    public static let commands: [Command] = [
        Command(id: "grid.edit", title: "Nhập/Lưu", fKey: 2, letterTwin: .ctrl("s"), context: commandContext,
                help: "sửa ô, hoặc gõ ngay số; đang nhập thì lưu"),
        Command(id: "grid.checklist", title: "Phiếu chấm", fKey: 4, letterTwin: .char("o"), context: commandContext,
                help: "minh chứng, ghi chú; hoặc Enter ở cột tên"),
        Command(id: "grid.clear", title: "Xóa điểm", fKey: 8, letterTwin: .char("d"), keys: [.delete, .backspace],
                context: commandContext, help: "không hỏi; cả Del, Backspace; u hoàn tác"),
        Command(id: "grid.field", title: "Tự chấm / Thẩm định", letterTwin: .char("v"), context: commandContext,
                help: "đổi cột điểm; * = chưa thẩm định"),
        Command(id: "grid.sort", title: "Sắp theo hạng / tên", letterTwin: .char("s"), context: commandContext,
                help: "tên theo thứ tự tiếng Việt"),
        Command(id: "grid.prevTab", title: "Khối trước", letterTwin: .char("["), context: commandContext),
        Command(id: "grid.nextTab", title: "Khối sau", letterTwin: .char("]"), context: commandContext,
                help: "khối cuối là «Cá nhân»"),
        Command(id: "grid.mark", title: "Đánh dấu", letterTwin: .char(" "), context: commandContext,
                help: "đánh dấu / bỏ dòng này"),
        Command(id: "grid.markAll", title: "Đánh dấu cả khối", letterTwin: .char("*"), context: commandContext,
                help: "mọi dòng của khối; lần nữa thì bỏ"),
        Command(id: "grid.advance", title: "Chuyển bước phiếu", letterTwin: .char(">"), context: commandContext,
                help: "các dòng đánh dấu, hoặc dòng này"),
        Command(id: "grid.lock", title: "Khóa phiếu", letterTwin: .char("K"), context: commandContext,
                help: "các dòng đánh dấu, hoặc dòng này"),
        Command(id: "grid.prevYear", title: "Năm trước", letterTwin: .char("y"), context: commandContext,
                help: "trong giai đoạn của phong trào"),
        Command(id: "grid.nextYear", title: "Năm sau", letterTwin: .char("Y"), context: commandContext,
                help: "trong giai đoạn của phong trào"),
    ]

    /// The single place the grid opens a subject's checklist, for the year on screen.
    func openChecklist(_ subject: Subject, session: Session) -> [ScreenAction] {
        [.push(ChecklistScreen(session: session, subject: subject, year: year))]
    }
}
