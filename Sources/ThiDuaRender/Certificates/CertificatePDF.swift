import Foundation
import ThiDuaDomain

/// Certificates as one PDF: a page per certificate, each page exactly the blank's size, each
/// field's text in the box its layout gives, so the sheet fed into the printer lands on the
/// blank's printed frame. Lines wrap inside the box; a text that needs more lines than the box
/// has is refused, naming the certificate, never cut or shrunk.
public struct CertificatePDF: Sendable {
    public var fonts: FontSet

    public init(fonts: FontSet) {
        self.fonts = fonts
    }

    /// Uses the fonts `locator` finds (the bundled Liberation Serif 2 by default).
    public init(locator: FontLocator = FontLocator()) throws {
        self.init(fonts: try locator.fonts())
    }

    /// The PDF of `certificates` on `layout`'s blank, every field moved by `offset` millimetres
    /// (right and down): the printer's own shift, measured with the calibration page.
    public func data(_ certificates: [CertificateText], layout: CertificateLayout, title: String,
                     offset: (x: Double, y: Double) = (0, 0)) throws -> Data {
        try data(certificates.map { ($0, layout) }, title: title, offset: offset)
    }

    /// The PDF of certificates each on its own layout's blank (a decision's collectives and
    /// people may have blanks of two sizes): each page is its blank's size.
    public func data(_ certificates: [(text: CertificateText, layout: CertificateLayout)], title: String,
                     offset: (x: Double, y: Double) = (0, 0)) throws -> Data {
        let pages = try certificates.map { text, layout in
            var page = try page(text, layout: layout, offset: offset)
            page.size = (Units.points(layout.pageWidth), Units.points(layout.pageHeight))
            return page
        }
        let first = certificates.first?.layout
        let size = first.map { (Units.points($0.pageWidth), Units.points($0.pageHeight)) } ?? (0, 0)
        return Data(PDFWriter(fonts: fonts).serialize(pages, size: size, title: title))
    }

    /// One certificate's page: every field that is shown and has text.
    func page(_ certificate: CertificateText, layout: CertificateLayout, offset: (x: Double, y: Double)) throws -> PDFPage {
        var page = PDFPage()
        for box in layout.fields where !box.hidden {
            let text = certificate[box.field]
            guard !text.isEmpty else { continue }
            page.marks += try marks(text, in: box, offset: offset, certificate: certificate)
        }
        return page
    }

    /// The field's lines placed in its box: the first line's top at the box's top (the font's
    /// ascent above the baseline), each next line one line height lower.
    func marks(_ text: String, in box: CertificateFieldLayout, offset: (x: Double, y: Double),
               certificate: CertificateText) throws -> [PDFMark] {
        let style: FontStyle = box.bold ? (box.italic ? .boldItalic : .bold) : (box.italic ? .italic : .regular)
        let shown = box.upperCase ? text.uppercased() : text
        let breaker = LineBreaker(fonts: fonts, size: box.fontSize)
        let width = Units.points(box.width)
        let alignment: Document.Alignment = switch box.alignment {
        case .left: .left
        case .center: .center
        case .right: .right
        }
        // A line break typed in the text («KT. CHỦ TỊCH» over «PHÓ CHỦ TỊCH») starts a line.
        let lines = try shown.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            try breaker.lines([Document.TextRun(String(paragraph), style: style)], width: width, alignment: alignment)
        }
        guard lines.count <= box.maxLines else {
            throw CertificateOverflow(certificate: certificate.label, field: box.field, lines: lines.count,
                                      maxLines: box.maxLines)
        }
        let font = fonts.font(style)
        let ascent = Double(font.ascent) * font.scale(box.fontSize)
        let left = Units.points(box.x + offset.x)
        let top = Units.points(box.y + offset.y)
        let lineHeight = Units.points(box.lineHeight)
        return lines.enumerated().flatMap { index, line in
            line.pieces.map { piece in
                PDFMark.text(style: piece.style, size: box.fontSize, x: left + piece.x,
                             baseline: top + ascent + Double(index) * lineHeight, glyphs: piece.glyphs)
            }
        }
    }
}

/// A certificate's text does not fit its box: the office shortens the text for that
/// certificate or widens the box (or lowers the size) in the layout.
public struct CertificateOverflow: Error, Equatable, Sendable, CustomStringConvertible {
    public var certificate: String
    public var field: CertificateField
    public var lines: Int
    public var maxLines: Int

    public var description: String {
        "Giấy chứng nhận của «\(certificate)»: ô «\(field.label)» cần \(lines) dòng, mẫu chỉ có \(maxLines) dòng. "
            + "Hãy rút gọn chữ của giấy này, hoặc sửa mẫu (bề rộng, cỡ chữ, số dòng)."
    }
}
