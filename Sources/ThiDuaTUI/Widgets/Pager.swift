import ThiDuaDomain
/// A read-only scrolling view of text lines (help, print preview) with a search and the
/// next and previous match. Matching ignores case and accents, so "/nguyen" finds "Nguyễn".
///
/// The pager itself takes only the movement keys, Esc and the search prompt's typing. The
/// search keys are the owner's commands (`beginSearch`, `findNext`, `findPrevious`), so they
/// are in its help; the help box, a modal with no commands of its own, lets the pager take the
/// letter keys of `less` too (`lessKeys`).
public struct Pager: Sendable {
    public private(set) var lines: [String]
    public private(set) var top: Int = 0
    /// Body rows as last known (set from layout); render re-clamps.
    public var pageRows: Int = 20
    /// The search prompt while the user types a query after `/`.
    public private(set) var prompt: TextField?
    public private(set) var query: String = ""
    /// Line of the current match.
    public private(set) var matchLine: Int?
    /// Feedback for the status row, e.g. "Không tìm thấy «abc»".
    public private(set) var message: String?

    /// Whether k j b Space g G / n N q work as in `less` (the help box only).
    public let lessKeys: Bool
    /// What the status row says of the keys when there is no message.
    public let keysHint: String

    /// `keysHint`: the default names the search keys, which the help box has and a screen
    /// showing a pager declares as its commands; a screen without them says what it has.
    public init(lines: [String], lessKeys: Bool = false, keysHint: String = "/ tìm, n/N tiếp/lùi, Esc đóng") {
        self.lines = lines
        self.lessKeys = lessKeys
        self.keysHint = keysHint
    }

    public init(text: String) {
        self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// Tells the pager how many rows its rect has (body + status row), so
    /// PgUp/PgDn move by a page.
    public mutating func setViewportRows(_ rows: Int) {
        pageRows = max(1, rows - 1)
    }

    public mutating func setLines(_ lines: [String]) {
        self.lines = lines
        top = min(top, maxTop(rows: pageRows))
        // A match found in the old lines would mark the wrong line in the new ones.
        if matchLine != nil {
            matchLine = nil
            find(forward: true, from: top)
        }
    }

    /// Scrolls the least that shows `range` (its top, when it is taller than the page).
    public mutating func reveal(_ range: Range<Int>) {
        if range.upperBound > top + pageRows { scroll(to: range.upperBound - pageRows) }
        if range.lowerBound < top { scroll(to: range.lowerBound) }
    }

    public enum Event: Hashable, Sendable {
        case ignored, handled
        /// Esc (or q with `lessKeys`): the owner closes the pager.
        case closed
    }

    public mutating func handle(_ key: Key) -> Event {
        if prompt != nil { return handlePrompt(key) }
        message = nil
        switch key {
        case .up: scroll(to: top - 1)
        case .down, .enter: scroll(to: top + 1)
        case .pageUp: scroll(to: top - max(1, pageRows - 1))
        case .pageDown: scroll(to: top + max(1, pageRows - 1))
        case .home: scroll(to: 0)
        case .end: scroll(to: maxTop(rows: pageRows))
        case .escape: return .closed
        default: return lessKeys ? handleLess(key) : .ignored
        }
        return .handled
    }

    /// The letter keys of `less`, for the help box.
    private mutating func handleLess(_ key: Key) -> Event {
        switch key {
        case .char("k"): scroll(to: top - 1)
        case .char("j"): scroll(to: top + 1)
        case .char("b"): scroll(to: top - max(1, pageRows - 1))
        case .char(" "): scroll(to: top + max(1, pageRows - 1))
        case .char("g"): scroll(to: 0)
        case .char("G"): scroll(to: maxTop(rows: pageRows))
        case .char("/"): beginSearch()
        case .char("n"): findNext()
        case .char("N"): findPrevious()
        case .char("q"): return .closed
        default: return .ignored
        }
        return .handled
    }

    /// A key for a screen that shows the pager: what it did, as that screen's actions (Esc
    /// closes the screen); nil when the pager does not use the key.
    mutating func screenActions<M>(for key: Key) -> [ScreenAction<M>]? {
        switch handle(key) {
        case .handled: return []
        case .closed: return [.pop]
        case .ignored: return nil
        }
    }

    /// A screen that is nothing but the pager, one column in from its left edge: its page is
    /// the screen's height (`layout`) …
    mutating func fitScreen(_ rect: Rect) {
        setViewportRows(rect.height)
    }

    /// … and it draws the pager there.
    func renderScreen(into buffer: inout Buffer, rect: Rect) {
        guard !rect.isEmpty else { return }
        render(into: &buffer, rect: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 1, height: rect.height), focused: true)
    }

