import Foundation

/// The default places of documents.
public enum DocumentFolders {
    /// `documents/` beside the data folder (`~/.local/share/thidua` → `~/.local/share/documents`):
    /// outside it, so backups and `thidua check` never see generated files.
    public static func `default`(forDataFolder folder: String) -> String {
        let standard = URL(fileURLWithPath: folder).standardizedFileURL.path
        let parent = (standard as NSString).deletingLastPathComponent
        return (parent as NSString).appendingPathComponent("documents")
    }
}
