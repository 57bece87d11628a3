/// Readers for the cmap and name tables, kept apart from the main parser for size.
extension TrueTypeFont {
    /// Unicode → glyph from the best Unicode subtable: format 12 (full repertoire) when present,
    /// else format 4 (BMP).
    static func readCmap(_ bytes: [UInt8], table: Range<Int>, fail: (String) -> RenderError) throws -> [UInt32: UInt16] {
        let base = table.lowerBound
        var format4: Int?
        var format12: Int?
        for index in 0..<Int(bytes.u16(base + 2)) {
            let record = base + 4 + 8 * index
            let platform = bytes.u16(record)
            let encoding = bytes.u16(record + 2)
            let offset = base + Int(bytes.u32(record + 4))
            let format = bytes.u16(offset)
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            if format == 12 { format12 = offset }
            if format == 4 { format4 = format4 ?? offset }
        }
        var map: [UInt32: UInt16] = [:]
        if let offset = format12 {
            let groups = Int(bytes.u32(offset + 12))
            for group in 0..<groups {
                let record = offset + 16 + 12 * group
                let start = bytes.u32(record)
                let end = bytes.u32(record + 4)
                let firstGlyph = bytes.u32(record + 8)
                guard start <= end, end - start < 0x11_0000 else { continue }
                for code in start...end {
                    let glyph = firstGlyph + (code - start)
                    if glyph != 0, glyph <= 0xFFFF { map[code] = UInt16(glyph) }
                }
            }
        } else if let offset = format4 {
            let segments = Int(bytes.u16(offset + 6)) / 2
            let ends = offset + 14
            let starts = ends + 2 * segments + 2
            let deltas = starts + 2 * segments
            let rangeOffsets = deltas + 2 * segments
            for segment in 0..<segments {
                let start = UInt32(bytes.u16(starts + 2 * segment))
                let end = UInt32(bytes.u16(ends + 2 * segment))
                let delta = bytes.u16(deltas + 2 * segment)
                let rangeOffsetAt = rangeOffsets + 2 * segment
                let rangeOffset = Int(bytes.u16(rangeOffsetAt))
                guard start <= end, end != 0xFFFF || start != 0xFFFF else { continue }
                for code in start...end where code != 0xFFFF {
                    var glyph: UInt16
                    if rangeOffset == 0 {
                        glyph = UInt16(truncatingIfNeeded: code &+ UInt32(delta))
                    } else {
                        let at = rangeOffsetAt + rangeOffset + 2 * Int(code - start)
                        glyph = bytes.u16(at)
                        if glyph != 0 { glyph = glyph &+ delta }
                    }
                    if glyph != 0 { map[code] = glyph }
                }
            }
        } else {
            throw fail("không có bảng cmap Unicode")
        }
        return map
    }

    /// name ID 6, from the Windows (UTF-16BE) record or else the Macintosh (Roman) one.
    static func readPostScriptName(_ bytes: [UInt8], table: Range<Int>?) -> String? {
        guard let table else { return nil }
        let base = table.lowerBound
        let count = Int(bytes.u16(base + 2))
        let strings = base + Int(bytes.u16(base + 4))
        var macName: String?
        for index in 0..<count {
            let record = base + 6 + 12 * index
            guard bytes.u16(record + 6) == 6 else { continue }
            let platform = bytes.u16(record)
            let length = Int(bytes.u16(record + 8))
            let start = strings + Int(bytes.u16(record + 10))
            guard start + length <= bytes.count else { continue }
            if platform == 3 {
                var units: [UInt16] = []
                for at in stride(from: start, to: start + length - 1, by: 2) { units.append(bytes.u16(at)) }
                return sanitized(String(decoding: units, as: UTF16.self))
            }
            if platform == 1 {
                macName = sanitized(String(decoding: bytes[start..<(start + length)], as: UTF8.self))
            }
        }
        return macName
    }

    /// A PDF name may not hold spaces or delimiters; PostScript names should not anyway.
    private static func sanitized(_ name: String) -> String? {
        let kept = name.unicodeScalars.filter { $0.isASCII && $0.value > 32 && !"()<>[]{}/%#".unicodeScalars.contains($0) }
        let result = String(String.UnicodeScalarView(kept))
        return result.isEmpty ? nil : result
    }
}
