/// One line of `journal.jsonl`: who did what, when, chained to the line before it.
///
/// The payload is whatever the caller journals (the store uses its `Change` values); this type
/// does not know what it means. `hash` is the SHA-256 of the entry's canonical JSON with `hash`
/// set to "" (see `JournalLineCodec`), and `prev` is the previous entry's `hash` — or the
/// genesis value for the very first entry — so that editing, deleting or inserting a line by
/// hand shows up when the journal is read.
public struct JournalEntry<Payload: Codable & Sendable>: Codable, Sendable {
    /// Sequence number: 1 for the first entry ever, then +1 per entry, continuing across
    /// rotations into `history/`.
    public var seq: Int
    /// ISO 8601 time with offset (e.g. "2026-11-24T09:15:02+07:00"), supplied by the caller.
    public var time: String
    public var user: String
    public var host: String
    public var payload: Payload
    /// Hex SHA-256 of the previous entry (or the genesis value).
    public var prev: String
    /// Hex SHA-256 of this entry; filled in by `JournalFile.append`.
    public var hash: String

    public init(seq: Int, time: String, user: String, host: String, payload: Payload, prev: String, hash: String = "") {
        self.seq = seq
        self.time = time
        self.user = user
        self.host = host
        self.payload = payload
        self.prev = prev
        self.hash = hash
    }

    /// The chain position this entry ends at.
    public var tip: JournalTip { JournalTip(seq: seq, hash: hash) }
}

extension JournalEntry: Equatable where Payload: Equatable {}

/// The end of a hash chain: the last entry's seq and hash. The next entry gets
/// `seq + 1` and `prev == hash`.
public struct JournalTip: Sendable, Equatable, Codable {
    public var seq: Int
    public var hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// The start of every chain: seq 0 and a hash of 64 zeros.
    public static let genesis = JournalTip(seq: 0, hash: String(repeating: "0", count: 64))
}
