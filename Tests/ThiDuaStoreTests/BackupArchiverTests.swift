#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("Backups")
struct BackupArchiverTests {
    static let hanoi = TimeZone(secondsFromGMT: 7 * 3600)!
    /// 2026-11-24 09:30:00 +07:00
    static let date = Date(timeIntervalSince1970: 1_795_487_400)

    static func dataFolder() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let disk = PosixFileSystem()
        try disk.atomicWrite(bytes("{\"tên xã\": \"Xã Đông Sơn\"}\n"), to: folder.file("thidua.json"))
        try disk.atomicWrite(bytes(String(repeating: "{\"đơn vị\": \"Thôn Đông\"}\n", count: 200)), to: folder.file("units.json"))
        try disk.createDirectory(folder.file("scores"), permissions: 0o700, intermediate: false)
        try disk.atomicWrite(bytes("[]\n"), to: folder.file("scores/2026.json"))
        return folder
    }

    static let files = ["thidua.json", "units.json", "scores/2026.json"]

    @Test("a backup is a deflated zip named from the date, and extracts to the same bytes")
    func createAndExtract() throws {
        let folder = try Self.dataFolder()
        defer { folder.remove() }
        let archiver = BackupArchiver(folder: folder.path)
        let zip = try archiver.createBackup(of: Self.files, date: Self.date, timeZone: Self.hanoi)
        #expect(zip == folder.file("backups/thidua-20261124-093000.zip"))
        #expect(folder.names("backups") == ["thidua-20261124-093000.zip"])
        #expect(try PosixFileSystem().fileSize(zip) < 2_000)  // 5 KB of units.json, deflated

        let restore = try ScratchFolder()
        defer { restore.remove() }
        #expect(try archiver.extract(zip, into: restore.path).sorted() == Self.files.sorted())
        for file in Self.files {
            #expect(try PosixFileSystem().readFile(restore.file(file)) == PosixFileSystem().readFile(folder.file(file)))
        }
    }

    @Test("backups in the same second get -2, -3, which sort after the plain name")
    func collisions() throws {
        let folder = try Self.dataFolder()
        defer { folder.remove() }
        let archiver = BackupArchiver(folder: folder.path)
        for _ in 0..<3 { try archiver.createBackup(of: ["thidua.json"], date: Self.date, timeZone: Self.hanoi) }
        #expect(try archiver.backups().map { FilePath.name($0) } == [
            "thidua-20261124-093000.zip", "thidua-20261124-093000-2.zip", "thidua-20261124-093000-3.zip",
        ])
    }

    @Test("only the newest 10 are kept; other files in backups/ are never touched")
    func rotation() throws {
        let folder = try Self.dataFolder()
        defer { folder.remove() }
        let archiver = BackupArchiver(folder: folder.path)
        try PosixFileSystem().createDirectory(folder.file("backups"), permissions: 0o700, intermediate: false)
        try PosixFileSystem().atomicWrite(bytes("ghi chú"), to: folder.file("backups/ghi-chu.txt"))
        var made: [String] = []
        for day in 0..<12 {
            made.append(try archiver.createBackup(of: ["thidua.json"], date: Self.date + Double(day) * 86_400, timeZone: Self.hanoi))
        }
        #expect(try archiver.backups() == Array(made.suffix(10)))
        #expect(folder.names("backups").count == 11)
        #expect(folder.names("backups").contains("ghi-chu.txt"))
        #expect(!PosixFileSystem().exists(made[0]) && !PosixFileSystem().exists(made[1]))
    }

    @Test("zip-slip: an entry with .. or an absolute path rejects the whole archive, nothing written",
          arguments: ["../ngoai.txt", "scores/../../ngoai.txt", "/tmp/thidua-zip-slip.txt", "C:/ngoai.txt", "..\\ngoai.txt"])
    func zipSlip(entry: String) throws {
        let work = try ScratchFolder()
        defer { work.remove() }
        let zip = try BackupArchiver.makeZip([
            ("thidua.json", bytes("{}"), Self.date),
            (entry, bytes("độc hại"), Self.date),
        ])
        let zipPath = work.file("doc-hai.zip")
        try PosixFileSystem().atomicWrite(zip, to: zipPath)
        try PosixFileSystem().createDirectory(work.file("restore"), permissions: 0o700, intermediate: false)

        let archiver = BackupArchiver(folder: work.path)
        let error = #expect(throws: BackupError.self) { try archiver.extract(zipPath, into: work.file("restore")) }
        #expect(error == .unsafeEntry(archive: zipPath, entry: entry))
        #expect(error?.message == "Bản sao lưu «\(zipPath)» chứa đường dẫn không an toàn «\(entry)» (đường dẫn tuyệt đối, có «..» hoặc là liên kết tượng trưng); đã từ chối giải nén, không tệp nào được ghi.")
        #expect(work.names("restore").isEmpty)
        #expect(work.names() == ["doc-hai.zip", "restore"])
        #expect(!PosixFileSystem().exists("/tmp/thidua-zip-slip.txt"))
    }

    @Test("restores go into an empty folder only; sources must be relative paths inside the folder")
    func guards() throws {
        let folder = try Self.dataFolder()
        defer { folder.remove() }
        let archiver = BackupArchiver(folder: folder.path)
        let zip = try archiver.createBackup(of: ["thidua.json"], date: Self.date, timeZone: Self.hanoi)
        #expect(throws: BackupError.destinationNotEmpty(folder.path)) { try archiver.extract(zip, into: folder.path) }
        #expect(throws: BackupError.unsafeSourcePath("../etc/passwd")) {
            try archiver.createBackup(of: ["../etc/passwd"], date: Self.date, timeZone: Self.hanoi)
        }
        try PosixFileSystem().atomicWrite(bytes("không phải zip"), to: folder.file("hong.zip"))
        let empty = try ScratchFolder()
        defer { empty.remove() }
        #expect(throws: BackupError.unreadableArchive(path: folder.file("hong.zip"), reason: "không phải tệp zip hợp lệ")) {
            try archiver.extract(folder.file("hong.zip"), into: empty.path)
        }
    }

    @Test("a full disk while writing the zip leaves no partial backup and keeps the old ones")
    func diskFull() throws {
        let folder = try Self.dataFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        let archiver = BackupArchiver(folder: folder.path, fileSystem: disk)
        let first = try archiver.createBackup(of: Self.files, date: Self.date, timeZone: Self.hanoi)
        disk.inject(FaultRule(.write, .afterBytes(100), errno: ENOSPC))
        let error = #expect(throws: FileSystemError.self) {
            try archiver.createBackup(of: Self.files, date: Self.date + 60, timeZone: Self.hanoi)
        }
        #expect(error?.message.hasPrefix("Ổ đĩa đã đầy: không ghi được «\(folder.file("backups/thidua-20261124-093100.zip"))»") == true)
        #expect(try archiver.backups() == [first])
        #expect(folder.names("backups") == ["thidua-20261124-093000.zip"])
    }

    @Test("backup names parse and order by time then counter")
    func names() {
        let plain = BackupName(fileName: "thidua-20261124-093000.zip")
        let second = BackupName(fileName: "thidua-20261124-093000-2.zip")
        let tenth = BackupName(fileName: "thidua-20261124-093000-10.zip")
        #expect(plain == BackupName(stamp: "20261124-093000"))
        #expect(plain! < second! && second! < tenth!)
        #expect(BackupName(fileName: "thidua-2026-093000.zip") == nil)
        #expect(BackupName(fileName: "thidua-20261124-093000-1.zip") == nil)
        #expect(BackupName(fileName: "khac.zip") == nil)
    }
}
