import Foundation

/// A rotated piece of the journal: `history/journal-<first seq>-<last seq>.jsonl`, the lines
/// verbatim. Its last line carries the hash the next piece continues from.
public struct JournalSegment: Sendable, Equatable {
    public var path: String
    public var firstSeq: Int
    public var lastSeq: Int

    public init(path: String, firstSeq: Int, lastSeq: Int) {
        self.path = path
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
    }

    /// "journal-<first>-<last>.jsonl"
    public static func fileName(firstSeq: Int, lastSeq: Int) -> String {
        "journal-\(firstSeq)-\(lastSeq).jsonl"
    }

    /// The seq range of a segment file name, or nil for any other name.
    public static func seqRange(ofFileName name: String) -> (first: Int, last: Int)? {
        guard name.hasPrefix("journal-"), name.hasSuffix(".jsonl") else { return nil }
        let middle = name.dropFirst("journal-".count).dropLast(".jsonl".count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]),
              first >= 0, last >= first, parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        return (first, last)
    }
}

extension JournalFile {
    /// The history segments, oldest first (by seq, not by name: "journal-10-…" after "journal-9-…").
    public func segments() throws -> [JournalSegment] {
        try lock.withLock { try segmentsLocked() }
    }

    /// Moves the journal's entries into a new history segment and starts an empty journal.
    ///
    /// Crash-safe in either order of events: the segment is written atomically first, then the
    /// journal is atomically replaced by an empty file. If the program stops in between, the
    /// journal still begins with entries the segment already holds; `read` recognises and skips
    /// them, and the next rotation archives only the rest. The chain goes on: the next entry's
    /// `prev` is the last hash in the segment (`currentTip()` finds it there).
    ///
    /// A torn last line is cut off first (kept in `tornBytesPath`). A journal with a damaged
    /// middle line is not rotated (`JournalError.corruptLine`).
    ///
    /// - Returns: the new segment, or nil when there was nothing new to archive.
    @discardableResult
    public func rotate() throws -> JournalSegment? {
        try lock.withLock {
            try ensureCleanTailLocked()
            guard fileSystem.exists(path) else { return nil }
            let bytes = try fileSystem.readFile(path)
            let parsed = try JournalParser.parse(bytes, file: path, as: Payload.self)
            if let offset = parsed.tornOffset, let line = parsed.tornLine {
                // An unparseable last line ends up in the side file, not silently dropped.
                try cutTailLocked(at: offset, fileSize: bytes.count, line: line)
            }
            let start = historyTipLocked()
            let lines = parsed.lines.dropFirst(JournalChainChecker.archivedPrefixCount(parsed.lines, tip: start.tip))

            var segment: JournalSegment?
            if let first = lines.first, let last = lines.last {
                let content = Array(bytes[first.range.lowerBound..<(last.range.upperBound + 1)])
                try ensureHistoryFolderLocked()
                let target = FilePath.join(historyFolder, JournalSegment.fileName(firstSeq: first.entry.seq, lastSeq: last.entry.seq))
                if fileSystem.exists(target) {
                    // Only an earlier, interrupted rotation of the very same lines is acceptable.
                    guard try fileSystem.readFile(target) == content else {
                        throw JournalError.segmentConflict(path: target)
                    }
                } else {
                    try fileSystem.atomicWrite(content, to: target)
                }
                segment = JournalSegment(path: target, firstSeq: first.entry.seq, lastSeq: last.entry.seq)
                tip = last.entry.tip
            } else if let startTip = start.tip {
                tip = startTip
            }
            // Replace rather than truncate: the old file stays whole until the rename, and the
            // open append handle must be dropped because it points at the old file.
            handle?.close()
            handle = nil
            try fileSystem.atomicWrite([], to: path, permissions: filePermissions)
            knownSize = 0
            pendingTorn = nil
            position = JournalPosition(file: pinCurrentFile(), offset: 0, lines: 0)
            return segment
        }
    }

