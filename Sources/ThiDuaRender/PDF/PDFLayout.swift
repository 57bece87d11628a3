/// Lays a Document out on A4 pages: each block becomes flow items (lines, rows, whole blocks),
/// the keep rules tie the ones that must share a page, the paginator puts them on pages, and
/// page numbers go on from page 2. Produces marks; knows nothing of PDF syntax.
struct PDFLayout {
    let fonts: FontSet
    let setup: Document.PageSetup
    let pageWidth: Double
    let pageHeight: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    /// Header rows of the tables laid so far, repeated where a table goes on to a new page.
    var tableHeaders: [FlowItem] = []

    /// Space after paragraphs and tables, before titles and the signature, in points.
    static let blockGap = 6.0

    init(fonts: FontSet, setup: Document.PageSetup) {
        self.fonts = fonts
        self.setup = setup
        (pageWidth, pageHeight) = Units.pageSize(setup)
        left = Units.points(setup.margins.left)
        right = pageWidth - Units.points(setup.margins.right)
        top = Units.points(setup.margins.top)
        bottom = pageHeight - Units.points(setup.margins.bottom)
    }

    var textWidth: Double { right - left }
    var bodySize: Double { setup.fontSize }

    func breaker(_ size: Double) -> LineBreaker { LineBreaker(fonts: fonts, size: size) }
    func lineHeight(_ size: Double) -> Double { fonts.regular.lineHeight(size: size) }
    func ascent(_ size: Double) -> Double { Double(fonts.regular.ascent) * fonts.regular.scale(size) }

    /// A block's items and the room it leaves under itself (the next block's first item gets it).
    struct LaidBlock {
        var items: [FlowItem]
        var spaceBefore = 0.0
        var spaceAfter = 0.0
    }

    static func layout(_ document: Document, fonts: FontSet) throws -> [PDFPage] {
        let (layout, items) = try flow(document, fonts: fonts)
        var pages = PDFPaginator.paginate(items, headers: layout.tableHeaders, top: layout.top, bottom: layout.bottom)
        try layout.numberPages(&pages)
        return pages
    }

    /// The document as flow items, tied by KeepTogether, with the layout that holds the
    /// tables' header rows.
    static func flow(_ document: Document, fonts: FontSet) throws -> (layout: PDFLayout, items: [FlowItem]) {
        var layout = PDFLayout(fonts: fonts, setup: document.page)
        let tails = KeepTogether.tails(document.blocks)
        var items: [FlowItem] = []
        var pendingSpace = 0.0
        for (index, block) in document.blocks.enumerated() {
            var laid = try layout.lay(block, keepingLast: tails[index])
            guard !laid.items.isEmpty else {
                // A spacer is only room above the next item, so it never splits a kept chain.
                pendingSpace += laid.spaceBefore + laid.spaceAfter
                continue
            }
            laid.items[0].spaceBefore += pendingSpace + laid.spaceBefore
            items += laid.items
            pendingSpace = laid.spaceAfter
        }
        return (layout, items)
    }

    /// The items of one block; `keepingLast` of its units stay with the next block (KeepTogether).
    mutating func lay(_ block: Document.Block, keepingLast tail: Int) throws -> LaidBlock {
        switch block {
        case .header(let header): return try layHeader(header)
        case .title(let title): return try layTitle(title)
        case .paragraph(let paragraph): return try layParagraph(paragraph, keepingLast: tail)
        case .table(let table): return try layTable(table, keepingLast: tail)
        case .signature(let signature): return try laySignature(signature)
        case .spacer(let lines): return LaidBlock(items: [], spaceBefore: max(0, lines) * lineHeight(bodySize))
        case .pageBreak: return LaidBlock(items: [.pageBreak])
        }
    }

    /// The marks of a laid-out line whose top is at `lineTop` (relative to its item), at `x`.
    func marks(_ line: LaidLine, x: Double, top lineTop: Double, size: Double) -> [PDFMark] {
        let baseline = lineTop + ascent(size)
        return line.pieces.filter { !$0.glyphs.isEmpty }.map { piece in
            .text(style: piece.style, size: size, x: x + piece.x, baseline: baseline, glyphs: piece.glyphs)
        }
    }

    /// Marks `last` items of `items` to stay with what follows them.
    static func keepLast(_ last: Int, of items: inout [FlowItem]) {
        for index in items.indices.suffix(min(last, items.count)) { items[index].keepWithNext = true }
    }

    /// Centred page numbers in the top margin from page 2, as the decree asks.
    func numberPages(_ pages: inout [PDFPage]) throws {
        guard pages.count > 1 else { return }
        let size = bodySize
        for index in 1..<pages.count {
            let shaped = try breaker(size).shape(String(index + 1), style: .regular)
            let x = left + (textWidth - shaped.width) / 2
            let baseline = top / 2 + ascent(size) / 2
            pages[index].marks.append(.text(style: .regular, size: size, x: x, baseline: baseline, glyphs: shaped.glyphs))
        }
    }
}
