import Foundation
import ThiDuaDomain

/// Writes a workbook (.xlsx, SpreadsheetML in a zip) that Excel, LibreOffice Calc and openpyxl
/// open: one sheet per table, numbers as numbers, dates as dates (shown dd/mm/yyyy), a bold
/// header row frozen above the rest with a filter, columns as wide as their text.
///
/// Text is written as inline strings (`t="inlineStr"`) rather than a shared-strings part: each
/// cell holds its own text, so a sheet is written in one pass with nothing to keep in step, a
/// text starting with «=» can never be a formula, and the file is the same for the same table.
/// What a shared table would save in size, deflate mostly saves too at a commune's scale.
public struct XLSXWriter: Sendable {
    public struct Workbook: Sendable, Equatable {
        public var sheets: [Sheet]

        public init(sheets: [Sheet]) {
            self.sheets = sheets
        }
    }

    public struct Sheet: Sendable, Equatable {
        /// Made fit for Excel when written: at most 31 characters, none of `[]:*?/\`, unique.
        public var name: String
        public var header: [String]
        /// One per header cell; what the column's number cells are shown as (`.amount` with its
        /// thousands grouped, `.percent` as a percentage).
        public var kinds: [SpreadsheetColumn.Kind]
        public var rows: [Row]

        public init(name: String, header: [String], kinds: [SpreadsheetColumn.Kind], rows: [Row]) {
            self.name = name
            self.header = header
            self.kinds = kinds
            self.rows = rows
        }

        /// Rows of text, each cell typed by its column's kind (see `SpreadsheetCell`).
        public init(name: String, header: [String], kinds: [SpreadsheetColumn.Kind], textRows: [[String]],
                    decimalSeparator: Character) {
            self.init(name: name, header: header, kinds: kinds,
                      rows: textRows.map { .typed($0, kinds: kinds, decimalSeparator: decimalSeparator) })
        }
    }

    public enum Row: Sendable, Equatable {
        /// A bold label in the first column ("I. TẬP THỂ (3)"), as a document's group row.
        case group(String)
        /// One cell per column; nil is an empty cell.
        case cells([SpreadsheetCell?])

        public static func typed(_ texts: [String], kinds: [SpreadsheetColumn.Kind], decimalSeparator: Character) -> Row {
            .cells(texts.enumerated().map { index, text in
                SpreadsheetCell(text, kind: index < kinds.count ? kinds[index] : .text, decimalSeparator: decimalSeparator)
            })
        }
    }

    public init() {}

    /// The package's parts in the order they are zipped.
    func parts(for workbook: Workbook) -> [(path: String, xml: String)] {
        let names = Self.sheetNames(workbook.sheets.map(\.name))
        let sheets = workbook.sheets.map { XLSXWorksheet(sheet: $0) }
        return [
            ("[Content_Types].xml", XLSXPackage.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", XLSXPackage.packageRelationships),
            ("xl/workbook.xml", XLSXPackage.workbook(names: names, filters: sheets.map(\.filterRange))),
            ("xl/_rels/workbook.xml.rels", XLSXPackage.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", XLSXPackage.styles),
        ] + sheets.enumerated().map { index, sheet in
            ("xl/worksheets/sheet\(index + 1).xml", sheet.xml(selected: index == 0))
        }
    }

    public func data(for workbook: Workbook) throws -> Data {
        guard !workbook.sheets.isEmpty else { throw RenderError.writeFailed(detail: "bảng tính XLSX không có trang nào") }
        return try OfficePackage.data(parts(for: workbook), format: "XLSX")
    }

    /// Longest sheet name Excel takes, in UTF-16 units (one per Vietnamese letter in NFC).
    static let maximumNameLength = 31

    /// The names made fit for Excel: printable NFC with `[]:*?/\` as «-» and no apostrophe at
    /// either end, cut to 31 characters, «Bảng n» for a name left empty, and « (2)», « (3)» …
    /// after a name already taken (Excel compares them without case).
    static func sheetNames(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.enumerated().map { index, name in
            var base = String(PlainText.printable(name).map { character -> Character in
                if "[]:*?/\\".contains(character) { return "-" }
                return character.isWhitespace ? " " : character
            })
            base = base.trimmingCharacters(in: nameEnds)
            if base.isEmpty { base = "Bảng \(index + 1)" }
            var candidate = cut(base, to: maximumNameLength)
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = cut(base, to: maximumNameLength - suffix.utf16.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The longest start of `text` within `limit` UTF-16 units, whole characters only.
    private static func cut(_ text: String, to limit: Int) -> String {
        var result = ""
        for character in text {
            guard result.utf16.count + character.utf16.count <= limit else { break }
            result.append(character)
        }
        return result.trimmingCharacters(in: nameEnds)
    }

    /// What a sheet name may not start or end with (Excel refuses an apostrophe there).
    private static let nameEnds = CharacterSet(charactersIn: "' ")
}