    /// Opens the search prompt on the status row; Enter finds, Esc closes it.
    public mutating func beginSearch() {
        message = nil
        prompt = TextField("", visibleWidth: 40)
    }

    /// The next line that matches the last search, wrapping round.
    public mutating func findNext() {
        message = nil
        find(forward: true, from: (matchLine ?? top - 1) + 1)
    }

    /// The previous line that matches the last search, wrapping round.
    public mutating func findPrevious() {
        message = nil
        find(forward: false, from: (matchLine ?? top + 1) - 1)
    }

    private mutating func handlePrompt(_ key: Key) -> Event {
        guard var field = prompt else { return .ignored }
        switch key {
        case .escape:
            prompt = nil
        case .enter:
            field.commit()
            prompt = nil
            query = field.value
            if !query.isEmpty { find(forward: true, from: top) }
        default:
            _ = field.handle(key)
            prompt = field
        }
        return .handled
    }

    private mutating func find(forward: Bool, from start: Int) {
        guard !query.isEmpty, !lines.isEmpty else { return }
        let needle = VietnameseText.searchFold(query)
        let n = lines.count
        for step in 0..<n {
            let i = ((forward ? start + step : start - step) % n + n) % n
            if VietnameseText.searchFold(lines[i]).contains(needle) {
                matchLine = i
                if i < top || i >= top + pageRows { scroll(to: i - pageRows / 3) }
                message = nil
                return
            }
        }
        matchLine = nil
        message = "Không tìm thấy «\(query)»"
    }

    private mutating func scroll(to t: Int) {
        top = min(max(0, t), maxTop(rows: pageRows))
    }

    private func maxTop(rows: Int) -> Int { max(0, lines.count - max(1, rows)) }

    /// Draws the lines and, on the last row, the position, the search prompt
    /// or the last message.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let (body, status) = rect.splitBottom(1)
        let first = min(top, maxTop(rows: body.height))
        for r in 0..<body.height {
            let line = body.row(r)
            buffer.fill(line)
            let i = first + r
            guard i < lines.count else { continue }
            let style: Style = i == matchLine ? .reverse : .plain
            if style != .plain { buffer.fill(line, style: style) }
            buffer.put(lines[i], at: line.origin, style: style, clipWidth: line.width)
        }
        buffer.fill(status, style: .reverse)
        if let field = prompt {
            buffer.put("/", at: status.origin, style: .reverse)
            field.render(into: &buffer, rect: Rect(x: status.x + 1, y: status.y, width: status.width - 1, height: 1),
                         focused: focused)
            return
        }
        let last = min(lines.count, first + body.height)
        let position = lines.isEmpty ? "Trống" : "Dòng \(first + 1)–\(last)/\(lines.count)"
        let hint = message ?? keysHint
        buffer.put(position, at: status.origin, style: .reverse, clipWidth: status.width)
        let hintX = status.x + position.displayWidth + 2
        buffer.put(hint, at: Point(x: hintX, y: status.y), style: .reverse, clipWidth: status.maxX - hintX)
    }
}
