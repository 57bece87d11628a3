import ThiDuaDomain

/// Names of the files in a data folder (see the README's table of files), relative to the folder.
public enum FolderLayout {
    public static let settings = "thidua.json"
    public static let units = "units.json"
    public static let people = "people.json"
    public static let awards = "awards.json"
    public static let journal = "journal.jsonl"
    /// The single-writer lock, used where file locks cannot be trusted (network file systems).
    public static let lock = ".lock"
    /// Held (flock, exclusive) by whoever is appending to the journal or checkpointing, for the
    /// moment it takes: several programs write the same folder one commit at a time.
    public static let journalLock = ".journal.lock"
    /// Held shared by every program editing the folder, and exclusive by an operation that needs
    /// the folder alone (restore).
    public static let folderLock = ".folder.lock"
    public static let historyFolder = "history"
    public static let backupsFolder = "backups"
    /// Who has the folder open: `<id>.json` and `<id>.lock` per session (`SessionRegistry`).
    public static let sessionsFolder = "sessions"
    /// Written during a checkpoint; its presence on open means "finish the checkpoint".
    public static let checkpointManifest = "checkpoint.json"

    public static let criteriaFolder = "criteria"
    public static let scoresFolder = "scores"
    public static let reportsFolder = "reports"
    public static let nominationsFolder = "nominations"

    public static func criteria(_ year: Int) -> String { "\(criteriaFolder)/\(year).json" }
    public static func scores(_ year: Int) -> String { "\(scoresFolder)/\(year).json" }
    public static func reports(_ year: Int) -> String { "\(reportsFolder)/\(year).json" }
    public static func nominations(_ period: Period) -> String { "\(nominationsFolder)/\(period.token).json" }

    /// Folders that hold one file per year or period.
    public static let collectionFolders = [criteriaFolder, scoresFolder, reportsFolder, nominationsFolder]
}
