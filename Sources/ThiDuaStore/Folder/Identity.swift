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
