import ThiDuaDomain

extension ScoreGridScreen {
    // Help lines must fit the 80-column help box (it does not wrap): the edit keys are
    // in the status-line hint while a cell is being edited.
    public enum Commands: CommandSet {
        case edit, checklist, clear, field, sort, prevTab, nextTab, mark, markAll, advance, lock, prevYear, nextYear,
             left, right, up, down

        public static let context: CommandContext = "grid"

        public var declaration: CommandDeclaration {
            switch self {
            case .edit: CommandDeclaration("Nhập/Lưu", fKey: 2, twin: .ctrl("s"), help: "sửa ô, hoặc gõ ngay số; đang nhập thì lưu")
            case .checklist: CommandDeclaration("Phiếu chấm", fKey: 4, twin: .char("o"), help: "minh chứng, ghi chú; hoặc Enter ở cột tên")
            case .clear: CommandDeclaration("Xóa điểm", fKey: 8, twin: .char("d"), keys: [.delete, .backspace],
                                            help: "không hỏi; cả Del, Backspace; u hoàn tác")
            case .field: CommandDeclaration("Tự chấm / Thẩm định", twin: .char("v"), help: "đổi cột điểm; * = chưa thẩm định")
            case .sort: CommandDeclaration("Sắp theo hạng / tên", twin: .char("s"), help: "tên theo thứ tự tiếng Việt")
            case .prevTab: CommandDeclaration("Khối trước", twin: .char("["))
            case .nextTab: CommandDeclaration("Khối sau", twin: .char("]"), help: "khối cuối là «Cá nhân»")
            case .mark: CommandDeclaration("Đánh dấu", twin: .char(" "), help: "đánh dấu / bỏ dòng này")
            case .markAll: CommandDeclaration("Đánh dấu cả khối", twin: .char("*"), help: "mọi dòng của khối; lần nữa thì bỏ")
            case .advance: CommandDeclaration("Chuyển bước phiếu", twin: .char(">"), help: "các dòng đánh dấu, hoặc dòng này")
            case .lock: CommandDeclaration("Khóa phiếu", twin: .char("K"), help: "các dòng đánh dấu, hoặc dòng này")
            case .prevYear: CommandDeclaration("Năm trước", twin: .char("y"), help: "trong giai đoạn của phong trào")
            case .nextYear: CommandDeclaration("Năm sau", twin: .char("Y"), help: "trong giai đoạn của phong trào")
            case .left: CommandDeclaration("Ô bên trái", twin: .char("h"), help: "như ←")
            case .right: CommandDeclaration("Ô bên phải", twin: .char("l"), help: "như →")
            case .up: CommandDeclaration("Dòng trên", twin: .char("k"), help: "như ↑")
            case .down: CommandDeclaration("Dòng dưới", twin: .char("j"), help: "như ↓")
            }
        }
    }

    /// The single place the grid opens a subject's checklist, for the year on screen.
    func openChecklist(_ subject: Subject, session: Session) -> [Action] {
        [.push(ChecklistScreen(session: session, subject: subject, year: year))]
    }
}
