import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender

/// The layout of a form's certificates on its blank, edited field by field: Tab picks a field,
/// the arrow keys move it 1 mm (H J K L: 5 mm), < > change its width, + − its size; b, i, c,
/// a and h switch bold, italic, capitals, alignment and hidden; Enter types its numbers. A
/// drawing of the blank at scale shows the boxes. Every change is saved at once as a change of
/// the award form, so u undoes it. p prints the calibration page; o sets the printers' offsets.
public final class CertificateLayoutScreen: CommandScreen {
    public enum Message {
        case calibrationPrinted(Result<PrintOutcome, DocumentOutputError>)
    }

    public enum Commands: CommandSet {
        case prevForm, nextForm, kind, left5, right5, up5, down5, narrower, wider, smaller, larger,
             bold, italic, upperCase, alignment, hidden, standard, numbers, calibration, offsets, numberPattern

        public static let context: CommandContext = "certificateLayout"

        public var declaration: CommandDeclaration {
            switch self {
            case .prevForm: CommandDeclaration("Hình thức trước", twin: .char("["))
            case .nextForm: CommandDeclaration("Hình thức sau", twin: .char("]"))
            case .kind: CommandDeclaration("Cá nhân / tập thể", twin: .char("t"), help: "mẫu của giấy cho cá nhân hoặc cho tập thể")
            case .left5: CommandDeclaration("Sang trái 5 mm", twin: .char("H"), help: "← là 1 mm")
            case .right5: CommandDeclaration("Sang phải 5 mm", twin: .char("L"), help: "→ là 1 mm")
            case .up5: CommandDeclaration("Lên 5 mm", twin: .char("K"), help: "↑ là 1 mm")
            case .down5: CommandDeclaration("Xuống 5 mm", twin: .char("J"), help: "↓ là 1 mm")
            case .narrower: CommandDeclaration("Hẹp lại 1 mm", twin: .char("<"))
            case .wider: CommandDeclaration("Rộng ra 1 mm", twin: .char(">"))
            case .smaller: CommandDeclaration("Chữ nhỏ đi", twin: .char("-"))
            case .larger: CommandDeclaration("Chữ to lên", twin: .char("+"))
            case .bold: CommandDeclaration("Đậm", twin: .char("b"))
            case .italic: CommandDeclaration("Nghiêng", twin: .char("i"))
            case .upperCase: CommandDeclaration("Chữ hoa", twin: .char("c"))
            case .alignment: CommandDeclaration("Căn trái / giữa / phải", twin: .char("a"))
            case .hidden: CommandDeclaration("Ẩn / hiện ô", twin: .char("h"))
            case .standard: CommandDeclaration("Về mẫu chuẩn", twin: .char("m"), help: "bỏ mọi chỉnh sửa của mẫu này")
            case .numbers: CommandDeclaration("Gõ số đo", twin: .char("n"), keys: [.enter],
                                              help: "vị trí, độ rộng, cỡ chữ, số dòng của ô đang chọn, tính bằng milimét")
            case .calibration: CommandDeclaration("In trang căn chỉnh", fKey: 5, twin: .char("p"),
                                                  help: "lưới milimét và các ô trên giấy trắng, để đặt lên phôi soi đèn")
            case .offsets: CommandDeclaration("Độ lệch máy in", twin: .char("o"), help: "mỗi máy in đẩy giấy lệch một ít: chỉnh một lần cho cả mẫu")
            case .numberPattern: CommandDeclaration("Mẫu số vào sổ", twin: .char("s"),
                                                    help: "cách đánh số giấy của hình thức này trong sổ cấp phát, như {số}/GK-{năm}")
            }
        }
    }

    public let title = "Mẫu giấy khen"
    private var formIndex = 0
    private var kind = SubjectKind.individual
    /// The selected field's index in the layout.
    private(set) var field = 0

    public init(session: Session, formID: String? = nil) {
        let forms = Self.forms(session.data)
        formIndex = formID.flatMap { id in forms.firstIndex { $0.id == id } } ?? 0
    }

