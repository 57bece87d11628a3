/// Tables: ruled cells, a header row repeated at the top of every page, rows kept whole.
extension PDFLayout {
    static let cellPaddingX = 3.0
    static let cellPaddingY = 2.0

    /// A row ready to draw: each cell's lines, and the columns it spans.
    private struct LaidRow {
        var cells: [(x: Double, width: Double, lines: [LaidLine])]
        var lineCount: Int { cells.map(\.lines.count).max() ?? 1 }
    }

    mutating func addTable(_ table: Document.Table) throws {
        guard !table.columns.isEmpty else { return }
        let size = table.fontSize ?? bodySize
        let lineHeight = lineHeight(size)
        let breaker = breaker(size)
        let total = table.columns.reduce(0) { $0 + max(0, $1.width) }
        var edges: [Double] = [left]
        for column in table.columns {
            let share = total > 0 ? max(0, column.width) / total : 1 / Double(table.columns.count)
            edges.append(edges[edges.count - 1] + share * textWidth)
        }
        func cell(_ text: String, _ style: FontStyle, _ alignment: Document.Alignment, from: Int, to: Int) throws
            -> (x: Double, width: Double, lines: [LaidLine]) {
            let width = edges[to] - edges[from]
            let lines = try breaker.lines([Document.TextRun(text, style: style)],
                                          width: width - 2 * Self.cellPaddingX, alignment: alignment)
            return (edges[from], width, lines)
        }
        func height(_ row: LaidRow) -> Double { Double(row.lineCount) * lineHeight + 2 * Self.cellPaddingY }

        let header = LaidRow(cells: try table.columns.indices.map { index in
            try cell(table.columns[index].header, .bold, .center, from: index, to: index + 1)
        })
        let rows: [LaidRow] = try table.rows.map { row in
            switch row {
            case .group(let text):
                return LaidRow(cells: [try cell(text, .bold, .left, from: 0, to: table.columns.count)])
            case .data(let values):
                return LaidRow(cells: try table.columns.indices.map { index in
                    let text = index < values.count ? values[index] : ""
                    return try cell(text, .regular, table.columns[index].alignment, from: index, to: index + 1)
                })
            }
        }

        let headerHeight = height(header)
        // The header row never stands alone at the foot of a page: it needs its first row under it.
        ensureSpace(headerHeight + (rows.first.map(height) ?? 0))
        drawRow(header, lines: 0..<header.lineCount, size: size, centredIn: headerHeight)

        // Rows drawn under the current page's header; a page never holds only a header row.
        var rowsOnPage = 0
        for (index, row) in rows.enumerated() {
            var needed = height(row)
            // A group row ("I. TẬP THỂ") is kept with the row after it.
            if case .group = table.rows[index], index + 1 < rows.count { needed += height(rows[index + 1]) }
            if y + needed > bottom + 0.01 && rowsOnPage > 0 {
                newPage()
                drawRow(header, lines: 0..<header.lineCount, size: size, centredIn: headerHeight)
                rowsOnPage = 0
            }
            // Last resort, for a row taller than a whole page: split it between lines, repeating
            // the header on each page. Only a very long cell (pages of text) can cause this.
            var first = 0
            while first < row.lineCount {
                let room = Int(((bottom - y - 2 * Self.cellPaddingY) / lineHeight).rounded(.down))
                let count = min(row.lineCount - first, max(1, room))
                drawRow(row, lines: first..<(first + count), size: size, centredIn: nil)
                rowsOnPage += 1
                first += count
                if first < row.lineCount {
                    newPage()
                    drawRow(header, lines: 0..<header.lineCount, size: size, centredIn: headerHeight)
                }
            }
        }
        y += Self.blockGap
    }

    /// Draws a row (or the given slice of its lines) at the cursor and moves the cursor under it.
    /// `centredIn` centres the text vertically (header row); data rows are top-aligned.
    private mutating func drawRow(_ row: LaidRow, lines: Range<Int>, size: Double, centredIn: Double?) {
        let lineHeight = lineHeight(size)
        let rowHeight = centredIn ?? Double(lines.count) * lineHeight + 2 * Self.cellPaddingY
        for cell in row.cells {
            draw(.rect(x: cell.x, y: y, width: cell.width, height: rowHeight))
            let shown = cell.lines.indices.clamped(to: lines)
            var lineTop = y + Self.cellPaddingY
            if centredIn != nil {
                lineTop = y + (rowHeight - Double(shown.count) * lineHeight) / 2
            }
            for index in shown {
                draw(cell.lines[index], x: cell.x + Self.cellPaddingX, top: lineTop, size: size)
                lineTop += lineHeight
            }
        }
        y += rowHeight
    }
}
