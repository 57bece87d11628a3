import Foundation

/// Small pieces of PDF syntax, written the same way every time so equal input gives equal bytes.
enum PDFSyntax {
    /// At most two decimals, no exponent, no "-0": positions finer than 1/100 pt are invisible.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Two-byte Identity-H codes, which here are glyph ids, as a hex string: <0037 0055 …>.
    static func hexGlyphs(_ glyphs: [UInt16]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "<")]
        bytes.reserveCapacity(glyphs.count * 4 + 2)
        for glyph in glyphs {
            for shift in [12, 8, 4, 0] { bytes.append(hexDigits[Int(glyph >> UInt16(shift)) & 0xF]) }
        }
        bytes.append(UInt8(ascii: ">"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A text string for the Info dictionary: UTF-16BE with a byte-order mark, in hex.
    static func textString(_ text: String) -> String {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in PlainText.nfc(text).utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return "<\(hex(bytes))>"
    }

    /// "D:20260105083000Z" in UTC, so the same instant always writes the same bytes.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "D:\(parts.year ?? 1970)\(two(parts.month))\(two(parts.day))\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }

    /// FNV-1a, for subset tags and the file identifier: stable across runs and platforms,
    /// unlike Swift's seeded Hasher.
    static func fnv1a(_ bytes: [UInt8], seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Collects numbered objects and writes the file with its cross-reference table.
struct PDFFileBuilder {
    private(set) var bytes: [UInt8] = []
    private var offsets: [Int: Int] = [:]
    let compress: Bool

    init(compress: Bool) {
        self.compress = compress
        // The comment line of high bytes tells transfer tools the file is binary.
        bytes += Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    }

    mutating func add(_ number: Int, _ dictionary: String) {
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n\(dictionary)\nendobj\n".utf8)
    }

    /// A stream object; `extra` goes into its dictionary (e.g. "/Length1 1234").
    mutating func addStream(_ number: Int, _ content: [UInt8], extra: String = "") {
        var data = content
        var filter = ""
        if compress, let deflated = Flate.zlib(content) {
            data = deflated
            filter = " /Filter /FlateDecode"
        }
        offsets[number] = bytes.count
        let head = "\(number) 0 obj\n<< /Length \(data.count)\(filter)\(extra.isEmpty ? "" : " " + extra) >>\nstream\n"
        bytes += Array(head.utf8)
        bytes += data
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    /// Appends the xref table and trailer. The /ID is a hash of the body, so it is stable too.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let count = (offsets.keys.max() ?? 0) + 1
        let idBytes = (0..<2).flatMap { seedIndex -> [UInt8] in
            let hash = PDFSyntax.fnv1a(bytes, seed: 0xCBF2_9CE4_8422_2325 &+ UInt64(seedIndex))
            return (0..<8).map { UInt8(truncatingIfNeeded: hash >> (8 * UInt64($0))) }
        }
        let id = PDFSyntax.hex(idBytes)
        let xrefOffset = bytes.count
        var xref = "xref\n0 \(count)\n0000000000 65535 f \n"
        for number in 1..<count {
            let offset = offsets[number] ?? 0
            let digits = String(offset)
            xref += String(repeating: "0", count: max(0, 10 - digits.count)) + digits
            xref += offsets[number] == nil ? " 65535 f \n" : " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(count) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>] >>\n"
        xref += "startxref\n\(xrefOffset)\n%%EOF\n"
        bytes += Array(xref.utf8)
        return bytes
    }
}
