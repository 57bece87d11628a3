import Foundation
import ZIPFoundation

/// Zip snapshots of the data folder — standalone files to carry away (`thidua backup --full`),
/// and the backups older versions kept in `backups/` — and their extraction for a restore.
///
/// The zip is assembled in memory (a commune's data is a few megabytes) and written with
/// `atomicWrite`, so a backup file is either complete or absent — a full disk in the middle
/// leaves no half-written zip behind — and every byte goes through the injectable `FileSystem`.
public struct BackupArchiver: Sendable {
    /// The data folder the relative paths are resolved in.
    public let folder: String
    /// Where the zips go: `<folder>/backups` by default.
    public let backupsFolder: String
    /// How many backups to keep (the newest by name order).
    public let keep: Int
    private let fileSystem: any FileSystem

    public init(folder: String, backupsFolder: String? = nil, keep: Int = 10, fileSystem: any FileSystem = PosixFileSystem()) {
        self.folder = folder
        self.backupsFolder = backupsFolder ?? FilePath.join(folder, "backups")
        self.keep = max(1, keep)
        self.fileSystem = fileSystem
    }

    /// Zips `files` (paths relative to `folder`, deflated) into
    /// `backups/thidua-<yyyyMMdd-HHmmss>.zip` (`-2`, `-3`, … if that name is taken), then deletes
    /// all but the newest `keep` backups. The date comes from the caller (no clock here).
    ///
    /// - Returns: the path of the new zip.
    @discardableResult
    public func createBackup(of files: [String], date: Date, timeZone: TimeZone = .current) throws -> String {
        try backupFolder.ensureExists(backupsFolder)
        let name = BackupName.free(date: date, timeZone: timeZone, kind: .zip, in: backupsFolder, fileSystem: fileSystem)
        let target = FilePath.join(backupsFolder, name.fileName)
        try writeZip(of: files, to: target, date: date)
        try prune()
        return target
    }

    /// Zips `files` (paths relative to `folder`) into `target`, which must not exist yet.
    public func writeZip(of files: [String], to target: String, date: Date) throws {
        if fileSystem.exists(target) { throw BackupError.targetExists(target) }
        var entries: [(path: String, modified: Date)] = []
        for file in files {
            guard let relative = ArchivePath.safeRelative(file) else { throw BackupError.unsafeSourcePath(file) }
            let path = FilePath.join(folder, relative)
            let modified = (try? fileSystem.status(path)).map { Date(timeIntervalSince1970: TimeInterval($0.modificationTime)) } ?? date
            entries.append((relative, modified))
        }
        // One file in memory at a time: a province's folder is 150 MB before compression.
        let zip = try Self.makeZip(entries) { index in try fileSystem.readFile(FilePath.join(folder, entries[index].path)) }
        try fileSystem.atomicWrite(zip, to: target)
    }

    var backupFolder: BackupFolder { BackupFolder(path: backupsFolder, keep: keep, fileSystem: fileSystem) }

    /// Paths of the backups in `backupsFolder` (zips and manifests), oldest first.
    public func backups() throws -> [String] { try backupFolder.list() }

    /// Deletes all but the newest `keep` backups (see `BackupFolder.prune`).
    @discardableResult
    public func prune() throws -> [String] { try backupFolder.prune() }

    /// Extracts a backup into `destination`, which must be an existing empty folder (a restore
    /// extracts into a temporary folder first, then swaps files in). Every entry is checked
    /// before anything is written: an absolute path, a "..", or a symbolic link rejects the
    /// whole archive (zip-slip).
    ///
    /// - Returns: the relative paths of the files written.
    @discardableResult
    public func extract(_ archivePath: String, into destination: String) throws -> [String] {
        guard try fileSystem.listDirectory(destination).isEmpty else {
            throw BackupError.destinationNotEmpty(destination)
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(try fileSystem.readFile(archivePath)), accessMode: .read)
        } catch let error as FileSystemError {
            throw error
        } catch {
            throw BackupError.unreadableArchive(path: archivePath, reason: "không phải tệp zip hợp lệ")
        }
        var plan: [(entry: Entry, relative: String)] = []
        for entry in archive {
            guard entry.type != .symlink, let relative = ArchivePath.safeRelative(entry.path) else {
                throw BackupError.unsafeEntry(archive: archivePath, entry: entry.path)
            }
            plan.append((entry, relative))
        }
        var written: [String] = []
        for (entry, relative) in plan {
            let target = FilePath.join(destination, relative)
            if entry.type == .directory {
                try fileSystem.createDirectory(target, permissions: 0o700, intermediate: true)
                continue
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw BackupError.unreadableArchive(path: archivePath, reason: "mục «\(entry.path)» bị hỏng")
            }
            let parent = FilePath.parent(target)
            if !fileSystem.isDirectory(parent) {
                try fileSystem.createDirectory(parent, permissions: 0o700, intermediate: true)
            }
            try fileSystem.atomicWrite([UInt8](data), to: target)
            written.append(relative)
        }
        return written
    }

    /// A deflated zip of the given entries, as bytes. Paths are stored as given — callers
    /// check them first (tests use this to build hostile archives).
    static func makeZip(_ entries: [(path: String, bytes: [UInt8], modified: Date)]) throws -> [UInt8] {
        try makeZip(entries.map { ($0.path, $0.modified) }) { entries[$0].bytes }
    }

    /// A zip of the entries, each entry's bytes asked for (by index) only when it is added.
    static func makeZip(_ entries: [(path: String, modified: Date)], contents: (Int) throws -> [UInt8]) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (index, entry) in entries.enumerated() {
                let bytes = try contents(index)
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: entry.modified, permissions: 0o600, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(start + size, bytes.count)])
                }
            }
            guard let data = archive.data else { throw BackupError.cannotCreate(reason: "thư viện zip không trả về dữ liệu") }
            return [UInt8](data)
        } catch let error as BackupError {
            throw error
        } catch let error as FileSystemError {
            throw error  // reading a source file: its message names the file
        } catch {
            throw BackupError.cannotCreate(reason: "\(error)")
        }
    }
}
