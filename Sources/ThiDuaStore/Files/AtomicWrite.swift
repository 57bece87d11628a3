#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Permission bits for files the store creates.
public enum StorePermissions {
    /// A private data folder: only the owner reads and writes.
    public static let privateFile: UInt32 = 0o600
    /// A shared data folder: the owner and the group read and write.
    public static let sharedFile: UInt32 = 0o660

    /// The documented sharing rule. Files are private (0600) unless the data folder's directory
    /// has the set-group-ID bit, which is how an administrator sets up a folder shared by the
    /// office's group (`chgrp vhxh DIR; chmod 2770 DIR`): new files then inherit the group and
    /// are created 0660 so every member of the group can keep working on them.
    public static func filePermissions(forFolder folder: String, fileSystem: any FileSystem) -> UInt32 {
        isShared(folder, fileSystem: fileSystem) ? sharedFile : privateFile
    }

    /// The same rule for folders created inside `parent` (history/, backups/, …): 0700, or 2770
    /// in a shared folder so that the setgid bit, and with it the group, carries on down.
    public static func directoryPermissions(inside parent: String, fileSystem: any FileSystem) -> UInt32 {
        isShared(parent, fileSystem: fileSystem) ? 0o2770 : 0o700
    }

    private static func isShared(_ folder: String, fileSystem: any FileSystem) -> Bool {
        (try? fileSystem.status(folder).hasSetGroupID) ?? false
    }
}

extension FileSystem {
    /// Replaces the contents of `path` with `bytes` so that, whatever happens, the file holds
    /// either the old contents or the new ones, never a mix.
    ///
    /// Steps: write a temporary file `.<name>.tmp-<pid>-<random>` in the same directory (a rename
    /// is atomic only within one file system), fsync it, rename it over `path`, fsync the
    /// directory so that the rename itself survives a power cut. If writing, fsyncing or renaming
    /// fails, the temporary file is removed and `path` is untouched. (If only the final directory
    /// fsync fails, the new contents are already in place and the error is still reported.)
    ///
    /// - Parameter permissions: mode of the new file; by default
    ///   `StorePermissions.filePermissions(forFolder:)` of the containing directory — 0600, or
    ///   0660 when that directory has the setgid bit (the documented sharing mode).
    public func atomicWrite(_ bytes: [UInt8], to path: String, permissions: UInt32? = nil) throws {
        let directory = FilePath.parent(path)
        let mode = permissions ?? StorePermissions.filePermissions(forFolder: directory, fileSystem: self)
        let temporary = TemporaryFileName.make(for: path)
        // Errors about the temporary file are reported under the target's name: that is the
        // file the user knows.
        func renamed(_ error: any Error) -> any Error {
            guard var error = error as? FileSystemError, error.path == temporary else { return error }
            error.path = path
            return error
        }
        let file: any WritableFile
        do {
            file = try openFile(temporary, mode: .createExclusive, permissions: mode)
        } catch {
            throw renamed(error)
        }
        do {
            try file.write(bytes)
            try file.sync()
            file.close()
            try rename(temporary, to: path)
        } catch {
            file.close()
            try? remove(temporary)
            throw renamed(error)
        }
        try syncDirectory(directory)
    }

    /// `atomicWrite` for `Data`.
    public func atomicWrite(_ data: Data, to path: String, permissions: UInt32? = nil) throws {
        try atomicWrite([UInt8](data), to: path, permissions: permissions)
    }
}

/// Names of the temporary files written by `atomicWrite`.
public enum TemporaryFileName {
    /// `<dir>/.<name>.tmp-<pid>-<random>`: hidden, in the target's directory, unique per process
    /// and attempt, so two writers never share a temporary file.
    public static func make(for path: String) -> String {
        let directory = FilePath.parent(path)
        return FilePath.join(directory, ".\(FilePath.name(path)).tmp-\(getpid())-\(FilePath.randomToken())")
    }

    /// Whether a directory entry name looks like a temporary file left by `atomicWrite` (after
    /// a crash). Such a file never holds the only copy of anything and may be removed.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }
}
