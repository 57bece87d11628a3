#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("Journal: torn, corrupt and hand-edited files")
struct JournalDamageTests {
    /// Offsets inside the last line, counted from its start: 1 byte, a few, half, all but "\n".
    static let cuts: [Double] = [0.0, 0.02, 0.1, 0.5, 0.9, 1.0]

    @Test("a torn last line is reported with its line number and skipped; the lines before survive",
          arguments: cuts)
    func tornTail(fraction: Double) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let written = try appendSamples(makeJournal(in: folder), count: 5)
        let path = folder.file("journal.jsonl")
        let all = try lines(of: path)
        let lastStart = all.dropLast().reduce(0) { $0 + $1.utf8.count }
        let lastLength = all.last!.utf8.count
        // Keep 1 … lastLength-1 bytes of the last line (never its "\n").
        let keep = max(1, min(lastLength - 1, Int(Double(lastLength - 1) * fraction)))
        try PosixFileSystem().truncate(path, to: lastStart + keep)

        let result = try makeJournal(in: folder).read()
        #expect(result.entries == Array(written.prefix(4)))
        #expect(result.problems.count == 1)
        let problem = try #require(result.problems.first)
        #expect(problem.kind == .tornTail)
        #expect(problem.line == 5)
        #expect(problem.file == path)
        #expect(problem.message.hasPrefix("«\(path)» dòng 5: dòng cuối bị ghi dở"))
        #expect(result.tip == written[3].tip)
    }

    @Test("a complete but unparseable last line is a torn tail, not corruption")
    func unparseableLastLine() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try appendSamples(makeJournal(in: folder), count: 3)
        try editLines(of: folder.file("journal.jsonl")) { $0[2] = "{\"hash\":\"ab\n" }
        let result = try makeJournal(in: folder).read()
        #expect(result.entries.count == 2)
        #expect(result.problems.map(\.kind) == [.tornTail])
        #expect(result.problems[0].message.contains("dòng 3: dòng cuối không đọc được (không phải JSON hợp lệ)"))
    }

    @Test("an unparseable line in the middle is an error naming the file, the line and the reason")
    func middleCorruption() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try appendSamples(makeJournal(in: folder), count: 5)
        let path = folder.file("journal.jsonl")
        try editLines(of: path) { $0[2] = "{\"seq\": 3, \"time\": \n" }
        let before = try PosixFileSystem().readFile(path)
        let journal = makeJournal(in: folder)
        let error = #expect(throws: JournalError.self) { try journal.read() }
        guard case .corruptLine(let file, let line, let reason)? = error else {
            Issue.record("expected corruptLine, got \(String(describing: error))")
            return
        }
        #expect(file == path && line == 3 && reason == "không phải JSON hợp lệ")
        #expect(error?.message.hasPrefix("Tệp «\(path)» hỏng ở dòng 3: không phải JSON hợp lệ.") == true)
        // Nor may an append or a rotation touch the damaged file.
        #expect(throws: JournalError.self) { try journal.rotate() }
        #expect(try PosixFileSystem().readFile(path) == before)
    }

    @Test("a missing field in the middle names the field")
    func middleMissingField() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try appendSamples(makeJournal(in: folder), count: 3)
        let path = folder.file("journal.jsonl")
        try editLines(of: path) { $0[0] = $0[0].replacingOccurrences(of: ",\"user\":\"lan\"", with: "") }
        #expect(throws: JournalError.corruptLine(file: path, line: 1, reason: "thiếu trường «user»")) {
            try makeJournal(in: folder).read()
        }
    }

    @Test("a hand-edited line (valid JSON, one value changed) is a hash problem naming line and seq")
    func handEditedLine() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try appendSamples(makeJournal(in: folder), count: 5)
        let path = folder.file("journal.jsonl")
        try editLines(of: path) { $0[2] = $0[2].replacingOccurrences(of: "\"value\":92", with: "\"value\":100") }
        let result = try makeJournal(in: folder).read()
        #expect(result.entries.count == 5)
        #expect(result.entries[2].payload.value == 100)
        #expect(result.problems == [
            JournalProblem(kind: .hashMismatch, file: path, line: 3, seq: 3,
                           message: "«\(path)» dòng 3 (seq 3) đã bị sửa tay hoặc hỏng: mã băm không khớp."),
        ])
    }

    @Test("a deleted line breaks the chain and the sequence at the next line")
    func deletedLine() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try appendSamples(makeJournal(in: folder), count: 5)
        let path = folder.file("journal.jsonl")
        try editLines(of: path) { $0.remove(at: 2) }
        let result = try makeJournal(in: folder).read()
        #expect(result.entries.map(\.seq) == [1, 2, 4, 5])
        #expect(result.problems.map(\.kind) == [.chainBreak, .seqGap])
        #expect(result.problems.allSatisfy { $0.line == 3 && $0.seq == 4 })
        #expect(result.problems[0].message == "«\(path)» dòng 3 (seq 4) không nối tiếp mục trước: mã băm «prev» không khớp (có dòng bị xóa, chèn hoặc sửa ngay trước dòng này).")
        #expect(result.problems[1].message == "«\(path)» dòng 3 (seq 4): số thứ tự nhảy từ 2 lên 4, thiếu seq 3.")
    }

    @Test("appending after a torn tail cuts the torn bytes off (keeping them aside) instead of gluing onto them",
          arguments: [false, true])
    func appendAfterTornTail(readFirst: Bool) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let written = try appendSamples(makeJournal(in: folder), count: 4)
        let path = folder.file("journal.jsonl")
        let size = try PosixFileSystem().fileSize(path)
        let tornLine = try lines(of: path)[3]
        try PosixFileSystem().truncate(path, to: size - 30)

        let journal = makeJournal(in: folder)
        if readFirst { #expect(try journal.read().problems.map(\.kind) == [.tornTail]) }
        let added = try appendSamples(journal, count: 1)[0]
        #expect(added.seq == 4)
        #expect(added.prev == written[2].hash)

        let result = try makeJournal(in: folder).read()
        #expect(result.problems.isEmpty)
        #expect(result.entries == Array(written.prefix(3)) + [added])
        #expect(journal.repairs.map(\.kind) == [.discardedTail])
        #expect(journal.repairs[0].line == 4)
        let kept = text(try PosixFileSystem().readFile(journal.tornBytesPath))
        #expect(kept == String(tornLine.dropLast(30)) + "\n")
    }

    @Test("a full disk during an append: Vietnamese disk-full error, and the journal reads exactly as before")
    func diskFullOnAppend() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        let journal = makeJournal(in: folder, fileSystem: disk)
        let written = try appendSamples(journal, count: 3)
        let path = folder.file("journal.jsonl")
        let before = try PosixFileSystem().readFile(path)

        disk.inject(FaultRule(.write, .afterBytes(40), errno: ENOSPC))
        let error = #expect(throws: FileSystemError.self) { try appendSamples(journal, count: 1) }
        #expect(error?.message == "Ổ đĩa đã đầy: không ghi được «\(path)». Dữ liệu trước đó vẫn nguyên vẹn.")
        #expect(try PosixFileSystem().readFile(path) == before)
        let result = try makeJournal(in: folder).read()
        #expect(result.entries == written && result.problems.isEmpty)

        disk.heal()
        let next = try appendSamples(journal, count: 1)[0]
        #expect(next.seq == 4 && next.prev == written[2].hash)
        #expect(try makeJournal(in: folder).read().problems.isEmpty)
    }

    @Test("a failed fsync rolls the line back: a failed append never shows up later")
    func fsyncFailure() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        let journal = makeJournal(in: folder, fileSystem: disk)
        let written = try appendSamples(journal, count: 2)
        disk.inject(FaultRule(.sync, .nthCall(1), errno: EIO))
        #expect(throws: FileSystemError.self) { try appendSamples(journal, count: 1) }
        #expect(try makeJournal(in: folder).read().entries == written)
        #expect(try appendSamples(journal, count: 1)[0].seq == 3)
    }

    @Test("when even the rollback fails, the next append still cuts the partial line off")
    func rollbackFailure() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        let journal = makeJournal(in: folder, fileSystem: disk)
        let written = try appendSamples(journal, count: 2)
        disk.inject(FaultRule(.write, .afterBytes(25), errno: ENOSPC))
        disk.inject(FaultRule(.truncate, .nthCall(1), errno: EIO))
        #expect(throws: FileSystemError.self) { try appendSamples(journal, count: 1) }
        #expect(try makeJournal(in: folder).read().problems.map(\.kind) == [.tornTail])

        disk.heal()
        let next = try appendSamples(journal, count: 1)[0]
        let result = try makeJournal(in: folder).read()
        #expect(result.problems.isEmpty)
        #expect(result.entries == written + [next])
    }
}
