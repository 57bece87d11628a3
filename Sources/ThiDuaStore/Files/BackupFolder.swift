import Foundation

/// The backups folder (`backups/`): the backups in it, in creation order, and pruning to the
/// newest N — zips and manifests counted together — then removing every member in
/// `backups/objects/` that no kept manifest names.
public struct BackupFolder: Sendable {
    public let path: String
    /// How many backups to keep (the newest by name order).
    public let keep: Int
    let fileSystem: any FileSystem

    public init(path: String, keep: Int = 10, fileSystem: any FileSystem = PosixFileSystem()) {
        self.path = path
        self.keep = max(1, keep)
        self.fileSystem = fileSystem
    }

    /// `backups/objects`: the members of the manifests.
    public var objectsFolder: String { FilePath.join(path, "objects") }

    /// Where the member with this SHA-256 is kept: `objects/<first two digits>/<digits>`.
    public func objectPath(_ sha256: String) -> String {
        FilePath.join(FilePath.join(objectsFolder, String(sha256.prefix(2))), sha256)
    }

    /// Paths of the backups (zips and manifests), oldest first. Other files are ignored.
    public func list() throws -> [String] {
        guard fileSystem.isDirectory(path) else { return [] }
        return try fileSystem.listDirectory(path)
            .compactMap { BackupName(fileName: $0) }
            .sorted()
            .map { FilePath.join(path, $0.fileName) }
    }

    /// The manifests among `list()`, oldest first.
    public func manifests() throws -> [String] {
        try list().filter { BackupName(fileName: FilePath.name($0))?.kind == .manifest }
    }

    /// Deletes all but the newest `keep` backups, then the members no remaining manifest names;
    /// returns the deleted backups. A manifest that cannot be read keeps every member (nothing
    /// it might name is deleted). Files not named like our backups are never touched.
    @discardableResult
    public func prune() throws -> [String] {
        let all = try list()
        let old = Array(all.dropLast(keep))
        for backup in old { try fileSystem.remove(backup) }
        if !old.isEmpty { try? fileSystem.syncDirectory(path) }
        try removeUnnamedMembers()
        return old
    }

    private func removeUnnamedMembers() throws {
        guard fileSystem.isDirectory(objectsFolder) else { return }
        var named = Set<String>()
        for manifest in try manifests() {
            guard let read = try? BackupManifest.read(manifest, fileSystem: fileSystem) else { return }
            named.formUnion(read.members.map(\.sha256))
        }
        for shard in try fileSystem.listDirectory(objectsFolder).sorted() {
            let shardPath = FilePath.join(objectsFolder, shard)
            guard fileSystem.isDirectory(shardPath) else { continue }
            var removed = false
            for name in try fileSystem.listDirectory(shardPath).sorted()
            where BackupMember.isDigest(name) && !named.contains(name) {
                try fileSystem.remove(FilePath.join(shardPath, name))
                removed = true
            }
            if removed { try? fileSystem.syncDirectory(shardPath) }
        }
    }

    /// Creates the folder (and its parents) with the data folder's permissions if missing.
    func ensureExists(_ folder: String) throws {
        if fileSystem.isDirectory(folder) { return }
        let parent = FilePath.parent(folder)
        if !fileSystem.isDirectory(parent) { try ensureExists(parent) }
        try fileSystem.createDirectory(
            folder, permissions: StorePermissions.directoryPermissions(inside: parent, fileSystem: fileSystem), intermediate: true)
        try? fileSystem.syncDirectory(parent)
    }
}
