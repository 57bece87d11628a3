import Foundation
import Testing
@testable import ThiDuaRender

/// The short line under the trích yếu, read back from the PDF's content stream (PDFRules) and
/// placed against the words pdftotext -bbox finds around it.
@Suite struct TitleRuleTests {
    static let ruled = ["to-trinh-giay-khen-xa-2025", "to-trinh-tinh-2025", "quyet-dinh-2025", "bien-ban-2025",
                        "bao-cao-nam-2025"]

    static func document(_ name: String) throws -> Document {
        let request = try #require(DocumentGoldenTests.requests.first { $0.0 == name }?.1)
        return try DocumentGoldenTests.build(request)
    }

    static func firstTitle(_ document: Document) throws -> Document.Title {
        try #require(document.blocks.lazy.compactMap { block -> Document.Title? in
            if case .title(let title) = block { return title }
            return nil
        }.first)
    }

    /// The lines of page 1 from the title's first line through its summary.
    static func titleLines(_ title: Document.Title, in lines: [PDFTextLine]) throws -> (heading: PDFTextLine, summary: [PDFTextLine], next: PDFTextLine?) {
        let start = try #require(lines.firstIndex { $0.text == title.text.uppercased() }, "no title line")
        let expected = title.summary.joined(separator: " ")
        var summary: [PDFTextLine] = []
        var index = start + 1
        while index < lines.count, summary.map(\.text).joined(separator: " ") != expected {
            summary.append(lines[index])
            index += 1
        }
        #expect(summary.map(\.text).joined(separator: " ") == expected, "summary lines as read back")
        return (lines[start], summary, index < lines.count ? lines[index] : nil)
    }

    @Test(arguments: ruled) func ruleUnderTheSummaryIsCentredAndAThirdToAHalfLong(name: String) throws {
        let document = try Self.document(name)
        let title = try Self.firstTitle(document)
        #expect(title.rule, "\(name) asks for the rule")
        let pdf = try PDFReading(try PDFWriter().data(for: document), name: "rule-\(name).pdf")
        let lines = PDFReading.lines(try pdf.words()[0])
        let (_, summary, next) = try Self.titleLines(title, in: lines)
        let lastLine = try #require(summary.last)
        let widest = try #require(summary.map { $0.xMax - $0.xMin }.max())

        let page = Units.pageSize(document.page)
        let rules = try pdf.horizontalRules(pageHeight: page.height)[0]
        let under = rules.filter { $0.y > lastLine.yMax && $0.y < (next?.yMin ?? .infinity) }
        #expect(under.count == 1, "\(name): rules between the summary and the next line: \(under)")
        let rule = try #require(under.first)
        #expect(rule.y - lastLine.yMax < 6, "\(name): the rule sits right under the summary (\(rule.y - lastLine.yMax) pt)")
        #expect(rule.length >= widest / 3 - 0.5 && rule.length <= widest / 2 + 0.5,
                "\(name): rule \(rule.length) pt under a summary \(widest) pt wide")
        let textCentre = Units.points(document.page.margins.left)
            + (page.width - Units.points(document.page.margins.left) - Units.points(document.page.margins.right)) / 2
        #expect(abs(rule.centre - textCentre) < 0.5, "\(name): centred (\(rule.centre) vs \(textCentre))")
        #expect(abs(rule.centre - (lastLine.xMin + lastLine.xMax) / 2) < 2, "\(name): under the centred summary")
        print("\(name): rule \(String(format: "%.1f", rule.length)) pt = \(String(format: "%.2f", rule.length / widest)) of the summary's \(String(format: "%.1f", widest)) pt, \(String(format: "%.1f", rule.y - lastLine.yMax)) pt under it, centre \(String(format: "%.2f", rule.centre))")
    }

    /// Lists and annexes keep none: no line between their title block and the table.
    @Test func listsHaveNoRuleUnderTheirTitle() throws {
        let document = try Self.document("danh-sach-2025")
        let title = try Self.firstTitle(document)
        #expect(!title.rule)
        let pdf = try PDFReading(try PDFWriter().data(for: document), name: "rule-none.pdf")
        let lines = PDFReading.lines(try pdf.words()[0])
        let (heading, _, next) = try Self.titleLines(title, in: lines)
        let rules = try pdf.horizontalRules(pageHeight: Units.pageSize(document.page).height)[0]
        let bottom = next?.yMax ?? .infinity
        let under = rules.filter { $0.y > heading.yMin && $0.y < bottom }
        #expect(under.isEmpty, "lines under the list's title: \(under)")
    }

    /// DOCX draws it as an empty bordered paragraph narrowed by indents to the PDF's length.
    @Test func docxRuleHasThePDFsLength() throws {
        let document = try Self.document("to-trinh-giay-khen-xa-2025")
        let title = try Self.firstTitle(document)
        let fonts = try FontLocator().fonts()
        let parts = try DOCXWriterTests.unzip(try DOCXWriter(fonts: fonts).data(for: document))
        let body = try #require(parts["word/document.xml"])
        let paragraphs = DOCXWriterTests.elements("w:p", in: body)
        let summaryIndex = try #require(paragraphs.firstIndex {
            DOCXWriterTests.elements("w:t", in: $0).compactMap(\.stringValue).joined() == title.summary.last
        })
        let rule = paragraphs[summaryIndex + 1]
        #expect(DOCXWriterTests.elements("w:top", in: rule).count == 1, "a top border under the summary")
        #expect(DOCXWriterTests.elements("w:keepNext", in: rule).count == 1, "kept with the title")
        let indent = try #require(DOCXWriterTests.elements("w:ind", in: rule).first)
        let left = Int(try #require(DOCXWriterTests.attribute(indent, "w:left")))!
        let right = Int(try #require(DOCXWriterTests.attribute(indent, "w:right")))!
        let textWidth = 11906 - Twips.from(millimetres: 30) - Twips.from(millimetres: 15)
        let length = Double(textWidth - left - right) / 20
        let widest = try title.summary.flatMap {
            try LineBreaker(fonts: fonts, size: 14).lines([.bold($0)], width: Double(textWidth) / 20, alignment: .center)
        }.map(\.width).max()!
        #expect(abs(length - widest * Document.Rule.shortShare) < 1, "DOCX rule \(length) pt, PDF's \(widest * 0.4) pt")
        #expect(left == right, "centred")
    }

    @Test func textRuleIsDashesUnderTheSummary() throws {
        let lines = TextWriter(width: 100).lines(try Self.document("quyet-dinh-2025"))
        let index = try #require(lines.firstIndex { $0.contains("thi đua, năm 2025") })
        let rule = lines[index + 1].trimmingCharacters(in: .whitespaces)
        #expect(!rule.isEmpty && rule.allSatisfy { $0 == "─" })
        #expect(Double(rule.count) >= 99.0 / 3 && Double(rule.count) <= 100.0 / 2)
    }
}