    /// The forms whose certificates the office may print: most senior last, Giấy khen first.
    private static func forms(_ data: Dataset) -> [AwardForm] {
        data.catalog.forms.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
    }

    private func form(_ data: Dataset) -> AwardForm? {
        let forms = Self.forms(data)
        return forms.indices.contains(formIndex) ? forms[formIndex] : nil
    }

    func shownLayout(_ data: Dataset) -> CertificateLayout? {
        form(data)?.certificateLayout(for: kind)
    }

    public var hint: String? { "Tab chọn ô · ← → ↑ ↓ dời 1 mm (H J K L: 5 mm) · Enter gõ số · p in căn chỉnh · u hoàn tác" }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch key {
        case .tab: field += 1
        case .backTab: field -= 1
        case .left: return change(session) { $0.x -= 1 }
        case .right: return change(session) { $0.x += 1 }
        case .up: return change(session) { $0.y -= 1 }
        case .down: return change(session) { $0.y += 1 }
        default: return nil
        }
        let count = shownLayout(session.data)?.fields.count ?? 1
        field = (field + count) % max(1, count)
        return []
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        let data = session.data
        switch command {
        case .prevForm, .nextForm:
            let count = Self.forms(data).count
            formIndex = (formIndex + (command == .prevForm ? -1 : 1) + count) % max(1, count)
            return []
        case .kind:
            kind = kind == .individual ? .collective : .individual
            return []
        case .left5: return change(session) { $0.x -= 5 }
        case .right5: return change(session) { $0.x += 5 }
        case .up5: return change(session) { $0.y -= 5 }
        case .down5: return change(session) { $0.y += 5 }
        case .narrower: return change(session) { $0.width -= 1 }
        case .wider: return change(session) { $0.width += 1 }
        case .smaller: return change(session) { $0.fontSize = max(6, $0.fontSize - 1) }
        case .larger: return change(session) { $0.fontSize += 1 }
        case .bold: return change(session) { $0.bold.toggle() }
        case .italic: return change(session) { $0.italic.toggle() }
        case .upperCase: return change(session) { $0.upperCase.toggle() }
        case .hidden: return change(session) { $0.hidden.toggle() }
        case .alignment:
            return change(session) { box in
                let all = CertificateAlignment.allCases
                box.alignment = all[(all.firstIndex(of: box.alignment)! + 1) % all.count]
            }
        case .standard:
            guard var form = form(data) else { return [] }
            form.certificateLayouts?.removeAll { $0.subjectKind == kind }
            if form.certificateLayouts?.isEmpty == true { form.certificateLayouts = nil }
            return [.commit(.updateAwardForm(form: form))]
        case .numbers:
            guard let form = form(data), let layout = shownLayout(data), layout.fields.indices.contains(field) else { return [] }
            return [.push(CertificateFieldScreen(form: form, kind: kind, box: layout.fields[field]))]
        case .calibration:
            guard let form = form(data) else { return [] }
            let job = CertificatePrintJob.calibration(of: form, kind: kind, printerOffsets: data.settings.printerOffsets)
            return [.printCertificates(job) { .calibrationPrinted($0) }]
        case .offsets:
            return [.push(PrinterOffsetsScreen(session: session))]
        case .numberPattern:
            guard let form = form(data) else { return [] }
            let current = form.certificateNumberPattern ?? form.defaultCertificatePattern
            return [.push(PromptScreen(
                title: "Mẫu số vào sổ", question: [
                    "Số in trên giấy \(form.shortName) và ghi trong sổ cấp phát: «{số}» là số thứ tự trong năm (từ 1), «{năm}» là năm của quyết định.",
                    "Ví dụ «{số}/GK-{năm}» cho 12/GK-2025. Giấy đã in giữ số cũ.",
                ], label: "Mẫu", done: "Đã lưu mẫu số vào sổ của \(form.shortName).", initial: current) { typed in
                    var changed = form
                    let pattern = typed.trimmingCharacters(in: .whitespaces)
                    changed.certificateNumberPattern = pattern == form.defaultCertificatePattern ? nil : pattern
                    return .updateAwardForm(form: changed)
                })]
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .calibrationPrinted(.success(let outcome)):
            return [.message(outcome.message + " Đặt trang lên phôi, soi đèn: lệch cả trang thì chỉnh độ lệch máy in (o), lệch một ô thì dời ô đó.")]
        case .calibrationPrinted(.failure(let error)):
            return [.message(error.message)]
        }
    }

    /// The selected field changed by `edit`, saved as the form's layout (a box moved off the
    /// blank is refused by `AwardForm.placing`, with the blank's size).
    private func change(_ session: Session, _ edit: (inout CertificateFieldLayout) -> Void) -> [Action] {
        guard let form = form(session.data), var layout = shownLayout(session.data),
              layout.fields.indices.contains(field) else { return [] }
        edit(&layout.fields[field])
        do {
            return [.commit(.updateAwardForm(form: try form.placing(layout.fields[field], kind: kind)))]
        } catch {
            return [.message(error.message)]
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty, let form = form(session.data), let layout = shownLayout(session.data) else { return }
        let mm = CertificateLayout.millimetres
        let pattern = form.certificateNumberPattern ?? form.defaultCertificatePattern
        buffer.put("◀ \(form.shortName) ▶ · \(kind.label) · phôi \(mm(layout.pageWidth)) × \(mm(layout.pageHeight)) mm · số \(pattern)",
                   at: Point(x: rect.x + 1, y: rect.y), style: .bold, clipWidth: rect.width - 2)
        let calibration = CertificateCalibration(layout: layout)
        // The fields, one a row, the selected one marked; the drawing of the blank below.
        let listTop = rect.y + 2
        for (index, box) in layout.fields.enumerated() where listTop + index < rect.maxY {
            let selected = index == field
            let line = (selected ? "▶ " : "  ") + calibration.label(box) + (box.hidden ? " (ẩn)" : "")
            buffer.put(line, at: Point(x: rect.x + 1, y: listTop + index), style: selected ? .selected : .plain,
                       clipWidth: rect.width - 2)
        }
        let drawing = Rect(x: rect.x + 1, y: listTop + layout.fields.count + 1, width: rect.width - 2,
                           height: max(0, rect.maxY - listTop - layout.fields.count - 1))
        drawBlank(layout, into: &buffer, rect: drawing)
    }

    /// The blank at scale in `rect`: its frame, and each shown box as a row of ▒ (the selected
    /// one as █), so the office sees where the texts fall on the page.
    private func drawBlank(_ layout: CertificateLayout, into buffer: inout Buffer, rect: Rect) {
        guard rect.width >= 10, rect.height >= 4 else { return }
        // A terminal cell is about twice as high as wide: fit the page keeping that ratio.
        let scale = min(Double(rect.width - 2) / layout.pageWidth, Double(rect.height - 2) * 2 / layout.pageHeight)
        let width = Int(layout.pageWidth * scale) + 2, height = Int(layout.pageHeight * scale / 2) + 2
        let frame = Rect(x: rect.x, y: rect.y, width: width, height: height)
        Box.draw(into: &buffer, rect: frame, title: "phôi")
        // The selected box last, so a box sharing its row never hides it.
        let order = layout.fields.indices.filter { $0 != field } + (layout.fields.indices.contains(field) ? [field] : [])
        for index in order where !layout.fields[index].hidden {
            let box = layout.fields[index]
            let x = frame.x + 1 + Int(box.x * scale), y = frame.y + 1 + Int(box.y * scale / 2)
            let w = max(1, Int(box.width * scale))
            guard y < frame.maxY - 1 else { continue }
            let mark = index == field ? "█" : "▒"
            buffer.put(String(repeating: mark, count: w), at: Point(x: x, y: y), clipWidth: max(0, frame.maxX - 1 - x))
        }
    }
}
