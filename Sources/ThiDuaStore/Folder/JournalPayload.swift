import ThiDuaDomain

/// What one journal line records beside time, user and host: the change as applied,
/// its inverse (for undo and audit), and a one-line summary with the names of the day.
public struct JournalPayload: Codable, Sendable, Equatable {
    public var change: Change
    public var inverse: Change
    public var summary: String

    public init(change: Change, inverse: Change, summary: String) {
        self.change = change
        self.inverse = inverse
        self.summary = summary
    }
}
