import Foundation
import ThiDuaDomain

/// One sheet's part (`xl/worksheets/sheetN.xml`): the header row bold and frozen, each cell
/// written as its type, each column as wide as its longest line.
struct XLSXWorksheet {
    let sheet: XLSXWriter.Sheet

    /// Column widths in characters: the longest line plus some room, within these bounds (a
    /// long note wraps inside 60 characters instead of making a column of 500).
    static let minimumWidth = 6
    static let maximumWidth = 60
    static let padding = 2

    var columnCount: Int { sheet.header.count }
    /// The header row and the rows under it.
    var rowCount: Int { sheet.rows.count + 1 }

    /// The filter over a plain table, header included; nil when group rows cut the table into
    /// parts, which sorting or filtering would mix up.
    var filterRange: String? {
        let grouped = sheet.rows.contains { if case .group = $0 { return true } else { return false } }
        guard columnCount > 0, !grouped else { return nil }
        return "A1:\(Self.columnName(columnCount - 1))\(rowCount)"
    }

    func xml(selected: Bool) -> String {
        var xml = OfficePackage.declaration
            + "<worksheet xmlns=\"\(XLSXPackage.mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
            + "<dimension ref=\"A1:\(Self.columnName(max(columnCount, 1) - 1))\(rowCount)\"/>"
            + "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        let widths = columnWidths()
        if !widths.isEmpty {
            xml += "<cols>" + widths.enumerated().map { index, width in
                "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, sheet.header.enumerated().map { Self.text($1, at: Self.reference($0, 1), style: .bold) })
        for (offset, row) in sheet.rows.enumerated() {
            let number = offset + 2
            switch row {
            case .group(let label):
                xml += self.row(number, [Self.text(label, at: Self.reference(0, number), style: .bold)])
            case .cells(let cells):
                xml += self.row(number, cells.prefix(columnCount).enumerated().compactMap { column, cell in
                    cell.map { self.cell($0, at: Self.reference(column, number), kind: kind(of: column)) }
                })
            }
        }
        xml += "</sheetData>"
        if let filterRange { xml += "<autoFilter ref=\"\(filterRange)\"/>" }
        return xml + "</worksheet>"
    }

    private func kind(of column: Int) -> SpreadsheetColumn.Kind {
        column < sheet.kinds.count ? sheet.kinds[column] : .text
    }

    /// A row with nothing in it is left out (its number is kept by the next rows' `r`).
    private func row(_ number: Int, _ cells: [String]) -> String {
        cells.isEmpty ? "" : "<row r=\"\(number)\">" + cells.joined() + "</row>"
    }

    private func cell(_ cell: SpreadsheetCell, at reference: String, kind: SpreadsheetColumn.Kind) -> String {
        switch cell {
        case .text(let text):
            return Self.text(text, at: reference, style: Self.needsWrap(text) ? .wrap : nil)
        case .number(let value):
            let style: XLSXPackage.Style? = kind == .amount ? .amount : kind == .percent ? .percent : nil
            return "<c r=\"\(reference)\"\(Self.attribute(style))><v>\(value)</v></c>"
        case .date(let date):
            return "<c r=\"\(reference)\"\(Self.attribute(.date))><v>\(date.spreadsheetSerial)</v></c>"
        }
    }

    /// An inline string: never a formula, whatever it starts with.
    private static func text(_ text: String, at reference: String, style: XLSXPackage.Style?) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"\(attribute(style))><is><t xml:space=\"preserve\">"
            + XMLText.escape(text) + "</t></is></c>"
    }

    private static func attribute(_ style: XLSXPackage.Style?) -> String {
        style.map { " s=\"\($0.rawValue)\"" } ?? ""
    }

    func columnWidths() -> [Int] {
        (0..<columnCount).map { column in
            var longest = Self.lineWidth(sheet.header[column])
            for row in sheet.rows {
                guard case .cells(let cells) = row, column < cells.count, let cell = cells[column] else { continue }
                longest = max(longest, Self.width(of: cell, kind: kind(of: column)))
            }
            return min(max(longest + Self.padding, Self.minimumWidth), Self.maximumWidth)
        }
    }

    /// Characters the cell shows: its longest line, a date's dd/mm/yyyy, a number as its format
    /// prints it (an amount with its group separators, a percentage with one decimal and «%»).
    static func width(of cell: SpreadsheetCell, kind: SpreadsheetColumn.Kind) -> Int {
        switch cell {
        case .text(let text):
            return lineWidth(text)
        case .date:
            return 10
        case .number(let value):
            let written = "\(value)"
            switch kind {
            case .amount:
                let digits = written.filter(\.isNumber).count
                return written.count + (digits - 1) / 3
            case .percent:
                return "\(value * 100)".prefix { $0 != "." }.count + 3
            default:
                return written.count
            }
        }
    }

    /// The widest line in characters (grapheme clusters of NFC text: a Vietnamese letter with
    /// its marks is one).
    static func lineWidth(_ text: String) -> Int {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { PlainText.width(String($0)) }.max() ?? 0
    }

    /// Text wider than a column may be, or of several lines, wraps inside its cell.
    static func needsWrap(_ text: String) -> Bool {
        if text.contains(where: \.isNewline) { return true }
        // A line never shows wider than its characters: most cells are settled without measuring.
        return text.count > maximumWidth - padding && lineWidth(text) > maximumWidth - padding
    }

    /// "B12" for column 1, row 12.
    static func reference(_ column: Int, _ row: Int) -> String {
        columnName(column) + String(row)
    }

    /// A, B … Z, AA, AB …
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }
}
