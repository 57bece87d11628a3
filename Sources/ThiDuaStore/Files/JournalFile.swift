import Foundation

/// The append-only journal (`journal.jsonl`): one JSON line per change, chained by hashes.
///
/// Durability: `append` writes the whole line with one `write` and calls `fsync` before it
/// returns, so a successful return means the entry survives a crash or power cut. The file is
/// kept open between appends and never re-read or rewritten, so an append costs exactly one
/// write and one fsync.
///
/// Torn writes: if the program dies (or the disk fills) in the middle of a line, the file ends
/// with a partial line. `read` reports it and skips it. Before the next append the partial
/// bytes are cut off — after copying them to `<journal>.torn`, so nothing is ever destroyed —
/// so that a new line is never glued onto a torn one. An append that fails by itself (full
/// disk, I/O error) cuts its own partial line back off at once, leaving the file as before.
///
/// One writer per file: the folder lock (`FolderLock`) guarantees it. Within the process the
/// instance is thread-safe.
public final class JournalFile<Payload: Codable & Sendable>: @unchecked Sendable {
    // @unchecked: the mutable state below is only touched with `lock` held.
    public let path: String
    /// Where rotated segments go (`history/` beside the journal by default).
    public let historyFolder: String
    /// Where the chain starts when there is no history: seq 0 and this hash.
    public let genesis: JournalTip
    let fileSystem: any FileSystem
    let lock = NSLock()
    let encoder = JournalLineCodec.makeEncoder()

    var handle: (any WritableFile)?
    /// Size of the file when it holds only whole lines, as far as we know; nil when unknown.
    var knownSize: Int?
    /// A torn last line found by `read`: where it starts, and the file size at that time.
    var pendingTorn: (offset: Int, fileSize: Int, line: Int)?
    /// The last entry written or read; nil until `read` or the first append.
    var tip: JournalTip?
    /// How far this instance has read the file (see `follow`); nil until the first read.
    var position: JournalPosition?
    /// The last seq handed to the owner (read, followed or appended). Unlike `tip` it survives
    /// `forgetPosition`, so a follow after the file was replaced returns only what is new.
    var handedOut: JournalTip?
    /// The file `position` is in, held open: once a rotation unlinks it, its inode number could
    /// otherwise be given to a later journal, which would then pass for the file already read.
    var pinned: (any LockFile)?
    var repairLog: [JournalProblem] = []

    public init(
        path: String,
        historyFolder: String? = nil,
        genesis: JournalTip = .genesis,
        fileSystem: any FileSystem = PosixFileSystem()
    ) {
        self.path = path
        self.historyFolder = historyFolder ?? FilePath.join(FilePath.parent(path), "history")
        self.genesis = genesis
        self.fileSystem = fileSystem
    }

    deinit {
        handle?.close()
        pinned?.close()
    }

    /// Where torn bytes are kept when they are cut off the journal.
    public var tornBytesPath: String { path + ".torn" }

    /// Torn tails cut off by this instance so far (each also kept in `tornBytesPath`).
    public var repairs: [JournalProblem] { lock.withLock { repairLog } }

    /// Reads the whole journal: the entries in order and the problems found.
    ///
    /// The chain is checked from the end of the newest history segment (or `genesis`). A torn
    /// or unparseable last line is reported and skipped; hash, prev and seq mismatches are
    /// reported and the entries are still returned, for the caller to decide.
    ///
    /// - Throws: `JournalError.corruptLine` for an unparseable line in the middle of the file;
    ///   `FileSystemError` if the file cannot be read. A missing file reads as empty.
    public func read() throws -> JournalReadResult<Payload> {
        try lock.withLock { try readLocked() }
    }

    /// The position the next entry continues from (reads the journal once if not known yet).
    public func currentTip() throws -> JournalTip {
        try lock.withLock { try tip ?? readLocked().tip }
    }

