import Foundation
import Testing
@testable import ThiDuaRender

/// A 300-row nomination list checked by the readers a person would use: qpdf, pdffonts,
/// pdfinfo and pdftotext.
@Suite struct PDFReaderTests {
    static let rowCount = 300

    @Test func threeHundredRowListPassesQpdfCheck() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: Self.rowCount)), name: "list300-qpdf.pdf")
        let check = try pdf.qpdfCheck()
        #expect(check.status == 0, "qpdf --check: \(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    }

    @Test func everyFontIsAnEmbeddedSubsetWithUnicodeMap() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: Self.rowCount)), name: "list300-fonts.pdf")
        let fonts = try pdf.fonts()
        // Regular, bold, italic and bold italic are all used by the fixture.
        #expect(fonts.count == 4, "pdffonts: \(fonts)")
        for row in fonts {
            let columns = row.split(separator: " ").map(String.init)
            #expect(row.contains("CID TrueType"), "\(row)")
            #expect(row.contains("Identity-H"), "\(row)")
            // emb, sub, uni are the three yes/no columns before the object number.
            let flags = Array(columns.suffix(5).prefix(3))
            #expect(flags == ["yes", "yes", "yes"], "emb/sub/uni in: \(row)")
            let tag = columns[0].prefix { $0 != "+" }
            #expect(tag.count == 6 && tag.allSatisfy { $0.isUppercase }, "subset tag of \(row)")
        }
    }

    @Test func pageIsA4Portrait() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: Self.rowCount)), name: "list300-info.pdf")
        let info = try pdf.info()
        #expect(info.contains("Page size:       595.28 x 841.89 pts (A4)"), "\(info)")
        #expect(info.contains("Title:           Danh sách đề nghị khen thưởng năm 2025"), "\(info)")
    }

    @Test func landscapeSwapsTheMediaBox() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: 40, orientation: .landscape)),
                                 name: "list40-landscape.pdf")
        let info = try pdf.info()
        #expect(info.contains("Page size:       841.89 x 595.28 pts (A4)"), "\(info)")
    }

    @Test func textExtractsExactlyWithHeaderRowOnEveryPage() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: Self.rowCount)), name: "list300-text.pdf")
        let pages = try pdf.pages()
        #expect(pages.count > 5)
        let all = pages.joined(separator: "\n")

        // Exact, precomposed text: compare scalars, since String's == is canonical equivalence.
        #expect(Array(all.unicodeScalars) == Array(all.precomposedStringWithCanonicalMapping.unicodeScalars))
        for (index, name) in Fixtures.names.enumerated() {
            let expected = (0..<Self.rowCount).filter { $0 % Fixtures.names.count == index }.count
            #expect(PDFReading.occurrences(of: name, in: all) == expected, "\(name)")
        }
        #expect(all.contains("ỦY BAN NHÂN DÂN"))
        #expect(all.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(all.contains("Phong Quang, ngày 05 tháng 01 năm 2026"))
        #expect(all.contains("DANH SÁCH"))
        #expect(all.contains("I. TẬP THỂ (1)"))
        #expect(all.contains("II. CÁ NHÂN (300)"))

        // The header row repeats on every page that holds rows; page numbers from page 2.
        for (index, page) in pages.enumerated() where Fixtures.names.contains(where: page.contains) {
            #expect(page.contains("Họ và tên") && page.contains("STT"), "header row missing on page \(index + 1)")
        }
        #expect(!pages[0].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("1"))
        for index in 1..<pages.count {
            let firstLine = pages[index].split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(firstLine?.trimmingCharacters(in: .whitespaces) == "\(index + 1)", "page number of page \(index + 1)")
        }
    }

    @Test func longCellWrapsInsideItsColumn() throws {
        let pdf = try PDFReading(try PDFWriter().data(for: Fixtures.list(rows: 20)), name: "list20-wrap.pdf")
        let lines = try pdf.pages()[0].split(separator: "\n").map(String.init)
        // Row 8 holds a 190-character achievement: it takes several lines, all in its own column
        // (nothing to the left of it on the continuation lines but the row's other cells).
        let first = try #require(lines.firstIndex { $0.contains(Fixtures.name(7)) })
        let last = try #require(lines.firstIndex { $0.contains("Bằng khen.") })
        #expect(last - first >= 4, "wrapped into \(last - first + 1) lines")
        let column = try #require(lines[first].range(of: "Hoàn thành")).lowerBound
        let offset = lines[first].distance(from: lines[first].startIndex, to: column)
        for line in lines[(first + 1)...last] {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent >= offset - 2, "continuation line leaves its column: «\(line)»")
        }
        #expect(!lines.contains { $0.contains(Fixtures.longAchievement) })
    }

    /// Not a pass/fail test: prints what the report quotes (size and time for 300 rows, subset sizes).
    @Test func measurements() throws {
        let clock = ContinuousClock()
        var fonts: FontSet?
        // Uncached, as the first document of a run pays it.
        let lookup = try clock.measure { fonts = try FontLocator().locateAndLoad() }
        let writer = PDFWriter(fonts: try #require(fonts))
        let document = Fixtures.list(rows: Self.rowCount)
        var data = Data()
        let first = try clock.measure { data = try writer.data(for: document) }
        let second = try clock.measure { data = try writer.data(for: document) }
        let pages = try PDFReading(data, name: "list300-measure.pdf").pages().count

        var glyphs: [FontStyle: Set<UInt16>] = [:]
        for page in try PDFLayout.layout(document, fonts: writer.fonts) {
            for case let .text(style, _, _, _, ids) in page.marks { glyphs[style, default: []].formUnion(ids) }
        }
        var subsets: [String] = []
        for style in FontStyle.allCases {
            let font = writer.fonts.font(style)
            let subset = TrueTypeSubsetter.subset(font, keeping: glyphs[style] ?? [])
            let deflated = Flate.zlib(subset)?.count ?? 0
            subsets.append("\(style.rawValue) \(glyphs[style]?.count ?? 0) glyphs: \(subset.count) B raw, \(deflated) B deflated")
        }
        print("""
        PDF 300 rows: \(data.count) bytes, \(pages) pages; font lookup (bundled files, parse) \(lookup); \
        layout+write first \(first), second \(second)
        subsets: \(subsets.joined(separator: "; "))
        """)
        #expect(data.count > 0)
    }
}
