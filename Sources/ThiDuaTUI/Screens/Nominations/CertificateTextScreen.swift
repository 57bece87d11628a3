import ThiDuaDomain

/// The text of one certificate before it prints, field by field, as the record makes it or as
/// edited for it earlier: what is typed here is kept for this certificate and reused when it
/// is printed again; a field typed back to the record's text follows the record again. The
/// register's number is not edited. The signer's title lines are typed separated by « / ».
public final class CertificateTextScreen: ChangeFormScreen {
    public typealias Message = FormMessage
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
    public var form: Form
    public let closeQuestion = "Đóng mà không lưu chữ đã sửa?"
    public var savedMessage: String { "Đã lưu chữ của giấy khen \(certificate.label); in lại vẫn dùng chữ này." }

    public init(session: Session, certificate: CertificateText) {
        self.certificate = certificate
        form = Form(Self.fields.map { field in
            FormItem(id: field.rawValue, label: field.label,
                     field: .text(TextField(Self.shown(certificate[field]), maxLength: 1000, visibleWidth: 50)))
        })
    }

    /// A text as one line of the form: its line breaks as « / ».
    static func shown(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: lineBreak) }

    public var hint: String? { "Sửa chữ của riêng giấy này · chức vụ người ký nhiều dòng: cách nhau « / » · F2 lưu · Esc đóng." }
    public var hasUnsavedInput: Bool { !typed.isEmpty }

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

    public func draftChange(session: Session) throws(DomainError) -> Change? {
        let texts = typed
        return texts.isEmpty ? nil : try CertificateRegister.editing(certificate.nominationID, texts: texts, in: session.data)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put(certificate.label + (certificate[.number].isEmpty ? " · chưa in" : " · " + certificate[.number]),
                   at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        // The focused text whole: the field shows only part of a long achievement.
        form.renderWithFocusedText(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 2)),
                                   textStyle: .dim)
    }
}
