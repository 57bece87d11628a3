import Foundation
import Testing
import ZIPFoundation
@testable import ThiDuaRender
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct DOCXWriterTests {
    static let requiredParts = [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml",
    ]

    /// Unzips with ZIPFoundation and parses every part with Foundation's XML parser.
    static func unzip(_ data: Data) throws -> [String: XMLDocument] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: XMLDocument] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = try XMLDocument(data: bytes, options: [])
        }
        return parts
    }

    /// Every element named `name` (qualified, e.g. "w:tr") under `node`, in document order.
    static func elements(_ name: String, in node: XMLNode) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in node.children ?? [] {
            if let element = child as? XMLElement, element.name == name { found.append(element) }
            found += elements(name, in: child)
        }
        return found
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    @Test func packageHasEveryPartAndEachParses() throws {
        let parts = try Self.unzip(try DOCXWriter().data(for: Fixtures.list(rows: 300)))
        for path in Self.requiredParts { #expect(parts[path] != nil, "missing \(path)") }
        let types = try #require(parts["[Content_Types].xml"]).xmlString
        for part in ["document", "styles", "settings", "header1", "header2"] {
            #expect(types.contains("/word/\(part).xml"), "content type of \(part)")
        }
    }

    @Test func listTableRepeatsItsHeaderRowAndKeepsRowsWhole() throws {
        let parts = try Self.unzip(try DOCXWriter().data(for: Fixtures.list(rows: 300)))
        let document = try #require(parts["word/document.xml"])
        // The list is the table with a grid of six columns (the header and signature are layout tables).
        let tables = Self.elements("w:tbl", in: document)
        let list = try #require(tables.first { Self.elements("w:gridCol", in: $0).count == Fixtures.columns.count })
        let rows = Self.elements("w:tr", in: list)
        #expect(rows.count == 1 + 300 + 3)
        #expect(Self.elements("w:tblHeader", in: rows[0]).count == 1, "header row repeats on every page")
        #expect(Self.elements("w:tblHeader", in: list).count == 1, "only the header row")
        for row in rows { #expect(Self.elements("w:cantSplit", in: row).count == 1) }
        let headerTexts = Self.elements("w:t", in: rows[0]).map { $0.stringValue ?? "" }
        #expect(headerTexts == Fixtures.columns.map(\.header))
        // Group rows are one cell spanning the grid.
        let group = rows[1]
        let span = try #require(Self.elements("w:gridSpan", in: group).first)
        #expect(Self.attribute(span, "w:val") == "\(Fixtures.columns.count)")
        #expect(Self.elements("w:t", in: group).first?.stringValue == "I. TẬP THỂ (1)")
        let text = Self.elements("w:t", in: list).compactMap(\.stringValue).joined(separator: "|")
        for name in Fixtures.names { #expect(text.contains(name)) }
    }

    @Test func sectionIsA4WithPageNumbersFromPageTwo() throws {
        let parts = try Self.unzip(try DOCXWriter().data(for: Fixtures.list(rows: 5)))
        let document = try #require(parts["word/document.xml"])
        let section = try #require(Self.elements("w:sectPr", in: document).last)
        let size = try #require(Self.elements("w:pgSz", in: section).first)
        #expect(Self.attribute(size, "w:w") == "11906" && Self.attribute(size, "w:h") == "16838")
        #expect(Self.attribute(size, "w:orient") == nil)
        let margins = try #require(Self.elements("w:pgMar", in: section).first)
        #expect(Self.attribute(margins, "w:left") == "1701" && Self.attribute(margins, "w:right") == "850")
        #expect(Self.attribute(margins, "w:top") == "1134" && Self.attribute(margins, "w:bottom") == "1134")
        #expect(Self.elements("w:titlePg", in: section).count == 1)
        let references = Self.elements("w:headerReference", in: section).map { Self.attribute($0, "w:type") }
        #expect(references == ["default", "first"])
        // Schema order: header references, then page size and margins, then titlePg.
        let order = (section.children ?? []).compactMap(\.name)
        #expect(order == ["w:headerReference", "w:headerReference", "w:pgSz", "w:pgMar", "w:titlePg"])

        let header = try #require(parts["word/header1.xml"])
        let instruction = Self.elements("w:instrText", in: header).first?.stringValue
        #expect(instruction?.trimmingCharacters(in: .whitespaces) == "PAGE")
        let first = try #require(parts["word/header2.xml"])
        #expect(Self.elements("w:t", in: first).isEmpty, "page 1 shows no number")

        let styles = try #require(parts["word/styles.xml"]).xmlString
        #expect(styles.contains("w:hAnsi=\"Times New Roman\""))
        #expect(styles.contains("<w:sz w:val=\"26\"") || styles.contains("<w:sz w:val=\"26\"/>"))
    }

    @Test func landscapeSwapsThePageAndSaysSo() throws {
        let parts = try Self.unzip(try DOCXWriter().data(for: Fixtures.list(rows: 5, orientation: .landscape)))
        let body = try #require(parts["word/document.xml"])
        let size = try #require(Self.elements("w:pgSz", in: body).first)
        #expect(Self.attribute(size, "w:w") == "16838" && Self.attribute(size, "w:h") == "11906")
        #expect(Self.attribute(size, "w:orient") == "landscape")
    }

    @Test func runsCarryStylesAndEscapedText() throws {
        let document = Document(blocks: [
            .paragraph(.init([.bold("Điều 1."), .init(" Khen <thưởng> & \"tặng\"\u{0C}"), .italic(" nghiêng")])),
        ])
        let parts = try Self.unzip(try DOCXWriter().data(for: document))
        let body = try #require(parts["word/document.xml"])
        let runs = Self.elements("w:r", in: body)
        #expect(runs.count == 3)
        #expect(Self.elements("w:b", in: runs[0]).count == 1)
        #expect(Self.elements("w:t", in: runs[1]).first?.stringValue == " Khen <thưởng> & \"tặng\"")
        #expect(Self.elements("w:i", in: runs[2]).count == 1)
        let paragraph = try #require(Self.elements("w:p", in: body).first)
        let justification = try #require(Self.elements("w:jc", in: paragraph).first)
        #expect(Self.attribute(justification, "w:val") == "both")
    }

    @Test func sameInputGivesSameBytes() throws {
        let document = Fixtures.list(rows: 50)
        let first = try DOCXWriter().data(for: document)
        let second = try DOCXWriter().data(for: document)
        #expect(first == second)
        let measured = DOCXWriter(fonts: try FontLocator().fonts())
        #expect(try measured.data(for: document) == measured.data(for: document))
    }
}
