import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

/// A restore is one journaled, atomic operation: its line names the backup and the restored
/// data's hash, the restored files are checkpointed with it, and a crash at any point leaves
/// either the old state or the restored one.
@Suite struct RestoreTests {
    /// A folder with a backup of an earlier state, then more edits: (folder, backup, old, restored).
    static func scenario() throws -> (folder: String, backup: String, current: Dataset, restored: Dataset) {
        let folder = try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "restore")
        let store = try FaultFixtures.open(folder)
        try store.commit(.addUnit(unit: OrgUnit(id: "DV0010", name: "Trạm Y tế xã", categoryID: "su-nghiep", order: 1)))
        let backup = try store.backupNow()
        let restored = store.dataset
        try store.commit(.removeNomination(id: "DN00002"))
        try store.commit(.addUnit(unit: OrgUnit(id: "DV0011", name: "Trường Mầm non", categoryID: "su-nghiep", order: 2)))
        try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 9))
        try store.close()
        let current = try FaultFixtures.open(folder, readOnly: true).dataset
        return (folder, FilePath.name(backup), current, restored)
    }

    @Test func theRestoreIsOneJournalLineAndReplayGivesTheStateOnScreen() throws {
        let (folder, backup, current, restored) = try Self.scenario()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try FaultFixtures.open(folder)
        #expect(try store.restore(from: backup) == restored)
        #expect(store.dataset == restored)
        // The journal holds the restore line alone; the files already hold the restored data.
        let lines = try String(contentsOfFile: folder + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let trail = try store.auditTrail()
        #expect(trail.problems.isEmpty)
        let line = try #require(trail.entries.last)
        let payload = try JSONDecoder().decode(JournalEntry<JournalPayload>.self, from: Data(lines[0].utf8)).payload
        let record = try #require(payload.restore)
        #expect(record.backup == backup)
        #expect(record.contentHash == (try DatasetCodec.contentHash(restored)))
        #expect(line.summary == "Khôi phục từ bản sao lưu «\(backup)»; dữ liệu trước đó giữ trong «\(record.previousStateBackup)».")
        #expect(try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true),
                                   clock: FaultFixtures.clock).dataset == restored)

        // Edits after it, then a crash (no close): replay gives exactly what the screen had.
        try store.commit(.addUnit(unit: OrgUnit(id: "DV0012", name: "Thôn Đồng Bẩm", categoryID: "thon", order: 2)))
        try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 11))
        let onScreen = store.dataset
        let reopened = try FaultFixtures.open(folder, readOnly: true)
        #expect(reopened.dataset == onScreen)
        #expect(reopened.notices.isEmpty)

        // The state before the restore is kept as a backup, and restores too.
        try store.close()
        let again = try FaultFixtures.open(folder)
        #expect(try again.restore(from: record.previousStateBackup) == current)
        try again.close()
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock, verifyingBackups: true).isHealthy)
    }

    @Test func aRestoreLineTheFilesDoNotHoldStopsTheOpenInsteadOfBeingReplayedAsNothing() throws {
        let (folder, backup, _, _) = try Self.scenario()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try FaultFixtures.open(folder)
        _ = try store.restore(from: backup)
        _ = store
        // Put the files back at an earlier position by hand: the restore line is now ahead of them.
        let settings = folder + "/thidua.json"
        var text = try String(contentsOfFile: settings, encoding: .utf8)
        let seq = try #require(text.range(of: #""checkpointSeq" : \d+"#, options: .regularExpression))
        text.replaceSubrange(seq, with: #""checkpointSeq" : 1"#)
        try text.write(toFile: settings, atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreFailure.self) { try FaultFixtures.open(folder, readOnly: true) }
        #expect(error?.message.contains("là lần khôi phục từ «\(backup)» nhưng các tệp dữ liệu chưa chứa nó") == true,
                "\(error?.message ?? "")")
    }

    /// The restore killed after each of its disk operations in turn: the next open (as the
    /// program does it, with the real disk) shows the old or the restored state, never a mix,
    /// and `thidua check` is clean once it has opened.
    @Test func killedAtEveryStepTheRestoreLeavesTheOldOrTheRestoredState() throws {
        let (template, backup, current, restored) = try Self.scenario()
        defer { try? FileManager.default.removeItem(atPath: template) }
        // How many disk operations a whole restore takes.
        let counting = FaultyFileSystem()
        let probe = try Self.copy(template)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        let probeStore = try DataStore.open(folder: probe, options: .init(createIfMissing: false), clock: FaultFixtures.clock,
                                            identity: FaultFixtures.identity, fileSystem: counting)
        counting.crash(afterMutations: .max)
        _ = try probeStore.restore(from: backup)
        let steps = counting.mutationCount
        #expect(steps > 10)

        var outcomes: [String: Int] = [:]
        for step in 0...steps {
            let folder = try Self.copy(template)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let disk = FaultyFileSystem()
            let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FaultFixtures.clock,
                                           identity: FaultFixtures.identity, fileSystem: disk)
            disk.crash(afterMutations: step)
            _ = try? store.restore(from: backup)
            // The process is gone: its lock dies with it (here, with the object).
            try? store.lock?.release()
            store.lock = nil
            let reopened = try FaultFixtures.open(folder)
            let state = reopened.dataset
            #expect(state == current || state == restored, "killed after \(step) of \(steps) operations: a mixed state")
            outcomes[state == restored ? "restored" : "old", default: 0] += 1
            try reopened.close()
            let check = FolderCheck.run(folder: folder, clock: FaultFixtures.clock, verifyingBackups: true)
            #expect(check.isHealthy, "killed after \(step) of \(steps): \(check.problems)")
        }
        #expect(outcomes["old", default: 0] > 0 && outcomes["restored", default: 0] > 0, "\(outcomes)")
    }

    static func copy(_ folder: String) throws -> String {
        let target = folder + "-" + UUID().uuidString.prefix(6)
        try FileManager.default.copyItem(atPath: folder, toPath: target)
        return target
    }
}

