import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

/// Catching up on lines another writer appended (`JournalFile.follow`), with the payload the
/// program writes, so the lines go through the fast reader and the per-line hash check.
@Suite("Journal: following another writer")
struct JournalFollowTests {
    typealias Journal = JournalFile<JournalPayload>

    static func journal(in folder: ScratchFolder) -> Journal {
        Journal(path: folder.file("journal.jsonl"))
    }

    /// Score changes of several kinds, with Vietnamese text, on distinct cells.
    static func payload(_ index: Int) -> JournalPayload {
        let subject = Subject.unit(UnitID("DV\(1000 + index % 37)"))
        let item = "\(1 + index % 4).\(1 + index % 9)"
        switch index % 4 {
        case 0:
            return JournalPayload(change: .setScore(year: 2026, subject: subject, item: item, field: .selfScore,
                                                    value: Points(hundredths: index * 25 % 1_000)),
                                  inverse: .setScore(year: 2026, subject: subject, item: item, field: .selfScore, value: nil),
                                  summary: "Điểm tự chấm tiêu chí \(item): \(index)", base: index)
        case 1:
            return JournalPayload(change: .setItemNote(year: 2026, subject: subject, item: item, note: "Ghi chú “\(index)” — đã xác minh\\"),
                                  inverse: .setItemNote(year: 2026, subject: subject, item: item, note: ""),
                                  summary: "Ghi chú tiêu chí \(item)")
        case 2:
            return JournalPayload(change: .setItemDone(year: 2026, subject: subject, item: item, done: true),
                                  inverse: .setItemDone(year: 2026, subject: subject, item: item, done: false),
                                  summary: "Đánh dấu xong \(item)")
        default:
            return JournalPayload(change: .setSheetState(year: 2026, subject: subject, state: .submitted, reason: ""),
                                  inverse: .setSheetState(year: 2026, subject: subject, state: .draft, reason: ""),
                                  summary: "Nộp phiếu chấm")
        }
    }

    @discardableResult
    static func append(_ journal: Journal, _ range: Range<Int>) throws -> [JournalEntry<JournalPayload>] {
        try range.map { index in
            try journal.append(payload: payload(index), time: "2026-12-06T09:\(10 + index / 60 % 50):\(10 + index % 50)+07:00",
                               user: "minh", host: "may-\(index % 3)")
        }
    }

    @Test("following many lines, in several goes, gives exactly what a fresh open reads")
    func followEqualsFreshOpen() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let writer = Self.journal(in: folder)
        try Self.append(writer, 0..<5)
        let reader = Self.journal(in: folder)
        _ = try reader.read()
        var followed: [JournalEntry<JournalPayload>] = []
        var written: [JournalEntry<JournalPayload>] = []
        for batch in [5..<6, 6..<406, 406..<1_206] {
            written += try Self.append(writer, batch)
            followed += try reader.follow(underWriteLock: false).entries
        }
        #expect(followed == written)
        let fresh = try Self.journal(in: folder).read()
        #expect(fresh.problems.isEmpty)
        #expect(Array(fresh.entries.dropFirst(5)) == followed)
        #expect(try reader.currentTip() == fresh.tip)
        #expect(try reader.follow(underWriteLock: false).entries.isEmpty)
    }

    /// The line numbers `follow` gives continue the file's numbering across goes.
    @Test("a corrupt line found by a follow is refused, naming the file and its line in the file")
    func corruptLineNamesFileAndLine() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let writer = Self.journal(in: folder)
        try Self.append(writer, 0..<3)
        let reader = Self.journal(in: folder)
        _ = try reader.read()
        try Self.append(writer, 3..<250)
        #expect(try reader.follow(underWriteLock: false).entries.count == 247)
        try Self.append(writer, 250..<260)
        let path = folder.file("journal.jsonl")
        // Line 255 (seq 255) loses its closing brace: not JSON any more, and not the last line.
        try Self.overwriteInPlace(path, line: 255) { line in line[line.count - 2] = UInt8(ascii: " ") }
        #expect(throws: JournalError.corruptLine(file: path, line: 255, reason: "không phải JSON hợp lệ")) {
            try reader.follow(underWriteLock: false)
        }
    }

    @Test("a line changed by hand (its hash no longer matches) is refused by a follow, nothing applied")
    func tamperedLineIsRefused() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let writer = Self.journal(in: folder)
        try Self.append(writer, 0..<3)
        let reader = Self.journal(in: folder)
        let before = try reader.read().tip
        try Self.append(writer, 3..<20)
        let path = folder.file("journal.jsonl")
        // Another name in line 10, everything else (its hash, the next line's prev) as written.
        try Self.overwriteInPlace(path, line: 10) { line in
            let name = Array(#""user":"minh""#.utf8)
            let start = try #require((0...(line.count - name.count)).first { Array(line[$0..<$0 + name.count]) == name })
            line.replaceSubrange(start..<start + name.count, with: Array(#""user":"lanh""#.utf8))
        }
        do {
            _ = try reader.follow(underWriteLock: false)
            Issue.record("the tampered line was accepted")
        } catch let error as JournalError {
            guard case .outOfSequence(let file, _, let seq, _) = error else {
                Issue.record("expected outOfSequence, got \(error)")
                return
            }
            #expect(file == path)
            #expect(seq == 10)
        }
        #expect(try reader.currentTip() == before)
    }

    /// Changes line `number` (1-based, with its "\n") of the file without replacing the file,
    /// as a hand edit in place would: the change must keep the line's length.
    static func overwriteInPlace(_ path: String, line number: Int, _ edit: (inout [UInt8]) throws -> Void) throws {
        let bytes = try PosixFileSystem().readFile(path)
        var start = 0
        for _ in 1..<number { start = bytes[start...].firstIndex(of: 0x0A)! + 1 }
        let end = bytes[start...].firstIndex(of: 0x0A)! + 1
        var line = Array(bytes[start..<end])
        try edit(&line)
        precondition(line.count == end - start)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(start))
        try handle.write(contentsOf: line)
    }

    @Test("a file read whole equals its bytes, at every size around the read sizes")
    func readFileWhole() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let fileSystem = PosixFileSystem()
        for size in [0, 1, 4_095, 4_096, 65_535, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = folder.file("f\(size)")
            try fileSystem.atomicWrite(bytes, to: path)
            #expect(try fileSystem.readFile(path) == bytes, "size \(size)")
        }
    }
}
