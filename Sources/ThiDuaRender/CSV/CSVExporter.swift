import Foundation

/// Tables as CSV for Excel and LibreOffice: UTF-8 with a byte-order mark (without it Excel on
/// Windows reads the file in the ANSI code page and garbles Vietnamese), CRLF line ends,
/// RFC 4180 quoting. Written by hand: the target may not depend on CSV.swift, and its writer
/// has no BOM or formula neutralisation anyway.
public enum CSVExporter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func data(header: [String], rows: [[String]]) -> Data {
        var text = record(header)
        for row in rows { text += record(row) }
        return Data(byteOrderMark + Array(text.utf8))
    }

    /// A group row ("I. TẬP THỂ (3)") becomes a record with the label in its first field.
    public static func data(for table: Document.Table) -> Data {
        data(header: table.columns.map(\.header), rows: rows(of: table))
    }

    /// Every table of the document, each with its header row, separated by an empty line.
    public static func data(for document: Document) -> Data {
        let text = document.tables.map { table in
            ([table.columns.map(\.header)] + rows(of: table)).map(record).joined()
        }.joined(separator: "\r\n")
        return Data(byteOrderMark + Array(text.utf8))
    }

    static func rows(of table: Document.Table) -> [[String]] {
        let count = table.columns.count
        return table.rows.map { row in
            switch row {
            case .group(let label):
                return [label] + Array(repeating: "", count: max(0, count - 1))
            case .data(let values):
                return (0..<count).map { $0 < values.count ? values[$0] : "" }
            }
        }
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: NFC, a blank to fill in as spaces; a leading = + - @ tab or CR gets an apostrophe so a spreadsheet never
    /// runs it as a formula (CSV injection); quoted when it holds a comma, quote or line break.
    static func field(_ value: String) -> String {
        var text = PlainText.blanksAsSpaces(PlainText.nfc(value))
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
