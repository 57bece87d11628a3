/// Lays a Document out on A4 pages: the flow of blocks top to bottom, new pages when the next
/// thing does not fit, page numbers from page 2. Produces marks; knows nothing of PDF syntax.
struct PDFLayout {
    let fonts: FontSet
    let setup: Document.PageSetup
    let pageWidth: Double
    let pageHeight: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    private(set) var pages: [PDFPage] = [PDFPage()]
    /// Top of the free space on the current page.
    var y: Double
    /// False until something is drawn on the current page, so breaks never leave empty pages.
    var pageHasContent = false

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
        y = top
    }

    var textWidth: Double { right - left }
    var bodySize: Double { setup.fontSize }

    func breaker(_ size: Double) -> LineBreaker { LineBreaker(fonts: fonts, size: size) }
    func lineHeight(_ size: Double) -> Double { fonts.regular.lineHeight(size: size) }
    func ascent(_ size: Double) -> Double { Double(fonts.regular.ascent) * fonts.regular.scale(size) }

    static func layout(_ document: Document, fonts: FontSet) throws -> [PDFPage] {
        var layout = PDFLayout(fonts: fonts, setup: document.page)
        for block in document.blocks {
            try layout.add(block)
        }
        try layout.numberPages()
        return layout.pages
    }

    mutating func add(_ block: Document.Block) throws {
        switch block {
        case .header(let header): try addHeader(header)
        case .title(let title): try addTitle(title)
        case .paragraph(let paragraph): try addParagraph(paragraph)
        case .table(let table): try addTable(table)
        case .signature(let signature): try addSignature(signature)
        case .spacer(let lines):
            y += max(0, lines) * lineHeight(bodySize)
            if y > bottom { newPage() }
        case .pageBreak:
            if pageHasContent { newPage() }
        }
    }

    mutating func newPage() {
        pages.append(PDFPage())
        y = top
        pageHasContent = false
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty, where
    /// a new page would not help).
    mutating func ensureSpace(_ height: Double) {
        if y + height > bottom + 0.01 && pageHasContent { newPage() }
    }

    mutating func draw(_ mark: PDFMark) {
        pages[pages.count - 1].marks.append(mark)
        pageHasContent = true
    }

    /// Draws laid-out lines from the cursor's top at `x`, each line `lineHeight` tall.
    mutating func draw(_ line: LaidLine, x: Double, top lineTop: Double, size: Double) {
        let baseline = lineTop + ascent(size)
        for piece in line.pieces where !piece.glyphs.isEmpty {
            draw(.text(style: piece.style, size: size, x: x + piece.x, baseline: baseline, glyphs: piece.glyphs))
        }
    }

    /// Centred page numbers in the top margin from page 2, as the decree asks.
    mutating func numberPages() throws {
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
