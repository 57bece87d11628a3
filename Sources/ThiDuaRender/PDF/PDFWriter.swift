import Foundation

/// Writes a Document as PDF 1.7 with embedded TrueType subsets, by hand (no PDF library):
/// lay out, then serialize pages, fonts and the cross-reference table.
public struct PDFWriter: Sendable {
    public var fonts: FontSet
    /// Written as /CreationDate when given; nil leaves the date out so the bytes depend only on input.
    public var creationDate: Date?
    /// Deflate streams (content, fonts, CMaps). Off only to read the raw file while debugging.
    public var compress: Bool

    public init(fonts: FontSet, creationDate: Date? = nil, compress: Bool = true) {
        self.fonts = fonts
        self.creationDate = creationDate
        self.compress = compress
    }

    /// Uses the fonts `locator` finds (the bundled Liberation Serif 2 by default; loaded once per process).
    public init(locator: FontLocator = FontLocator(), creationDate: Date? = nil) throws {
        self.init(fonts: try locator.fonts(), creationDate: creationDate)
    }

    public func data(for document: Document) throws -> Data {
        try dataAndPageCount(for: document).data
    }

    /// The bytes and the number of pages, so a caller can say «đã lưu (3 trang)» without
    /// laying the document out twice.
    public func dataAndPageCount(for document: Document) throws -> (data: Data, pageCount: Int) {
        let pages = try PDFLayout.layout(document, fonts: fonts)
        return (Data(serialize(pages, document: document)), pages.count)
    }

    public func write(_ document: Document, to url: URL) throws {
        let bytes = try data(for: document)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw RenderError.writeFailed(detail: "\(url.path): \(error.localizedDescription)")
        }
    }

    /// Resource names by style; only the styles a document uses are embedded.
    static func resourceName(_ style: FontStyle) -> String {
        switch style {
        case .regular: return "F1"
        case .bold: return "F2"
        case .italic: return "F3"
        case .boldItalic: return "F4"
        }
    }

    private func serialize(_ pages: [PDFPage], document: Document) -> [UInt8] {
        serialize(pages, size: Units.pageSize(document.page), title: document.title)
    }

    /// The file of `pages`, every one `size` points (width, height), with `title` in its info.
    func serialize(_ pages: [PDFPage], size: (width: Double, height: Double), title: String?) -> [UInt8] {
        var glyphsByStyle: [FontStyle: Set<UInt16>] = [:]
        for page in pages {
            for case let .text(style, _, _, _, glyphs) in page.marks {
                glyphsByStyle[style, default: []].formUnion(glyphs)
            }
        }
        let styles = FontStyle.allCases.filter { glyphsByStyle[$0] != nil }

        // Object numbers: 1 catalog, 2 page tree, 3 info, 4 shared resources, then five per
        // font, then two per page (page, content).
        var file = PDFFileBuilder(compress: compress)
        let firstFont = 5
        let firstPage = firstFont + PDFFontEmbedding.objectCount * styles.count
        let (width, height) = size

        file.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        file.add(2, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        var info = "/Producer (thidua)"
        if let title { info += " /Title \(PDFSyntax.textString(title))" }
        if let creationDate { info += " /CreationDate (\(PDFSyntax.date(creationDate)))" }
        file.add(3, "<< \(info) >>")
        let fontEntries = styles.enumerated().map { index, style in
            "/\(Self.resourceName(style)) \(firstFont + PDFFontEmbedding.objectCount * index) 0 R"
        }.joined(separator: " ")
        file.add(4, "<< /Font << \(fontEntries) >> >>")

        for (index, style) in styles.enumerated() {
            let embedding = PDFFontEmbedding(font: fonts.font(style), glyphs: glyphsByStyle[style]!.sorted())
            embedding.write(into: &file, first: firstFont + PDFFontEmbedding.objectCount * index)
        }
        for (index, page) in pages.enumerated() {
            let number = firstPage + 2 * index
            let (pageWidth, pageHeight) = page.size ?? (width, height)
            let mediaBox = "[0 0 \(PDFSyntax.number(pageWidth)) \(PDFSyntax.number(pageHeight))]"
            file.add(number, "<< /Type /Page /Parent 2 0 R /MediaBox \(mediaBox) /Resources 4 0 R "
                + "/Contents \(number + 1) 0 R >>")
            file.addStream(number + 1, Array(content(page, pageHeight: pageHeight).utf8))
        }
        return file.finish(root: 1, info: 3)
    }

    /// The page's content stream: all rules in one path, then all text in one BT…ET with absolute
    /// text matrices (y flipped to PDF's bottom-up space).
    private func content(_ page: PDFPage, pageHeight: Double) -> String {
        func n(_ value: Double) -> String { PDFSyntax.number(value) }
        var graphics = ""
        var hairlines = ""
        var text = ""
        var current: (FontStyle, Double)?
        for mark in page.marks {
            switch mark {
            case let .rect(x, y, width, height):
                graphics += "\(n(x)) \(n(pageHeight - y - height)) \(n(width)) \(n(height)) re\n"
            case let .hairline(x1, y1, x2, y2):
                hairlines += "\(n(x1)) \(n(pageHeight - y1)) m \(n(x2)) \(n(pageHeight - y2)) l\n"
            case let .line(x1, y1, x2, y2):
                graphics += "\(n(x1)) \(n(pageHeight - y1)) m \(n(x2)) \(n(pageHeight - y2)) l\n"
            case let .text(style, size, x, baseline, glyphs):
                if current == nil || current! != (style, size) {
                    text += "/\(Self.resourceName(style)) \(n(size)) Tf\n"
                    current = (style, size)
                }
                text += "1 0 0 1 \(n(x)) \(n(pageHeight - baseline)) Tm \(PDFSyntax.hexGlyphs(glyphs)) Tj\n"
            }
        }
        var stream = ""
        if !hairlines.isEmpty { stream += "0.2 w 0.6 G\n" + hairlines + "S\n" }
        if !graphics.isEmpty { stream += "0.5 w 0 G\n" + graphics + "S\n" }
        if !text.isEmpty { stream += "0 g\nBT\n" + text + "ET\n" }
        return stream
    }
}
