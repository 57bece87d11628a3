import Foundation

/// Every file under a folder, byte for byte: taken before and after an operation that must
/// not write (a refused open, `thidua check`), and compared.
public struct FolderSnapshot: Equatable, Sendable {
    /// Relative path → bytes.
    public private(set) var files: [String: Data]

    public init(_ folder: String) {
        files = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative] = manager.contents(atPath: path) ?? Data()
        }
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: FolderSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }

    /// The collection files only (thidua.json and the *.json data files), for comparing the
    /// data of two folders whose journals, histories and backups differ.
    public var collectionFiles: [String: Data] {
        files.filter { $0.key.hasSuffix(".json") && !$0.key.contains("/.") && !$0.key.hasPrefix("backups/") }
    }
}
