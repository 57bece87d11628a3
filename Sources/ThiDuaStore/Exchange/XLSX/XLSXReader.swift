import Foundation
import ThiDuaDomain
import ZIPFoundation

/// Reads a sheet of an Excel workbook (.xlsx) as rows of text, for the same import as CSV:
/// shared and inline strings, numbers as written in the file, dates stored as serial numbers
/// (by the cell's number format) as dd/mm/yyyy, booleans as «Có» / «Không».
///
/// The container is a zip (ZIPFoundation); each XML part is read with Foundation's streaming
/// `XMLParser`, so a sheet of any size is read in one pass without building a tree.
public enum XLSXReader {
    /// The cells of one sheet: row number (1-based, as Excel shows it) and the row's cells by
    /// column (A = 0), missing cells as "".
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var rows: [(line: Int, cells: [String])]

        public static func == (lhs: Sheet, rhs: Sheet) -> Bool {
            lhs.name == rhs.name && lhs.rows.map(\.line) == rhs.rows.map(\.line) && lhs.rows.map(\.cells) == rhs.rows.map(\.cells)
        }
    }

    /// Whether the bytes are a zip archive (every .xlsx is one).
    public static func looksLikeWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The sheet named `sheetName` (Vietnamese letters compared as typed, case and accents
    /// ignored), or the first sheet.
    public static func read(_ data: Data, file: String, sheet sheetName: String? = nil) throws(StoreError) -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw StoreError(file: file, reason: "không phải tệp Excel (.xlsx) đọc được: tệp zip hỏng hoặc không phải zip.")
        }
        func part(_ path: String) throws(StoreError) -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { bytes.append($0) }
            } catch {
                throw StoreError(file: file, reason: "phần «\(path)» của tệp Excel bị hỏng.")
            }
            return bytes
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw StoreError(file: file, reason: "tệp zip này không phải bảng tính Excel (thiếu xl/workbook.xml).")
        }
        let workbook = try XLSXParts.workbook(workbookXML, file: file)
        var relations: [String: String] = [:]
        if let xml = try part("xl/_rels/workbook.xml.rels") { relations = try XLSXParts.relations(xml, file: file) }
        guard !workbook.sheets.isEmpty else { throw StoreError(file: file, reason: "bảng tính không có trang nào.") }
        let chosen: XLSXParts.SheetEntry
        if let sheetName {
            let wanted = VietnameseText.searchFold(sheetName)
            guard let found = workbook.sheets.first(where: { VietnameseText.searchFold($0.name) == wanted }) else {
                let names = workbook.sheets.map { "«\($0.name)»" }.joined(separator: ", ")
                throw StoreError(file: file, reason: "không có trang «\(sheetName)»; bảng tính có các trang \(names).")
            }
            chosen = found
        } else {
            chosen = workbook.sheets[0]
        }
        guard let target = relations[chosen.relationID] else {
            throw StoreError(file: file, reason: "không tìm thấy nội dung của trang «\(chosen.name)».")
        }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(path) else {
            throw StoreError(file: file, reason: "thiếu phần «\(path)» của trang «\(chosen.name)».")
        }
        var strings: [String] = [], dateStyles: Set<Int> = []
        if let xml = try part("xl/sharedStrings.xml") { strings = try XLSXParts.sharedStrings(xml, file: file) }
        if let xml = try part("xl/styles.xml") { dateStyles = try XLSXParts.dateStyles(xml, file: file) }
        let rows = try XLSXSheetParser.rows(sheetXML, file: file, strings: strings, dateStyles: dateStyles,
                                            date1904: workbook.date1904)
        return Sheet(name: chosen.name, rows: rows)
    }
}

extension XLSXReader.Sheet {
    /// The rows under the header, as an import reads a CSV file: the header is the first row
    /// (of the first 30) that names every required column, so a title or blank rows above it
    /// are skipped; cells in NFC, trimmed.
    func table(fields: [ColumnMap.Field]) -> CSVText.Table {
        let cleaned = rows.map { row in
            (line: row.line, cells: row.cells.map { $0.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) })
        }
        let headerIndex = cleaned.prefix(30).firstIndex { ColumnMap.isHeader($0.cells, fields: fields) } ?? 0
        guard cleaned.indices.contains(headerIndex) else { return CSVText.Table(header: [], rows: []) }
        let header = cleaned[headerIndex]
        return CSVText.Table(header: header.cells, rows: Array(cleaned[(headerIndex + 1)...]), headerLine: header.line)
    }
}