/// A restore replaces everyone's data, so it needs the folder alone: refused while another
/// program is in, naming who from `sessions/`; while it holds the folder, a program that opens
/// is read-only and says why.
@Suite struct RestoreNeedsTheFolderAloneTests {
    private static let lan = Identity(user: "lan", host: "may2", pid: 4343)

    @Test func refusedWhileAnotherSessionIsInNamingItAndNothingChanges() throws {
        let (folder, backup, current, _) = try RestoreTests.scenario()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = try DataStore.open(folder: folder, options: .init(createIfMissing: false),
                                       clock: FaultFixtures.clock, identity: Self.lan)
        let session = try SessionRegistry.join(folder: folder, identity: Self.lan, screen: "Chấm điểm", clock: FaultFixtures.clock)
        let store = try FaultFixtures.open(folder)
        do {
            _ = try store.restore(from: backup)
            Issue.record("the restore went ahead beside lan")
        } catch {
            // The start is in this machine's local time: only its place is pinned.
            #expect(error.message.hasPrefix("Chưa khôi phục: còn người khác đang mở thư mục «\(folder)»: lan (may2) · Chấm điểm · từ "))
            #expect(error.message.hasSuffix(". Mọi người cần thoát chương trình trước khi khôi phục; dữ liệu hiện tại giữ nguyên."))
        }
        #expect(store.dataset == current)
        // The refusal gave the folder back: both still write.
        try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 3))
        _ = try other.refresh()
        try other.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 4))

        // Once lan has left, it goes ahead.
        session.leave()
        try other.close()
        #expect(try store.restore(from: backup).units["DV0010"] != nil)
        try store.close()
    }

    @Test func aWriterWithoutASessionIsToldByItsLock() throws {
        let (folder, backup, _, _) = try RestoreTests.scenario()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = try DataStore.open(folder: folder, options: .init(createIfMissing: false),
                                       clock: FaultFixtures.clock, identity: Self.lan)
        defer { try? other.close() }
        let store = try FaultFixtures.open(folder)
        defer { try? store.close() }
        #expect(throws: StoreFailure("Chưa khôi phục: còn một chương trình khác (thidua apply, import hoặc một phiên khác) đang mở thư mục «\(folder)». Mọi người cần thoát chương trình trước khi khôi phục; dữ liệu hiện tại giữ nguyên.")) {
            _ = try store.restore(from: backup)
        }
    }

    /// What the restore holds while it runs (`.folder.lock` exclusive): a program opening then
    /// is read-only, says why, and writes nothing.
    @Test func whileTheFolderIsHeldAloneOthersOpenReadOnlyAndSayWhy() throws {
        let (folder, _, current, _) = try RestoreTests.scenario()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let alone = try PosixFileSystem().openLock(folder + "/" + FolderLayout.folderLock, permissions: 0o600)
        #expect(try alone.lock(.exclusive, wait: false))
        let other = try DataStore.open(folder: folder, options: .init(createIfMissing: false, allowReadOnly: true),
                                       clock: FaultFixtures.clock, identity: Self.lan)
        defer { try? other.close() }
        #expect(other.readOnlyHolder == "Thư mục đang được khôi phục từ bản sao lưu (hoặc một việc khác cần dùng thư mục một mình); tạm thời chỉ đọc.")
        #expect(throws: (any Error).self) {
            try other.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: 3))
        }
        #expect(try FaultFixtures.open(folder, readOnly: true).dataset == current)
        alone.close()
    }
}
