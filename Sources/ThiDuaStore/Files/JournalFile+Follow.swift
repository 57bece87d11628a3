import Foundation

/// How far a `JournalFile` has read its file: which file (a rotation by another process puts
/// a new file under the same name), the byte after the last whole line read, and how many
/// lines lie before it (for line numbers in messages).
struct JournalPosition: Sendable, Equatable {
    /// nil when the file could not be identified; the next `follow` then reads it whole.
    var file: FileID?
    var offset: Int
    var lines: Int
}

/// What `JournalFile.follow` found after this instance's tip.
public struct JournalFollow<Payload: Codable & Sendable>: Sendable {
    /// Entries other writers appended, in order, continuing the chain from the previous tip.
    public var entries: [JournalEntry<Payload>] = []
    /// When another writer checkpointed and rotated the journal meanwhile: the seq the
    /// collection files now hold. Entries up to it come first in `entries`.
    public var rotatedAt: Int?
    /// Torn tails cut off (only when following under the write lock).
    public var problems: [JournalProblem] = []
    /// Whether another writer may have checkpointed without this instance being able to tell
    /// when (it had lost its place in the file): what the collection files hold is unknown.
    public var filesUnknown = false
}

extension JournalFile {
    /// Reads what other writers appended since this instance last read or wrote, without
    /// reading the file again from the start: one `stat` when nothing is new.
    ///
    /// If the journal was rotated meanwhile (another writer checkpointed), the entries missed
    /// are read from the history segments, then the new journal. Only whole lines are read.
    /// With `underWriteLock` — the caller holds the folder's write lock, so no one is writing —
    /// an unfinished last line belongs to a writer that died mid-write: it is cut off, kept in
    /// `tornBytesPath` and reported, as on open. Without the lock it is left for later.
    ///
    /// - Throws: `JournalError.outOfSequence` when a line does not continue the chain (the
    ///   entries are then not returned); `JournalError.corruptLine`; `FileSystemError`.
    public func follow(underWriteLock: Bool) throws -> JournalFollow<Payload> {
        try lock.withLock { try followLocked(underWriteLock: underWriteLock) }
    }

    /// Cheap test for the live view: whether the journal has changed since it was last read.
    public func hasNewLines() -> Bool {
        lock.withLock {
            guard let position, let status = try? fileSystem.status(path) else { return position == nil }
            return status.fileID != position.file || status.size > position.offset
        }
    }

    func followLocked(underWriteLock: Bool) throws -> JournalFollow<Payload> {
        var follow = JournalFollow<Payload>()
        guard let start = tip ?? handedOut else {
            // Never read: everything there is is new.
            follow.entries = try readLocked().entries
            if underWriteLock { try ensureCleanTailLocked() }
            return follow
        }
        var current = start
        guard fileSystem.exists(path) else { return follow }
        let status = try fileSystem.status(path)
        var reading: JournalPosition
        if let position, position.file != nil, position.file == status.fileID {
            reading = position
        } else {
            // Rotated (or where this instance was is not known): the lines after its tip that
            // left the journal are in history/, then comes the file now at the path.
            handle?.close()
            handle = nil
            for segment in try segmentsLocked() where segment.lastSeq > current.seq {
                let parsed = try JournalParser.parse(try fileSystem.readFile(segment.path), file: segment.path, as: Payload.self)
                try append(parsed.lines, file: segment.path, after: &current, to: &follow.entries)
            }
            if position?.file != nil {
                follow.rotatedAt = current.seq
            } else {
                follow.filesUnknown = true
            }
            reading = JournalPosition(file: pinCurrentFile() ?? status.fileID, offset: 0, lines: 0)
        }
        if status.size > reading.offset {
            var bytes = try fileSystem.readFile(path, offset: reading.offset, count: status.size - reading.offset)
            // Only whole lines: an unfinished last one is left for later (or cut off below).
            let whole = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            bytes.removeSubrange(whole...)
            let parsed = try JournalParser.parse(bytes, file: path, firstLine: reading.lines + 1, as: Payload.self)
            let usable = parsed.tornOffset ?? whole
            let lines = parsed.tornOffset == nil ? parsed.lines : parsed.lines.filter { $0.range.lowerBound < usable }
            try append(lines, file: path, after: &current, to: &follow.entries)
            reading.lines += parsed.wholeLineCount
            reading.offset += usable
            if underWriteLock && reading.offset < status.size {
                let line = reading.lines + 1
                try cutTailLocked(at: reading.offset, fileSize: status.size, line: line)
                follow.problems.append(repairLog.last!)
            }
        }
        tip = current
        handedOut = current
        self.position = reading
        if underWriteLock {
            knownSize = reading.offset
            pendingTorn = nil
        }
        return follow
    }

    /// Appends the lines after `tip` (an interrupted rotation leaves archived lines at the start
    /// of the journal: they are skipped), each of which must continue the chain.
    private func append(_ lines: [ParsedJournalLine<Payload>], file: String, after tip: inout JournalTip,
                        to entries: inout [JournalEntry<Payload>]) throws {
        if entries.isEmpty { entries.reserveCapacity(lines.count) }
        for line in lines where line.entry.seq > tip.seq {
            let entry = line.entry
            guard entry.seq == tip.seq + 1, entry.prev == tip.hash, line.hashMatches else {
                throw JournalError.outOfSequence(file: file, expected: tip, seq: entry.seq, prev: entry.prev)
            }
            entries.append(entry)
            tip = entry.tip
        }
    }
}
