/// Tables: ruled cells, columns as wide as their widest word (ColumnWidths), a header row
/// repeated at the top of every page, rows kept whole and tied by KeepTogether.
extension PDFLayout {
    static let cellPaddingX = 3.0
    static let cellPaddingY = 2.0

    /// A row ready to draw: each cell's lines, and the columns it spans.
    private struct LaidRow {
        var cells: [(x: Double, width: Double, lines: [LaidLine])]
        var lineCount: Int { cells.map(\.lines.count).max() ?? 1 }
    }

    /// Column widths in points for `table` at `size` on the page's text width.
    func columnWidths(_ table: Document.Table, size: Double) throws -> [Double] {
        let breaker = breaker(size)
        let needs = try ColumnWidths.needs(table, padding: Self.cellPaddingX) { text, style in
            try breaker.unbreakableWidth(text, style: style)
        }
        return ColumnWidths.solve(needs, available: textWidth,
                                  floor: ColumnWidths.printedFloor(fontSize: size, padding: Self.cellPaddingX))
    }

    mutating func layTable(_ table: Document.Table, keepingLast tail: Int) throws -> LaidBlock {
        guard !table.columns.isEmpty else { return LaidBlock(items: []) }
        let size = table.fontSize ?? bodySize
        let breaker = breaker(size)
        var edges: [Double] = [left]
        for width in try columnWidths(table, size: size) { edges.append(edges[edges.count - 1] + width) }
        func cell(_ text: String, _ style: FontStyle, _ alignment: Document.Alignment, from: Int, to: Int) throws
            -> (x: Double, width: Double, lines: [LaidLine]) {
            let width = edges[to] - edges[from]
            let lines = try breaker.lines([Document.TextRun(text, style: style)],
                                          width: width - 2 * Self.cellPaddingX, alignment: alignment)
            return (edges[from], width, lines)
        }

        let header = LaidRow(cells: try table.columns.indices.map { index in
            try cell(table.columns[index].header, .bold, .center, from: index, to: index + 1)
        })
        let headerItem = self.item(header, lines: 0..<header.lineCount, size: size, centred: true)
        tableHeaders.append(headerItem)
        let headerIndex = tableHeaders.count - 1

        let keeps = KeepTogether.rows(of: table, tailRows: tail)
        var items = [headerItem]
        items[0].keepWithNext = keeps.header
        for (index, row) in table.rows.enumerated() {
            let laid: LaidRow
            switch row {
            case .group(let text):
                laid = LaidRow(cells: [try cell(text, .bold, .left, from: 0, to: table.columns.count)])
            case .data(let values):
                laid = LaidRow(cells: try table.columns.indices.map { column in
                    let text = column < values.count ? values[column] : ""
                    return try cell(text, .regular, table.columns[column].alignment, from: column, to: column + 1)
                })
            }
            var rowItem = splittableItem(laid, lines: 0..<laid.lineCount, size: size, header: headerIndex)
            rowItem.keepWithNext = keeps.rows[index]
            items.append(rowItem)
        }
        return LaidBlock(items: items, spaceAfter: Self.blockGap)
    }

    /// A row as an item that can be cut between lines (the last resort for a row taller than a page).
    private func splittableItem(_ row: LaidRow, lines: Range<Int>, size: Double, header: Int) -> FlowItem {
        var item = self.item(row, lines: lines, size: size, centred: false)
        item.repeatedHeader = header
        guard lines.count > 1 else { return item }
        let lineHeight = lineHeight(size)
        item.split = { room in
            let fitting = Int(((room - 2 * Self.cellPaddingY) / lineHeight).rounded(.down))
            guard fitting >= 1, fitting < lines.count else { return nil }
            let cut = lines.lowerBound + fitting
            return (self.item(row, lines: lines.lowerBound..<cut, size: size, centred: false),
                    splittableItem(row, lines: cut..<lines.upperBound, size: size, header: header))
        }
        return item
    }

    /// The rules and text of a row (or the given slice of its lines), relative to its top. The
    /// header row's text is centred vertically; data rows are top-aligned.
    private func item(_ row: LaidRow, lines: Range<Int>, size: Double, centred: Bool) -> FlowItem {
        let lineHeight = lineHeight(size)
        let rowHeight = Double(lines.count) * lineHeight + 2 * Self.cellPaddingY
        var marks: [PDFMark] = []
        for cell in row.cells {
            marks.append(.rect(x: cell.x, y: 0, width: cell.width, height: rowHeight))
            let shown = cell.lines.indices.clamped(to: lines)
            var lineTop = Self.cellPaddingY
            if centred { lineTop = (rowHeight - Double(shown.count) * lineHeight) / 2 }
            for index in shown {
                marks += self.marks(cell.lines[index], x: cell.x + Self.cellPaddingX, top: lineTop, size: size)
                lineTop += lineHeight
            }
        }
        return FlowItem(marks: marks, height: rowHeight)
    }
}
