import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender

/// Saves the previewed document: a format and a path, by default in the folder of the last save
/// of this session, else the data folder's documents folder, with an ASCII name. The app writes the file; an existing file is replaced
/// only after a «Có».
public final class DocumentSaveScreen: CommandScreen {
    public enum Message {
        case saved(Result<SavedDocument, DocumentOutputError>)
        /// The answer to «ghi đè» for this job (already marked to overwrite).
        case overwriteAnswered(DocumentSaveJob, confirmed: Bool)
    }

    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "documentSave"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi tệp (hoặc Enter ở ô cuối)")
            }
        }
    }
    static let formats = DocumentFormat.allCases

    public let title = "Lưu văn bản thành tệp"
    let request: DocumentRequest
    let document: Document
    public private(set) var form: Form
    private var formatIndex = 0

    public init(session: Session, request: DocumentRequest, document: Document) {
        self.request = request
        self.document = document
        let format = DocumentSaveScreen.formats[0]
        let path = (session.saveFolder as NSString).appendingPathComponent(request.fileName(extension: format.fileExtension))
        form = Form([
            FormItem(id: "format", label: "Định dạng",
                     field: .choice(ChoiceField(DocumentSaveScreen.formats.map(DocumentSaveScreen.describe)))),
            FormItem(id: "path", label: "Lưu vào tệp", field: .text(TextField(path, maxLength: 4096, visibleWidth: 200, composesVietnamese: false))),
        ])
    }

    static func describe(_ format: DocumentFormat) -> String {
        switch format {
        case .pdf: return "PDF (để in, gửi đi)"
        case .docx: return "DOCX (sửa bằng Word, LibreOffice)"
        case .csv: return "CSV (bảng, mở bằng Excel)"
        case .xlsx: return "XLSX (bảng tính Excel: số, ngày đúng kiểu)"
        case .txt: return "TXT (chữ thường)"
        }
    }

    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "←/→ định dạng · Tab đường dẫn · F2/^S lưu · Esc thôi." }
    var format: DocumentFormat { DocumentSaveScreen.formats[form.choiceIndex("format") ?? 0] }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(overwrite: false)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        let event = form.handle(key)
        followFormat()
        switch event {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return save(overwrite: false)
        case .cancelled: return [.pop, .message("Đã thôi, không lưu tệp nào.")]
        }
    }

    /// A path still ending in the old format's extension follows the new format; a path the
    /// user typed with another ending is theirs.
    private func followFormat() {
        let index = form.choiceIndex("format") ?? 0
        guard index != formatIndex else { return }
        let old = "." + DocumentSaveScreen.formats[formatIndex].fileExtension
        formatIndex = index
        let path = form.text("path") ?? ""
        guard path.hasSuffix(old) else { return }
        let renamed = String(path.dropLast(old.count)) + "." + format.fileExtension
        form.setField(.text(TextField(renamed, maxLength: 4096, visibleWidth: 200, composesVietnamese: false)), for: "path")
    }

    private func save(overwrite: Bool) -> [Action] {
        let path = (form.text("path") ?? "").trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            form.setError("Chưa nhập đường dẫn tệp.", for: "path")
            return []
        }
        let job = DocumentSaveJob(document: document, format: format, path: path, overwrite: overwrite)
        return [.saveDocument(job, reply: Message.saved)]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .saved(.success(let saved)):
            return [.pop, .message(saved.message)]
        case .saved(.failure(.fileExists(let path))):
            let job = DocumentSaveJob(document: document, format: format, path: path, overwrite: true)
            return [.confirm(Dialog.confirm(title: "Ghi đè", message: "Tệp «\(path)» đã có.\nGhi đè lên tệp đó?")) {
                .overwriteAnswered(job, confirmed: $0 == Dialog.yes)
            }]
        case .saved(.failure(let error)):
            form.message = error.message
            return [.message(error.message)]
        case .overwriteAnswered(_, confirmed: false):
            return [.message("Chưa lưu: tệp cũ giữ nguyên. Sửa đường dẫn để lưu tên khác.")]
        case .overwriteAnswered(let job, confirmed: true):
            return [.saveDocument(job, reply: Message.saved)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        buffer.put(document.title ?? request.kind.title, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold,
                   clipWidth: rect.width - 4)
        buffer.put("Thư mục văn bản: \(session.documentsFolder)", at: Point(x: rect.x + 2, y: rect.y + 2), style: .dim,
                   clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4)),
                    focused: true)
    }
}

