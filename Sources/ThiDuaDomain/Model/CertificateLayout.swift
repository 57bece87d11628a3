/// Where each piece of a certificate goes on a pre-printed blank (phôi): one layout per award
/// form and kind of subject (a Giấy khen for a person is laid out apart from one for a
/// collective). Kept in the settings, so every change is journaled and undone like any other.
///
/// Positions are millimetres from the top-left corner of the blank as it lies in the printer;
/// a field's box starts at `x`, its first line's top at `y`, and is `width` wide.
public struct CertificateLayout: Codable, Equatable, Sendable {
    public var formID: String
    public var subjectKind: SubjectKind
    /// The blank's size in millimetres; wider than high is landscape.
    public var pageWidth: Double
    public var pageHeight: Double
    /// In `CertificateField.allCases` order, one per field.
    public var fields: [CertificateFieldLayout]

    public init(formID: String, subjectKind: SubjectKind, pageWidth: Double, pageHeight: Double,
                fields: [CertificateFieldLayout]) {
        self.formID = formID
        self.subjectKind = subjectKind
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.fields = fields
    }

    public var isLandscape: Bool { pageWidth > pageHeight }

    /// What is wrong with the layout, in Vietnamese, each naming the field: a box that leaves
    /// the blank, or two shown boxes that overlap (their full height of lines). Empty when fine.
    public var problems: [String] {
        var found: [String] = []
        let shown = fields.filter { !$0.hidden }
        for box in shown {
            if box.x < 0 || box.y < 0 || box.x + box.width > pageWidth || box.y + box.height > pageHeight {
                found.append("Ô «\(box.field.label)» ra ngoài phôi \(Self.millimetres(pageWidth)) × \(Self.millimetres(pageHeight)) mm.")
            }
        }
        for (i, a) in shown.enumerated() {
            for b in shown[(i + 1)...] where a.overlaps(b) {
                found.append("Ô «\(a.field.label)» chồng lên ô «\(b.field.label)».")
            }
        }
        return found
    }

    /// «297», «420,5»: millimetres as the office writes them.
    public static func millimetres(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }

    /// The layout of `field` (a layout written by hand may leave one out: it is then hidden).
    public func layout(of field: CertificateField) -> CertificateFieldLayout? {
        fields.first { $0.field == field }
    }
}

/// The pieces of text a certificate carries.
public enum CertificateField: String, Codable, Sendable, CaseIterable {
    /// «Ông», «Bà»; nothing for a collective.
    case salutation
    /// The person's full name, or the collective's name.
    case name
    /// The person's position and unit; the collective's place (its khối).
    case positionAndUnit
    /// The achievement, wrapped in its box.
    case achievement
    /// «Phong Quang, ngày 15 tháng 12 năm 2025».
    case placeAndDate
    /// «CHỦ TỊCH», or «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH».
    case signerTitle
    case signerName
    /// «Quyết định số 215/QĐ-UBND ngày 15/12/2025».
    case decision
    /// «Số: 12/GK-2025», the number in the register.
    case number

    /// What the layout editor and the messages call it.
    public var label: String {
        switch self {
        case .salutation: return "Danh xưng"
        case .name: return "Họ tên / tên tập thể"
        case .positionAndUnit: return "Chức vụ, đơn vị"
        case .achievement: return "Thành tích"
        case .placeAndDate: return "Địa danh, ngày tháng"
        case .signerTitle: return "Chức vụ người ký"
        case .signerName: return "Họ tên người ký"
        case .decision: return "Số, ngày quyết định"
        case .number: return "Số vào sổ"
        }
    }
}

/// How a field's lines sit in its box.
public enum CertificateAlignment: String, Codable, Sendable, CaseIterable {
    case left, center, right
}

/// One field's box on the blank and how its text looks.
public struct CertificateFieldLayout: Codable, Equatable, Sendable {
    public var field: CertificateField
    /// Millimetres from the blank's left edge and top edge to the box's top-left corner.
    public var x: Double
    public var y: Double
    /// Millimetres; lines wrap inside it.
    public var width: Double
    public var alignment: CertificateAlignment
    /// Points.
    public var fontSize: Double
    public var bold: Bool
    public var italic: Bool
    public var upperCase: Bool
    public var hidden: Bool
    /// Lines the box holds; a longer text is refused with a message, never cut.
    public var maxLines: Int

