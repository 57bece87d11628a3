import ThiDuaDomain

/// What one file of the data folder holds, from its path.
enum CollectionFile: Equatable, Sendable {
    case settings
    case units
    case people
    case awards
    case criteria(year: Int)
    case scores(year: Int)
    case reports(year: Int)
    case nominations(Period)

    /// nil for a path that is not a collection file (it is left alone). A file in a per-year
    /// folder whose name is not a year (or period) is an error naming the file.
    init?(path: String) throws(StoreError) {
        switch path {
        case FolderLayout.settings: self = .settings
        case FolderLayout.units: self = .units
        case FolderLayout.people: self = .people
        case FolderLayout.awards: self = .awards
        default:
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[1].hasSuffix(".json") else { return nil }
            let stem = String(parts[1].dropLast(5))
            switch String(parts[0]) {
            case FolderLayout.criteriaFolder: self = .criteria(year: try Self.year(stem, file: path))
            case FolderLayout.scoresFolder: self = .scores(year: try Self.year(stem, file: path))
            case FolderLayout.reportsFolder: self = .reports(year: try Self.year(stem, file: path))
            case FolderLayout.nominationsFolder:
                guard let period = Period(token: stem) else {
                    throw StoreError(file: path, reason: "tên tệp phải là một năm, so-ket hoặc tong-ket.")
                }
                self = .nominations(period)
            default: return nil
            }
        }
    }

    private static func year(_ stem: String, file: String) throws(StoreError) -> Int {
        guard let year = Int(stem), (1900...2200).contains(year) else {
            throw StoreError(file: file, reason: "tên tệp phải là một năm, ví dụ 2026.json.")
        }
        return year
    }

    /// The folder's collection files in the order they are read and checked: settings, the
    /// top-level collections, then the per-year folders by path. Problems are reported in
    /// this order, so the same folder always gives the same first message.
    static func list(folder: String, fileSystem: any FileSystem) throws -> [String] {
        var paths: [String] = []
        for name in [FolderLayout.settings, FolderLayout.units, FolderLayout.people, FolderLayout.awards]
        where fileSystem.exists(FilePath.join(folder, name)) {
            paths.append(name)
        }
        var nested: [String] = []
        for sub in FolderLayout.collectionFolders {
            let directory = FilePath.join(folder, sub)
            guard fileSystem.isDirectory(directory) else { continue }
            for name in try fileSystem.listDirectory(directory) where name.hasSuffix(".json") && !name.hasPrefix(".") {
                nested.append("\(sub)/\(name)")
            }
        }
        return paths + nested.sorted()
    }
}
