import ThiDuaDomain

/// The text of one certificate before it prints, field by field, as the record makes it or as
/// edited for it earlier: what is typed here is kept for this certificate and reused when it
/// is printed again; a field typed back to the record's text follows the record again. The
/// register's number is not edited. The signer's title lines are typed separated by « / ».
public final class CertificateTextScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "certificateText"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi chữ đã sửa của giấy này, dùng cho mọi lần in")
            }
        }
    }

    /// The fields the office may edit: all but the register's number.
    static let fields = CertificateField.allCases.filter { $0 != .number }
    static let lineBreak = " / "

    public var title: String { "Sửa chữ giấy khen" }
    private let certificate: CertificateText
    private var form: Form

    public init(session: Session, certificate: CertificateText) {
        self.certificate = certificate
        form = Form(Self.fields.map { field in
            FormItem(id: field.rawValue, label: field.label,
                     field: .text(TextField(Self.shown(certificate[field]), maxLength: 1000, visibleWidth: 50)))
        })
    }

    /// A text as one line of the form: its line breaks as « / ».
    static func shown(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: lineBreak) }

    public var isEditingText: Bool { true }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Sửa chữ của riêng giấy này · chức vụ người ký nhiều dòng: cách nhau « / » · F2 lưu · Esc đóng." }
    public var hasUnsavedInput: Bool { !typed.isEmpty }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    /// The fields typed differently from what the certificate says now.
    private var typed: [CertificateField: String] {
        var texts: [CertificateField: String] = [:]
        for field in Self.fields {
            var text = form.text(field.rawValue) ?? ""
            if field == .signerTitle { text = text.replacingOccurrences(of: Self.lineBreak, with: "\n") }
            if text != certificate[field] { texts[field] = text }
        }
        return texts
    }

    private func save(_ session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let texts = typed
        guard !texts.isEmpty else { return [.pop, .message("Không có gì thay đổi.")] }
        do {
            return [.commit(try CertificateRegister.editing(certificate.nominationID, texts: texts, in: session.data),
                            reply: FormMessage.saved)]
        } catch {
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu chữ đã sửa?") { save(session) }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(.success): return [.pop, .message("Đã lưu chữ của giấy khen \(certificate.label); in lại vẫn dùng chữ này.")]
        case .saved(.failure(let error)):
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put(certificate.label + (certificate[.number].isEmpty ? " · chưa in" : " · " + certificate[.number]),
                   at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        let rows = form.items.count + 2
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: min(rows, max(0, rect.height - 2))),
                    focused: true)
        // The focused text whole: the field shows only part of a long achievement.
        guard let text = form.focusedItem?.field.text, rect.height > rows + 3 else { return }
        for (index, line) in TextWrap.wrap(text, width: max(1, rect.width - 6)).enumerated() where rows + 3 + index < rect.height {
            buffer.put(line, at: Point(x: rect.x + 4, y: rect.y + 2 + rows + 1 + index), style: .dim, clipWidth: rect.width - 6)
        }
    }
}
