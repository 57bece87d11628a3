import ThiDuaDomain

extension DataStore {
    /// The records written by the journal lines applied after position `seq` (this program's
    /// commits, undo and redo included, and the lines of others it brought in), so a screen
    /// can redo only what they affect. Nil when that cannot be told: `seq` is not a position
    /// this program passed since it opened the folder, or a line it did not apply itself
    /// replaced the data (a restore).
    public func recordsTouched(after seq: Int) -> Set<RecordRef>? {
        guard seq <= appliedSeq else { return nil }
        var records = Set<RecordRef>()
        var expected = appliedSeq
        // Newest first, stopping at `seq`: a session's log grows, one key's look stays short.
        for write in writeLog.reversed() {
            if write.seq <= seq { break }
            guard write.seq == expected else { return nil }
            records.formUnion(write.change.touchedRecords)
            expected -= 1
        }
        return expected == seq ? records : nil
    }
}
