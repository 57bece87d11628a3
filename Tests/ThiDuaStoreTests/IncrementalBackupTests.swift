import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

/// Backups made of content-addressed members: a backup costs the files that changed, restores
/// to the same bytes as a full zip, and pruning never removes a member a kept manifest names.
@Suite struct IncrementalBackupTests {
    static func folder() throws -> String {
        try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "incremental")
    }

    static func open(_ folder: String, keep: Int = 10, fileSystem: any FileSystem = PosixFileSystem()) throws -> DataStore {
        var options = DataStore.OpenOptions(createIfMissing: false)
        options.backupsKept = keep
        return try DataStore.open(folder: folder, options: options, clock: FaultFixtures.clock,
                                  identity: FaultFixtures.identity, fileSystem: fileSystem)
    }

    static func objects(_ folder: String) -> [String] {
        FolderSnapshot(folder + "/backups/objects").files.keys.sorted()
    }

    static func manifests(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder + "/backups").filter { $0.hasSuffix(".manifest.json") }.sorted()
    }

    static func rename(_ store: DataStore, _ id: UnitID, _ name: String) throws {
        var unit = try #require(store.dataset.units[id])
        unit.name = name
        try store.commit(.updateUnit(unit: unit))
    }

    @Test func aBackupAfterOneEditAddsOnlyTheFilesItChangedAndRestoresToTheSameBytesAsAFullZip() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.open(folder)
        let first = try store.backupNow()
        let before = Self.objects(folder)
        #expect(before.count == FolderSnapshot(folder).collectionFiles.count, "the first backup keeps every file once")

        try Self.rename(store, "DV0002", "Phòng Kinh tế và Hạ tầng")
        let second = try store.backupNow()
        let added = Set(Self.objects(folder)).subtracting(before)
        #expect(added.count == 2, "units.json and thidua.json (its journal position) changed: \(added.sorted())")
        let full = folder + "-full.zip"
        defer { try? FileManager.default.removeItem(atPath: full) }
        try store.fullBackup(to: full)
        let data = FolderSnapshot(folder).collectionFiles

        // The manifest and the zip restore to the same bytes, which are the folder's own.
        let fromManifest = try ScratchFolder(), fromZip = try ScratchFolder()
        defer { fromManifest.remove(); fromZip.remove() }
        try ManifestBackups.materialize(second, into: fromManifest.path, fileSystem: PosixFileSystem())
        try BackupArchiver(folder: folder).extract(full, into: fromZip.path)
        #expect(FolderSnapshot(fromManifest.path).files == FolderSnapshot(fromZip.path).files)
        #expect(FolderSnapshot(fromManifest.path).files == data)

        // The first manifest still restores the state before the edit.
        let older = try ScratchFolder()
        defer { older.remove() }
        try ManifestBackups.materialize(first, into: older.path, fileSystem: PosixFileSystem())
        #expect(try DatasetLoader.load(folder: older.path, fileSystem: PosixFileSystem()).dataset.units["DV0002"]?.name == "Phòng Kinh tế")
        // A full zip is never written over a file.
        let error = #expect(throws: StoreFailure.self) { try store.fullBackup(to: full) }
        #expect(error?.message.contains("đã có; không ghi đè") == true)
        try store.close()
    }

    @Test func aNewSessionTrustsTheNewestManifestAndCopiesOnlyWhatChanged() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.open(folder)
        try Self.rename(store, "DV0002", "Phòng Kinh tế 1")
        try store.close()
        let before = Self.objects(folder)
        let reopened = try Self.open(folder)
        #expect(reopened.knownMembers.count == FolderSnapshot(folder).collectionFiles.count)
        try Self.rename(reopened, "DV0002", "Phòng Kinh tế 2")
        try reopened.close()
        #expect(Set(Self.objects(folder)).subtracting(before).count == 2)
        // A file changed behind the program's back (same journal position) is read again.
        let third = try Self.open(folder)
        try "[]\n".write(toFile: folder + "/awards.json", atomically: true, encoding: .utf8)
        let edited = try Self.open(folder, fileSystem: PosixFileSystem())
        _ = third
        #expect(edited.knownMembers["awards.json"] == nil)
    }

    @Test func pruningKeepsEveryMemberAKeptManifestNamesAndRemovesTheRest() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.open(folder, keep: 3)
        for n in 1...6 {
            try Self.rename(store, "DV0002", "Phòng Kinh tế \(n)")
            try store.commit(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: Points(hundredths: 100 * n)))
            _ = try store.backupNow()
        }
        let kept = try Self.manifests(folder)
        #expect(kept.count == 3)
        var named = Set<String>()
        for name in kept {
            let manifest = try BackupManifest.read(folder + "/backups/" + name, fileSystem: PosixFileSystem())
            named.formUnion(manifest.members.map { "\($0.sha256.prefix(2))/\($0.sha256)" })
            let scratch = try ScratchFolder()
            defer { scratch.remove() }
            try ManifestBackups.materialize(folder + "/backups/" + name, into: scratch.path, fileSystem: PosixFileSystem())
        }
        #expect(Set(Self.objects(folder)) == named, "every named member is kept, and nothing else")
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock, verifyingBackups: true).isHealthy)
        try store.close()
    }

    @Test func checkFindsAMissingMemberAndCheckBackupsADamagedOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.open(folder)
        let manifestPath = try store.backupNow()
        try store.close()
        let manifest = try BackupManifest.read(manifestPath, fileSystem: PosixFileSystem())
        let units = try #require(manifest.members.first { $0.path == "units.json" })
        let unitsObject = "backups/objects/\(units.sha256.prefix(2))/\(units.sha256)"
        // One byte changed, same size: only reading the member finds it.
        var bytes = try #require(FileManager.default.contents(atPath: folder + "/" + unitsObject))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: folder + "/" + unitsObject))
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock).isHealthy)
        let deep = FolderCheck.run(folder: folder, clock: FaultFixtures.clock, verifyingBackups: true)
        let name = "backups/" + FilePath.name(manifestPath)
        #expect(deep.problems == ["\(name): bản lưu của «units.json» (\(unitsObject)) bị hỏng: mã băm không khớp."])
        // Restoring from it refuses and changes nothing.
        let reopened = try Self.open(folder)
        let before = FolderSnapshot(folder).collectionFiles
        let error = #expect(throws: StoreFailure.self) { try reopened.restore(from: FilePath.name(manifestPath)) }
        #expect(error?.message.contains("bị hỏng (độ dài hoặc mã băm không khớp)") == true, "\(error?.message ?? "")")
        #expect(FolderSnapshot(folder).collectionFiles == before)
        try reopened.close()
        // A member gone: the plain check names it.
        let people = try #require(manifest.members.first { $0.path == "people.json" })
        try FileManager.default.removeItem(atPath: folder + "/backups/objects/\(people.sha256.prefix(2))/\(people.sha256)")
        #expect(FolderCheck.run(folder: folder, clock: FaultFixtures.clock).problems.contains(
            "\(name): thiếu bản lưu của «people.json» (backups/objects/\(people.sha256.prefix(2))/\(people.sha256))."))
    }
}
