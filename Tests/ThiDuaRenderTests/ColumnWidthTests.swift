import Foundation
import Testing
@testable import ThiDuaRender

/// Columns start from their widest unbreakable piece, so dates, years, codes and header words
/// come out whole in the PDF, the DOCX and the text previews of every sample document.
@Suite struct ColumnWidthTests {
    /// dd/mm/yyyy, a year, a code such as DV0001 or CN00012, «STT»; trailing punctuation allowed.
    static let wholeWord = try! NSRegularExpression(pattern: #"^(\d{2}/\d{2}/\d{4}|\d{4}|[A-Z]{2}\d{4,5}|STT)[;,.)]*$"#)

    static func mustStayWhole(_ piece: String) -> Bool {
        wholeWord.firstMatch(in: piece, range: NSRange(piece.startIndex..., in: piece)) != nil
    }

    /// Every such piece of the document, with how often it occurs: in the tables' cells and
    /// headers and in all the text around them (which may hold the same years), so that a piece
    /// cut anywhere shows as one whole occurrence missing.
    static func pieces(_ document: Document) -> [String: Int] {
        var texts: [String] = []
        for block in document.blocks {
            switch block {
            case .header(let header): texts += (header.left + header.right).map(\.text)
            case .title(let title): texts += [title.text] + title.summary + [title.note ?? ""]
            case .paragraph(let paragraph): texts.append(paragraph.runs.map(\.text).joined())
            case .table(let table):
                texts += table.columns.map(\.header)
                for row in table.rows {
                    switch row {
                    case .group(let text): texts.append(text)
                    case .data(let cells): texts += cells
                    }
                }
            case .signature(let signature):
                texts += signature.recipients + signature.authority + [signature.signer]
                texts += (signature.leftSigner.map { $0.authority + [$0.signer] } ?? [])
            case .spacer, .pageBreak: break
            }
        }
        var counts: [String: Int] = [:]
        for text in texts {
            for piece in PlainText.unbreakablePieces(text) where mustStayWhole(piece) { counts[piece, default: 0] += 1 }
        }
        return counts
    }

    /// The tables hold some of them, or the test proves nothing for that document.
    static func tablePieces(_ document: Document) -> Int {
        document.tables.flatMap { table in
            table.columns.map(\.header) + table.rows.flatMap { row -> [String] in
                if case .data(let cells) = row { return cells }
                return []
            }
        }.flatMap(PlainText.unbreakablePieces).filter(mustStayWhole).count
    }

    static var documents: [(String, Document)] {
        DocumentGoldenTests.requests.map { ($0.0, try! DocumentGoldenTests.build($0.1)) }
    }

    @Test(arguments: DocumentGoldenTests.requests.map(\.0)) func pdfKeepsDatesYearsCodesAndSTTWhole(name: String) throws {
        let document = try #require(Self.documents.first { $0.0 == name }?.1)
        let expected = Self.pieces(document)
        guard Self.tablePieces(document) > 0 else { return }
        let words = try PDFReading(try PDFWriter().data(for: document), name: "whole-\(name).pdf").words()
            .flatMap { $0 }.map(\.text)
        var found: [String: Int] = [:]
        for word in words { found[word, default: 0] += 1 }
        for (piece, count) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(found[piece, default: 0] >= count, "\(name): «\(piece)» whole \(found[piece, default: 0]) times of \(count)")
        }
        print("\(name): \(Self.tablePieces(document)) dates, years, codes and STT in its tables, \(expected.values.reduce(0, +)) in all, none cut")
    }

    @Test func textPreviewKeepsThemWholeToo() throws {
        for (name, document) in Self.documents {
            let expected = Self.pieces(document)
            let words = TextWriter(width: 100).lines(document).flatMap {
                $0.split { $0 == " " || $0 == "│" }.map(String.init)
            }
            var found: [String: Int] = [:]
            for word in words { found[word, default: 0] += 1 }
            for (piece, count) in expected {
                #expect(found[piece, default: 0] >= count, "\(name): «\(piece)» whole \(found[piece, default: 0]) times of \(count)")
            }
        }
    }

