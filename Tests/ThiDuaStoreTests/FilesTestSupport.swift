import Foundation
@testable import ThiDuaStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init() throws {
        var base = NSTemporaryDirectory()
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/thidua-store-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw FileSystemError(path: NSTemporaryDirectory(), operation: .createDirectory, errno: errno)
        }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Entry names in the folder, sorted.
    func names(_ sub: String = "") -> [String] {
        let folder = sub.isEmpty ? path : file(sub)
        return ((try? PosixFileSystem().listDirectory(folder)) ?? []).sorted()
    }
}

/// A domain-free payload for journal tests.
struct TestChange: Codable, Sendable, Equatable {
    var kind: String
    var value: Int
    var note: String
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Runs /bin/true, waits for it, and returns its pid: a process id that no longer exists.
func deadProcessID() throws -> Int32 {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { argv.forEach { free($0) } }
    let spawned = posix_spawn(&pid, "/bin/true", nil, nil, argv, environ)
    guard spawned == 0 else { throw FileSystemError(path: "/bin/true", operation: .open, errno: spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return pid
}
