import Foundation

/// A parsed TrueType (glyf outlines) font: what PDF embedding and text measuring need.
/// Immutable after parsing, so one instance is shared by every document of a run.
public final class TrueTypeFont: Sendable {
    public let path: String
    public let postScriptName: String
    public let unitsPerEm: Int
    /// head.xMin, yMin, xMax, yMax in font units.
    public let boundingBox: [Int]
    public let ascent: Int
    public let descent: Int
    public let lineGap: Int
    public let capHeight: Int
    public let weightClass: Int
    public let italicAngle: Double
    public let isFixedPitch: Bool
    public let glyphCount: Int

    let bytes: [UInt8]
    let tables: [String: Range<Int>]
    let advances: [UInt16]
    let cmap: [UInt32: UInt16]
    /// Byte ranges of each glyph inside the glyf table (empty range = no outline).
    let glyphRanges: [Range<Int>]

    public convenience init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError.unsupportedFont(path: path, reason: "không đọc được tệp")
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// `requiresCmap: false` reads an embedded subset program, which has no cmap (its codes are glyph ids).
    init(bytes: [UInt8], path: String, requiresCmap: Bool = true) throws {
        func fail(_ reason: String) -> RenderError { .unsupportedFont(path: path, reason: reason) }
        self.path = path
        self.bytes = bytes

        let version = bytes.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 /* 'true' */ else {
            throw fail(version == 0x4F54_544F ? "phông CFF (.otf), cần phông TrueType" : "không phải tệp TrueType")
        }
        var tables: [String: Range<Int>] = [:]
        let tableCount = Int(bytes.u16(4))
        for index in 0..<tableCount {
            let record = 12 + 16 * index
            let tag = String(decoding: bytes[record..<min(record + 4, bytes.count)], as: UTF8.self)
            let offset = Int(bytes.u32(record + 8))
            let length = Int(bytes.u32(record + 12))
            guard offset + length <= bytes.count else { throw fail("bảng \(tag) vượt quá cuối tệp") }
            tables[tag] = offset..<(offset + length)
        }
        for required in ["head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"]
        where tables[required] == nil && (required != "cmap" || requiresCmap) {
            throw fail("thiếu bảng \(required)")
        }
        self.tables = tables

        let head = tables["head"]!.lowerBound
        unitsPerEm = Int(bytes.u16(head + 18))
        boundingBox = [36, 38, 40, 42].map { Int(bytes.i16(head + $0)) }
        let longOffsets = bytes.i16(head + 50) == 1
        guard unitsPerEm > 0 else { throw fail("unitsPerEm bằng 0") }

        let hhea = tables["hhea"]!.lowerBound
        ascent = Int(bytes.i16(hhea + 4))
        descent = Int(bytes.i16(hhea + 6))
        lineGap = Int(bytes.i16(hhea + 8))
        let metricCount = Int(bytes.u16(hhea + 34))

        glyphCount = Int(bytes.u16(tables["maxp"]!.lowerBound + 4))
        guard glyphCount > 0, metricCount > 0, metricCount <= glyphCount else { throw fail("bảng hmtx hỏng") }

        let hmtx = tables["hmtx"]!.lowerBound
        var advances = [UInt16](repeating: 0, count: glyphCount)
        for gid in 0..<glyphCount {
            advances[gid] = bytes.u16(hmtx + 4 * min(gid, metricCount - 1))
        }
        self.advances = advances

        let loca = tables["loca"]!.lowerBound
        let glyf = tables["glyf"]!
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(glyphCount)
        for gid in 0..<glyphCount {
            let start = longOffsets ? Int(bytes.u32(loca + 4 * gid)) : 2 * Int(bytes.u16(loca + 2 * gid))
            let end = longOffsets ? Int(bytes.u32(loca + 4 * gid + 4)) : 2 * Int(bytes.u16(loca + 2 * gid + 2))
            guard start <= end, glyf.lowerBound + end <= glyf.upperBound else { throw fail("bảng loca hỏng") }
            ranges.append((glyf.lowerBound + start)..<(glyf.lowerBound + end))
        }
        glyphRanges = ranges

        cmap = try tables["cmap"].map { try TrueTypeFont.readCmap(bytes, table: $0, fail: fail) } ?? [:]

        if let os2 = tables["OS/2"]?.lowerBound, let range = tables["OS/2"] {
            weightClass = Int(bytes.u16(os2 + 4))
            // sCapHeight exists from OS/2 version 2 on (offset 88).
            let hasCapHeight = bytes.u16(os2) >= 2 && range.count >= 90
            capHeight = hasCapHeight ? Int(bytes.i16(os2 + 88)) : Int(Double(ascent) * 0.7)
        } else {
            weightClass = 400
            capHeight = Int(Double(ascent) * 0.7)
        }
        if let post = tables["post"]?.lowerBound {
            italicAngle = Double(Int32(bitPattern: bytes.u32(post + 4))) / 65536
            isFixedPitch = bytes.u32(post + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        postScriptName = TrueTypeFont.readPostScriptName(bytes, table: tables["name"])
            ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The glyph for a Unicode scalar, nil when the font has none.
    public func glyphID(for scalar: Unicode.Scalar) -> UInt16? {
        cmap[scalar.value]
    }

    /// Advance width in font units.
    func advance(_ glyph: UInt16) -> Int {
        Int(advances[Int(glyph) < advances.count ? Int(glyph) : 0])
    }

    /// Scale from font units to points at a given size.
    func scale(_ size: Double) -> Double { size / Double(unitsPerEm) }

    /// Width in points of a string already in NFC; characters without a glyph measure as .notdef.
    public func width(of text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            units += advance(cmap[scalar.value] ?? 0)
        }
        return Double(units) * scale(size)
    }

    /// Line height in points (hhea ascent − descent + lineGap), what word processors use for single spacing.
    public func lineHeight(size: Double) -> Double {
        Double(ascent - descent + lineGap) * scale(size)
    }

    /// Glyphs a composite glyph is built from (Vietnamese letters in Liberation are composites:
    /// base letter + marks), one level deep.
    func components(of glyph: UInt16) -> [UInt16] {
        let range = glyphRanges[Int(glyph)]
        guard range.count >= 10, bytes.i16(range.lowerBound) < 0 else { return [] }
        var result: [UInt16] = []
        var offset = range.lowerBound + 10
        while offset + 4 <= range.upperBound {
            let flags = bytes.u16(offset)
            result.append(bytes.u16(offset + 2))
            offset += 4
            offset += flags & 0x0001 != 0 ? 4 : 2          // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 { offset += 2 }           // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 { offset += 4 }      // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 { offset += 8 }      // WE_HAVE_A_TWO_BY_TWO
            guard flags & 0x0020 != 0 else { break }         // MORE_COMPONENTS
        }
        return result
    }
}
