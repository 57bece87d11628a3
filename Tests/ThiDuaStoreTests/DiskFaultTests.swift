#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// The disk fails under the store (full, I/O error) while an edit is saved or while the files
/// are rewritten: the edit is refused with a Vietnamese reason, what was saved before stays
/// intact, and once the disk is healthy again the next edit and the next close succeed.
@Suite struct DiskFaultTests {
    static let commitFaults: [(String, FaultRule, String)] = [
        ("full disk mid-line", FaultRule(.write, .afterBytes(60), errno: ENOSPC, pathContains: "journal"), "Ổ đĩa đã đầy: không ghi được «"),
        ("I/O error on write", FaultRule(.write, .nthCall(1), errno: EIO, pathContains: "journal"), "Lỗi vào/ra của ổ đĩa khi"),
        ("I/O error on fsync", FaultRule(.sync, .nthCall(1), errno: EIO, pathContains: "journal"), "Lỗi vào/ra của ổ đĩa khi"),
    ]

    @Test(arguments: commitFaults.map(\.0))
    func aFailedSaveIsRefusedInVietnameseAndTheStoreStaysUsable(fault: String) throws {
        let (_, rule, reason) = Self.commitFaults.first { $0.0 == fault }!
        let folder = try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "disk-fault")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = FaultyFileSystem()
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FaultFixtures.clock,
                                       fileSystem: disk)
        try store.commit(.setScore(year: 2026, subject: .unit("DV0002"), item: "1.1", field: .selfScore, value: 7))
        let before = store.dataset
        disk.inject(rule)
        let error = #expect(throws: CommitError.self) {
            try store.commit(.setScore(year: 2026, subject: .unit("DV0002"), item: "1.2", field: .selfScore, value: 8))
        }
        #expect(error?.message.hasPrefix("Chưa lưu được: \(reason)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("journal.jsonl") == true)
        #expect(store.dataset == before)

        disk.heal()
        try store.commit(.setScore(year: 2026, subject: .unit("DV0002"), item: "1.3", field: .selfScore, value: 9))
        try store.close()
        let items = try FaultFixtures.open(folder, readOnly: true).dataset.sheets[SheetKey(year: 2026, subject: .unit("DV0002"))]?.items
        #expect(items?["1.1"]?.selfScore == 7 && items?["1.2"]?.selfScore == nil && items?["1.3"]?.selfScore == 9)
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock).isHealthy)
    }

    static let checkpointFaults: [(String, FaultRule)] = [
        ("full disk while staging", FaultRule(.write, .afterBytes(500), errno: ENOSPC, pathContains: ".checkpoint")),
        ("I/O error on fsync of a staged file", FaultRule(.sync, .nthCall(1), errno: EIO, pathContains: ".checkpoint")),
        ("I/O error on rename after the commit point", FaultRule(.rename, .nthCall(2), errno: EIO)),
    ]

    /// The collection files are only rewritten at checkpoints; a failure there loses nothing,
    /// since every edit is already in the journal, and never leaves a half-written file.
    @Test(arguments: checkpointFaults.map(\.0))
    func aFailedCheckpointLosesNothingAndTheNextOpenCarriesOn(fault: String) throws {
        let rule = Self.checkpointFaults.first { $0.0 == fault }!.1
        let folder = try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "checkpoint-fault")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = FaultyFileSystem()
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FaultFixtures.clock,
                                       fileSystem: disk)
        for edit in CrashHarness.edits.prefix(3) { try store.commit(edit.change) }
        try store.commit(.addUnit(unit: OrgUnit(id: "DV0020", name: "Trạm Y tế", categoryID: "ubnd", order: 5)))
        let expected = store.dataset
        disk.inject(rule)
        let error = #expect(throws: StoreFailure.self) { try store.close() }
        #expect(error?.message.hasPrefix("Chưa ghi được các tệp dữ liệu: ") == true, "\(error?.message ?? "")")

        // Every file is whole (the old or the new version), and reopening gives every edit.
        let reopened = try FaultFixtures.open(folder)
        #expect(reopened.dataset == expected)
        #expect(!FolderSnapshot(folder).files.keys.contains { $0.hasSuffix(".checkpoint") || $0 == "checkpoint.json" })
        try reopened.commit(.setScore(year: 2026, subject: .unit("DV0020"), item: "1.1", field: .selfScore, value: 3))
        try reopened.close()
        #expect(try FaultFixtures.open(folder, readOnly: true).dataset.units["DV0020"]?.name == "Trạm Y tế")
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock).isHealthy)
    }
}
