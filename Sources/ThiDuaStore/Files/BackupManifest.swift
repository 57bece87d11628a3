import Crypto
import Foundation

/// One collection file as a backup holds it: its path in the data folder and the SHA-256 and
/// size of its bytes, kept once in `backups/objects/` however many backups name it.
public struct BackupMember: Codable, Equatable, Sendable {
    public var path: String
    public var sha256: String
    public var size: Int
    /// The data file's modification time (seconds) when this member was taken: with the size
    /// and the journal position, how the store knows a file is unchanged without reading it.
    public var modified: Int

    public init<Bytes: DataProtocol>(path: String, bytes: Bytes, modified: Int) {
        self.path = path
        self.sha256 = JournalLineCodec.hex(SHA256.hash(data: bytes))
        self.size = bytes.count
        self.modified = modified
    }

    static func isDigest(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// `backups/thidua-<stamp>.manifest.json`: a backup as the list of its members. Written only
/// once every member is durable, so a manifest never names a member that is not there.
public struct BackupManifest: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    /// When it was taken (ISO 8601 with offset).
    public var created: String
    /// The journal position the members hold (`checkpointSeq` of their `thidua.json`).
    public var checkpointSeq: Int
    /// Sorted by path.
    public var members: [BackupMember]

    public init(created: String, checkpointSeq: Int, members: [BackupMember]) {
        self.format = Self.currentFormat
        self.created = created
        self.checkpointSeq = checkpointSeq
        self.members = members.sorted { $0.path < $1.path }
    }

    public static func read(_ path: String, fileSystem: any FileSystem) throws -> BackupManifest {
        let manifest: BackupManifest
        do {
            manifest = try DatasetCodec.decode(Data(try fileSystem.readFile(path)), file: FilePath.name(path))
        } catch let error as StoreError {
            throw BackupError.unreadableArchive(path: path, reason: error.reason)
        }
        guard manifest.format <= currentFormat else {
            throw BackupError.unreadableArchive(path: path, reason: "được ghi bằng định dạng \(manifest.format), mới hơn định dạng \(currentFormat) mà phiên bản này đọc được")
        }
        for member in manifest.members where ArchivePath.safeRelative(member.path) != member.path || !BackupMember.isDigest(member.sha256) {
            throw BackupError.unsafeEntry(archive: path, entry: member.path)
        }
        return manifest
    }
}

/// Backups made of members: writing one costs only the members that are not there yet.
struct ManifestBackups {
    let dataFolder: String
    let folder: BackupFolder
    let fileSystem: any FileSystem

    /// Makes sure every member is in `objects/` (copying the data file when it is not), then
    /// writes the manifest and prunes. Returns the manifest's path and the members as stored:
    /// a data file found changed since it was hashed is hashed again, never stored under a
    /// digest that is not its own.
    func create(members: [BackupMember], checkpointSeq: Int, date: Date, created: String,
                timeZone: TimeZone = .current) throws -> (path: String, members: [BackupMember]) {
        try folder.ensureExists(folder.path)
        // Each member is written atomically (fsync'd, renamed, its folder synced) before the
        // manifest that names it.
        let stored = try members.sorted(by: { $0.path < $1.path }).map(store)
        let manifest = BackupManifest(created: created, checkpointSeq: checkpointSeq, members: stored)
        let name = BackupName.free(date: date, timeZone: timeZone, kind: .manifest, in: folder.path, fileSystem: fileSystem)
        let target = FilePath.join(folder.path, name.fileName)
        try fileSystem.atomicWrite(try StoreFormat.encode(manifest), to: target)
        try folder.prune()
        return (target, stored)
    }

