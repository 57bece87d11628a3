import Foundation
import Testing
@testable import ThiDuaRender

@Suite struct PDFLayoutTests {
    static let signatureLines = ["Nơi nhận:", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]

    /// A table of one-line rows followed by the signature. Over 30 consecutive lengths the space
    /// left under the table runs through every size, so some lengths would leave the signature
    /// alone on a page: it stays whole, and the last two rows come over with it.
    @Test func signatureIsKeptWholeOnOnePageWithTheLastRows() throws {
        let writer = try PDFWriter()
        var pulledOver = 0
        for rows in 25...55 {
            let table = Document.Table(
                columns: [.init("STT", width: 1, alignment: .center), .init("Họ và tên", width: 5)],
                rows: (1...rows).map { .data(["\($0)", "Người thứ \($0)"]) })
            let document = Document(blocks: [.title(Document.Title("Danh sách")), .table(table),
                                             .signature(Fixtures.signature)])
            let pages = try PDFReading(try writer.data(for: document), name: "signature-\(rows).pdf").pages()
            let signaturePages = Set(Self.signatureLines.compactMap { PDFReading.page(of: $0, in: pages) })
            #expect(signaturePages.count == 1, "\(rows) rows: signature spread over pages \(signaturePages)")
            let signaturePage = try #require(signaturePages.first)
            for row in [rows - 1, rows] {
                #expect(PDFReading.page(of: "Người thứ \(row)", in: pages) == signaturePage,
                        "\(rows) rows: row \(row) is not on the signature's page")
            }
            if signaturePage > 0, PDFReading.page(of: "Người thứ \(rows - 2)", in: pages) == signaturePage - 1 {
                pulledOver += 1
            }
        }
        #expect(pulledOver > 0, "no length made rows move with the signature: the test proves nothing")
    }

    @Test func decomposedInputIsWrittenPrecomposed() throws {
        let nfd = "Nguyễn Thị Hường".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > 16)
        let document = Document(blocks: [.paragraph(Document.Paragraph(nfd, alignment: .left))])
        let text = try PDFReading(try PDFWriter().data(for: document), name: "nfd.pdf").pages().joined()
        let line = try #require(text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(Array(line.trimmingCharacters(in: .whitespaces).unicodeScalars) == Array("Nguyễn Thị Hường".unicodeScalars))
    }

    /// Last resort: a row taller than a page is split between lines, with the header row repeated.
    @Test func rowTallerThanAPageIsSplit() throws {
        let words = (1...900).map { "từ\($0)" }.joined(separator: " ")
        let table = Document.Table(columns: [.init("STT", width: 1), .init("Nội dung", width: 6)],
                                   rows: [.data(["1", words]), .data(["2", "Dòng cuối"])])
        let pdf = try PDFReading(try PDFWriter().data(for: Document(blocks: [.table(table)])), name: "tall-row.pdf")
        #expect(try pdf.qpdfCheck().status == 0)
        let pages = try pdf.pages()
        #expect(pages.count >= 2)
        for page in pages { #expect(page.contains("Nội dung"), "header row on every page") }
        let all = pages.joined()
        for index in [1, 450, 900] { #expect(all.contains("từ\(index)")) }
        #expect(all.contains("Dòng cuối"))
    }

    @Test func justifiedParagraphFillsTheLine() throws {
        let text = String(repeating: "Ủy ban nhân dân xã đề nghị khen thưởng các tập thể và cá nhân. ", count: 6)
        let fonts = try FontLocator().fonts()
        let breaker = LineBreaker(fonts: fonts, size: 13)
        let lines = try breaker.lines([.init(text)], width: 400, alignment: .justify)
        #expect(lines.count > 2)
        for line in lines.dropLast() {
            let last = try #require(line.pieces.last)
            #expect(abs(last.x + last.width - 400) < 0.01, "justified line ends at the right edge")
        }
        let lastLine = try #require(lines.last?.pieces.last)
        #expect(lastLine.x + lastLine.width < 400)
    }

    @Test func pageBreakAndEmptyDocument() throws {
        let writer = try PDFWriter()
        let empty = try PDFReading(try writer.data(for: Document()), name: "empty.pdf")
        #expect(try empty.info().contains("Pages:           1"))
        let broken = Document(blocks: [.paragraph(.init("Trang một")), .pageBreak, .pageBreak,
                                       .paragraph(.init("Trang hai"))])
        let pages = try PDFReading(try writer.data(for: broken), name: "break.pdf").pages()
        #expect(pages.count == 2, "a second break on an empty page adds no page")
        #expect(pages[1].contains("Trang hai") && pages[1].contains("2"))
    }
}