    /// Appends the next entry of the chain: `seq` and `prev` follow the current tip.
    @discardableResult
    public func append(payload: Payload, time: String, user: String, host: String) throws -> JournalEntry<Payload> {
        try lock.withLock {
            let tip = try tip ?? readLocked().tip
            let entry = JournalEntry(seq: tip.seq + 1, time: time, user: user, host: host, payload: payload, prev: tip.hash)
            return try appendLocked(entry)
        }
    }

    /// Writes `entry` as one line and fsyncs it; returns the entry with its `hash` filled in.
    /// A successful return means the entry is durable.
    ///
    /// - Throws: `JournalError.outOfSequence` if the tip is known and `entry` does not continue
    ///   it; `FileSystemError` (e.g. disk full) — then the file is as it was before the call.
    @discardableResult
    public func append(_ entry: JournalEntry<Payload>) throws -> JournalEntry<Payload> {
        try lock.withLock { try appendLocked(entry) }
    }

    /// The line that would continue the chain after the current tip, without writing it: a
    /// restore stages it together with the files it belongs to, so both land at one commit
    /// point. Call `forgetPosition()` once the staged journal is in place.
    public func nextLine(payload: Payload, time: String, user: String, host: String) throws -> [UInt8] {
        try lock.withLock {
            let tip = try tip ?? readLocked().tip
            let entry = JournalEntry(seq: tip.seq + 1, time: time, user: user, host: host, payload: payload, prev: tip.hash)
            return try JournalLineCodec.encode(entry, with: encoder).line
        }
    }

    /// Forgets what this instance knows of the file (its size, tip and open handle), because the
    /// file was replaced under it; the next read or append starts from the file itself.
    public func forgetPosition() {
        lock.withLock {
            handle?.close()
            handle = nil
            knownSize = nil
            pendingTorn = nil
            tip = nil
            position = nil
        }
    }

    /// Cuts a torn last line off the journal now (keeping its bytes in `tornBytesPath`) instead
    /// of waiting for the next append. Returns what was done, or nil if the tail was clean.
    @discardableResult
    public func discardTornTail() throws -> JournalProblem? {
        try lock.withLock {
            let before = repairLog.count
            try ensureCleanTailLocked()
            return repairLog.count > before ? repairLog.last : nil
        }
    }

    /// Closes the open file; the next append reopens it.
    public func close() {
        lock.withLock {
            handle?.close()
            handle = nil
            pinned?.close()
            pinned = nil
            position = nil
        }
    }

    // MARK: - Internals (lock held)

    func readLocked() throws -> JournalReadResult<Payload> {
        let start = historyTipLocked()
        let bytes = fileSystem.exists(path) ? try fileSystem.readFile(path) : []
        let parsed = try JournalParser.parse(bytes, file: path, as: Payload.self)
        let lines = parsed.lines.dropFirst(JournalChainChecker.archivedPrefixCount(parsed.lines, tip: start.tip))
        var problems = parsed.problems
        var checker = JournalChainChecker(tip: start.tip)
        checker.check(Array(lines), file: path, problems: &problems)
        problems = start.problems + sortedByLine(problems)

        let tip = checker.tip ?? JournalTip(seq: start.fallbackSeq, hash: genesis.hash)
        self.tip = tip
        handedOut = tip
        if let offset = parsed.tornOffset, let line = parsed.tornLine {
            pendingTorn = (offset, bytes.count, line)
            knownSize = nil
        } else {
            pendingTorn = nil
            knownSize = bytes.count
        }
        let read = parsed.tornOffset ?? bytes.count
        position = JournalPosition(file: pinCurrentFile(), offset: read, lines: parsed.wholeLineCount)
        return JournalReadResult(entries: lines.map(\.entry), problems: problems, tip: tip)
    }

