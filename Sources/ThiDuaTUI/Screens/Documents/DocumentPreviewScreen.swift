import ThiDuaDomain
import ThiDuaRender

/// The document as text at the terminal's width (laid out again when the width changes),
/// scrollable and searchable without accents; F2 saves it as a file, F5 prints it.
public final class DocumentPreviewScreen: CommandScreen {
    public enum Commands: CommandSet {
        case save, search, next, previous, print

        public static let context: CommandContext = "documentPreview"

        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu tệp", fKey: 2, twin: .char("s"), keys: [.ctrl("s")],
                                           help: "lưu thành tệp PDF, DOCX, CSV, XLSX hoặc TXT")
            case .search: CommandDeclaration("Tìm", fKey: 3, twin: .char("/"), help: "tìm chữ trong văn bản (không cần dấu)")
            case .next: CommandDeclaration("Chỗ tìm thấy sau", twin: .char("n"))
            case .previous: CommandDeclaration("Chỗ tìm thấy trước", twin: .char("N"))
            case .print: CommandDeclaration("In", fKey: 5, twin: .char("p"),
                                            help: "in khổ A4 qua máy in của hệ thống (lp); không có máy in thì lưu PDF")
            }
        }
    }

    public let request: DocumentRequest
    public private(set) var document: Document?
    /// Why the document could not be made again after a data change.
    private(set) var problem: String?
    public private(set) var pager = Pager(lines: [])
    /// The width the pager's lines were laid out for; 0 = not yet.
    private var laidOutWidth = 0

    public init(request: DocumentRequest, document: Document) {
        self.request = request
        self.document = document
        // Laid out now for the smallest screen, so a search typed before the first draw
        // already has lines; the first draw lays out again if the screen is wider.
        layOut(width: Size.minimum.width - 1)
    }

    public var title: String { "Xem trước: " + (document?.title ?? request.kind.title) }
    /// Typing a search after `/` goes to the prompt, not to the commands.
    public var isEditingText: Bool { pager.prompt != nil }
    public var mode: String? { pager.prompt != nil ? "TÌM" : nil }
    public var hint: String? {
        problem ?? pager.message ?? "↑↓ PgUp PgDn cuộn · / tìm, n/N · F2 lưu tệp · F5 in · Esc về"
    }

    /// A later edit (an undo, another screen) changes what the document says: make it again.
    public func dataChanged(session: Session) {
        do {
            document = try DocumentBuilder.build(request, data: session.data)
            problem = nil
        } catch {
            document = nil
            problem = error.message
        }
        laidOutWidth = 0
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        pager.screenActions(for: key)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .search:
            pager.beginSearch()
            return []
        case .next:
            pager.findNext()
            return []
        case .previous:
            pager.findPrevious()
            return []
        case .save:
            guard let document else { return [.message(problem ?? "Chưa có văn bản để lưu.")] }
            return [.push(DocumentSaveScreen(session: session, request: request, document: document))]
        case .print:
            guard let document else { return [.message(problem ?? "Chưa có văn bản để in.")] }
            return [.push(DocumentPrintScreen(request: request, document: document))]
        }
    }

    /// The text writer's lines for this width; kept until the width or the data changes.
    private func layOut(width: Int) {
        guard width != laidOutWidth else { return }
        laidOutWidth = width
        if let document {
            pager.setLines(TextWriter(width: width).lines(document))
        } else {
            pager.setLines(["Không lập lại được văn bản: \(problem ?? "")"])
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        let body = rect.splitTop(1).1
        layOut(width: max(20, body.width - 1))
        pager.setViewportRows(body.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        // The title bar's trail is cut at 80 columns; this row always names the document.
        let (heading, body) = rect.splitTop(1)
        buffer.put(document?.title ?? request.kind.title, at: Point(x: heading.x + 1, y: heading.y), style: .bold,
                   clipWidth: heading.width - 2)
        pager.render(into: &buffer, rect: Rect(x: body.x + 1, y: body.y, width: body.width - 1, height: body.height),
                     focused: true)
    }
}
