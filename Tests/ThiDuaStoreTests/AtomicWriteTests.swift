#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("Atomic rewrite")
struct AtomicWriteTests {
    @Test("writes the new contents with mode 0600 and leaves no temporary file")
    func writesNewContents() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = PosixFileSystem()
        let target = folder.file("units.json")
        try disk.atomicWrite(bytes("cũ\n"), to: target)
        try disk.atomicWrite(bytes("{\"tên\": \"Thôn Đông\"}\n"), to: target)
        #expect(text(try disk.readFile(target)) == "{\"tên\": \"Thôn Đông\"}\n")
        #expect(try disk.status(target).permissions == 0o600)
        #expect(folder.names() == ["units.json"])
    }

    @Test("a setgid data folder (the documented sharing mode) gets 0660 files")
    func sharedFolderGivesGroupAccess() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = PosixFileSystem()
        try disk.setPermissions(folder.path, 0o2770)
        try disk.atomicWrite(bytes("x"), to: folder.file("people.json"))
        #expect(try disk.status(folder.file("people.json")).permissions == 0o660)
    }

    static let faults: [FaultRule] = [
        FaultRule(.open, .nthCall(1), errno: EACCES),
        FaultRule(.write, .nthCall(1), errno: ENOSPC),
        FaultRule(.write, .afterBytes(7), errno: ENOSPC),
        FaultRule(.sync, .nthCall(1), errno: EIO),
        FaultRule(.rename, .nthCall(1), errno: EROFS),
    ]

    @Test("a failure at open, write, fsync or rename leaves the old file intact and no temporary file",
          arguments: faults)
    func failureKeepsOldContents(rule: FaultRule) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let target = folder.file("scores-2026.json")
        let old = bytes("{\"điểm\": 95}\n")
        try PosixFileSystem().atomicWrite(old, to: target)

        let disk = FaultyFileSystem()
        disk.inject(rule)
        let error = #expect(throws: FileSystemError.self) {
            try disk.atomicWrite(bytes("{\"điểm\": 100, \"ghi chú\": \"bản mới dài hơn bản cũ\"}\n"), to: target)
        }
        #expect(error?.errno == rule.errno)
        #expect(error?.path == target)
        #expect(try PosixFileSystem().readFile(target) == old)
        #expect(folder.names() == ["scores-2026.json"])
    }

    @Test("a full disk is reported in Vietnamese, naming the file")
    func diskFullMessage() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        disk.inject(FaultRule(.write, .afterBytes(0), errno: ENOSPC))
        let target = folder.file("units.json")
        let error = #expect(throws: FileSystemError.self) { try disk.atomicWrite(bytes("abc"), to: target) }
        #expect(error?.path == target)
        #expect(error?.message == "Ổ đĩa đã đầy: không ghi được «\(target)». Dữ liệu trước đó vẫn nguyên vẹn.")
        #expect(!PosixFileSystem().exists(target))
        #expect(folder.names().isEmpty)
    }
}
