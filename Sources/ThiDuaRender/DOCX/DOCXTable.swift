/// A ruled list table: header row marked w:tblHeader (Word repeats it on every page), every row
/// w:cantSplit, group rows one cell spanning the grid and kept with the next row.
struct DOCXTable {
    let table: Document.Table
    /// Total width in twips.
    let width: Int
    let bodySize: Double

    func xml() -> String {
        guard !table.columns.isEmpty else { return "" }
        let widths = columnWidths()
        let size = table.fontSize
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        let borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) \(border)/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders>\(borders)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
            + "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

        let headerCells = zip(table.columns, widths).map { column, width in
            cell(DOCXBody.run(column.header, style: .bold, size: size), width: width, alignment: .center,
                 centredVertically: true)
        }.joined()
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>\(headerCells)</w:tr>"

        for row in table.rows {
            switch row {
            case .group(let text):
                let content = DOCXBody.paragraph(DOCXBody.run(text, style: .bold, size: size), alignment: .left,
                                                 keepNext: true)
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"\(widths.reduce(0, +))\" "
                    + "w:type=\"dxa\"/><w:gridSpan w:val=\"\(widths.count)\"/></w:tcPr>\(content)</w:tc></w:tr>"
            case .data(let values):
                let cells = table.columns.indices.map { index in
                    let text = index < values.count ? values[index] : ""
                    return cell(DOCXBody.run(text, style: .regular, size: size), width: widths[index],
                                alignment: table.columns[index].alignment, centredVertically: false)
                }.joined()
                xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>\(cells)</w:tr>"
            }
        }
        return xml + "</w:tbl><w:p/>"
    }

    private func cell(_ run: String, width: Int, alignment: Document.Alignment, centredVertically: Bool) -> String {
        let vAlign = centredVertically ? "<w:vAlign w:val=\"center\"/>" : ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(vAlign)</w:tcPr>"
            + DOCXBody.paragraph(run, alignment: alignment) + "</w:tc>"
    }

    /// Twips per column from the relative widths; the last column takes the rounding remainder.
    func columnWidths() -> [Int] {
        let total = table.columns.reduce(0) { $0 + max(0, $1.width) }
        var widths = table.columns.map { column in
            total > 0 ? Int((max(0, column.width) / total * Double(width)).rounded(.down)) : width / table.columns.count
        }
        widths[widths.count - 1] += width - widths.reduce(0, +)
        return widths
    }
}
