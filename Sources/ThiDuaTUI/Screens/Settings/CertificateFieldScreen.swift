import Foundation
import ThiDuaDomain

/// One box of a certificate layout in numbers, for the office that measured the blank with a
/// ruler: its left and top edge in millimetres from the blank's top-left corner, its width, the
/// font size and the lines it holds. Saved as one change of the award form, checked by the
/// same rule as a move with the arrow keys (`AwardForm.placing`).
public final class CertificateFieldScreen: ChangeFormScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "certificateField"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "ghi vị trí và cỡ của ô vào mẫu giấy khen")
            }
        }
    }

    public var title: String { "Ô «\(original.field.label)»" }
    private let formID: String
    private let formName: String
    private let kind: SubjectKind
    private let original: CertificateFieldLayout
    public var form: Form
    public let closeQuestion = "Đóng mà không lưu số đo của ô?"
    public var savedMessage: String { "Đã lưu ô «\(original.field.label)» của mẫu \(formName)." }

    public init(form awardForm: AwardForm, kind: SubjectKind, box: CertificateFieldLayout) {
        formID = awardForm.id
        formName = awardForm.shortName
        self.kind = kind
        original = box
        func millimetres(_ value: Double) -> FormField {
            .number(NumberField(CertificateLayout.millimetres(value), range: 0...2000, visibleWidth: 8))
        }
        var lines = NumberField(String(box.maxLines), range: 1...20, visibleWidth: 4)
        lines.wholeNumber = true
        form = Form([
            FormItem(id: "x", label: "Cách mép trái (mm)", field: millimetres(box.x)),
            FormItem(id: "y", label: "Cách mép trên (mm)", field: millimetres(box.y)),
            FormItem(id: "width", label: "Rộng (mm)", field: millimetres(box.width)),
            FormItem(id: "size", label: "Cỡ chữ (pt)", field: .number(NumberField(CertificateLayout.millimetres(box.fontSize),
                                                                                    range: 6...72, visibleWidth: 6))),
            FormItem(id: "lines", label: "Số dòng tối đa", field: .number(lines)),
        ])
    }

    public var hint: String? { "Số milimét, có thể lẻ: 12,5 · F2 lưu · Esc đóng." }
    public var hasUnsavedInput: Bool { draft != original }

    /// The box as typed (a number that does not read keeps its old value; `form.submit`
    /// names it before saving).
    private var draft: CertificateFieldLayout {
        func value(_ id: String, _ old: Double) -> Double { form.number(id).map { NSDecimalNumber(decimal: $0).doubleValue } ?? old }
        var box = original
        box.x = value("x", box.x)
        box.y = value("y", box.y)
        box.width = value("width", box.width)
        box.fontSize = value("size", box.fontSize)
        box.maxLines = form.integer("lines") ?? box.maxLines
        return box
    }

    /// The form with the box as typed, checked by `AwardForm.placing`.
    public func draftChange(session: Session) throws(DomainError) -> Change? {
        guard draft != original else { return nil }
        guard let awardForm = session.data.catalog.form(formID) else {
            throw DomainError(field: "Hình thức", "Không còn hình thức «\(formName)».")
        }
        return .updateAwardForm(form: try awardForm.placing(draft, kind: kind))
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        renderForm(into: &buffer, rect: rect, heading: "\(formName) · \(kind.label) · ô «\(original.field.label)»")
    }
}
