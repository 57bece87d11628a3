import CSV
import Foundation

/// CSV as the office's spreadsheets read and write it: UTF-8 with a BOM (so Excel shows
/// Vietnamese correctly), CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet
/// would run as a formula neutralised with a leading apostrophe.
public enum CSVText {
    public static func write(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows {
            writer.beginNewRow()
            try writer.write(row: row.map(neutralised))
        }
        writer.stream.close()
        guard let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return Data() }
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(body)
        data.append(contentsOf: [0x0D, 0x0A])
        return data
    }

    /// "=1+1" → "'=1+1"; plain numbers such as "-0.5" stay numbers.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.unicodeScalars.contains(first) else { return cell }
        if Double(cell.replacingOccurrences(of: ",", with: ".")) != nil { return cell }
        return "'" + cell
    }

    static let formulaStarts = "=+-@\t\r"

    /// The inverse of `neutralised`, for reading back a file we (or a spreadsheet) wrote:
    /// "'=1+1" → "=1+1", "'+84 208 …" → "+84 208 …". Without it an exported list would not
    /// import again (a phone number «'+84 …» is refused) and names would gain an apostrophe.
    static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
              formulaStarts.unicodeScalars.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// A decoded CSV file: header and rows, with spreadsheet row numbers (header = row 1).
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [(line: Int, cells: [String])]
    }

    /// Reads CSV bytes: UTF-8 with or without BOM, NFD accepted (normalised to NFC),
    /// comma or semicolon separated (Excel in Vietnamese locales writes semicolons).
    public static func read(_ data: Data, file: String) throws(StoreError) -> Table {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw StoreError(file: file, reason: "tệp ở dạng UTF-16; hãy lưu lại dưới dạng «CSV UTF-8 (phân cách bằng dấu phẩy)».")
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw StoreError(file: file, line: DatasetCodec.invalidUTF8Line(Data(bytes)),
                reason: "tệp không phải UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3/ABC). Hãy mở tệp trong Excel hoặc LibreOffice và lưu lại dưới dạng «CSV UTF-8»; chương trình không tự đoán bảng mã để tránh sai dấu.")
        }
        let nfc = text.precomposedStringWithCanonicalMapping
        let firstLine = nfc.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        do {
            let reader = try CSVReader(string: nfc, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
            let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            var rows: [(Int, [String])] = []
            var line = 1
            while let row = reader.next() {
                line += 1
                if row.allSatisfy({ $0.isEmpty }) { continue }
                rows.append((line, row.map(restored)))
            }
            if let error = reader.error {
                throw StoreError(file: file, line: line + 1, reason: "CSV không hợp lệ (\(error)).")
            }
            return Table(header: header, rows: rows)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(file: file, reason: "không đọc được tiêu đề cột (\(error)).")
        }
    }
}
