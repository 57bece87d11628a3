import Foundation

/// Who runs the program, as recorded in the journal and the lock file.
public struct Identity: Sendable, Equatable {
    public var user: String
    public var host: String
    public var pid: Int32

    public init(user: String, host: String, pid: Int32) {
        self.user = user
        self.host = host
        self.pid = pid
    }

    /// The operating-system user, host name and process id of this process
    /// (looked up the same way the lock file names its holder).
    public static var current: Identity {
        Identity(user: LockHolder.currentUserName(), host: LockHolder.currentHostName(), pid: getpid())
    }
}

/// ISO 8601 times with the local offset, as written in the journal ("2026-11-24T09:15:02+07:00").
enum Timestamp {
    /// "2026-11-24T09:30:05+07:00" (or "…Z" in UTC), local time, what ISO8601DateFormatter
    /// writes with `.withInternetDateTime`. By hand because every saved edit stamps one, and
    /// building that formatter cost more than the rest of the edit apart from its fsync.
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = Int32(parts.tm_gmtoff / 60)
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))\(zone)"
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