    /// The member in `objects/`: already there with its size, or copied from the data file.
    private func store(_ member: BackupMember) throws -> BackupMember {
        let object = folder.objectPath(member.sha256)
        if fileSystem.exists(object), (try? fileSystem.fileSize(object)) == member.size { return member }
        let bytes = try fileSystem.readFile(FilePath.join(dataFolder, member.path))
        var actual = BackupMember(path: member.path, bytes: bytes, modified: member.modified)
        if actual.sha256 != member.sha256 {
            actual.modified = (try? fileSystem.status(FilePath.join(dataFolder, member.path)).modificationTime) ?? member.modified
        }
        let target = folder.objectPath(actual.sha256)
        if fileSystem.exists(target), (try? fileSystem.fileSize(target)) == actual.size { return actual }
        try folder.ensureExists(FilePath.parent(target))
        try fileSystem.atomicWrite(bytes, to: target)
        return actual
    }

    /// Writes the manifest's members into `destination` (an empty folder), each checked against
    /// its size and SHA-256 first. The objects are looked up beside the manifest.
    static func materialize(_ manifestPath: String, into destination: String, fileSystem: any FileSystem) throws {
        let manifest = try BackupManifest.read(manifestPath, fileSystem: fileSystem)
        let objects = BackupFolder(path: FilePath.parent(manifestPath), fileSystem: fileSystem)
        for member in manifest.members {
            let bytes = try memberBytes(member, of: manifestPath, in: objects, fileSystem: fileSystem)
            let target = FilePath.join(destination, member.path)
            let parent = FilePath.parent(target)
            if !fileSystem.isDirectory(parent) {
                try fileSystem.createDirectory(parent, permissions: 0o700, intermediate: true)
            }
            try fileSystem.atomicWrite(bytes, to: target)
        }
    }

    private static func memberBytes(_ member: BackupMember, of manifest: String, in objects: BackupFolder,
                                    fileSystem: any FileSystem) throws -> [UInt8] {
        let object = objects.objectPath(member.sha256)
        guard fileSystem.exists(object) else {
            throw BackupError.missingMember(manifest: manifest, member: member.path, object: object)
        }
        let bytes = try fileSystem.readFile(object)
        guard bytes.count == member.size, JournalLineCodec.hex(SHA256.hash(data: bytes)) == member.sha256 else {
            throw BackupError.damagedMember(manifest: manifest, member: member.path, object: object)
        }
        return bytes
    }

    /// What is wrong with the backups in `folder`: a manifest that cannot be read, a member
    /// missing or of the wrong size, and, when `hashes`, a member whose bytes are not its digest.
    static func problems(in folder: BackupFolder, hashes: Bool, fileSystem: any FileSystem) -> [String] {
        guard let manifests = try? folder.manifests() else {
            return ["\(FolderLayout.backupsFolder): không đọc được thư mục sao lưu."]
        }
        var problems: [String] = []
        for path in manifests {
            let name = "\(FolderLayout.backupsFolder)/\(FilePath.name(path))"
            let manifest: BackupManifest
            do {
                manifest = try BackupManifest.read(path, fileSystem: fileSystem)
            } catch {
                problems.append("\(name): \(StoreFailure.message(for: error))")
                continue
            }
            for member in manifest.members {
                let object = folder.objectPath(member.sha256)
                guard let size = try? fileSystem.fileSize(object) else {
                    problems.append("\(name): thiếu bản lưu của «\(member.path)» (\(relative(object, in: folder))).")
                    continue
                }
                if size != member.size {
                    problems.append("\(name): bản lưu của «\(member.path)» (\(relative(object, in: folder))) dài \(size) byte, phải là \(member.size) byte.")
                } else if hashes, let bytes = try? fileSystem.readFile(object),
                          JournalLineCodec.hex(SHA256.hash(data: bytes)) != member.sha256 {
                    problems.append("\(name): bản lưu của «\(member.path)» (\(relative(object, in: folder))) bị hỏng: mã băm không khớp.")
                }
            }
        }
        return problems
    }

    private static func relative(_ object: String, in folder: BackupFolder) -> String {
        "\(FolderLayout.backupsFolder)/objects/\(FilePath.name(FilePath.parent(object)))/\(FilePath.name(object))"
    }
}
