#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ThiDuaStore
import ThiDuaTestSupport

@Suite("POSIX file system and its messages")
struct FileSystemTests {
    @Test("messages are Vietnamese and name the file")
    func messages() {
        let path = "/dữ liệu/units.json"
        func message(_ code: Int32, _ operation: FileOperation = .write) -> String {
            FileSystemError(path: path, operation: operation, errno: code).message
        }
        #expect(message(ENOSPC) == "Ổ đĩa đã đầy: không ghi được «/dữ liệu/units.json». Dữ liệu trước đó vẫn nguyên vẹn.")
        #expect(message(EACCES) == "Không có quyền ghi «/dữ liệu/units.json».")
        #expect(message(EPERM, .rename) == "Không có quyền đổi tên «/dữ liệu/units.json».")
        #expect(message(EROFS) == "Ổ đĩa chỉ cho phép đọc: không ghi được «/dữ liệu/units.json».")
        #expect(message(EIO, .read).hasPrefix("Lỗi vào/ra của ổ đĩa khi đọc «/dữ liệu/units.json»."))
        #expect(message(ENOENT, .read) == "Không tìm thấy tệp hoặc thư mục «/dữ liệu/units.json».")
        let other = message(EMFILE, .open)
        #expect(other.hasPrefix("Lỗi khi mở để ghi «/dữ liệu/units.json»: "))
        #expect(other.contains(FileSystemError.systemText(EMFILE)))
    }

    @Test("a missing file is ENOENT with its path")
    func missingFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let error = #expect(throws: FileSystemError.self) { try PosixFileSystem().readFile(folder.file("không-có.json")) }
        #expect(error == FileSystemError(path: folder.file("không-có.json"), operation: .read, errno: ENOENT))
    }

    @Test("create-exclusive refuses an existing name; append, ranges, truncate, size, listing")
    func primitives() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = PosixFileSystem()
        let path = folder.file("a.txt")
        try disk.createExclusive(path, contents: bytes("một\n"), permissions: 0o640)
        #expect(try disk.status(path).permissions == 0o640)  // exact, despite the umask
        let again = #expect(throws: FileSystemError.self) { try disk.createExclusive(path, contents: bytes("x")) }
        #expect(again?.errno == EEXIST)
        try disk.appendAndSync(bytes("hai\n"), to: path)
        #expect(text(try disk.readFile(path)) == "một\nhai\n")
        #expect(text(try disk.readFile(path, offset: 6, count: 100)) == "hai\n")
        try disk.truncate(path, to: 6)
        #expect(try disk.fileSize(path) == 6)
        try disk.createDirectory(folder.file("x/y/z"), permissions: 0o2770, intermediate: true)
        #expect(try disk.status(folder.file("x/y/z")).permissions == 0o2770)
        try disk.createDirectory(folder.file("x/y/z"), permissions: 0o700, intermediate: true)
        try disk.rename(path, to: folder.file("b.txt"))
        #expect(folder.names() == ["b.txt", "x"])
        try disk.remove(folder.file("b.txt"))
        try disk.syncDirectory(folder.path)
        #expect(!disk.exists(folder.file("b.txt")))
    }

    @Test("the faulty file system fails the chosen call and counts calls")
    func faultyCounts() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let disk = FaultyFileSystem()
        disk.inject(FaultRule(.sync, .nthCall(2), errno: EIO))
        try disk.appendAndSync(bytes("1"), to: folder.file("f"))
        #expect(throws: FileSystemError(path: folder.file("f"), operation: .sync, errno: EIO)) {
            try disk.appendAndSync(bytes("2"), to: folder.file("f"))
        }
        try disk.appendAndSync(bytes("3"), to: folder.file("f"))
        #expect(disk.callCount(.sync) == 3)
        #expect(text(try disk.readFile(folder.file("f"))) == "123")
    }
}
