import Foundation

/// The default places of documents.
public enum DocumentFolders {
    /// `documents/` inside the data folder (`~/.local/share/thidua/documents`): each data folder
    /// has its own, so two communes' folders side by side never write into one. The TUI and
    /// `thidua print` both ask here. Backups and `thidua check` read only the files the store
    /// names, so generated documents stay out of them.
    public static func `default`(forDataFolder folder: String) -> String {
        let standard = URL(fileURLWithPath: folder).standardizedFileURL.path
        return (standard as NSString).appendingPathComponent("documents")
    }
}
