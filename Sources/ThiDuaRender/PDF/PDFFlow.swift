/// One slice of the page flow that is never cut (a line of a paragraph, a table row, a title,
/// a signature): the paginator moves it to the next page whole.
struct FlowItem {
    /// Marks relative to the item's top edge (x is already on the page).
    var marks: [PDFMark]
    var height: Double
    /// Room above it, dropped when the item opens a page.
    var spaceBefore = 0.0
    /// Must be on the same page as the item after it (see KeepTogether).
    var keepWithNext = false
    /// Drawn above this item when it opens a page: the header row of the table it belongs to.
    var repeatedHeader: Int?
    /// For a row taller than a page, the last resort: cut it between lines so that the first
    /// part fits a given height (nil when not even one line does).
    var split: ((Double) -> (head: FlowItem, tail: FlowItem)?)?
    /// Starts a new page (the model's page break), drawing nothing.
    var breaksPage = false

    static var pageBreak: FlowItem { FlowItem(marks: [], height: 0, breaksPage: true) }
}

/// Puts flow items on pages: greedy, except that a run of items tied by `keepWithNext` moves
/// to the next page together when it does not fit the rest of this one (a run taller than a
/// whole page is placed item by item, as nothing better exists).
struct PDFPaginator {
    let top: Double
    let bottom: Double
    /// Table header rows, by the index items carry in `repeatedHeader`.
    let headers: [FlowItem]

    private(set) var pages: [PDFPage] = [PDFPage()]
    private var y: Double
    private var pageHasContent = false

    init(top: Double, bottom: Double, headers: [FlowItem]) {
        self.top = top
        self.bottom = bottom
        self.headers = headers
        y = top
    }

    static func paginate(_ items: [FlowItem], headers: [FlowItem], top: Double, bottom: Double) -> [PDFPage] {
        var paginator = PDFPaginator(top: top, bottom: bottom, headers: headers)
        var index = 0
        while index < items.count {
            if items[index].breaksPage {
                if paginator.pageHasContent { paginator.newPage() }
                index += 1
                continue
            }
            var end = index
            while items[end].keepWithNext, end + 1 < items.count, !items[end + 1].breaksPage { end += 1 }
            let run = items[index...end]
            if paginator.pageHasContent, !paginator.fitsHere(run), paginator.fitsOnAFreshPage(run) {
                paginator.turnPage(for: items[index])
            }
            for item in run { paginator.place(item) }
            index = end + 1
        }
        return paginator.pages
    }

    private var pageHeight: Double { bottom - top }

    private func headerHeight(_ item: FlowItem) -> Double {
        item.repeatedHeader.map { headers[$0].height } ?? 0
    }

    private func fitsHere(_ run: ArraySlice<FlowItem>) -> Bool {
        let height = run.reduce(0) { $0 + $1.spaceBefore + $1.height }
        return y + height <= bottom + 0.01
    }

    private func fitsOnAFreshPage(_ run: ArraySlice<FlowItem>) -> Bool {
        guard let first = run.first else { return true }
        let height = run.reduce(0) { $0 + $1.spaceBefore + $1.height } - first.spaceBefore + headerHeight(first)
        return height <= pageHeight + 0.01
    }

    private mutating func newPage() {
        pages.append(PDFPage())
        y = top
        pageHasContent = false
    }

    private mutating func draw(_ item: FlowItem) {
        pages[pages.count - 1].marks += item.marks.map { $0.offset(x: 0, y: y) }
        y += item.height
        pageHasContent = true
    }

    /// Opens a new page for `item` with its table's header row above it.
    private mutating func turnPage(for item: FlowItem) {
        newPage()
        if let header = item.repeatedHeader { draw(headers[header]) }
    }

    private mutating func place(_ item: FlowItem) {
        var item = item
        if pageHasContent { y += item.spaceBefore }
        if y + item.height > bottom + 0.01, pageHasContent {
            let fitsFresh = headerHeight(item) + item.height <= pageHeight + 0.01
            // A row taller than any page is cut here rather than leaving this page's rest empty.
            if fitsFresh || item.split?(bottom - y) == nil { turnPage(for: item) }
        }
        while y + item.height > bottom + 0.01, let split = item.split, let (head, tail) = split(bottom - y) {
            draw(head)
            turnPage(for: item)
            item = tail
        }
        draw(item)
    }
}
