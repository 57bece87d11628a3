#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import Testing
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("Journal: append and read")
struct JournalTests {
    @Test("entries round-trip, one canonical line each, chained by hashes")
    func roundTrip() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let journal = makeJournal(in: folder)
        let written = try appendSamples(journal, count: 5)

        let result = try makeJournal(in: folder).read()
        #expect(result.problems.isEmpty)
        #expect(result.entries == written)
        #expect(result.entries.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(result.entries[0].prev == JournalTip.genesis.hash)
        #expect(result.entries[3].prev == result.entries[2].hash)
        #expect(result.tip == written.last?.tip)

        let fileLines = try lines(of: journal.path)
        #expect(fileLines.count == 5)
        #expect(fileLines.allSatisfy { $0.hasPrefix("{\"hash\":\"") && $0.hasSuffix("}\n") })
        // Sorted keys, slashes unescaped, Vietnamese kept as UTF-8.
        #expect(fileLines[0].contains(#""note":"Thôn Đông — tiêu chí 1/2""#))
        #expect(try PosixFileSystem().status(journal.path).permissions == 0o600)
    }

    @Test("the hash is SHA-256 of the canonical JSON with an empty hash")
    func hashDefinition() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let entry = try appendSamples(makeJournal(in: folder), count: 1)[0]
        var unhashed = entry
        unhashed.hash = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = SHA256.hash(data: try encoder.encode(unhashed)).map { String(format: "%02x", $0) }.joined()
        #expect(entry.hash == expected)
    }

    @Test("a reopened journal continues the chain; an entry out of sequence is refused")
    func continuesAfterReopen() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let first = try appendSamples(makeJournal(in: folder), count: 3)
        let reopened = makeJournal(in: folder)
        let next = try appendSamples(reopened, count: 1)[0]
        #expect(next.seq == 4)
        #expect(next.prev == first[2].hash)

        let wrong = JournalEntry(seq: 9, time: "2026-11-24T10:00:00+07:00", user: "lan", host: "vhxh-pc",
                                 payload: TestChange(kind: "x", value: 0, note: ""), prev: next.hash)
        let error = #expect(throws: JournalError.self) { try reopened.append(wrong) }
        #expect(error?.message.contains("seq 9") == true)
        #expect(try lines(of: reopened.path).count == 4)
    }

    @Test("a missing journal reads as empty from genesis")
    func missingFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let result = try makeJournal(in: folder).read()
        #expect(result.entries.isEmpty && result.problems.isEmpty && result.tip == .genesis)
    }

    @Test("after a clean read, an append does not read the file again")
    func appendDoesNotReread() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        let journal = makeJournal(in: folder, fileSystem: disk)
        try appendSamples(journal, count: 3)
        _ = try journal.read()
        let reads = disk.callCount(.read)
        let (writes, syncs) = (disk.callCount(.write), disk.callCount(.sync))
        try appendSamples(journal, count: 50)
        #expect(disk.callCount(.read) == reads)
        #expect(disk.callCount(.write) == writes + 50)
        #expect(disk.callCount(.sync) == syncs + 50)
        #expect(disk.callCount(.open) == 1)
    }
}