    public init(field: CertificateField, x: Double, y: Double, width: Double, alignment: CertificateAlignment = .center,
                fontSize: Double = 14, bold: Bool = false, italic: Bool = false, upperCase: Bool = false,
                hidden: Bool = false, maxLines: Int = 1) {
        self.field = field
        self.x = x
        self.y = y
        self.width = width
        self.alignment = alignment
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.upperCase = upperCase
        self.hidden = hidden
        self.maxLines = maxLines
    }

    /// The line height in millimetres: 1.25 × the font size (a point is 25.4/72 mm).
    public var lineHeight: Double { fontSize * 1.25 * 25.4 / 72 }

    /// The box's height in millimetres: all its lines.
    public var height: Double { Double(maxLines) * lineHeight }

    /// Whether the two boxes share any area.
    func overlaps(_ other: CertificateFieldLayout) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }
}

extension CertificateLayout {
    /// The layouts a new folder starts with: a Giấy khen of the commune chairman on an A4
    /// landscape blank (297 × 210 mm) and a Bằng khen of the provincial chairman on an A3
    /// landscape blank (420 × 297 mm), each for a person and for a collective. The boxes sit in
    /// the blank's lower two thirds, under the printed emblem and «GIẤY KHEN», centred on the
    /// page, as the common commune blanks have them; the calibration page shows where they
    /// fall on the office's own blanks.
    public static let defaults: [CertificateLayout] = [
        standard(formID: "giay-khen-xa", .individual, width: 297, height: 210),
        standard(formID: "giay-khen-xa", .collective, width: 297, height: 210),
        standard(formID: "bang-khen-tinh", .individual, width: 420, height: 297),
        standard(formID: "bang-khen-tinh", .collective, width: 420, height: 297),
    ]

    /// The layout of a form that has none of the office's: its default when it has one, else
    /// the A3 landscape Bằng khen layout (higher awards arrive printed; an office that prints
    /// one starts from it).
    public static func standard(for form: AwardForm, kind: SubjectKind) -> CertificateLayout {
        if let layout = defaults.first(where: { $0.formID == form.id && $0.subjectKind == kind }) { return layout }
        return standard(formID: form.id, kind, width: 420, height: 297)
    }

    /// One layout scaled to the blank: the same proportions on A4 and A3.
    static func standard(formID: String, _ kind: SubjectKind, width: Double, height: Double) -> CertificateLayout {
        let k = width / 297   // 1 on A4 landscape, √2 on A3 landscape
        func box(_ field: CertificateField, x: Double, y: Double, width w: Double, _ alignment: CertificateAlignment = .center,
                 size: Double, bold: Bool = false, italic: Bool = false, upper: Bool = false, lines: Int = 1,
                 hidden: Bool = false) -> CertificateFieldLayout {
            CertificateFieldLayout(field: field, x: (x * k).rounded(), y: (y * k).rounded(), width: (w * k).rounded(),
                                   alignment: alignment, fontSize: (size * k).rounded(), bold: bold, italic: italic,
                                   upperCase: upper, hidden: hidden, maxLines: lines)
        }
        // A person: «Bà» over the name on one line, then the position and unit; a collective:
        // its name on up to two lines where the person's salutation and name would be.
        let person = kind == .individual
        return CertificateLayout(formID: formID, subjectKind: kind, pageWidth: width, pageHeight: height, fields: [
            box(.salutation, x: 48, y: 78, width: 201, size: 16, bold: true, hidden: !person),
            box(.name, x: 48, y: person ? 87 : 80, width: 201, size: 20, bold: true, upper: true, lines: person ? 1 : 2),
            box(.positionAndUnit, x: 48, y: 98, width: 201, size: 14, italic: true, lines: 2, hidden: !person),
            box(.achievement, x: 38, y: 112, width: 221, size: 14, lines: 4),
            box(.placeAndDate, x: 160, y: 145, width: 110, size: 13, italic: true),
            box(.signerTitle, x: 160, y: 152, width: 110, size: 13, bold: true, lines: 2),
            box(.signerName, x: 160, y: 187, width: 110, size: 14, bold: true),
            box(.decision, x: 20, y: 176, width: 120, .left, size: 11),
            box(.number, x: 20, y: 183, width: 120, .left, size: 11),
        ])
    }
}
