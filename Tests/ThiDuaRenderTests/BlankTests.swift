import Foundation
import Testing
@testable import ThiDuaRender

/// A number left to write in by hand keeps its room in every writer.
@Suite struct BlankTests {
    /// 10 mm in points: the least room the clerk needs between «Số:» and «/».
    static let least = Units.points(10)

    static func gaps(before code: String, after word: String, in pages: [[PDFWord]]) -> [Double] {
        pages.flatMap { page in
            PDFReading.lines(page).flatMap { line -> [Double] in
                line.words.indices.dropFirst().compactMap { index in
                    guard line.words[index].text.hasPrefix("/\(code)"), line.words[index - 1].text == word else { return nil }
                    return line.words[index].xMin - line.words[index - 1].xMax
                }
            }
        }
    }

    @Test func blankNumberLeavesRoomBetweenSoAndTheSlash() throws {
        // The provincial tờ trình and the minutes are printed before they get a number.
        for (name, code) in [("to-trinh-tinh-2025", "TTr-UBND"), ("bien-ban-2025", "BB-HĐTĐKT")] {
            let document = try TitleRuleTests.document(name)
            let words = try PDFReading(try PDFWriter().data(for: document), name: "blank-\(name).pdf").words()
            let header = Self.gaps(before: code, after: "Số:", in: words)
            #expect(header.count == 1, "\(name): «Số: …/\(code)» once")
            for gap in header {
                #expect(gap >= Self.least, "\(name): \(gap) pt between «Số:» and «/»")
                print("\(name): «Số:» … «/\(code)» gap \(String(format: "%.1f", gap)) pt = \(String(format: "%.1f", gap / Units.pointsPerMillimetre)) mm")
            }
        }
        // In running text: the annexed list names the tờ trình it goes with.
        let document = try TitleRuleTests.document("to-trinh-tinh-2025")
        let words = try PDFReading(try PDFWriter().data(for: document), name: "blank-note.pdf").words()
        let note = Self.gaps(before: "TTr-UBND", after: "số", in: words)
        #expect(note.count == 1, "«(Kèm theo Tờ trình số …/TTr-UBND» once")
        for gap in note { #expect(gap >= Self.least, "note: \(gap) pt") }
    }

    @Test func aGivenNumberHasNoBlank() throws {
        let document = try TitleRuleTests.document("to-trinh-giay-khen-xa-2025")
        let words = try PDFReading(try PDFWriter().data(for: document), name: "blank-none.pdf").words()
        let line = try #require(words[0].firstIndex { $0.text == "12/TTr-VHXH" })
        #expect(words[0][line - 1].text == "Số:")
        #expect(words[0][line].xMin - words[0][line - 1].xMax < 5)
    }

    @Test func docxWritesNonBreakingSpacesAtLeastAsWide() throws {
        let document = try TitleRuleTests.document("to-trinh-tinh-2025")
        let parts = try DOCXWriterTests.unzip(try DOCXWriter().data(for: document))
        let texts = DOCXWriterTests.elements("w:t", in: try #require(parts["word/document.xml"])).compactMap(\.stringValue)
        let blanks = texts.filter { !$0.isEmpty && $0.allSatisfy { $0 == "\u{00A0}" } }
        #expect(blanks.count == 2, "the number line and the annex's note")
        for blank in blanks {
            // 13 pt body text, a quarter of an em each.
            #expect(Double(blank.count) * 13 * 0.25 >= Units.points(12) - 0.01, "\(blank.count) non-breaking spaces")
        }
        #expect(!texts.joined().unicodeScalars.contains { $0.value >= 0xF0000 }, "no private-use character left")
    }

    @Test func textAndCSVWriteSpaces() {
        let blank = Document.Blank.number.text
        let document = Document(blocks: [.paragraph(.init("Số: \(blank)/TTr-UBND", alignment: .left, firstLineIndent: 0))])
        #expect(TextWriter(width: 40).lines(document) == ["Số:      /TTr-UBND"])
        #expect(CSVExporter.field("số \(blank)/QĐ-UBND") == "số      /QĐ-UBND")
        // A blank is part of its word: it never wraps away from «/TTr-UBND».
        #expect(PlainText.wrap("Tờ trình số \(blank)/TTr-UBND", width: 16) == ["Tờ trình số", "     /TTr-UBND"])
        #expect(PlainText.width("\(blank)/QĐ") == 8)
    }

    @Test func lineBreakerAdvancesWithoutGlyphsAndNeverLosesTheBlank() throws {
        let fonts = try FontLocator().fonts()
        let breaker = LineBreaker(fonts: fonts, size: 13)
        let text = "số \(Document.Blank.number.text)/TTr-UBND"
        let line = try #require(try breaker.lines([.init(text)], width: 400, alignment: .left).first)
        let slash = try #require(line.pieces.last)
        let plain = try breaker.lines([.init("số /TTr-UBND")], width: 400, alignment: .left)[0]
        #expect(abs(line.width - plain.width - Units.points(12)) < 0.01, "the blank adds 12 mm")
        #expect(abs(slash.x + slash.width - line.width) < 0.01)
        #expect(try breaker.unbreakableWidth("\(Document.Blank.number.text)/QĐ", style: .regular)
                > Units.points(12))
        // Cut inside a narrow cell, the word keeps all its width.
        let narrow = try breaker.lines([.init("\(Document.Blank.number.text)/TTr-UBND")], width: 40, alignment: .left)
        #expect(abs(narrow.map(\.width).reduce(0, +) - (try breaker.unbreakableWidth("\(Document.Blank.number.text)/TTr-UBND", style: .regular))) < 0.01)
    }

    @Test func blankCharacterRoundTrips() {
        let blank = Document.Blank(millimetres: 12.3)
        #expect(Document.Blank.pieces(of: "a\(blank.text)b") == [.text("a"), .blank(blank), .text("b")])
        #expect(Document.Blank.decode(Character(Unicode.Scalar(Document.Blank.firstScalar)!)) == nil)
    }
}
