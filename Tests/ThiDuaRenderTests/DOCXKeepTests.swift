import Foundation
import Testing
@testable import ThiDuaRender
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The DOCX carries the PDF's keep rules as Word expects them: w:keepNext on every paragraph
/// of a row that must stay with the next row, on a heading before its table, and on the empty
/// paragraphs between a table's last rows, the closing line and the signature.
@Suite struct DOCXKeepTests {
    static func keeps(_ node: XMLElement) -> Bool {
        let paragraphs = node.name == "w:p" ? [node] : DOCXWriterTests.elements("w:p", in: node)
        return !paragraphs.isEmpty && paragraphs.allSatisfy { !DOCXWriterTests.elements("w:keepNext", in: $0).isEmpty }
    }

    @Test func rowsHeadingsAndClosingAreKeptWithWhatFollows() throws {
        let rows = 60
        let parts = try DOCXWriterTests.unzip(try DOCXWriter().data(for: PageBreakTests.document(rows: rows, orientation: .portrait)))
        let document = try #require(parts["word/document.xml"])
        let body = try #require(DOCXWriterTests.elements("w:body", in: document).first)
        let children = (body.children ?? []).compactMap { $0 as? XMLElement }
        func text(_ node: XMLNode) -> String { DOCXWriterTests.elements("w:t", in: node).compactMap(\.stringValue).joined() }

        let headingIndex = try #require(children.firstIndex { text($0) == PageBreakTests.heading })
        #expect(Self.keeps(children[headingIndex]), "the heading stays with the table")
        let tableIndex = try #require(children.indices.first { $0 > headingIndex && children[$0].name == "w:tbl" })
        #expect(children[(headingIndex + 1)..<tableIndex].allSatisfy(Self.keeps), "nothing loose between them")

        let table = children[tableIndex]
        let trs = DOCXWriterTests.elements("w:tr", in: table)
        #expect(trs.count == 1 + rows + 2)
        #expect(!DOCXWriterTests.elements("w:tblHeader", in: trs[0]).isEmpty)
        for row in trs { #expect(!DOCXWriterTests.elements("w:cantSplit", in: row).isEmpty) }
        let collectives = rows / 3
        // Row indices in the table: 0 header, 1 group I, 2… its rows, then group II.
        let groupII = 2 + collectives
        let kept = Set([0, 1, 2, groupII, groupII + 1, trs.count - 2, trs.count - 1])
        for (index, row) in trs.enumerated() {
            #expect(Self.keeps(row) == kept.contains(index), "row \(index): keepNext \(Self.keeps(row))")
        }
        // After the table: the spacer, the closing line and the signature's own gap all keep.
        let signatureIndex = try #require(children.lastIndex { $0.name == "w:tbl" })
        let between = children[(tableIndex + 1)..<signatureIndex]
        #expect(between.contains { text($0).hasPrefix(PageBreakTests.closing) })
        #expect(between.allSatisfy(Self.keeps), "the chain from the last rows reaches the signature")
    }

    @Test func aTitleKeepsWithTheFirstLineAfterIt() throws {
        let parts = try DOCXWriterTests.unzip(try DOCXWriter().data(for: TitleRuleTests.document("to-trinh-tinh-2025")))
        let xml = try #require(parts["word/document.xml"])
        let body = try #require(DOCXWriterTests.elements("w:body", in: xml).first)
        let children = (body.children ?? []).compactMap { $0 as? XMLElement }
        let title = try #require(children.firstIndex {
            DOCXWriterTests.elements("w:t", in: $0).compactMap(\.stringValue).joined() == "TỜ TRÌNH"
        })
        let kinhGui = try #require(children.indices.first { index in
            index > title && DOCXWriterTests.elements("w:t", in: children[index]).compactMap(\.stringValue).joined().hasPrefix("Kính gửi")
        })
        #expect(children[title..<kinhGui].allSatisfy(Self.keeps))
    }
}
