import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// The journal is a hash chain: `thidua check` exits non-zero and names the line and seq when
/// a line was edited by hand or deleted, in the current journal and in history/ alike.
@Suite struct JournalTamperTests {
    enum Damage: String, CaseIterable { case editedLine, deletedLine }

    /// A folder with five score edits in journal.jsonl (`closed`: moved to history/ by a close).
    static func folder(closed: Bool) throws -> (folder: String, journal: String) {
        let folder = try FaultFixtures.makeFolder(try CrashHarness.dataset(), name: "tamper")
        let store = try FaultFixtures.open(folder)
        for edit in CrashHarness.edits.prefix(5) { try store.commit(edit.change) }
        if closed { try store.close() }
        let journal = closed ? "history/journal-1-5.jsonl" : "journal.jsonl"
        return (folder, journal)
    }

    @Test(arguments: Damage.allCases, [false, true])
    func checkNamesTheLineAndSeqOfATamperedJournal(damage: Damage, closed: Bool) throws {
        let (folder, journal) = try Self.folder(closed: closed)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + journal
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        switch damage {
        case .editedLine:
            // Valid JSON, one score changed (1,25 → 9,25): only the hash can tell.
            let edited = lines[2].replacingOccurrences(of: "\"value\":1.25", with: "\"value\":9.25")
            #expect(edited != lines[2])
            lines[2] = Substring(edited)
        case .deletedLine:
            lines.remove(at: 2)
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (code, _, err) = try ChildProcess.run(["check", "--data-dir", folder])
        #expect(code == 1)
        switch damage {
        case .editedLine:
            #expect(err.contains("\(journal)» dòng 3 (seq 3) đã bị sửa tay hoặc hỏng: mã băm không khớp."), "\(err)")
        case .deletedLine:
            #expect(err.contains("\(journal)» dòng 3 (seq 4) không nối tiếp mục trước"), "\(err)")
            #expect(err.contains("\(journal)» dòng 3 (seq 4): số thứ tự nhảy từ 2 lên 4, thiếu seq 3."), "\(err)")
        }
    }

    @Test func anUntouchedJournalChecksClean() throws {
        for closed in [false, true] {
            let (folder, _) = try Self.folder(closed: closed)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let (code, out, err) = try ChildProcess.run(["check", "--data-dir", folder])
            #expect(code == 0, "\(out)\(err)")
        }
    }
}
