import ThiDuaDomain

/// What one journal line records beside time, user and host: the change as applied,
/// its inverse (for undo and audit), and a one-line summary with the names of the day.
///
/// `format` says how `change` and `inverse` are written (see `Change+Coding.swift`): lines
/// without it are format 1, the automatic form written until December 2026. Format 3 (from
/// version 0.17, several writers at once) adds `base`, the position a checked edit was based
/// on. Every line written now says `"format":3`; format 2 lines read as format 3 without a base.
/// A line of a later format is refused, never guessed at or moved aside.
public struct JournalPayload: Codable, Sendable, Equatable {
    /// The format this program writes.
    public static let currentFormat = 3

    public var change: Change
    public var inverse: Change
    public var summary: String
    /// Why the line exists when it is not an edit of the dataset: a restore from a backup.
    public var restore: RestoreRecord?
    /// The journal position the editor's view was taken at, when the change was checked against
    /// what others wrote since (format 3; nil for lines before it and for unchecked changes).
    public var base: Int?

    public init(change: Change, inverse: Change, summary: String, restore: RestoreRecord? = nil, base: Int? = nil) {
        self.change = change
        self.inverse = inverse
        self.summary = summary
        self.restore = restore
        self.base = base
    }

    private enum CodingKeys: String, CodingKey {
        case format, change, inverse, summary, restore, base
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(Int.self, forKey: .format) ?? 1
        guard format <= Self.currentFormat else { throw NewerJournalFormat(format: format) }
        change = try container.decode(Change.self, forKey: .change)
        inverse = try container.decode(Change.self, forKey: .inverse)
        summary = try container.decode(String.self, forKey: .summary)
        restore = try container.decodeIfPresent(RestoreRecord.self, forKey: .restore)
        base = try container.decodeIfPresent(Int.self, forKey: .base)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormat, forKey: .format)
        try container.encode(change, forKey: .change)
        try container.encode(inverse, forKey: .inverse)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(restore, forKey: .restore)
        try container.encodeIfPresent(base, forKey: .base)
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
