import Foundation
import ThiDuaDomain

/// The calibration page of a certificate layout: printed on plain paper of the blank's size,
/// it shows a millimetre grid (a line every 10 mm, numbered, a shorter tick every millimetre
/// along the edges) and each field's box with its name and position. Laid over a blank against
/// the light, it shows how far the boxes fall from the blank's printed frame: the office moves
/// the fields, or sets the printer's offset, and prints it again.
public struct CertificateCalibration: Sendable {
    public var layout: CertificateLayout
    /// The printer's shift in millimetres (right, down) the page is printed with.
    public var offset: (x: Double, y: Double)

    public init(layout: CertificateLayout, offset: (x: Double, y: Double) = (0, 0)) {
        self.layout = layout
        self.offset = offset
    }

    /// The heading line, then one line per shown field, as printed on the page (and as the
    /// terminal shows the page before printing).
    public func lines(formName: String) -> [String] {
        let mm = CertificateLayout.millimetres
        var lines = ["TRANG CĂN CHỈNH — \(formName), \(layout.subjectKind.label.lowercased()) — phôi \(mm(layout.pageWidth)) × \(mm(layout.pageHeight)) mm"
                     + " — máy in lệch ngang \(mm(offset.x)) mm, dọc \(mm(offset.y)) mm"]
        for box in layout.fields where !box.hidden {
            lines.append(label(box))
        }
        return lines
    }

    /// «Họ tên / tên tập thể: x 48, y 87, rộng 201 mm, 1 dòng, cỡ 20, đậm, chữ hoa, giữa».
    public func label(_ box: CertificateFieldLayout) -> String {
        let mm = CertificateLayout.millimetres
        var traits = ["cỡ \(mm(box.fontSize))"]
        if box.bold { traits.append("đậm") }
        if box.italic { traits.append("nghiêng") }
        if box.upperCase { traits.append("chữ hoa") }
        traits.append(box.alignment == .left ? "trái" : box.alignment == .center ? "giữa" : "phải")
        return "\(box.field.label): x \(mm(box.x)), y \(mm(box.y)), rộng \(mm(box.width)) mm, \(box.maxLines) dòng, "
            + traits.joined(separator: ", ")
    }

    /// The page as PDF, the blank's size.
    public func pdf(fonts: FontSet, formName: String) throws -> Data {
        var page = PDFPage()
        let (width, height) = (layout.pageWidth, layout.pageHeight)
        let p = Units.points
        // The grid: a line every 10 mm across the page; a tick every millimetre along the edges.
        for x in stride(from: 10.0, to: width, by: 10) { page.marks.append(.hairline(x1: p(x), y1: 0, x2: p(x), y2: p(height))) }
        for y in stride(from: 10.0, to: height, by: 10) { page.marks.append(.hairline(x1: 0, y1: p(y), x2: p(width), y2: p(y))) }
        for x in stride(from: 1.0, to: width, by: 1) where x.truncatingRemainder(dividingBy: 10) != 0 {
            let tick = x.truncatingRemainder(dividingBy: 5) == 0 ? 4.0 : 2.0
            page.marks += [.hairline(x1: p(x), y1: 0, x2: p(x), y2: p(tick)), .hairline(x1: p(x), y1: p(height - tick), x2: p(x), y2: p(height))]
        }
        for y in stride(from: 1.0, to: height, by: 1) where y.truncatingRemainder(dividingBy: 10) != 0 {
            let tick = y.truncatingRemainder(dividingBy: 5) == 0 ? 4.0 : 2.0
            page.marks += [.hairline(x1: 0, y1: p(y), x2: p(tick), y2: p(y)), .hairline(x1: p(width - tick), y1: p(y), x2: p(width), y2: p(y))]
        }
        func put(_ text: String, x: Double, y: Double, size: Double = 6, style: FontStyle = .regular) throws {
            let shaped = try LineBreaker(fonts: fonts, size: size).shape(text, style: style)
            let ascent = Double(fonts.font(style).ascent) * fonts.font(style).scale(size)
            page.marks.append(.text(style: style, size: size, x: p(x), baseline: p(y) + ascent, glyphs: shaped.glyphs))
        }
        for x in stride(from: 10.0, to: width, by: 10) { try put(CertificateLayout.millimetres(x), x: x + 0.5, y: 5) }
        for y in stride(from: 10.0, to: height, by: 10) { try put(CertificateLayout.millimetres(y), x: 5, y: y + 0.5) }
        // The boxes where the fields print (moved by the printer's offset), named.
        let lines = lines(formName: formName)
        try put(lines[0], x: 12, y: 12, size: 9, style: .bold)
        for (box, text) in zip(layout.fields.filter { !$0.hidden }, lines.dropFirst()) {
            page.marks.append(.rect(x: p(box.x + offset.x), y: p(box.y + offset.y), width: p(box.width), height: p(box.height)))
            try put(text, x: box.x + offset.x + 1, y: box.y + offset.y + 0.5, size: 6, style: .italic)
        }
        let writer = PDFWriter(fonts: fonts)
        return Data(writer.serialize([page], size: (p(width), p(height)), title: lines[0]))
    }
}
