#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ThiDuaDomain

/// Who holds a data folder's `.lock`: what the file says, so a refused second writer can be
/// told whom to ask.
public struct LockHolder: Codable, Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var pid: Int32
    /// ISO 8601 time with offset, supplied by the caller.
    public var since: String
    public var program: String

    public init(user: String, host: String, pid: Int32, since: String, program: String) {
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
        self.program = program
    }

    /// This process: login name, host name and pid from the system.
    public static func current(since: String, program: String = "thidua") -> LockHolder {
        LockHolder(user: currentUserName(), host: currentHostName(), pid: getpid(), since: since, program: program)
    }

    /// "Thư mục đang được mở bởi <user>@<host> (pid <pid>) từ 18:43 ngày 02/12/2026.", the start
    /// on this machine's clock (the file keeps ISO 8601, which nobody in the office reads).
    public var description: String {
        "Thư mục đang được mở bởi \(user)@\(host) (pid \(pid)) từ \(LockHolder.sinceText(since))."
    }

    /// "18:43 ngày 02/12/2026", or the text as written when it is not a stored time.
    static func sinceText(_ since: String, local: (String) -> Timestamp.Fields? = Timestamp.localFields) -> String {
        guard let time = local(since) else { return since }
        return "\(time.clock) ngày \(time.day.display)"
    }

    static func currentHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    static func currentUserName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? "uid \(geteuid())"
    }
}
