/// An in-memory screen: `size.width × size.height` cells plus an optional
/// cursor. Widgets draw into it; the curses front end copies it to the
/// terminal; tests compare it with golden text.
///
/// Writing never wraps: text is clipped by display width at the clip limit
/// or the right edge (ncurses itself would wrap onto the next row).
public struct Buffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown; `nil` hides it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank()) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
        self.cursor = nil
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "cell out of range")
            return cells[y * size.width + x]
        }
    }

    /// Writes `text` from `at` to the right, clipped to `clipWidth` columns
    /// (if given) and to the buffer's right edge. Returns the columns used.
    ///
    /// Controls and stray zero-width clusters are skipped; a wide glyph that
    /// does not fit entirely is not drawn (never half a glyph). Text that does not fit
    /// ends in "…" in its last column, so a cut is never mistaken for the whole (this is
    /// the one place every widget's text is clipped).
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .plain, clipWidth: Int? = nil) -> Int {
        guard point.y >= 0, point.y < size.height else { return 0 }
        var limit = size.width
        if let clip = clipWidth { limit = min(limit, point.x + max(0, clip)) }
        var text = text
        if point.x >= 0, point.x < limit, DisplayWidth.of(text) > limit - point.x {
            text = DisplayWidth.truncate(text, toWidth: limit - point.x)
        }
        var x = point.x
        for g in text {
            let w = DisplayWidth.of(g)
            if w == 0 { continue }
            if x + w > limit { break }
            if x >= 0 {
                setCell(x: x, y: point.y, Cell(grapheme: String(g), width: w, style: style))
                if w == 2 { setCell(x: x + 1, y: point.y, .continuation(style)) }
            }
            x += w
        }
        return max(0, x - point.x)
    }

    /// Writes `text` padded or truncated (with "…") to exactly `width` columns.
    public mutating func put(_ text: String, at point: Point, width: Int, style: Style = .plain,
                             alignment: Alignment = .left) {
        put(DisplayWidth.pad(text, toWidth: width, alignment: alignment), at: point, style: style, clipWidth: width)
    }

    /// Fills `rect` (clipped to the buffer) with `grapheme` in `style`.
    public mutating func fill(_ rect: Rect, with grapheme: Character = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = DisplayWidth.of(grapheme)
        for y in r.y..<r.maxY {
            var x = r.x
            while x < r.maxX {
                if w == 2 && x + 1 < r.maxX {
                    setCell(x: x, y: y, Cell(grapheme: String(grapheme), width: 2, style: style))
                    setCell(x: x + 1, y: y, .continuation(style))
                    x += 2
                } else {
                    setCell(x: x, y: y, w == 1 ? Cell(grapheme: String(grapheme), width: 1, style: style) : .blank(style))
                    x += 1
                }
            }
        }
    }

    /// Changes only the style of the cells in `rect`, keeping their text
    /// (used to show a selected row in reverse video after drawing it).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// Copies `other` into this buffer with its top-left at `origin`.
    public mutating func blit(_ other: Buffer, at origin: Point) {
        for y in 0..<other.size.height {
            for x in 0..<other.size.width {
                let c = other[x, y]
                let tx = origin.x + x, ty = origin.y + y
                guard tx >= 0, ty >= 0, tx < size.width, ty < size.height, !c.isContinuation else { continue }
                if c.width == 2 && tx + 1 >= size.width { continue }
                setCell(x: tx, y: ty, c)
                if c.width == 2 { setCell(x: tx + 1, y: ty, .continuation(c.style)) }
            }
        }
        if let c = other.cursor { cursor = Point(x: origin.x + c.x, y: origin.y + c.y) }
    }

    /// Stores one cell, repairing any wide glyph it cuts in half so the
    /// buffer never holds an orphan head or continuation.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let i = y * size.width + x
        let old = cells[i]
        if old.width == 2, x + 1 < size.width, !(cell.width == 2), cells[i + 1].isContinuation {
            cells[i + 1] = .blank(cells[i + 1].style)
        }
        if old.isContinuation, !cell.isContinuation, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        cells[i] = cell
    }

    // MARK: - Text views for tests and debugging

    /// Each row as plain text (continuation cells contribute nothing, so a
    /// row's display width is always `size.width`).
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var s = ""
            for x in 0..<size.width where !self[x, y].isContinuation { s += self[x, y].grapheme }
            return s
        }
    }

    /// Each row as one mask character per column (see `Style.maskCharacter`);
    /// a wide glyph contributes its character twice, so columns line up.
    public func styleMask() -> [String] {
        (0..<size.height).map { y in
            String((0..<size.width).map { self[$0, y].style.maskCharacter })
        }
    }

    /// The golden-file form: header, text rows (trailing spaces trimmed),
    /// then the style mask. Stable across machines: no colour, no ANSI.
    public func snapshot() -> String {
        var out = "size \(size.width)x\(size.height) cursor "
        out += cursor.map { "\($0.x),\($0.y)" } ?? "none"
        out += "\n--- text ---\n"
        for line in lines() { out += trimTrailingSpaces(line) + "\n" }
        out += "--- style (#=reverse+bold R=reverse B=bold U=underline D=dim .=plain) ---\n"
        for line in styleMask() { out += line + "\n" }
        return out
    }

    private func trimTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
