import Crypto
import Foundation

/// Turns entries into journal lines and checks a line's hash, byte for byte.
///
/// The canonical JSON of an entry is `JSONEncoder` output with `.sortedKeys` and
/// `.withoutEscapingSlashes`, on one line. With sorted keys "hash" is always the first key, so
/// the canonical form with an empty hash begins `{"hash":"",` and the stored line is that text
/// with the 64 hex digits put between the quotes. A reader therefore verifies a line by hashing
/// the line's own bytes with those 64 digits taken out — no re-encoding, so the check does not
/// depend on how a future Foundation formats numbers or escapes text, and any change to any byte
/// of the line is caught.
enum JournalLineCodec {
    /// `{"hash":"` — the 9 bytes before the hash digits.
    static let prefix: [UInt8] = Array(#"{"hash":""#.utf8)
    static let hexLength = 64

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The line for `entry` (its `hash` is ignored and recomputed), ending in "\n", and the hash.
    static func encode<P>(_ entry: JournalEntry<P>, with encoder: JSONEncoder) throws -> (line: [UInt8], hash: String) {
        var unhashed = entry
        unhashed.hash = ""
        let bytes: [UInt8]
        if let fast = (unhashed as? JournalEntry<JournalPayload>).flatMap(FastJournalWriter.canonical) {
            bytes = fast
        } else {
            do {
                bytes = [UInt8](try encoder.encode(unhashed))
            } catch {
                throw JournalError.cannotEncode(seq: entry.seq, reason: String(describing: error))
            }
        }
        // The canonical form must start with the empty hash (`{"hash":""`) and be one line.
        guard bytes.count > prefix.count + 1,
              Array(bytes[0..<prefix.count]) == prefix,
              bytes[prefix.count] == UInt8(ascii: "\""),
              !bytes.contains(0x0A)
        else {
            throw JournalError.cannotEncode(seq: entry.seq, reason: "dạng JSON chuẩn không bắt đầu bằng trường «hash»")
        }
        let hash = hex(SHA256.hash(data: bytes))
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count + hexLength + 1)
        line.append(contentsOf: prefix)
        line.append(contentsOf: hash.utf8)
        line.append(contentsOf: bytes[prefix.count...])
        line.append(0x0A)
        return (line, hash)
    }

    /// Whether a line (without its "\n") hashes to `hash`, the hash it carries: false when
    /// the line is not in the canonical shape at all (then it cannot match any stored hash).
    /// The digest is compared with the text digit by digit, so no hex String is made per line.
    static func line(_ line: UnsafeBufferPointer<UInt8>, hashesTo hash: String) -> Bool {
        let closing = prefix.count + hexLength
        guard line.count > closing + 1, line[closing] == UInt8(ascii: "\"") else { return false }
        for index in 0..<prefix.count where line[index] != prefix[index] { return false }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[0..<prefix.count])))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[closing...])))
        let digest = hasher.finalize()
        let digits = Self.digits
        let matches = hash.utf8.withContiguousStorageIfAvailable { text in
            guard text.count == hexLength else { return false }
            var offset = 0
            for byte in digest {
                guard text[offset] == digits[Int(byte >> 4)], text[offset + 1] == digits[Int(byte & 0x0F)] else { return false }
                offset += 2
            }
            return true
        }
        return matches ?? (hex(digest) == hash)
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
