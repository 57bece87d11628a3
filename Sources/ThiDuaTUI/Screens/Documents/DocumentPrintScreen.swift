import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender

/// Prints the previewed document on A4: how many copies and whether on both sides. The app
/// sends a PDF to the system's default printer with `lp`; without a printer it saves the PDF
/// in the documents folder and says where.
public final class DocumentPrintScreen: CommandScreen {
    /// What printing did: sent to the printer, or kept as a PDF when there is none.
    public typealias Message = Result<PrintOutcome, DocumentOutputError>

    public enum Commands: CommandSet {
        case print
        public static let context: CommandContext = "documentPrint"
        public var declaration: CommandDeclaration {
            switch self {
            case .print: CommandDeclaration("In", fKey: 5, twin: .ctrl("k"), help: "gửi in (hoặc Enter ở ô cuối)")
            }
        }
    }

    public let title = "In văn bản"
    let request: DocumentRequest
    let document: Document
    public private(set) var form: Form

    public init(request: DocumentRequest, document: Document) {
        self.request = request
        self.document = document
        var copies = NumberField("1", range: 1...99)
        copies.wholeNumber = true
        form = Form([
            FormItem(id: "copies", label: "Số bản", field: .number(copies)),
            FormItem(id: "duplex", label: "In hai mặt", field: .choice(ChoiceField(["Không", "Có (lật theo cạnh dài)"]))),
        ])
    }

    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Tab ô sau · F5/^K hoặc Enter ở ô cuối: gửi in · Esc thôi." }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .print: print()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch form.handle(key) {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return print()
        case .cancelled: return [.pop, .message("Đã thôi, không in.")]
        }
    }

    private func print() -> [Action] {
        guard form.submit(), let copies = form.integer("copies") else { return [] }
        let job = DocumentPrintJob(document: document, title: document.title ?? request.kind.title,
                                   fileName: request.fileName(extension: DocumentFormat.pdf.fileExtension),
                                   copies: copies, duplex: form.choiceIndex("duplex") == 1)
        return [.printDocument(job) { $0 }]
    }

    public func update(_ outcome: Result<PrintOutcome, DocumentOutputError>, session: Session) -> [Action] {
        switch outcome {
        case .success(let printed):
            return [.pop, .message(printed.message)]
        case .failure(let error):
            form.message = error.message
            return [.message(error.message)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        buffer.put(document.title ?? request.kind.title, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold,
                   clipWidth: rect.width - 4)
        buffer.put("Khổ A4, máy in mặc định của hệ thống (lệnh lp).", at: Point(x: rect.x + 2, y: rect.y + 2),
                   style: .dim, clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4)),
                    focused: true)
    }
}
