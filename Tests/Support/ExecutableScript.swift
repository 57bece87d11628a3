import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shell scripts that tests run in place of system programs (a fake `lp`, `lpstat`).
public enum ExecutableScript {
    /// Writes `text` to `path` as an executable file through a close-on-exec descriptor.
    ///
    /// Tests run in parallel and spawn children. A plain write leaves its descriptor open in
    /// any child spawned meanwhile, for that child's whole life; running the script then fails
    /// with ETXTBSY ("Text file busy"). That made the print tests fail now and then.
    public static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
        guard fchmod(fd, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
