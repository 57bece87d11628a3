/// Checks on paths stored in, or added to, a backup archive.
enum ArchivePath {
    /// The path made plain ("a/./b" → "a/b"), or nil if it could escape the folder it is
    /// extracted into: empty, absolute ("/x", "\\x", "C:x"), containing "..", a backslash
    /// (a Windows separator some tools write) or a NUL.
    static func safeRelative(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if let first = components.first, first.count >= 2, first.dropFirst().first == ":" { return nil }
        guard !components.contains("..") else { return nil }
        let kept = components.filter { $0 != "." }
        guard !kept.isEmpty else { return nil }
        return kept.joined(separator: "/")
    }
}
