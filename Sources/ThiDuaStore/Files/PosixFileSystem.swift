#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CStatfs
#endif

/// The real file system, through the C library's system calls.
///
/// Plain POSIX calls instead of Foundation's FileManager because the store needs what
/// FileManager hides: errno for precise messages, fsync of files and directories, O_EXCL, and
/// exact permission bits regardless of the umask.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws -> [UInt8] {
        let fd = try openForReading(path)
        defer { _ = sysClose(fd) }
        var info = stat()
        let sizeHint = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        // Straight into the result, in as few reads as the kernel allows: no zero-filled
        // buffer to copy from. One byte more than the size, so the read that meets the end
        // fits (a file that grew meanwhile is read on below).
        let capacity = sizeHint + 1
        var result = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = try readUntilFullOrEnd(fd, into: UnsafeMutableRawBufferPointer(buffer), path: path)
        }
        guard result.count == capacity else { return result }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try readUntilFullOrEnd(fd, into: $0, path: path) }
            result.append(contentsOf: chunk[0..<count])
            if count < chunk.count { return result }
        }
    }

    /// Reads into `buffer` until it is full or the file ends; the number of bytes read.
    private func readUntilFullOrEnd(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = sysRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, operation: .read, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    public func readFile(_ path: String, offset: Int, count: Int) throws -> [UInt8] {
        let fd = try openForReading(path)
        defer { _ = sysClose(fd) }
        var result = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < result.count {
            let got = result.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, operation: .read, errno: errno)
            }
            if got == 0 { break }
            filled += got
        }
        result.removeLast(result.count - filled)
        return result
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public func status(_ path: String) throws -> FileStatus {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FileSystemError(path: path, operation: .status, errno: errno)
        }
        let type = UInt32(info.st_mode) & UInt32(S_IFMT)
        #if canImport(Darwin)
        let seconds = Int(info.st_mtimespec.tv_sec)
        #else
        let seconds = Int(info.st_mtim.tv_sec)
        #endif
        return FileStatus(
            size: Int(info.st_size),
            permissions: UInt32(info.st_mode) & 0o7777,
            isDirectory: type == UInt32(S_IFDIR),
            isRegularFile: type == UInt32(S_IFREG),
            modificationTime: seconds,
            fileID: FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        )
    }

    public func listDirectory(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else {
            throw FileSystemError(path: path, operation: .listDirectory, errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw FileSystemError(path: path, operation: .listDirectory, errno: errno) }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func createDirectory(_ path: String, permissions: UInt32, intermediate: Bool) throws {
        if intermediate {
            let parent = FilePath.parent(path)
            if parent != path && parent != "." && parent != "/" && !exists(parent) {
                try createDirectory(parent, permissions: permissions, intermediate: true)
            }
        }
        if mkdir(path, mode_t(permissions)) != 0 {
            let code = errno
            if code == EEXIST && intermediate && isDirectory(path) { return }
            throw FileSystemError(path: path, operation: .createDirectory, errno: code)
        }
        // mkdir's mode is masked by the umask; the caller asked for exact bits (e.g. setgid 2770).
        try setPermissions(path, permissions)
    }

    public func openFile(_ path: String, mode: OpenMode, permissions: UInt32) throws -> any WritableFile {
        switch mode {
        case .createExclusive:
            return try createNew(path, permissions: permissions)
        case .append:
            // Open an existing file as is; create a missing one with exact permissions. The loop
            // covers the file appearing or vanishing between the two attempts.
            for _ in 0..<8 {
                let fd = sysOpen(path, O_WRONLY | O_APPEND | O_CLOEXEC, 0)
                if fd >= 0 { return PosixWritableFile(fd: fd, path: path) }
                guard errno == ENOENT else {
                    throw FileSystemError(path: path, operation: .open, errno: errno)
                }
                do {
                    return try createNew(path, permissions: permissions, extraFlags: O_APPEND)
                } catch let error as FileSystemError where error.errno == EEXIST {
                    continue
                }
            }
            throw FileSystemError(path: path, operation: .open, errno: EAGAIN)
        }
    }

    public func syncDirectory(_ path: String) throws {
        let fd = sysOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { throw FileSystemError(path: path, operation: .syncDirectory, errno: errno) }
        defer { _ = sysClose(fd) }
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            // Some file systems cannot fsync a directory; that is not a failure to persist data.
            if errno == EINVAL || errno == EBADF { return }
            throw FileSystemError(path: path, operation: .syncDirectory, errno: errno)
        }
    }

    public func rename(_ source: String, to destination: String) throws {
        guard sysRename(source, destination) == 0 else {
            throw FileSystemError(path: destination, operation: .rename, errno: errno)
        }
    }

    public func remove(_ path: String) throws {
        guard sysRemove(path) == 0 else {
            throw FileSystemError(path: path, operation: .remove, errno: errno)
        }
    }

    public func truncate(_ path: String, to size: Int) throws {
        while sysTruncate(path, size) != 0 {
            if errno == EINTR { continue }
            throw FileSystemError(path: path, operation: .truncate, errno: errno)
        }
    }

    public func setPermissions(_ path: String, _ permissions: UInt32) throws {
        guard chmod(path, mode_t(permissions)) == 0 else {
            throw FileSystemError(path: path, operation: .setPermissions, errno: errno)
        }
    }

    public func openLock(_ path: String, permissions: UInt32) throws -> any LockFile {
        while true {
            let fd = sysOpen(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(permissions))
            if fd >= 0 {
                // open's mode is masked by the umask; a shared folder needs the group bits.
                if fchmod(fd, mode_t(permissions)) != 0 && errno != EPERM {
                    let code = errno
                    _ = sysClose(fd)
                    throw FileSystemError(path: path, operation: .setPermissions, errno: code)
                }
                return PosixLockFile(fd: fd, path: path)
            }
            if errno == EINTR { continue }
            // A read-only session may lack write permission; a shared lock needs only reading.
            if errno == EACCES || errno == EROFS, case let fd = sysOpen(path, O_RDONLY | O_CLOEXEC, 0), fd >= 0 {
                return PosixLockFile(fd: fd, path: path)
            }
            throw FileSystemError(path: path, operation: .lock, errno: errno)
        }
    }

    public func volumeKind(_ path: String) throws -> VolumeKind {
        #if os(Linux)
        let magic = thidua_statfs_type(path)
        guard magic >= 0 else { throw FileSystemError(path: path, operation: .volume, errno: errno) }
        return VolumeKinds.kind(magic: UInt64(magic))
        #else
        var info = statfs()
        guard statfs(path, &info) == 0 else { throw FileSystemError(path: path, operation: .volume, errno: errno) }
        let name = withUnsafeBytes(of: info.f_fstypename) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return VolumeKinds.kind(named: name)
        #endif
    }

    private func openForReading(_ path: String) throws -> Int32 {
        while true {
            let fd = sysOpen(path, O_RDONLY | O_CLOEXEC, 0)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw FileSystemError(path: path, operation: .read, errno: errno)
        }
    }

    private func createNew(_ path: String, permissions: UInt32, extraFlags: Int32 = 0) throws -> PosixWritableFile {
        let fd = sysOpen(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | extraFlags, mode_t(permissions))
        guard fd >= 0 else { throw FileSystemError(path: path, operation: .open, errno: errno) }
        // open's mode is masked by the umask; shared folders need exactly 0660.
        if fchmod(fd, mode_t(permissions)) != 0 {
            let code = errno
            _ = sysClose(fd)
            _ = sysRemove(path)
            throw FileSystemError(path: path, operation: .setPermissions, errno: code)
        }
        return PosixWritableFile(fd: fd, path: path)
    }
}

