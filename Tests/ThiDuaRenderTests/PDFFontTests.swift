import Foundation
import Testing
import ThiDuaResources
@testable import ThiDuaRender

@Suite struct PDFFontTests {
    /// The fontconfig path (THIDUA_FONT_FAMILY, or bundled files missing): asking for Times New
    /// Roman must give the installed Liberation Serif 2, not Liberation 1 or the bundled copy.
    @Test func fontconfigFindsLiberationSerif2() throws {
        let installed = try Tools.run("fc-list", [":family=Liberation Serif", "file"]).stdout
        #expect(installed.contains("liberation2/LiberationSerif"), "fonts-liberation2 is not installed")
        let paths = try FontLocator(source: .fontconfig(family: "Times New Roman")).paths()
        #expect(paths[.regular]?.hasSuffix("liberation2/LiberationSerif-Regular.ttf") == true, "\(paths)")
        #expect(paths[.bold]?.hasSuffix("liberation2/LiberationSerif-Bold.ttf") == true, "\(paths)")
        #expect(paths[.italic]?.hasSuffix("liberation2/LiberationSerif-Italic.ttf") == true, "\(paths)")
        #expect(paths[.boldItalic]?.hasSuffix("liberation2/LiberationSerif-BoldItalic.ttf") == true, "\(paths)")
        let bundled = try #require(ResourceLocator.fontsDirectory()).path
        for path in paths.values { #expect(!path.hasPrefix(bundled), "\(path) is the bundled copy") }
    }

    @Test func overridePathsReplaceTheBundledFaces() throws {
        let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif"
        let locator = FontLocator(overrides: [.regular: "\(dejaVu).ttf", .bold: "\(dejaVu)-Bold.ttf",
                                              .italic: "\(dejaVu)-Italic.ttf", .boldItalic: "\(dejaVu)-BoldItalic.ttf"])
        let fonts = try locator.fonts()
        #expect(fonts.regular.postScriptName == "DejaVuSerif")
        let pdf = try PDFReading(try PDFWriter(fonts: fonts).data(for: Fixtures.list(rows: 10)), name: "dejavu.pdf")
        for row in try pdf.fonts() { #expect(row.contains("+DejaVuSerif"), "\(row)") }
        #expect(try pdf.qpdfCheck().status == 0)
    }

    @Test func missingGlyphNamesTheCharacterAndFont() throws {
        let writer = try PDFWriter()
        let document = Document(blocks: [.paragraph(.init("Chữ Hán 中 không có trong phông"))])
        do {
            _ = try writer.data(for: document)
            Issue.record("expected a missing-glyph error")
        } catch let error as RenderError {
            #expect(error == .missingGlyph(scalar: 0x4E2D, fontPath: writer.fonts.regular.path))
            #expect(error.description.contains("U+4E2D"))
            #expect(error.description.contains("«中»"))
            #expect(error.description.contains(writer.fonts.regular.path))
        }
        // The same in a table cell, drawn bold in the header row.
        let table = Document.Table(columns: [.init("Tên ☃", width: 1)], rows: [])
        #expect(throws: RenderError.missingGlyph(scalar: 0x2603, fontPath: writer.fonts.bold.path)) {
            try writer.data(for: Document(blocks: [.table(table)]))
        }
    }

    /// Invisible characters that arrive by pasting are dropped rather than failing the print.
    @Test func pastedControlCharactersAreDropped() throws {
        let pasted = "Nguyễn\u{200B} Văn\u{07} An\u{FEFF}"
        let document = Document(blocks: [.paragraph(.init(pasted, alignment: .left))])
        let text = try PDFReading(try PDFWriter().data(for: document), name: "pasted.pdf").pages().joined()
        #expect(text.contains("Nguyễn Văn An"))
        let preview = TextWriter(width: 40).render(document)
        #expect(!preview.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x200B || $0.value == 0xFEFF })
        #expect(preview.contains("Nguyễn Văn An"))
    }

    @Test func sameInputGivesSameBytes() throws {
        let document = Fixtures.list(rows: 120)
        let date = Date(timeIntervalSince1970: 1_767_600_000)
        let first = try PDFWriter(creationDate: date).data(for: document)
        let second = try PDFWriter(creationDate: date).data(for: document)
        #expect(first == second)
        // A freshly parsed font set changes nothing either.
        let fonts = try FontLocator().fonts()
        let reparsed = FontSet(regular: try TrueTypeFont(path: fonts.regular.path),
                               bold: try TrueTypeFont(path: fonts.bold.path),
                               italic: try TrueTypeFont(path: fonts.italic.path),
                               boldItalic: try TrueTypeFont(path: fonts.boldItalic.path))
        #expect(try PDFWriter(fonts: reparsed, creationDate: date).data(for: document) == first)
        let info = try PDFReading(first, name: "dated.pdf").info()
        #expect(info.contains("CreationDate:"))
        let undated = try PDFWriter().data(for: document)
        #expect(!String(decoding: undated, as: UTF8.self).contains("/CreationDate"))
    }

    @Test func subsetIsAValidFontWithCompositeComponents() throws {
        let font = try FontLocator().fonts().regular
        // "Ỷ" and "ễ" are composites in Liberation Serif (base letter + marks).
        let letters = "Lưu Thị Ỷ Lan Nguyễn"
        let glyphs = Set(letters.unicodeScalars.compactMap(font.glyphID(for:)))
        let composite = try #require(font.glyphID(for: "Ỷ"))
        let components = font.components(of: composite)
        #expect(!components.isEmpty, "Ỷ is expected to be a composite glyph")

        let subset = TrueTypeSubsetter.subset(font, keeping: glyphs)
        #expect(TrueTypeSubsetter.checksum(subset) == 0xB1B0_AFBA, "whole-file checksum")
        let parsed = try TrueTypeFont(bytes: subset, path: "subset", requiresCmap: false)
        #expect(parsed.glyphCount == Int(TrueTypeSubsetter.closure(of: glyphs, in: font).max()!) + 1)
        #expect(parsed.unitsPerEm == font.unitsPerEm)
        for glyph in glyphs.union(components) {
            #expect(parsed.advance(glyph) == font.advance(glyph))
            #expect(parsed.glyphRanges[Int(glyph)].count == font.glyphRanges[Int(glyph)].count, "outline of \(glyph)")
        }
        // A glyph that is not drawn keeps its id but loses its outline.
        let unused = try #require(font.glyphID(for: "Z"))
        if Int(unused) < parsed.glyphCount { #expect(parsed.glyphRanges[Int(unused)].isEmpty) }
        #expect(subset.count < 40_000, "subset of \(glyphs.count) glyphs is \(subset.count) bytes")
    }
}
