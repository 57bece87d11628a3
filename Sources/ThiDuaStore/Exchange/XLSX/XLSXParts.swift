import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The small parts of a workbook: its sheets, their files, the shared strings, and which
/// cell styles are dates.
enum XLSXParts {
    struct SheetEntry {
        var name: String
        var relationID: String
    }

    struct Workbook {
        var sheets: [SheetEntry] = []
        var date1904 = false
    }

    static func workbook(_ xml: Data, file: String) throws(StoreError) -> Workbook {
        var workbook = Workbook()
        try XMLWalk.run(xml, file: file, part: "xl/workbook.xml") { element, attributes in
            switch element {
            case "sheet":
                let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
                workbook.sheets.append(SheetEntry(name: attributes["name"] ?? "", relationID: id))
            case "workbookPr":
                workbook.date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true"
            default:
                break
            }
        }
        return workbook
    }

    /// Relation id → target path (relative to xl/).
    static func relations(_ xml: Data, file: String) throws(StoreError) -> [String: String] {
        var targets: [String: String] = [:]
        try XMLWalk.run(xml, file: file, part: "xl/_rels/workbook.xml.rels") { element, attributes in
            if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
        return targets
    }

    /// The shared strings in order; a string of several runs is their text joined.
    static func sharedStrings(_ xml: Data, file: String) throws(StoreError) -> [String] {
        let collector = TextCollector(item: "si")
        try XMLWalk.run(xml, file: file, part: "xl/sharedStrings.xml", delegate: collector)
        return collector.items
    }

    /// The indexes (into cellXfs) of the styles whose number format shows a date.
    static func dateStyles(_ xml: Data, file: String) throws(StoreError) -> Set<Int> {
        var customDates = Set<Int>()
        var formats: [Int] = []
        var inCellXfs = false
        try XMLWalk.run(xml, file: file, part: "xl/styles.xml", end: { element in
            if element == "cellXfs" { inCellXfs = false }
        }) { element, attributes in
            switch element {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                   isDateFormat(code) { customDates.insert(id) }
            case "cellXfs":
                inCellXfs = true
            case "xf" where inCellXfs:
                formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default:
                break
            }
        }
        var styles = Set<Int>()
        for (index, id) in formats.enumerated() where builtInDates.contains(id) || customDates.contains(id) {
            styles.insert(index)
        }
        return styles
    }

    /// Excel's built-in date formats (d/m/yyyy, d-mmm-yy, m/d/yy h:mm …).
    static let builtInDates: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// A format code that shows a day, month or year: d, m or y outside quotes and brackets
    /// ("dd/mm/yyyy", "[$-42A]d mmmm yyyy"), but not an elapsed time or a plain number.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d" where !inQuotes && !inBrackets, "y" where !inQuotes && !inBrackets: return true
            default: continue
            }
        }
        return false
    }
}

/// Runs `XMLParser` over a part, calling back for each element start (name without its
/// namespace prefix, attributes as written); a malformed part is reported with its line.
enum XMLWalk {
    static func run(_ xml: Data, file: String, part: String, end: ((String) -> Void)? = nil,
                    start: @escaping (String, [String: String]) -> Void) throws(StoreError) {
        try run(xml, file: file, part: part, delegate: Callbacks(start: start, end: end))
    }

    static func run(_ xml: Data, file: String, part: String, delegate: XMLParserDelegate) throws(StoreError) {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw StoreError(file: file, reason: "phần «\(part)» của tệp Excel không đọc được (dòng \(parser.lineNumber)).")
        }
    }

    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private final class Callbacks: NSObject, XMLParserDelegate {
        let start: (String, [String: String]) -> Void
        let end: ((String) -> Void)?
        init(start: @escaping (String, [String: String]) -> Void, end: ((String) -> Void)?) {
            self.start = start
            self.end = end
        }
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            start(XMLWalk.localName(elementName), attributeDict)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            end?(XMLWalk.localName(elementName))
        }
    }
}

/// The text of each `item` element (`si`, `is`): the `t` elements inside it joined, the
/// phonetic runs (`rPh`) left out.
final class TextCollector: NSObject, XMLParserDelegate {
    let item: String
    private(set) var items: [String] = []
    private var current: String?
    private var inText = false
    private var inPhonetic = false

    init(item: String) { self.item = item }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XMLWalk.localName(elementName) {
        case item: current = ""
        case "rPh": inPhonetic = true
        case "t": inText = current != nil && !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLWalk.localName(elementName) {
        case item:
            items.append(current ?? "")
            current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}
