/// The letters typed since the cursor last arrived where it is: an input method (Telex) may
/// rewrite those, never what was there before — text typed earlier, pasted, loaded from the
/// data or typed with Telex off stays exactly as it is («thuỷ» is not turned into «thủy»).
struct TypingRun: Sendable {
    private var start: Int?
    private var end: Int?

    /// Before a character is inserted at `cursor`: how many characters before the cursor must
    /// not change. A cursor that moved since the last insert starts a new run there.
    mutating func kept(before cursor: Int) -> Int {
        if start == nil || end != cursor || start! > cursor { start = cursor }
        return start!
    }

    /// After the insert: the cursor is where the run goes on.
    mutating func typed(upTo cursor: Int) { end = cursor }

    /// Any key but a typed character or Backspace (a cursor move, a deletion ahead) ends it.
    mutating func end(unless key: Key) {
        switch key {
        case .char, .backspace: return
        default: self = TypingRun()
        }
    }

    /// After a Backspace: the run goes on from the new cursor, and cannot begin after it.
    mutating func erased(upTo cursor: Int) {
        if let first = start, cursor < first { start = cursor }
        end = cursor
    }
}
