/// Which pieces of a document must share a page with what follows them. The PDF layout and
/// the DOCX writer (through Word's keep-with-next) both follow these rules, so a heading, a
/// table's header or group row, a closing line or a signature never ends up alone at the foot
/// or the head of a page.
enum KeepTogether {
    /// Data rows kept with the header row or a group row above them (fewer if the group has fewer).
    static let rowsUnderHeading = 2
    /// Data rows pulled over with a closing line or a signature that would start a page.
    static let rowsBeforeClosing = 2
    /// Lines of a paragraph pulled over with the signature under it.
    static let linesBeforeSignature = 2
    /// A block kept whole and with what follows (a title, a heading).
    static let whole = Int.max

    /// For each block, how many of its last units (lines of a paragraph or title, data rows of a
    /// table counted from the end) must be on the page of the next content block: 0 for none.
    /// Spacers between the two carry the same value, so they never break the chain; a page
    /// break ends it.
    static func tails(_ blocks: [Document.Block]) -> [Int] {
        var tails = blocks.indices.map { index in tail(of: index, in: blocks) }
        // A spacer is glue: it keeps when the content before it keeps.
        var carried = 0
        for index in blocks.indices {
            switch blocks[index] {
            case .spacer: tails[index] = carried > 0 ? 1 : 0
            case .pageBreak: carried = 0
            default: carried = tails[index]
            }
        }
        return tails
    }

    private static func tail(of index: Int, in blocks: [Document.Block]) -> Int {
        let next = nextContent(after: index, in: blocks)
        switch blocks[index] {
        case .title:
            return whole
        case .paragraph(let paragraph):
            if isHeading(paragraph) { return next == nil ? 0 : whole }
            guard let next else { return 0 }
            if case .table = blocks[next] { return 1 }
            if case .signature = blocks[next] { return linesBeforeSignature }
            return 0
        case .table:
            guard let next, isClosing(next, in: blocks) else { return 0 }
            return rowsBeforeClosing
        case .header, .signature, .spacer, .pageBreak:
            return 0
        }
    }

    /// A heading is a paragraph wholly in bold («A. GIẤY KHEN …», «QUYẾT ĐỊNH:»).
    static func isHeading(_ paragraph: Document.Paragraph) -> Bool {
        let visible = paragraph.runs.filter { !$0.text.allSatisfy(\.isWhitespace) }
        return !visible.isEmpty && visible.allSatisfy { $0.style.isBold }
    }

    /// What ends a list: a signature, or a paragraph that introduces no further table.
    private static func isClosing(_ index: Int, in blocks: [Document.Block]) -> Bool {
        switch blocks[index] {
        case .signature: return true
        case .paragraph(let paragraph):
            guard !isHeading(paragraph) else { return false }
            guard let next = nextContent(after: index, in: blocks) else { return true }
            if case .table = blocks[next] { return false }
            return true
        default: return false
        }
    }

    /// The next block that draws something, skipping spacers; nil at a page break or the end.
    private static func nextContent(after index: Int, in blocks: [Document.Block]) -> Int? {
        var next = index + 1
        while next < blocks.count {
            switch blocks[next] {
            case .spacer: next += 1
            case .pageBreak: return nil
            default: return next
            }
        }
        return nil
    }

    /// Within a table: whether the header row, and each row, must be on the same page as the row
    /// after it (for the last row: as what follows the table). `tailRows` is the table's value
    /// from `tails`.
    static func rows(of table: Document.Table, tailRows: Int) -> (header: Bool, rows: [Bool]) {
        let count = table.rows.count
        var keeps = Array(repeating: false, count: count)
        func isData(_ index: Int) -> Bool {
            if case .data = table.rows[index] { return true }
            return false
        }
        // A heading (the header row, or a group row) and the rows of its group up to the
        // `rowsUnderHeading`-th stay together: each is kept with the one after it.
        func keepUnder(heading: Int) {
            var last = heading
            while last + 1 < count, isData(last + 1), last - heading < rowsUnderHeading { last += 1 }
            for index in max(0, heading)..<max(0, last) { keeps[index] = true }
            // A group row with no rows of its own stays with the next group's.
            if heading >= 0, last == heading, heading + 1 < count { keeps[heading] = true }
        }
        keepUnder(heading: -1)
        for index in table.rows.indices where !isData(index) { keepUnder(heading: index) }
        // A closing line pulls the last `tailRows` data rows (and any group row among them).
        if tailRows > 0, let first = table.rows.indices.filter(isData).suffix(tailRows).first {
            for index in first..<count { keeps[index] = true }
        }
        return (count > 0, keeps)
    }
}