    /// The DOCX grid is the PDF's widths, to the twip's rounding.
    @Test func docxColumnsAreThePDFs() throws {
        let fonts = try FontLocator().fonts()
        for (name, document) in Self.documents {
            let layout = PDFLayout(fonts: fonts, setup: document.page)
            let textWidth = DOCXBody(document: document, metrics: DOCXMetrics(fonts: fonts)).textWidth
            for table in document.tables {
                let pdf = try layout.columnWidths(table, size: table.fontSize ?? document.page.fontSize)
                let docx = DOCXTable(table: table, width: textWidth, bodySize: document.page.fontSize,
                                     metrics: DOCXMetrics(fonts: fonts)).columnWidths()
                #expect(docx.reduce(0, +) == textWidth)
                for (points, twips) in zip(pdf, docx) {
                    #expect(abs(points - Double(twips) / 20) < 0.6, "\(name): PDF \(points) pt, DOCX \(twips) twips")
                }
            }
        }
    }

    @Test func widestPieceSetsTheMinimumAndTextColumnsGiveWay() {
        let table = Document.Table(columns: [.init("STT", width: 1), .init("Họ và tên", width: 10),
                                             .init("Ngày", width: 1)],
                                   rows: [.group("I. MỘT DÒNG NHÓM RẤT DÀI KHÔNG ĐƯỢC TÍNH"),
                                          .data(["1", "Nguyễn Thị Hồng Nhung", "27/11/2025"])])
        let needs = ColumnWidths.needs(table, padding: 1) { text, _ in Double(text.count) }
        #expect(needs.map(\.minimum) == [5, 8, 12], "«STT», «Nguyễn», «27/11/2025» and one on each side")
        #expect(needs.map(\.isText) == [false, true, false])
        // Room for all: the weights share what is beyond the minimums.
        let wide = ColumnWidths.solve(needs, available: 60, floor: 3)
        #expect(abs(wide.reduce(0, +) - 60) < 1e-9)
        #expect(wide[0] == 5 && wide[2] == 12, "the narrow columns take their minimum")
        #expect(wide[1] == 43)
        // Too little: the text column shrinks first, under its own widest word.
        let tight = ColumnWidths.solve(needs, available: 20, floor: 3)
        #expect(tight == [5, 3, 12])
        // Far too little: every column alike, words cut.
        let cramped = ColumnWidths.solve(needs, available: 9.5, floor: 3)
        #expect(abs(cramped.reduce(0, +) - 9.5) < 1e-9 && cramped[2] < 12)
    }

    /// The cases that broke before: «STT» stacked, a date and a year cut, «(Nam)» losing «)».
    @Test func narrowColumnsInAPortraitList() throws {
        let table = Document.Table(
            columns: [.init("STT", width: 2, alignment: .center), .init("Họ và tên", width: 30),
                      .init("Năm sinh (Nam)", width: 4), .init("Ngày nhận", width: 5), .init("Tóm tắt thành tích", width: 59)],
            rows: [.data(["12", "Nguyễn Thị Hồng Nhung", "2025", "27/11/2025",
                          "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025; 2 sáng kiến được công nhận"])],
            fontSize: 11)
        let words = try PDFReading(try PDFWriter().data(for: Document(blocks: [.table(table)])), name: "narrow.pdf")
            .words().flatMap { $0 }.map(\.text)
        for word in ["STT", "(Nam)", "2025", "27/11/2025", "Nhung"] { #expect(words.contains(word), "«\(word)» whole") }
        let text = TextWriter(width: 60).render(Document(blocks: [.table(table)]))
        for word in ["STT", "(Nam)", "2025", "27/11/2025"] { #expect(text.contains(word), "«\(word)» whole in text") }
    }
}
