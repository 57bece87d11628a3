/// A ruled list table: header row marked w:tblHeader (Word repeats it on every page), every row
/// w:cantSplit, group rows one cell spanning the grid. Rows that KeepTogether ties to the next
/// have w:keepNext on each of their paragraphs, which is how Word keeps table rows together.
/// Column widths are the PDF's (same ColumnWidths, same cell padding, same measure).
struct DOCXTable {
    let table: Document.Table
    /// Total width in twips.
    let width: Int
    let bodySize: Double
    let metrics: DOCXMetrics
    /// The table's value from KeepTogether.tails: its last data rows go with what follows.
    var tailRows = 0

    /// The cell padding on each side, the PDF's.
    static let cellMargin = Twips.from(points: PDFLayout.cellPaddingX)

    func xml() -> String {
        guard !table.columns.isEmpty else { return "" }
        let widths = columnWidths()
        let size = table.fontSize
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) \(border)/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>\(borders)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:left w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
            + "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

        let keeps = KeepTogether.rows(of: table, tailRows: tailRows)
        let headerCells = zip(table.columns, widths).map { column, width in
            cell(run(column.header, .bold, size), width: width, alignment: .center, centredVertically: true,
                 keepNext: keeps.header)
        }.joined()
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>\(headerCells)</w:tr>"

        for (index, row) in table.rows.enumerated() {
            let keepNext = keeps.rows[index]
            switch row {
            case .group(let text):
                let content = DOCXBody.paragraph(run(text, .bold, size), alignment: .left, keepNext: keepNext)
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"\(widths.reduce(0, +))\" "
                    + "w:type=\"dxa\"/><w:gridSpan w:val=\"\(widths.count)\"/></w:tcPr>\(content)</w:tc></w:tr>"
            case .data(let values):
                let cells = table.columns.indices.map { column in
                    let text = column < values.count ? values[column] : ""
                    return cell(run(text, .regular, size), width: widths[column],
                                alignment: table.columns[column].alignment, centredVertically: false, keepNext: keepNext)
                }.joined()
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>\(cells)</w:tr>"
            }
        }
        return xml + "</w:tbl>" + DOCXBody.gap(keepNext: tailRows > 0)
    }

    private func run(_ text: String, _ style: FontStyle, _ size: Double?) -> String {
        DOCXBody.run(text, style: style, size: size, bodySize: bodySize)
    }

    private func cell(_ run: String, width: Int, alignment: Document.Alignment, centredVertically: Bool,
                      keepNext: Bool) -> String {
        let vAlign = centredVertically ? "<w:vAlign w:val=\"center\"/>" : ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(vAlign)</w:tcPr>"
            + DOCXBody.paragraph(run, alignment: alignment, keepNext: keepNext) + "</w:tc>"
    }

    /// Twips per column: the PDF's widths in points for the same text width, rounded so that
    /// they add up to the table's width exactly.
    func columnWidths() -> [Int] {
        let size = table.fontSize ?? bodySize
        let needs = ColumnWidths.needs(table, padding: PDFLayout.cellPaddingX) { text, style in
            metrics.unbreakableWidth(text, style: style, size: size)
        }
        let points = ColumnWidths.solve(needs, available: Double(width) / 20,
                                        floor: ColumnWidths.printedFloor(fontSize: size, padding: PDFLayout.cellPaddingX))
        var edges: [Int] = []
        var sum = 0.0
        for value in points {
            sum += value
            edges.append(Int((sum * 20).rounded()))
        }
        edges[edges.count - 1] = width
        return edges.indices.map { $0 == 0 ? edges[0] : edges[$0] - edges[$0 - 1] }
    }
}
