import Foundation

/// CSV as the office's spreadsheets read it, the one writer behind every CSV the program
/// makes (exported tables and the tables of documents): UTF-8 with a byte-order mark (without
/// it Excel on Windows reads the file in the ANSI code page and garbles Vietnamese), CRLF
/// line ends, RFC 4180 quoting, and cells a spreadsheet would run as a formula neutralised.
///
/// In the domain because both the store's exports and the renderer's documents write CSV and
/// neither module depends on the other. The quoting is by hand, four characters' worth,
/// because the domain has no package dependencies (CSV.swift's writer quotes the same four).
public enum SpreadsheetCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A whole file: the byte-order mark, then one record per row, each ended by CRLF.
    public static func data(header: [String], rows: [[String]]) -> Data {
        var text = record(header)
        for row in rows { text += record(row) }
        return Data(byteOrderMark + Array(text.utf8))
    }

    /// Several tables in one file, each with its header row, separated by an empty line.
    public static func data(tables: [[[String]]]) -> Data {
        let text = tables.map { $0.map(record).joined() }.joined(separator: "\r\n")
        return Data(byteOrderMark + Array(text.utf8))
    }

    /// One record, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised, then quoted when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        let text = neutralised(value)
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The formula-injection defence: a cell that starts with = + - @ tab or CR gets a
    /// leading apostrophe, so a spreadsheet shows it as text instead of running it
    /// ("=1+1" → "'=1+1", "+84 912 …" → "'+84 912 …"). A plain number ("-5", "+3", "12,5")
    /// stays as it is, so a deduction or a signed score is still a number in the sheet.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    /// The inverse of `neutralised`, for reading back a file we (or a spreadsheet) wrote:
    /// "'=1+1" → "=1+1". Without it an exported list would not import again (a phone number
    /// «'+84 …» is refused) and names would gain an apostrophe.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
              formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// An optional sign, digits, and at most one decimal separator ("." or ",") followed by
    /// digits: "-5", "+3", "-5.5", "12,5". Not "-", "1e5", "-x" or "+84 912".
    public static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = Substring(cell).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        let whole = scalars.prefix { ("0"..."9").contains($0) }
        guard !whole.isEmpty else { return false }
        scalars = scalars.dropFirst(whole.count)
        guard let separator = scalars.first else { return true }
        guard separator == "." || separator == "," else { return false }
        let fraction = scalars.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy { ("0"..."9").contains($0) }
    }
}