    /// The whole audit trail: every history segment in order, then the current journal, with
    /// the chain checked across segment boundaries. A history segment that cannot be read is
    /// reported and skipped (the chain check restarts after it); a damaged middle line in the
    /// current journal throws, as in `read`.
    public func readAuditTrail() throws -> JournalReadResult<Payload> {
        try lock.withLock {
            var entries: [JournalEntry<Payload>] = []
            var problems: [JournalProblem] = []
            var checker = JournalChainChecker(tip: genesis)
            for segment in try segmentsLocked() {
                let parsed: ParsedJournal<Payload>
                do {
                    parsed = try JournalParser.parse(try fileSystem.readFile(segment.path), file: segment.path)
                } catch {
                    problems.append(.unreadableHistory(file: segment.path, reason: userMessage(for: error)))
                    checker.tip = nil
                    continue
                }
                var found = parsed.problems
                checker.check(parsed.lines, file: segment.path, problems: &found)
                problems += found.sorted { $0.line < $1.line }
                entries += parsed.lines.map(\.entry)
            }
            let bytes = fileSystem.exists(path) ? try fileSystem.readFile(path) : []
            let parsed = try JournalParser.parse(bytes, file: path, as: Payload.self)
            let lines = parsed.lines.dropFirst(JournalChainChecker.archivedPrefixCount(parsed.lines, tip: checker.tip))
            var found = parsed.problems
            checker.check(Array(lines), file: path, problems: &found)
            problems += found.sorted { $0.line < $1.line }
            entries += lines.map(\.entry)
            let tip = checker.tip ?? entries.last?.tip ?? genesis
            return JournalReadResult(entries: entries, problems: problems, tip: tip)
        }
    }

    // MARK: - Internals (lock held)

    func segmentsLocked() throws -> [JournalSegment] {
        guard fileSystem.isDirectory(historyFolder) else { return [] }
        return try fileSystem.listDirectory(historyFolder)
            .compactMap { name in
                JournalSegment.seqRange(ofFileName: name).map {
                    JournalSegment(path: FilePath.join(historyFolder, name), firstSeq: $0.first, lastSeq: $0.last)
                }
            }
            .sorted { ($0.firstSeq, $0.lastSeq) < ($1.firstSeq, $1.lastSeq) }
    }

    /// Where the current journal continues from: the last entry of the newest segment, or
    /// `genesis`. If that segment cannot be read, the tip is unknown (nil) and a problem says
    /// so; `fallbackSeq` is then the last seq named by the segment's file name.
    func historyTipLocked() -> (tip: JournalTip?, fallbackSeq: Int, problems: [JournalProblem]) {
        let newest: JournalSegment
        do {
            guard let last = try segmentsLocked().last else { return (genesis, genesis.seq, []) }
            newest = last
        } catch {
            return (nil, genesis.seq, [.unreadableHistory(file: historyFolder, reason: userMessage(for: error))])
        }
        do {
            let parsed = try JournalParser.parse(try fileSystem.readFile(newest.path), file: newest.path, as: Payload.self)
            if let last = parsed.lines.last { return (last.entry.tip, last.entry.seq, []) }
            return (nil, newest.lastSeq, [.unreadableHistory(file: newest.path, reason: "tệp không có mục nào")])
        } catch {
            return (nil, newest.lastSeq, [.unreadableHistory(file: newest.path, reason: userMessage(for: error))])
        }
    }

    /// Creates `history/`: 0700, or 2770 when the data folder is shared (setgid, see
    /// `StorePermissions`).
    private func ensureHistoryFolderLocked() throws {
        if fileSystem.isDirectory(historyFolder) { return }
        let parent = FilePath.parent(historyFolder)
        try fileSystem.createDirectory(
            historyFolder, permissions: StorePermissions.directoryPermissions(inside: parent, fileSystem: fileSystem), intermediate: true
        )
        try fileSystem.syncDirectory(parent)
    }
}
