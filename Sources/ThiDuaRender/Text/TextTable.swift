/// A Document table drawn with text: column widths from ColumnWidths in characters (so a
/// year, a date or «STT» is never cut, as in the PDF), cells wrapped, group rows spanning the
/// whole table.
struct TextTable {
    let table: Document.Table
    let width: Int
    let ruling: TextWriter.Ruling

    /// A text column may narrow to this many characters before every column has to give way.
    static let textColumnFloor = 3.0

    /// Column widths (content only) that fill `width` after borders and padding.
    func columnWidths() -> [Int] {
        let count = table.columns.count
        let chrome = ruling == .box ? 3 * count + 1 : 2 * (count - 1)
        let inner = max(count, width - chrome)
        let needs = ColumnWidths.needs(table, padding: 0) { text, _ in Double(PlainText.width(text)) }
        let shares = ColumnWidths.solve(needs, available: Double(inner), floor: Self.textColumnFloor)
        // Whole characters: each share rounded down (minimums are whole, so none falls below its
        // own), then the largest remainders get the characters left over, so the table is
        // exactly `width` wide.
        var widths = shares.map { max(1, Int(($0 + 1e-9).rounded(.down))) }
        var left = inner - widths.reduce(0, +)
        let remainders = shares.indices.map { shares[$0] - Double(widths[$0]) }
        for index in shares.indices.sorted(by: { (remainders[$0], $1) > (remainders[$1], $0) }) where left > 0 {
            widths[index] += 1
            left -= 1
        }
        return widths
    }

    func lines() -> [String] {
        guard !table.columns.isEmpty else { return [] }
        let widths = columnWidths()
        let headerCells = table.columns.map { ($0.header, Document.Alignment.center) }
        var output: [String] = []
        switch ruling {
        case .box:
            let full = [widths.count]
            var previous: [Int]? = nil
            func spans(_ row: Document.Row) -> [Int] {
                if case .group = row { return full }
                return Array(repeating: 1, count: widths.count)
            }
            let headerSpans = Array(repeating: 1, count: widths.count)
            output.append(separator(above: nil, below: headerSpans, widths: widths))
            output += cellLines(headerCells, widths: widths)
            previous = headerSpans
            var first = true
            for row in table.rows {
                let current = spans(row)
                // Lines go under the header and around group rows; plain data rows run on.
                if first || current == full || previous == full {
                    output.append(separator(above: previous, below: current, widths: widths))
                }
                output += rowLines(row, widths: widths)
                previous = current
                first = false
            }
            output.append(separator(above: previous, below: nil, widths: widths))
        case .simple:
            output += cellLines(headerCells, widths: widths)
            output.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            for row in table.rows { output += rowLines(row, widths: widths) }
        }
        return output
    }

    private func rowLines(_ row: Document.Row, widths: [Int]) -> [String] {
        switch row {
        case .group(let text):
            let span = widths.reduce(0, +) + (ruling == .box ? 3 * (widths.count - 1) : 2 * (widths.count - 1))
            return PlainText.wrap(text, width: span).map { line in
                ruling == .box ? "│ " + PlainText.pad(line, to: span, alignment: .left) + " │" : line
            }
        case .data(let values):
            let cells = table.columns.indices.map { index in
                (index < values.count ? values[index] : "",
                 table.columns[index].alignment == .justify ? .left : table.columns[index].alignment)
            }
            return cellLines(cells, widths: widths)
        }
    }

    private func cellLines(_ cells: [(String, Document.Alignment)], widths: [Int]) -> [String] {
        let wrapped = zip(cells, widths).map { cell, width in PlainText.wrap(cell.0, width: width) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let parts = wrapped.indices.map { column in
                PlainText.pad(lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : "",
                              to: widths[column], alignment: cells[column].1)
            }
            return ruling == .box ? "│ " + parts.joined(separator: " │ ") + " │" : parts.joined(separator: "  ")
        }
    }

    /// A box rule between two rows, choosing ┼ ┬ ┴ ─ at each column boundary by whether the row
    /// above and the row below have a cell edge there. `nil` means the table's top or bottom.
    private func separator(above: [Int]?, below: [Int]?, widths: [Int]) -> String {
        func boundaries(_ spans: [Int]?) -> Set<Int> {
            guard let spans else { return [] }
            var result: Set<Int> = []
            var column = 0
            for span in spans.dropLast() {
                column += span
                result.insert(column)
            }
            return result
        }
        let up = boundaries(above)
        let down = boundaries(below)
        var line = above == nil ? "┌" : (below == nil ? "└" : "├")
        for (index, width) in widths.enumerated() {
            line += String(repeating: "─", count: width + 2)
            guard index < widths.count - 1 else { break }
            switch (up.contains(index + 1), down.contains(index + 1)) {
            case (true, true): line += "┼"
            case (true, false): line += "┴"
            case (false, true): line += "┬"
            case (false, false): line += "─"
            }
        }
        line += above == nil ? "┐" : (below == nil ? "┘" : "┤")
        return line
    }
}