/// An open file descriptor for writing.
final class PosixWritableFile: WritableFile {
    let path: String
    private var fd: Int32

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close() }

    func write(_ bytes: [UInt8]) throws {
        guard fd >= 0 else { throw FileSystemError(path: path, operation: .write, errno: EBADF) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            // write(2) may write less than asked (signals, pipes, nearly full disks): loop.
            while offset < buffer.count {
                let written = sysWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(path: path, operation: .write, errno: errno)
                }
                if written == 0 { throw FileSystemError(path: path, operation: .write, errno: EIO) }
                offset += written
            }
        }
    }

    func sync() throws {
        guard fd >= 0 else { throw FileSystemError(path: path, operation: .sync, errno: EBADF) }
        #if canImport(Darwin)
        // On macOS fsync does not flush the drive's cache; F_FULLFSYNC does.
        if fcntl(fd, F_FULLFSYNC) == 0 { return }
        #endif
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw FileSystemError(path: path, operation: .sync, errno: errno)
        }
    }

    func close() {
        if fd >= 0 {
            _ = sysClose(fd)
            fd = -1
        }
    }
}

/// An open file holding `flock` locks.
final class PosixLockFile: LockFile {
    let path: String
    private var fd: Int32

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close() }

    func lock(_ mode: LockMode, wait: Bool) throws -> Bool {
        guard fd >= 0 else { throw FileSystemError(path: path, operation: .lock, errno: EBADF) }
        let operation = (mode == .shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB)
        while flock(fd, Int32(operation)) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw FileSystemError(path: path, operation: .lock, errno: errno)
        }
        return true
    }

    func unlock() {
        if fd >= 0 { _ = flock(fd, LOCK_UN) }
    }

    func close() {
        if fd >= 0 {
            _ = sysClose(fd)
            fd = -1
        }
    }
}

// File-scope wrappers: inside types whose methods are called read/write/rename/remove/truncate/
// close, an unqualified call would resolve to the method, not to the C function.
private func sysOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func sysClose(_ fd: Int32) -> Int32 { close(fd) }
private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func sysRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
private func sysRemove(_ path: String) -> Int32 { remove(path) }
private func sysTruncate(_ path: String, _ size: Int) -> Int32 { truncate(path, off_t(size)) }
