import Foundation
import ZIPFoundation

/// zlib streams for PDF's /FlateDecode. Foundation on Linux has no zlib API; ZIPFoundation (already
/// a dependency for DOCX) exposes raw deflate, which becomes a zlib stream with a two-byte header
/// and an Adler-32 trailer.
enum Flate {
    /// nil if compression failed; the caller then writes the stream uncompressed.
    static func zlib(_ bytes: [UInt8]) -> [UInt8]? {
        let input = Data(bytes)
        var output: [UInt8] = [0x78, 0x9C]
        do {
            _ = try Data.compress(size: Int64(input.count), bufferSize: 64 * 1024, provider: { position, size in
                let start = Int(position)
                return input.subdata(in: start..<min(start + size, input.count))
            }, consumer: { chunk in
                output.append(contentsOf: chunk)
            })
        } catch {
            return nil
        }
        output.appendU32(adler32(bytes))
        return output
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        // 5552 is the largest block for which the sums cannot overflow 32 bits before the modulo.
        var index = 0
        while index < bytes.count {
            let end = min(index + 5552, bytes.count)
            for byte in bytes[index..<end] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return b << 16 | a
    }
}
