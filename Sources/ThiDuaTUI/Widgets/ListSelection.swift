/// Selection and vertical scrolling shared by `Table`, `ListView` and
/// anything row-based: the selected index always stays inside the visible
/// window, and the window moves as little as possible.
public struct ListSelection: Hashable, Sendable {
    public private(set) var count: Int
    public private(set) var selected: Int
    /// First visible row.
    public private(set) var offset: Int
    /// Rows visible at once as last known (set from layout); `rows(_:)`
    /// re-checks it against the real height at render time.
    public var pageRows: Int {
        didSet { pageRows = max(1, pageRows); clampOffset(rows: pageRows) }
    }

    public init(count: Int, selected: Int = 0, pageRows: Int = 10) {
        self.count = max(0, count)
        self.selected = 0
        self.offset = 0
        self.pageRows = max(1, pageRows)
        select(selected)
    }

    /// Call when the number of rows changes; keeps the selection in range.
    public mutating func setCount(_ n: Int) {
        count = max(0, n)
        select(selected)
    }

    public mutating func select(_ index: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
        clampOffset(rows: pageRows)
    }

    /// Handles Up/Down/PgUp/PgDn/Home/End; returns false for other keys.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - max(1, pageRows - 1))
        case .pageDown: select(selected + max(1, pageRows - 1))
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    /// The first visible row for a viewport of `rows`, starting from the
    /// stored offset and moved just enough to show the selection.
    public func visibleOffset(rows: Int) -> Int {
        ListSelection.offset(offset, selected: selected, count: count, rows: rows)
    }

    private mutating func clampOffset(rows: Int) {
        offset = ListSelection.offset(offset, selected: selected, count: count, rows: rows)
    }

    static func offset(_ current: Int, selected: Int, count: Int, rows: Int) -> Int {
        let r = max(1, rows)
        var o = current
        if selected < o { o = selected }
        if selected >= o + r { o = selected - r + 1 }
        o = min(o, max(0, count - r))   // no empty space below the last row
        return max(0, o)
    }
}

/// What a list-like widget did with a key.
public enum ListEvent: Hashable, Sendable {
    case ignored
    /// The selection moved to this index.
    case moved(Int)
    /// Enter on this row.
    case activated(Int)
}
