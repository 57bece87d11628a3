/// One change of the audit trail in full, opened with Enter on the history's list: when, who,
/// what, the records it touched and each field before and after. A screen of its own, so its
/// keys are its own: the list's F8 (undo) or `/` (filter) do nothing to the list behind it.
public final class ChangeDetailScreen: CommandScreen {
    public typealias Message = Never

    public enum Commands: CommandSet {
        case search, next, previous

        public static let context: CommandContext = "changeDetail"

        public var declaration: CommandDeclaration {
            switch self {
            case .search: CommandDeclaration("Tìm", fKey: 3, twin: .char("/"), help: "tìm chữ trong thay đổi (không cần dấu)")
            case .next: CommandDeclaration("Chỗ tìm thấy sau", twin: .char("n"))
            case .previous: CommandDeclaration("Chỗ tìm thấy trước", twin: .char("N"))
            }
        }
    }

    public let title = "Chi tiết thay đổi"
    private(set) var pager: Pager

    init(lines: [String]) {
        pager = Pager(lines: lines)
    }

    /// Typing a search after `/` goes to the prompt, not to the commands.
    public var isEditingText: Bool { pager.prompt != nil }
    public var mode: String? { pager.prompt != nil ? "TÌM" : nil }
    public var hint: String? { pager.message ?? "↑↓ PgUp PgDn cuộn · / tìm, n/N · Enter hoặc Esc về danh sách" }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if key == .enter, pager.prompt == nil { return [.pop] }
        return pager.screenActions(for: key)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .search: pager.beginSearch()
        case .next: pager.findNext()
        case .previous: pager.findPrevious()
        }
        return []
    }

    public func layout(_ rect: Rect, session: Session) {
        pager.fitScreen(rect)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        pager.renderScreen(into: &buffer, rect: rect)
    }
}
