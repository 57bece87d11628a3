import ThiDuaDomain
import ThiDuaRender

/// Home area 7: the documents the office prints, each with what it needs on the line below
/// its title. Enter asks for that (period, form, unit …), then shows the preview to save or
/// print.
public final class DocumentsScreen: CommandScreen {
    public enum Commands: CommandSet {
        case open
        /// 1…9 open the document of that number, as the home menu's digits open its areas.
        case number1, number2, number3, number4, number5, number6, number7, number8, number9

        public static let context: CommandContext = "documents"

        /// The number of the document a number command opens, from 1; nil for `open`.
        var number: Int? {
            switch self {
            case .open: nil
            case .number1: 1
            case .number2: 2
            case .number3: 3
            case .number4: 4
            case .number5: 5
            case .number6: 6
            case .number7: 7
            case .number8: 8
            case .number9: 9
            }
        }

        public var declaration: CommandDeclaration {
            guard let number else {
                return CommandDeclaration("Chọn", fKey: 5, twin: .char("c"),
                                          help: "chọn văn bản đang đánh dấu để điền tham số rồi xem, lưu, in (hoặc Enter)")
            }
            return CommandDeclaration(DocumentKind.allCases[number - 1].title, twin: .char(Character(String(number))),
                                      help: "mở văn bản số \(number)")
        }
    }

    /// The commands of every screen of this area, for the app's registry.
    public static var allScreenCommands: [Command] {
        commands + DocumentParamsScreen.commands + DocumentPreviewScreen.commands + DocumentSaveScreen.commands
            + DocumentPrintScreen.commands + SubjectPickerScreen.commands
    }

    public let title = "Văn bản, in ấn"
    let kinds = DocumentKind.allCases
    private(set) var selection = ListSelection(count: DocumentKind.allCases.count)

    public init(session: Session) {}

    public var hint: String? { "1–9 hoặc ↑↓ Enter: điền tham số, xem, lưu, in · Esc quay lại." }
    var selectedKind: DocumentKind { kinds[selection.selected] }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        if key == .enter { return open(session: session) }
        return selection.handle(key) ? [] : nil
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .open:
            break
        case .number1, .number2, .number3, .number4, .number5, .number6, .number7, .number8, .number9:
            if let number = command.number { selection.select(number - 1) }
        }
        return open(session: session)
    }

    private func open(session: Session) -> [Action] {
        [.push(DocumentParamsScreen(session: session, kind: selectedKind))]
    }

    /// How many documents fit below the introduction, two rows each.
    private static func perPage(_ rect: Rect) -> Int { max(1, rect.splitTop(2).1.height / 2) }

    public func layout(_ rect: Rect, session: Session) {
        selection.pageRows = Self.perPage(rect)
    }

    /// Two rows per document: the number and title, then what it needs (and, when wide, the
    /// command that prints the same from a script).
    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let (intro, body) = rect.splitTop(2)
        buffer.put("Văn bản lập từ dữ liệu đã ghi: xem trước, rồi lưu PDF, DOCX, CSV, XLSX, TXT hoặc in khổ A4.",
                   at: Point(x: intro.x + 1, y: intro.y), style: .dim, clipWidth: intro.width - 2)
        let perPage = Self.perPage(rect)
        let top = selection.visibleOffset(rows: perPage)
        let wide = body.width >= 110
        for slot in 0..<perPage {
            let i = top + slot
            guard i < kinds.count else { break }
            let kind = kinds[i]
            let first = body.row(2 * slot), second = body.row(2 * slot + 1)
            let isSelected = i == selection.selected
            let style: Style = isSelected ? .selected : .plain
            if isSelected {
                buffer.fill(first, style: style)
                buffer.fill(second, style: style)
            }
            buffer.put(isSelected ? "▶" : " ", at: first.origin, style: style, clipWidth: 1)
            buffer.put("\(i + 1). \(kind.title)", at: Point(x: first.x + 2, y: first.y),
                       style: isSelected ? style : .bold, clipWidth: first.width - 3)
            let command = wide ? "thidua print \(kind.rawValue)" : ""
            let room = second.width - 6 - (command.isEmpty ? 0 : command.displayWidth + 2)
            buffer.put(kind.needs, at: Point(x: second.x + 5, y: second.y), style: isSelected ? style : .plain,
                       clipWidth: room)
            if !command.isEmpty {
                buffer.put(command, at: Point(x: second.maxX - command.displayWidth - 1, y: second.y),
                           style: isSelected ? style : .dim, clipWidth: command.displayWidth)
            }
        }
    }
}
