import Testing
@testable import ThiDuaStore

@Suite("Journal: rotation into history and the audit trail")
struct JournalHistoryTests {
    @Test("rotation moves the lines into history/journal-<first>-<last>.jsonl and the chain goes on")
    func rotateAndContinue() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let journal = makeJournal(in: folder)
        let first = try appendSamples(journal, count: 5)
        let linesBefore = try PosixFileSystem().readFile(journal.path)

        let segment = try #require(try journal.rotate())
        #expect(segment == JournalSegment(path: folder.file("history/journal-1-5.jsonl"), firstSeq: 1, lastSeq: 5))
        #expect(try PosixFileSystem().readFile(segment.path) == linesBefore)
        #expect(try PosixFileSystem().fileSize(journal.path) == 0)
        #expect(folder.names().filter { !$0.hasPrefix(".") } == ["history", "journal.jsonl"])

        // Same instance and a fresh one (which finds the tip in the segment) both continue.
        let sixth = try appendSamples(journal, count: 1)[0]
        #expect(sixth.seq == 6 && sixth.prev == first[4].hash)
        let reopened = makeJournal(in: folder)
        let current = try reopened.read()
        #expect(current.entries == [sixth] && current.problems.isEmpty)
        try appendSamples(reopened, count: 6)
        #expect(try reopened.rotate()?.path == folder.file("history/journal-6-12.jsonl"))
        try appendSamples(reopened, count: 2)

        let trail = try makeJournal(in: folder).readAuditTrail()
        #expect(trail.problems.isEmpty)
        #expect(trail.entries.map(\.seq) == Array(1...14))
        // Numeric, not string, order of segments: journal-6-12 comes after journal-1-5.
        #expect(try reopened.segments().map(\.firstSeq) == [1, 6])
        #expect(try reopened.rotate() != nil)
        #expect(try reopened.rotate() == nil)
    }

    @Test("a rotation interrupted after writing the segment is recognised, not reported, and finished next time")
    func interruptedRotation() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let journal = makeJournal(in: folder)
        try appendSamples(journal, count: 4)
        // Simulate a crash between the two steps: the segment exists, the journal was not emptied.
        try PosixFileSystem().createDirectory(folder.file("history"), permissions: 0o700, intermediate: false)
        try PosixFileSystem().atomicWrite(try PosixFileSystem().readFile(journal.path), to: folder.file("history/journal-1-4.jsonl"))

        let reopened = makeJournal(in: folder)
        let result = try reopened.read()
        #expect(result.entries.isEmpty && result.problems.isEmpty)
        #expect(result.tip.seq == 4)
        let fifth = try appendSamples(reopened, count: 1)[0]
        #expect(fifth.seq == 5)
        #expect(try reopened.rotate()?.path == folder.file("history/journal-5-5.jsonl"))
        let trail = try reopened.readAuditTrail()
        #expect(trail.entries.map(\.seq) == [1, 2, 3, 4, 5] && trail.problems.isEmpty)
    }

    @Test("the audit trail catches an edit inside a history segment and a missing segment")
    func auditTrailTampering() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let journal = makeJournal(in: folder)
        for _ in 0..<3 {
            try appendSamples(journal, count: 3)
            try journal.rotate()
        }
        let second = folder.file("history/journal-4-6.jsonl")
        try editLines(of: second) { $0[1] = $0[1].replacingOccurrences(of: "lan", with: "hoa") }
        var trail = try journal.readAuditTrail()
        #expect(trail.entries.count == 9)
        #expect(trail.problems.map(\.kind) == [.hashMismatch])
        #expect(trail.problems[0].message == "«\(second)» dòng 2 (seq 5) đã bị sửa tay hoặc hỏng: mã băm không khớp.")

        try PosixFileSystem().remove(second)
        trail = try journal.readAuditTrail()
        let third = folder.file("history/journal-7-9.jsonl")
        #expect(trail.problems.map(\.kind) == [.chainBreak, .seqGap])
        #expect(trail.problems.allSatisfy { $0.file == third && $0.line == 1 && $0.seq == 7 })
    }

    @Test("rotation sets an unparseable last line aside instead of dropping it")
    func rotateWithTornTail() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let journal = makeJournal(in: folder)
        try appendSamples(journal, count: 3)
        try editLines(of: journal.path) { $0.append("{\"seq\": 4, hỏng\n") }
        let reopened = makeJournal(in: folder)
        #expect(try reopened.rotate() == JournalSegment(path: folder.file("history/journal-1-3.jsonl"), firstSeq: 1, lastSeq: 3))
        #expect(text(try PosixFileSystem().readFile(reopened.tornBytesPath)) == "{\"seq\": 4, hỏng\n\n")
        #expect(reopened.repairs.map(\.kind) == [.discardedTail])
        #expect(try reopened.readAuditTrail().problems.isEmpty)
    }

    @Test("in a shared (setgid) data folder the journal, history/ and segments are group-writable")
    func sharedFolderPermissions() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = PosixFileSystem()
        try disk.setPermissions(folder.path, 0o2770)
        let journal = makeJournal(in: folder)
        try appendSamples(journal, count: 2)
        let segment = try #require(try journal.rotate())
        #expect(try disk.status(journal.path).permissions == 0o660)
        #expect(try disk.status(folder.file("history")).permissions == 0o2770)
        #expect(try disk.status(segment.path).permissions == 0o660)
    }

    @Test("segment file names parse and anything else is ignored")
    func segmentNames() {
        #expect(JournalSegment.seqRange(ofFileName: "journal-10-250.jsonl")! == (10, 250))
        #expect(JournalSegment.seqRange(ofFileName: "journal-5-4.jsonl") == nil)
        #expect(JournalSegment.seqRange(ofFileName: "journal-1-2.jsonl.bak") == nil)
        #expect(JournalSegment.seqRange(ofFileName: "notes.txt") == nil)
    }
}
