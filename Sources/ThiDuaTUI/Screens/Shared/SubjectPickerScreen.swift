import ThiDuaDomain

/// Chooses one unit or person by typing part of the name or code (accents optional) and
/// answers it to the screen that opened it (which fills a field, opens a form …).
public final class SubjectPickerScreen: CommandScreen, AnsweringScreen {
    public typealias Answer = Subject

    public enum Commands: CommandSet {
        case choose
        public static let context: CommandContext = "subjectPicker"
        public var declaration: CommandDeclaration {
            switch self {
            case .choose: CommandDeclaration("Chọn", fKey: 2, twin: .ctrl("s"), help: "chọn đơn vị hoặc cá nhân đang đánh dấu (hoặc Enter)")
            }
        }
    }

    public let title: String
    private let heading: String
    private var list: SubjectList

    /// Archived units and people are offered too when `includeArchived` (their history
    /// still prints), marked as such.
    public init(session: Session, title: String = "Chọn đơn vị, cá nhân", heading: String,
                includeArchived: Bool = true) {
        self.title = title
        self.heading = heading
        list = SubjectList(session: session, includeArchived: includeArchived, columns: [
            TableColumn("Mã", minWidth: 7),
            TableColumn("Tên tập thể, cá nhân", minWidth: 20, flex: 3),
            TableColumn("Khối, đơn vị", minWidth: 12, flex: 2),
        ])
    }

    var visible: [SubjectList.Candidate] { list.visible }
    public var isEditingText: Bool { true }
    public var mode: String? { "TÌM" }
    public var hint: String? {
        list.isWaiting ? SubjectList.waitingNotice : list.visibleCount == 0 ? "Không có tên nào khớp; sửa chữ đang tìm (không cần dấu)."
                             : "Gõ tên hoặc mã (không cần dấu) · ↑ ↓ chọn · Enter chọn · Esc thôi."
    }

    public func dataChanged(session: Session) { list.refresh(session) }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        list.setInputTransform(transform)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch list.handle(key) {
        case .chosen(let candidate): return [answer(candidate.subject)]
        case .nothingToChoose: return [.message("Chưa có tên nào được chọn; gõ tên để tìm.")]
        case .closed: return [.pop]
        case .handled: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .choose:
            guard let candidate = list.selected else { return [.message("Chưa có tên nào được chọn; gõ tên để tìm.")] }
            return [answer(candidate.subject)]
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        list.layout(rect)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let data = session.data
        list.render(into: &buffer, rect: rect, heading: heading) { c in
            [c.subject.code, (c.archived ? "[lưu trữ] " : "") + c.name, SubjectList.place(of: c.subject, data: data)]
        }
    }
}
