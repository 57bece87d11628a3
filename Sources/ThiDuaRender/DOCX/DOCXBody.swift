/// Builds word/document.xml. Child elements follow the schema order (rPr: b, i, sz, szCs;
/// pPr: keepNext, pBdr, spacing, ind, jc; tblPr: tblW, jc, tblBorders, tblLayout, tblCellMar;
/// sectPr: headerReference, pgSz, pgMar, titlePg): Word rejects files LibreOffice accepts.
struct DOCXBody {
    let document: Document
    /// Widths of text for the rules and the table columns.
    let metrics: DOCXMetrics

    var setup: Document.PageSetup { document.page }
    var pageSize: (width: Int, height: Int) { setup.orientation == .portrait ? (11906, 16838) : (16838, 11906) }
    var textWidth: Int {
        pageSize.width - Twips.from(millimetres: setup.margins.left) - Twips.from(millimetres: setup.margins.right)
    }

    func xml() -> String {
        var body = ""
        // What must share a page with what follows it becomes w:keepNext (KeepTogether).
        let tails = KeepTogether.tails(document.blocks)
        for (index, block) in document.blocks.enumerated() {
            let keeps = tails[index] > 0
            switch block {
            case .header(let header): body += headerTable(header)
            case .title(let title): body += titleParagraphs(title)
            case .paragraph(let paragraph):
                body += self.paragraph(paragraph.runs, alignment: paragraph.alignment,
                                       indent: Twips.from(millimetres: paragraph.firstLineIndent), after: 120,
                                       keepNext: keeps)
            case .table(let table):
                body += DOCXTable(table: table, width: textWidth, bodySize: setup.fontSize, metrics: metrics,
                                  tailRows: tails[index]).xml()
            case .signature(let signature): body += signatureTable(signature)
            case .spacer(let lines):
                body += String(repeating: Self.gap(keepNext: keeps), count: max(0, Int(lines.rounded(.up))))
            case .pageBreak:
                body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }
        return DOCXParts.declaration
            + "<w:document xmlns:w=\"\(DOCXParts.wordNamespace)\" xmlns:r=\"\(DOCXParts.relationshipNamespace)\">"
            + "<w:body>\(body)\(sectionProperties())</w:body></w:document>"
    }

    private func sectionProperties() -> String {
        let margins = setup.margins
        let orient = setup.orientation == .landscape ? " w:orient=\"landscape\"" : ""
        return "<w:sectPr>"
            + "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
            + "<w:headerReference w:type=\"first\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"\(pageSize.width)\" w:h=\"\(pageSize.height)\"\(orient)/>"
            + "<w:pgMar w:top=\"\(Twips.from(millimetres: margins.top))\" w:right=\"\(Twips.from(millimetres: margins.right))\" "
            + "w:bottom=\"\(Twips.from(millimetres: margins.bottom))\" w:left=\"\(Twips.from(millimetres: margins.left))\" "
            + "w:header=\"\(Twips.from(millimetres: margins.top / 2))\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "<w:titlePg/></w:sectPr>"
    }

    // MARK: Runs and paragraphs

    /// The runs of `text` in one style: `size` nil is the document's `bodySize`. A blank to
    /// fill in becomes non-breaking spaces at least as wide as it (Word and LibreOffice neither
    /// collapse nor stretch them), in a run of its own.
    static func run(_ text: String, style: FontStyle, size: Double?, bodySize: Double) -> String {
        Document.Blank.pieces(of: text).map { piece in
            switch piece {
            case .text(let text): return plainRun(text, style: style, size: size)
            case .blank(let blank):
                let space = (size ?? bodySize) * DOCXMetrics.nonBreakingSpaceEm
                let count = max(1, Int((Units.points(blank.millimetres) / space - 0.01).rounded(.up)))
                return plainRun(String(repeating: "\u{00A0}", count: count), style: style, size: size)
            }
        }.joined()
    }

    private static func plainRun(_ text: String, style: FontStyle, size: Double?) -> String {
        var properties = ""
        if style.isBold { properties += "<w:b/>" }
        if style.isItalic { properties += "<w:i/>" }
        if let size {
            let half = Twips.halfPoints(size)
            properties += "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
        }
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        let pieces = XMLText.escape(text).split(separator: "\n", omittingEmptySubsequences: false)
        let content = pieces.map { "<w:t xml:space=\"preserve\">\($0)</w:t>" }.joined(separator: "<w:br/>")
        return "<w:r>\(rPr)\(content)</w:r>"
    }

    static func justification(_ alignment: Document.Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "both"
        }
    }

    func paragraph(_ runs: [Document.TextRun], alignment: Document.Alignment, size: Double? = nil,
                   indent: Int = 0, before: Int = 0, after: Int = 0, keepNext: Bool = false) -> String {
        Self.paragraph(runs.map { Self.run($0.text, style: $0.style, size: size, bodySize: setup.fontSize) }.joined(),
                       alignment: alignment, indent: indent, before: before, after: after, keepNext: keepNext)
    }

    static func paragraph(_ runs: String, alignment: Document.Alignment, indent: Int = 0, before: Int = 0,
                          after: Int = 0, keepNext: Bool = false) -> String {
        var pPr = keepNext ? "<w:keepNext/>" : ""
        if before != 0 || after != 0 { pPr += "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>" }
        if indent != 0 { pPr += "<w:ind w:firstLine=\"\(indent)\"/>" }
        pPr += "<w:jc w:val=\"\(justification(alignment))\"/>"
        return "<w:p><w:pPr>\(pPr)</w:pPr>\(runs)</w:p>"
    }

