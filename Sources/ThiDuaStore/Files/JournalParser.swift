import Foundation

/// One decoded line of a journal file.
struct ParsedJournalLine<Payload: Codable & Sendable> {
    var number: Int
    /// Bytes of the line in the file, without its "\n".
    var range: Range<Int>
    var entry: JournalEntry<Payload>
    /// Whether the line's bytes hash to the `hash` it carries.
    var hashMatches: Bool
}

/// A journal file split into decoded lines, before the chain is checked.
struct ParsedJournal<Payload: Codable & Sendable> {
    var lines: [ParsedJournalLine<Payload>] = []
    var problems: [JournalProblem] = []
    /// Byte offset where a torn last line starts (everything before it is whole lines), if any.
    var tornOffset: Int?
    /// Line number of the torn line, if any.
    var tornLine: Int?
    /// How many lines (blank ones too) end before `tornOffset`, or in all: the number of "\n"
    /// in the bytes that were read whole.
    var wholeLineCount = 0
}

/// Phase one of reading: split into lines, decode, check each line's own hash.
///
/// Linear in the file size: one pass to find newlines, one decode and one SHA-256 per line.
enum JournalParser {
    /// - Throws: `JournalError.corruptLine` for an unparseable line that is not the last one.
    /// - Parameter firstLine: the line number of the first line of `bytes` (a part read from
    ///   the middle of the file continues the file's numbering).
    /// - Parameter fastReading: false reads every line with JSONDecoder (for tests that compare).
    static func parse<P>(_ bytes: [UInt8], file: String, firstLine: Int = 1, as _: P.Type = P.self,
                         fastReading: Bool = true) throws -> ParsedJournal<P> {
        var result = ParsedJournal<P>()
        let decoder = JSONDecoder()
        // (start, end) of each line without its "\n"; the final fragment without "\n" is torn.
        var ranges: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                guard let base = buffer.baseAddress,
                      let found = memchr(base + start, 0x0A, buffer.count - start)
                else { break }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                ranges.append(start..<end)
                start = end + 1
            }
        }
        let fragment = start < bytes.count ? start..<bytes.count : nil
        // The last line that is not blank: an unparseable one there is a torn tail, not corruption.
        let lastContentIndex = fragment == nil
            ? ranges.lastIndex { !isBlank(bytes[$0]) }
            : nil

        // Lines the fast reader is sure of skip JSONDecoder; every other line, and so every error
        // and the refusal of a newer format, goes through JSONDecoder as it always did.
        let fast = fastReading ? FastJournal.reader(for: P.self) : nil
        result.lines.reserveCapacity(ranges.count)
        try bytes.withUnsafeBufferPointer { buffer in
            for (index, range) in ranges.enumerated() {
                let number = firstLine + index
                if isBlank(bytes[range]) {
                    result.problems.append(.blankLine(file: file, line: number))
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: buffer[range])
                do {
                    let entry = try fast?(line) ?? decoder.decode(JournalEntry<P>.self, from: Data(line))
                    result.lines.append(ParsedJournalLine(number: number, range: range, entry: entry,
                                                          hashMatches: JournalLineCodec.line(line, hashesTo: entry.hash)))
                } catch let newer as NewerJournalFormat {
                    throw JournalError.newerFormat(file: file, line: number, format: newer.format)
                } catch {
                    let reason = describe(error)
                    if index == lastContentIndex {
                        result.problems.append(.tornTail(file: file, line: number, byteCount: range.count, reason: reason))
                        result.tornOffset = range.lowerBound
                        result.tornLine = number
                    } else {
                        throw JournalError.corruptLine(file: file, line: number, reason: reason)
                    }
                }
            }
        }
        if let fragment {
            let number = firstLine + ranges.count
            result.problems.append(.tornTail(file: file, line: number, byteCount: fragment.count, reason: nil))
            result.tornOffset = fragment.lowerBound
            result.tornLine = number
        }
        result.wholeLineCount = (result.tornLine ?? firstLine + ranges.count) - firstLine
        return result
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// A Vietnamese reason for a decoding failure.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "không phải JSON hợp lệ" }
        func field(_ path: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = (path + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "không phải JSON hợp lệ"
        case .dataCorrupted(let context):
            return "trường «\(field(context.codingPath))» có giá trị không hợp lệ"
        case .keyNotFound(let key, let context):
            return "thiếu trường «\(field(context.codingPath, key))»"
        case .typeMismatch(_, let context):
            return "trường «\(field(context.codingPath))» sai kiểu dữ liệu"
        case .valueNotFound(_, let context):
            return "trường «\(field(context.codingPath))» không có giá trị"
        @unknown default:
            return "không đọc được nội dung"
        }
    }
}

/// Phase two of reading: follow the hash chain and the sequence numbers.
struct JournalChainChecker {
    /// Where the chain should continue from; nil when unknown (the first link is not checked).
    var tip: JournalTip?

    /// Appends problems for `lines` of `file` and advances `tip` to the last line.
    mutating func check<P>(_ lines: [ParsedJournalLine<P>], file: String, problems: inout [JournalProblem]) {
        for line in lines {
            let entry = line.entry
            if !line.hashMatches {
                problems.append(.hashMismatch(file: file, line: line.number, seq: entry.seq))
            }
            if let tip {
                if entry.prev != tip.hash {
                    problems.append(.chainBreak(file: file, line: line.number, seq: entry.seq))
                }
                if entry.seq != tip.seq + 1 {
                    problems.append(.seqGap(file: file, line: line.number, seq: entry.seq, expected: tip.seq + 1))
                }
            }
            tip = entry.tip
        }
    }

    /// How many leading lines were already archived: when a rotation stopped after writing the
    /// history segment but before emptying the journal, the journal still begins with entries
    /// up to `tip`. They are recognised by the entry that carries exactly `tip`'s seq and hash
    /// (the chain guarantees everything before it matches too) and are skipped, not reported.
    static func archivedPrefixCount<P>(_ lines: [ParsedJournalLine<P>], tip: JournalTip?) -> Int {
        guard let tip, let first = lines.first, first.entry.seq <= tip.seq else { return 0 }
        guard let index = lines.firstIndex(where: { $0.entry.seq == tip.seq && $0.entry.hash == tip.hash && $0.hashMatches })
        else { return 0 }
        return index + 1
    }
}