    func appendLocked(_ entry: JournalEntry<Payload>) throws -> JournalEntry<Payload> {
        if let tip, entry.seq != tip.seq + 1 || entry.prev != tip.hash {
            throw JournalError.outOfSequence(file: path, expected: tip, seq: entry.seq, prev: entry.prev)
        }
        let (line, hash) = try JournalLineCodec.encode(entry, with: encoder)
        try ensureCleanTailLocked()
        if handle == nil {
            handle = try fileSystem.openFile(path, mode: .append, permissions: filePermissions)
        }
        guard let handle, let size = knownSize else {
            throw FileSystemError(path: path, operation: .write, errno: EIO)
        }
        do {
            try handle.write(line)
            try handle.sync()
        } catch {
            rollBackLocked(to: size)
            throw error
        }
        knownSize = size + line.count
        if position?.offset == size {
            position?.offset = size + line.count
            position?.lines += 1
        } else {
            position = nil
        }
        var stored = entry
        stored.hash = hash
        tip = stored.tip
        handedOut = stored.tip
        return stored
    }

    /// Holds the file now at `path` open and returns its identity (nil if it cannot be known;
    /// the next follow then reads the file whole). Called with the journal's write lock or a
    /// shared hold on it, so the file cannot be replaced in between.
    func pinCurrentFile() -> FileID? {
        pinned?.close()
        pinned = nil
        guard fileSystem.exists(path) else { return nil }
        pinned = try? fileSystem.openLock(path, permissions: filePermissions)
        return pinned == nil ? nil : try? fileSystem.status(path).fileID
    }

    var filePermissions: UInt32 {
        StorePermissions.filePermissions(forFolder: FilePath.parent(path), fileSystem: fileSystem)
    }

    /// Makes sure the file ends with a whole line before we append, and learns its size. Costs
    /// nothing once the size is known: only the first append after opening (or after a failure)
    /// looks at the file's last byte.
    func ensureCleanTailLocked() throws {
        if knownSize != nil && pendingTorn == nil { return }
        guard fileSystem.exists(path) else {
            knownSize = 0
            pendingTorn = nil
            return
        }
        let size = try fileSystem.fileSize(path)
        if let pending = pendingTorn, pending.fileSize == size {
            try cutTailLocked(at: pending.offset, fileSize: size, line: pending.line)
        } else if size > 0, try fileSystem.readFile(path, offset: size - 1, count: 1) != [0x0A] {
            // Rare path (after a crash): read the file once to find the last whole line.
            let bytes = try fileSystem.readFile(path)
            let cut = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[..<cut].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            try cutTailLocked(at: cut, fileSize: bytes.count, line: line)
        } else {
            knownSize = size
        }
        pendingTorn = nil
    }

    /// Copies bytes `offset..<fileSize` to the side file, then truncates the journal to
    /// `offset`. If the copy cannot be made, nothing is cut.
    func cutTailLocked(at offset: Int, fileSize: Int, line: Int) throws {
        let torn = try fileSystem.readFile(path, offset: offset, count: fileSize - offset)
        try fileSystem.appendAndSync(torn + [0x0A], to: tornBytesPath, permissions: filePermissions)
        try fileSystem.truncate(path, to: offset)
        knownSize = offset
        if let read = position?.offset, read > offset { position = nil }
        repairLog.append(.discardedTail(file: path, line: line, byteCount: torn.count, keptIn: tornBytesPath))
    }

    /// After a failed write or fsync: cut whatever part of the line reached the file, so the
    /// journal is exactly as before the call. If even that fails, forget the size so the next
    /// append checks the tail again.
    private func rollBackLocked(to size: Int) {
        handle?.close()
        handle = nil
        do {
            try fileSystem.truncate(path, to: size)
        } catch {
            knownSize = nil
        }
    }

    private func sortedByLine(_ problems: [JournalProblem]) -> [JournalProblem] {
        problems.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }
}

/// What `JournalFile.read` and `readAuditTrail` return.
public struct JournalReadResult<Payload: Codable & Sendable>: Sendable {
    public var entries: [JournalEntry<Payload>]
    public var problems: [JournalProblem]
    /// Where the next entry continues the chain.
    public var tip: JournalTip

    public init(entries: [JournalEntry<Payload>], problems: [JournalProblem], tip: JournalTip) {
        self.entries = entries
        self.problems = problems
        self.tip = tip
    }
}
