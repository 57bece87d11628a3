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
        /// Rows that could not be read as CSV at all (an unclosed quote), each with why; the
        /// rows around them are still read, so one import reports every bad row at once.
        public var unreadable: [(line: Int, message: String)] = []
    }

    /// Why a row with a quote opened and never closed is not read. The quote would otherwise
    /// swallow every row below it into one cell.
    static let unclosedQuote = "có dấu ngoặc kép (\") mở mà không đóng, nên dòng này không đọc được; hãy đóng hoặc xóa dấu ngoặc kép đó."

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
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        return try read(Substring(nfc), firstRow: 1, hasHeader: true, delimiter: delimiter, file: file)
    }

    /// Reads `text`, whose first record is spreadsheet row `firstRow`. A row with an unclosed
    /// quote is cut out (reported in `unreadable`) and the text after it read on its own.
    private static func read(_ text: Substring, firstRow: Int, hasHeader: Bool, delimiter: Character,
                             file: String) throws(StoreError) -> Table {
        if let cut = unclosedQuote(in: text, delimiter: delimiter) {
            let row = firstRow + cut.recordsBefore
            if hasHeader && row == firstRow {
                throw StoreError(file: file, line: row, reason: "dòng tiêu đề " + unclosedQuote)
            }
            var table = try read(text[..<cut.rowStart], firstRow: firstRow, hasHeader: hasHeader,
                                 delimiter: delimiter, file: file)
            let rest = try read(text[cut.rowEnd...], firstRow: row + 1, hasHeader: false, delimiter: delimiter, file: file)
            table.unreadable.append((row, unclosedQuote))
            table.rows += rest.rows
            table.unreadable += rest.unreadable
            return table
        }
        do {
            let reader = try CSVReader(string: String(text), hasHeaderRow: hasHeader, trimFields: true,
                                       delimiter: delimiter.unicodeScalars.first!)
            let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            var rows: [(Int, [String])] = []
            var line = hasHeader ? firstRow : firstRow - 1
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

    /// Where a quote opens and never closes: the records before its row, and where its row
    /// starts and where the physical line with the quote ends. Quotes count as the CSV rules do: one opens
    /// only at the start of a field, and `""` inside quotes is a quote character.
    static func unclosedQuote(in text: Substring, delimiter: Character)
        -> (recordsBefore: Int, rowStart: String.Index, rowEnd: String.Index)? {
        var records = 0
        var recordStart = text.startIndex
        var atFieldStart = true
        var quoted = false
        var openRecords = 0, openStart = text.startIndex, openQuote = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if quoted {
                if character == "\"" {
                    if next < text.endIndex && text[next] == "\"" {
                        index = text.index(after: next)
                        continue
                    }
                    quoted = false
                    atFieldStart = false
                }
            } else if character == "\"" && atFieldStart {
                quoted = true
                openRecords = records
                openStart = recordStart
                openQuote = index
            } else if character == delimiter {
                atFieldStart = true
            } else if character.isNewline {
                records += 1
                recordStart = next
                atFieldStart = true
            } else if !(atFieldStart && character == " ") {
                // Fields are trimmed, so spaces before an opening quote still leave it at the start.
                atFieldStart = false
            }
            index = next
        }
        guard quoted else { return nil }
        let rowEnd = text[openQuote...].firstIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.endIndex
        return (openRecords, openStart, rowEnd)
    }
}
