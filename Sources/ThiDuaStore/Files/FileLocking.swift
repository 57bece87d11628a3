/// Whole-file advisory locks (`flock(2)`) on a small file kept open for the purpose. The kernel
/// drops a lock when its holder's file is closed or its process dies, so a killed writer can
/// never leave the folder locked.
public enum LockMode: Sendable, Equatable {
    /// Many holders at once: a session that is in the folder.
    case shared
    /// One holder: a commit to the journal, or an operation that needs the folder alone.
    case exclusive
}

/// An open lock file. Not shared between threads: its owner serialises access.
public protocol LockFile: AnyObject {
    var path: String { get }
    /// Takes the lock; with `wait` false, returns false at once when someone else holds it in a
    /// conflicting mode. Taking it again in another mode converts the lock held.
    func lock(_ mode: LockMode, wait: Bool) throws -> Bool
    /// Releases the lock (the file stays open).
    func unlock()
    /// Releases the lock and closes the file; further calls do nothing.
    func close()
}

/// Where a folder lives, as far as locking is concerned.
public enum VolumeKind: Sendable, Equatable {
    /// A local disk: `flock` is exact.
    case local
    /// A network file system (NFS, SMB/CIFS …), named: its locks cannot be trusted across machines.
    case network(String)
}
