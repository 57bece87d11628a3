import Foundation
import ThiDuaDomain
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One worksheet part (`xl/worksheets/sheetN.xml`) as rows of text, in one streaming pass.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private(set) var rows: [(line: Int, cells: [String])] = []
    /// A shared-string index out of range, or a cell reference that cannot be read.
    private(set) var problem: String?

    private var rowNumber = 0
    private var cells: [String] = []
    private var cell: (column: Int, type: String, style: Int)?
    private var value = ""
    private var inValue = false
    private var inlineText: String?
    private var inInlineT = false

    private init(strings: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    static func rows(_ xml: Data, file: String, strings: [String], dateStyles: Set<Int>,
                     date1904: Bool) throws(StoreError) -> [(line: Int, cells: [String])] {
        let parser = XLSXSheetParser(strings: strings, dateStyles: dateStyles, date1904: date1904)
        try XMLWalk.run(xml, file: file, part: "trang tính", delegate: parser)
        if let problem = parser.problem { throw StoreError(file: file, reason: problem) }
        return parser.rows
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XMLWalk.localName(elementName) {
        case "row":
            rowNumber = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            let column = attributeDict["r"].flatMap(Self.column(of:)) ?? cells.count
            cell = (column, attributeDict["t"] ?? "n", attributeDict["s"].flatMap(Int.init) ?? 0)
            value = ""
            inlineText = nil
        case "v":
            inValue = cell != nil
        case "is":
            inlineText = ""
        case "t":
            inInlineT = inlineText != nil
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
        if inInlineT { inlineText? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLWalk.localName(elementName) {
        case "v": inValue = false
        case "t": inInlineT = false
        case "c":
            guard let cell else { return }
            if cells.count <= cell.column { cells += Array(repeating: "", count: cell.column - cells.count + 1) }
            cells[cell.column] = text(of: cell)
            self.cell = nil
        case "row":
            // Trailing empty cells are dropped; a row with nothing in it is kept out.
            while cells.last?.isEmpty == true { cells.removeLast() }
            if !cells.isEmpty { rows.append((rowNumber, cells)) }
        default:
            break
        }
    }

    private func text(of cell: (column: Int, type: String, style: Int)) -> String {
        switch cell.type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                problem = problem ?? "dòng \(rowNumber): ô tham chiếu chuỗi số \(value) không có trong bảng tính."
                return ""
            }
            return strings[index]
        case "inlineStr": return inlineText ?? ""
        case "b": return value == "1" ? "Có" : "Không"
        case "str", "e": return value
        default:
            // A number; shown as a date when its style is one (Excel keeps dates as serials).
            if dateStyles.contains(cell.style), let serial = Double(value), serial == serial.rounded(.down),
               let date = CalendarDate(spreadsheetSerial: Int(serial), date1904: date1904) {
                return date.display
            }
            return value
        }
    }

    /// "C12" → 2.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}
