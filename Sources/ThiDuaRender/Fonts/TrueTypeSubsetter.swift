/// Makes the embedded font program for a PDF: the same font with only the glyphs the document
/// draws. Glyph ids are kept (unused glyphs get empty outlines and the glyph count stops at the
/// highest id used), so the PDF can say CIDToGIDMap /Identity and needs no 128 KB map stream.
enum TrueTypeSubsetter {
    /// Tables a PDF FontFile2 needs (head, hhea, maxp, hmtx, loca, glyf and the hinting programs)
    /// plus OS/2 and a version-3 post. No cmap: Identity-H codes are glyph ids already.
    private static let copiedTables = ["OS/2", "cvt ", "fpgm", "prep"]

    /// Every glyph needed to draw `glyphs`: .notdef, the glyphs themselves, and the components of
    /// composite glyphs, followed to any depth.
    static func closure(of glyphs: Set<UInt16>, in font: TrueTypeFont) -> Set<UInt16> {
        var result: Set<UInt16> = []
        var pending = Array(glyphs) + [0]
        while let glyph = pending.popLast() {
            guard Int(glyph) < font.glyphCount, result.insert(glyph).inserted else { continue }
            pending.append(contentsOf: font.components(of: glyph).filter { !result.contains($0) })
        }
        return result
    }

    static func subset(_ font: TrueTypeFont, keeping glyphs: Set<UInt16>) -> [UInt8] {
        let used = closure(of: glyphs, in: font)
        let glyphCount = Int(used.max() ?? 0) + 1
        let bytes = font.bytes

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        for gid in 0..<glyphCount {
            loca.appendU32(UInt32(glyf.count))
            guard used.contains(UInt16(gid)) else { continue }
            glyf.append(contentsOf: bytes[font.glyphRanges[gid]])
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        loca.appendU32(UInt32(glyf.count))

        // One full metric per glyph: simpler than keeping the original split into long metrics
        // and trailing side bearings, and the table stays small because the glyph count is cut.
        let hmtxBase = font.tables["hmtx"]!.lowerBound
        let metricCount = Int(bytes.u16(font.tables["hhea"]!.lowerBound + 34))
        var hmtx: [UInt8] = []
        for gid in 0..<glyphCount {
            hmtx.appendU16(UInt16(font.advance(UInt16(gid))))
            let lsbOffset = gid < metricCount
                ? hmtxBase + 4 * gid + 2
                : hmtxBase + 4 * metricCount + 2 * (gid - metricCount)
            hmtx.appendU16(bytes.u16(lsbOffset))
        }

        var head = table("head", of: font)
        head.setU32(8, 0)       // checkSumAdjustment, set at the end
        head.setU16(50, 1)      // indexToLocFormat: long offsets
        var hhea = table("hhea", of: font)
        hhea.setU16(34, UInt16(glyphCount))
        var maxp = table("maxp", of: font)
        maxp.setU16(4, UInt16(glyphCount))
        var post = Array(table("post", of: font).prefix(32))
        post += [UInt8](repeating: 0, count: 32 - post.count)
        post.setU32(0, 0x0003_0000)  // version 3: no glyph names

        var tables: [String: [UInt8]] = [
            "head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx,
            "loca": loca, "glyf": glyf, "post": post,
        ]
        for tag in copiedTables where font.tables[tag] != nil {
            tables[tag] = table(tag, of: font)
        }
        return assemble(tables)
    }

    private static func table(_ tag: String, of font: TrueTypeFont) -> [UInt8] {
        guard let range = font.tables[tag] else { return [] }
        return Array(font.bytes[range])
    }

    /// Writes the sfnt: directory sorted by tag, tables 4-byte aligned, checksums, and head's
    /// checkSumAdjustment so the whole file sums to 0xB1B0AFBA.
    private static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var power = 1
        var exponent = 0
        while power * 2 <= tags.count { power *= 2; exponent += 1 }

        var file: [UInt8] = []
        file.appendU32(0x0001_0000)
        file.appendU16(UInt16(tags.count))
        file.appendU16(UInt16(power * 16))
        file.appendU16(UInt16(exponent))
        file.appendU16(UInt16(tags.count * 16 - power * 16))

        var offset = 12 + 16 * tags.count
        var headOffset = 0
        for tag in tags {
            let data = tables[tag]!
            file.append(contentsOf: Array(tag.utf8))
            file.appendU32(checksum(data))
            file.appendU32(UInt32(offset))
            file.appendU32(UInt32(data.count))
            if tag == "head" { headOffset = offset }
            offset += (data.count + 3) / 4 * 4
        }
        for tag in tags {
            file.append(contentsOf: tables[tag]!)
            while file.count % 4 != 0 { file.append(0) }
        }
        file.setU32(headOffset + 8, 0xB1B0_AFBA &- checksum(file))
        return file
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for byte in 0..<4 {
                word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0)
            }
            sum = sum &+ word
            index += 4
        }
        return sum
    }
}
