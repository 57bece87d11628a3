import Foundation
import ThiDuaDomain

/// Documents' tables as CSV for Excel and LibreOffice, through the one CSV writer
/// (`SpreadsheetCSV`: byte-order mark, CRLF, quoting, formula neutralisation). What is
/// particular to documents is the cells: NFC, and a blank to fill in written as spaces.
public enum CSVExporter {
    public static func data(header: [String], rows: [[String]]) -> Data {
        SpreadsheetCSV.data(header: header.map(PlainText.cell), rows: rows.map { $0.map(PlainText.cell) })
    }

    /// A group row ("I. TẬP THỂ (3)") becomes a record with the label in its first field.
    public static func data(for table: Document.Table) -> Data {
        data(header: table.columns.map(\.header), rows: rows(of: table))
    }

    /// Every table of the document, each with its header row, separated by an empty line.
    public static func data(for document: Document) -> Data {
        SpreadsheetCSV.data(tables: document.tables.map { table in
            ([table.columns.map(\.header)] + rows(of: table)).map { $0.map(PlainText.cell) }
        })
    }

    static func rows(of table: Document.Table) -> [[String]] {
        table.rows.map { row in
            switch row {
            case .group(let label):
                return table.cells([label])
            case .data(let values):
                return table.cells(values)
            }
        }
    }

    /// One field as written: the cell, neutralised and quoted by the CSV writer.
    static func field(_ value: String) -> String {
        SpreadsheetCSV.field(PlainText.cell(value))
    }
}
