import CSV
import Foundation
import ThiDuaDomain

/// Reading CSV as the office's spreadsheets write it. Writing is `SpreadsheetCSV`'s, whose
/// neutralised cells are restored here, so an exported list imports again unchanged.
public enum CSVText {
    /// A decoded CSV file: header and rows, with spreadsheet row numbers (header = row 1).
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [(line: Int, cells: [String])]
        /// The spreadsheet row the header is on (1 in a CSV file; a sheet may have a title above).
        public var headerLine = 1
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
                rows.append((line, row.map(SpreadsheetCSV.restored)))
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