    /// An empty paragraph that spaces blocks apart; kept with the next one inside a kept chain,
    /// or Word would break the chain at it.
    static func gap(keepNext: Bool) -> String {
        keepNext ? "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>" : "<w:p/>"
    }

    /// A rule as an empty hairline paragraph with a top border, narrowed by indents to `width`
    /// twips and centred in `available` twips (a border on the text itself would be as wide as
    /// the column, and a drawing would need a position LibreOffice and Word read alike).
    static func rule(width: Int, available: Int, before: Int = 0, keepNext: Bool = false) -> String {
        let indent = max(0, (available - width) / 2)
        return "<w:p><w:pPr>" + (keepNext ? "<w:keepNext/>" : "")
            + "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:before=\"\(before)\" w:after=\"60\" w:line=\"20\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/><w:jc w:val=\"center\"/>"
            + "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>"
    }

    private func titleParagraphs(_ title: Document.Title) -> String {
        let size = setup.fontSize + 1
        var xml = paragraph([.bold(title.text.uppercased())], alignment: .center, size: size, before: 240, keepNext: true)
        for summary in title.summary {
            xml += paragraph([.bold(summary)], alignment: .center, size: size, keepNext: true)
        }
        if title.rule {
            // As in the PDF: a share of the widest line of the summary (of the title without one).
            let lines = title.summary.isEmpty ? [title.text.uppercased()] : title.summary
            let widest = lines.flatMap {
                metrics.lineWidths($0, style: .bold, size: size, width: Double(textWidth) / 20)
            }.max() ?? 0
            xml += Self.rule(width: Twips.from(points: widest * Document.Rule.shortShare), available: textWidth,
                             before: Twips.from(points: PDFLayout.titleRuleDrop), keepNext: true)
        }
        if let note = title.note {
            xml += paragraph([.italic(note)], alignment: .center, keepNext: true)
        }
        // The title stays with the start of what follows, through the empty paragraph under it.
        return xml + Self.gap(keepNext: true)
    }

    // MARK: Header and signature (borderless layout tables)

    static let noBorders = "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"]
        .map { "<w:\($0) w:val=\"nil\"/>" }.joined() + "</w:tblBorders>"

    private func layoutTable(widths: [Int], cells: [String], cantSplit: Bool) -> String {
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        let row = zip(widths, cells).map { width, content in
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(content.isEmpty ? "<w:p/>" : content)</w:tc>"
        }.joined()
        let trPr = cantSplit ? "<w:trPr><w:cantSplit/></w:trPr>" : ""
        return "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>\(Self.noBorders)"
            + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
            + "<w:tr>\(trPr)\(row)</w:tr></w:tbl><w:p/>"
    }

    private func headerTable(_ header: Document.Header) -> String {
        let leftWidth = Int(Double(textWidth) * PDFLayout.headerLeftShare)
        let widths = [leftWidth, textWidth - leftWidth]
        let cells = zip([header.left, header.right], widths).map { lines, width in
            lines.map { headerLine($0, columnWidth: width) }.joined()
        }
        guard cells.contains(where: { !$0.isEmpty }) else { return "" }
        return layoutTable(widths: widths, cells: cells, cantSplit: true)
    }

    /// A header line, and under it the rule as an empty hairline paragraph with a top border,
    /// narrowed by indents to the rule's length (a border on the text itself would force the
    /// text to wrap inside a short rule).
    private func headerLine(_ line: Document.HeaderLine, columnWidth: Int) -> String {
        let size = line.fontSize ?? setup.fontSize
        let xml = paragraph([Document.TextRun(line.text, style: line.style)], alignment: .center,
                            size: line.fontSize)
        let inner = columnWidth - 2 * Self.layoutCellMargin
        let textPoints = metrics.lineWidths(line.text, style: line.style, size: size, width: Double(inner) / 20).max() ?? 0
        let share: Double
        switch line.rule {
        case .none: return xml
        case .underText: share = 1
        case .short: share = Document.Rule.shortShare
        }
        return xml + Self.rule(width: min(inner, Twips.from(points: textPoints * share)), available: inner)
    }

    /// The side margin of a header or signature cell: the default table style's 108 twips.
    static let layoutCellMargin = 108

    private func signatureTable(_ signature: Document.Signature) -> String {
        func signer(_ authority: [String], _ name: String) -> String {
            authority.map { paragraph([.bold($0)], alignment: .center) }.joined()
                + paragraph([.bold(name)], alignment: .center, before: Twips.from(millimetres: signature.signatureSpace))
        }
        if let second = signature.leftSigner {
            // Two signers side by side, half the width each.
            return Self.gap(keepNext: true) + layoutTable(widths: [textWidth / 2, textWidth - textWidth / 2],
                                          cells: [signer(second.authority, second.signer),
                                                  signer(signature.authority, signature.signer)], cantSplit: true)
        }
        let leftWidth = Int(Double(textWidth) * PDFLayout.signatureLeftShare)
        var left = ""
        if !signature.recipients.isEmpty {
            left = paragraph([Document.TextRun(Document.Signature.recipientsHeading, style: .boldItalic)],
                             alignment: .left, size: PDFLayout.recipientsHeadingSize)
            left += signature.recipients.map {
                paragraph([Document.TextRun($0)], alignment: .left, size: PDFLayout.recipientsSize)
            }.joined()
        }
        let right = signer(signature.authority, signature.signer)
        // One row that may not split keeps the whole block on one page.
        // The empty paragraph above stays with the block, so a chain kept with it reaches it.
        return Self.gap(keepNext: true)
            + layoutTable(widths: [leftWidth, textWidth - leftWidth], cells: [left, right], cantSplit: true)
    }
}
