import ThiDuaDomain

/// What one journal line records beside time, user and host: the change as applied,
/// its inverse (for undo and audit), and a one-line summary with the names of the day.
///
/// `format` says how `change` and `inverse` are written (see `Change+Coding.swift`): lines
/// without it are format 1, the automatic form written until December 2026. Every line written
/// now says `"format":2`; a line of a later format is refused, never guessed at or moved aside.
public struct JournalPayload: Codable, Sendable, Equatable {
    /// The format this program writes.
    public static let currentFormat = 2

    public var change: Change
    public var inverse: Change
    public var summary: String
    /// Why the line exists when it is not an edit of the dataset: a restore from a backup.
    public var restore: RestoreRecord?

    public init(change: Change, inverse: Change, summary: String, restore: RestoreRecord? = nil) {
        self.change = change
        self.inverse = inverse
        self.summary = summary
        self.restore = restore
    }

    private enum CodingKeys: String, CodingKey {
        case format, change, inverse, summary, restore
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(Int.self, forKey: .format) ?? 1
        guard format <= Self.currentFormat else { throw NewerJournalFormat(format: format) }
        change = try container.decode(Change.self, forKey: .change)
        inverse = try container.decode(Change.self, forKey: .inverse)
        summary = try container.decode(String.self, forKey: .summary)
        restore = try container.decodeIfPresent(RestoreRecord.self, forKey: .restore)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormat, forKey: .format)
        try container.encode(change, forKey: .change)
        try container.encode(inverse, forKey: .inverse)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(restore, forKey: .restore)
    }
}

/// A journal line written by a newer program: this one cannot know what it means.
public struct NewerJournalFormat: Error, Equatable {
    public var format: Int
}

/// The journal's record of a restore: the data was replaced by a backup's content, and the
/// collection files were checkpointed with it, so replay starts from them and never needs
/// the backup again.
public struct RestoreRecord: Codable, Sendable, Equatable {
    /// The backup restored (its file name in `backups/`, or the path given).
    public var backup: String
    /// SHA-256 of the restored data in canonical form (`DatasetCodec.contentHash`).
    public var contentHash: String
    /// The backup that keeps the state before the restore.
    public var previousStateBackup: String

    public init(backup: String, contentHash: String, previousStateBackup: String) {
        self.backup = backup
        self.contentHash = contentHash
        self.previousStateBackup = previousStateBackup
    }
}
