/// One style's font as PDF objects (render.md §2.2): Type0 → CIDFontType2 → FontDescriptor →
/// FontFile2 (the subset program), plus a ToUnicode CMap so text can be searched and copied.
/// Codes are two-byte glyph ids (Identity-H), and CID = GID (CIDToGIDMap /Identity).
struct PDFFontEmbedding {
    let font: TrueTypeFont
    let glyphs: [UInt16]     // sorted, as drawn

    static let objectCount = 5

    /// Six capital letters derived from the font and its glyph set: same glyphs, same tag, so
    /// output is reproducible. (pdffonts reports "sub no" unless the tag is six capitals.)
    var subsetTag: String {
        var input = Array(font.postScriptName.utf8)
        for glyph in glyphs { input.appendU16(glyph) }
        var hash = PDFSyntax.fnv1a(input)
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return tag
    }

    func write(into file: inout PDFFileBuilder, first number: Int) {
        let name = "\(subsetTag)+\(font.postScriptName)"
        let scale = 1000 / Double(font.unitsPerEm)
        func units(_ value: Int) -> String { PDFSyntax.number(Double(value) * scale) }

        file.add(number, "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
            + "/DescendantFonts [\(number + 1) 0 R] /ToUnicode \(number + 4) 0 R >>")
        file.add(number + 1, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
            + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + "/FontDescriptor \(number + 2) 0 R /DW 1000 /W \(widths(units)) /CIDToGIDMap /Identity >>")

        // Flags: symbolic (4, glyphs beyond the standard Latin set) + serif (2), italic (64).
        let flags = 4 + 2 + (font.italicAngle != 0 ? 64 : 0) + (font.isFixedPitch ? 1 : 0)
        let box = font.boundingBox.map(units).joined(separator: " ")
        // StemV matters only for unembedded fonts; typst's estimate from the weight class.
        let stemV = PDFSyntax.number(10 + 0.244 * Double(max(font.weightClass, 100) - 50))
        file.add(number + 2, "<< /Type /FontDescriptor /FontName /\(name) /Flags \(flags) /FontBBox [\(box)] "
            + "/ItalicAngle \(PDFSyntax.number(font.italicAngle)) /Ascent \(units(font.ascent)) "
            + "/Descent \(units(font.descent)) /CapHeight \(units(font.capHeight)) /StemV \(stemV) "
            + "/FontFile2 \(number + 3) 0 R >>")

        let program = TrueTypeSubsetter.subset(font, keeping: Set(glyphs))
        file.addStream(number + 3, program, extra: "/Length1 \(program.count)")
        file.addStream(number + 4, Array(toUnicode().utf8))
    }

    /// /W as runs of consecutive glyph ids: [3 [250 333] 68 [444 500 …] …].
    private func widths(_ units: (Int) -> String) -> String {
        var parts: [String] = []
        var index = 0
        while index < glyphs.count {
            var end = index
            while end + 1 < glyphs.count && glyphs[end + 1] == glyphs[end] + 1 { end += 1 }
            let run = glyphs[index...end].map { units(font.advance($0)) }.joined(separator: " ")
            parts.append("\(glyphs[index]) [\(run)]")
            index = end + 1
        }
        return "[" + parts.joined(separator: " ") + "]"
    }

    /// bfchar entries (at most 100 per block), each glyph id → its character in UTF-16BE.
    /// Not one big bfrange: a range may not cross a first-byte boundary.
    private func toUnicode() -> String {
        var reverse: [UInt16: UInt32] = [:]
        for (scalar, glyph) in font.cmap where reverse[glyph].map({ scalar < $0 }) ?? true {
            reverse[glyph] = scalar
        }
        let entries: [String] = glyphs.compactMap { glyph in
            guard let scalar = reverse[glyph], let character = Unicode.Scalar(scalar) else { return nil }
            let target = String(character).utf16.map { unit -> String in
                let hex = String(unit, radix: 16, uppercase: true)
                return String(repeating: "0", count: 4 - hex.count) + hex
            }.joined()
            return "<\(PDFSyntax.hexGlyphs([glyph]).dropFirst().dropLast())> <\(target)>"
        }
        var cmap = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(start + 100, entries.count)]
            cmap += "\(block.count) beginbfchar\n" + block.joined(separator: "\n") + "\nendbfchar\n"
            start += 100
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return cmap
    }
}
