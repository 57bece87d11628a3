import Foundation

/// A multi-line text input (an achievement summary, a long note), edited by grapheme
/// cluster like `TextField` and soft-wrapped at word boundaries to the width it is drawn in.
///
/// Enter starts a new paragraph; the owner saves with F2. Up and Down move by wrapped row,
/// keeping the column, so long paragraphs can be edited without a mouse.
public struct TextArea: Sendable {
    public private(set) var graphemes: [Character]
    /// Cursor position as a grapheme index, 0…graphemes.count.
    public private(set) var cursor: Int
    /// First visible wrapped row.
    public private(set) var scrollRow = 0
    public var maxLength: Int?
    public var inputTransform: TextField.InputTransform?
    /// Width the text was last wrapped at; Up/Down and scrolling use it between renders.
    public var wrapWidth: Int
    public private(set) var valueOnEntry: String
    private var run = TypingRun()

    public init(_ text: String = "", maxLength: Int? = nil, wrapWidth: Int = 60) {
        graphemes = Array(text)
        cursor = graphemes.count
        self.maxLength = maxLength
        self.wrapWidth = max(1, wrapWidth)
        valueOnEntry = text
    }

    public var text: String { String(graphemes) }
    /// NFC, as stored.
    public var value: String { text.precomposedStringWithCanonicalMapping }
    public var isDirty: Bool { text != valueOnEntry }

    public mutating func handle(_ key: Key) -> FieldEvent {
        run.end(unless: key)
        switch key {
        case .char(let c): return insert(c)
        case .enter: return insert("\n")
        case .backspace:
            guard cursor > 0 else { return .handled }
            graphemes.remove(at: cursor - 1)
            cursor -= 1
            run.erased(upTo: cursor)
            return .changed
        case .delete:
            guard cursor < graphemes.count else { return .handled }
            graphemes.remove(at: cursor)
            return .changed
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(graphemes.count, cursor + 1)
        case .up: moveRows(-1)
        case .down: moveRows(1)
        case .pageUp: moveRows(-5)
        case .pageDown: moveRows(5)
        case .home, .ctrl("a"):
            let rows = TextArea.layout(graphemes, width: wrapWidth)
            cursor = rows[TextArea.row(of: cursor, in: rows)].lowerBound
        case .end, .ctrl("e"):
            let rows = TextArea.layout(graphemes, width: wrapWidth)
            cursor = rows[TextArea.row(of: cursor, in: rows)].upperBound
        case .escape:
            guard isDirty else { return .ignored }
            graphemes = Array(valueOnEntry)
            cursor = graphemes.count
            return .cancelled
        default:
            return .ignored
        }
        return .handled
    }

    private mutating func insert(_ c: Character) -> FieldEvent {
        var before = String(graphemes[..<cursor])
        let after = String(graphemes[cursor...])
        let kept = run.kept(before: cursor)
        if let inputTransform, c != "\n" { before = inputTransform(c, before, kept) } else { before.append(c) }
        let combined = Array(before + after)
        if let maxLength, combined.count > maxLength, combined.count > graphemes.count {
            return .invalid("Tối đa \(maxLength) ký tự.")
        }
        graphemes = combined
        cursor = min(Array(before).count, combined.count)
        run.typed(upTo: cursor)
        return .changed
    }

    private mutating func moveRows(_ delta: Int) {
        let rows = TextArea.layout(graphemes, width: wrapWidth)
        let current = TextArea.row(of: cursor, in: rows)
        let column = TextArea.width(graphemes[rows[current].lowerBound..<cursor])
        let target = min(max(0, current + delta), rows.count - 1)
        guard target != current else {
            cursor = delta < 0 ? 0 : graphemes.count
            return
        }
        var index = rows[target].lowerBound
        var used = 0
        while index < rows[target].upperBound {
            let w = DisplayWidth.of(graphemes[index])
            if used + w > column { break }
            used += w
            index += 1
        }
        cursor = index
    }

    /// Wrapped rows as grapheme ranges (newlines excluded). Breaks after the last space that
    /// fits; a word longer than the width is cut.
    static func layout(_ g: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = 0
        while true {
            var end = start
            var used = 0
            var lastSpace: Int?
            while end < g.count && g[end] != "\n" {
                let w = DisplayWidth.of(g[end])
                if used + w > width { break }
                if g[end] == " " { lastSpace = end }
                used += w
                end += 1
            }
            if end < g.count && g[end] != "\n" {
                // Overflow: break after the last space if there is one, else cut the word.
                let cut = lastSpace.map { $0 + 1 } ?? max(end, start + 1)
                rows.append(start..<cut)
                start = cut
                continue
            }
            rows.append(start..<end)
            guard end < g.count else { break }
            start = end + 1   // skip the newline
        }
        return rows
    }

    /// The row holding the cursor; at a soft break the cursor belongs to the next row.
    static func row(of cursor: Int, in rows: [Range<Int>]) -> Int {
        for (i, row) in rows.enumerated() {
            let isLast = i == rows.count - 1
            let nextStarts = isLast ? Int.max : rows[i + 1].lowerBound
            if cursor >= row.lowerBound && (cursor < row.upperBound || (cursor == row.upperBound && cursor < nextStarts)) {
                return i
            }
            if isLast { return i }
        }
        return 0
    }

    static func width(_ g: ArraySlice<Character>) -> Int { g.reduce(0) { $0 + DisplayWidth.of($1) } }

    /// Number of wrapped rows at `width`.
    public func rowCount(width: Int) -> Int { TextArea.layout(graphemes, width: width).count }

    /// Wraps the text to `rect` and scrolls just enough to keep the cursor's row in view.
    public mutating func layout(_ rect: Rect) {
        guard !rect.isEmpty else { return }
        wrapWidth = max(1, rect.width - 1)
        let rows = TextArea.layout(graphemes, width: wrapWidth)
        let cursorRow = TextArea.row(of: cursor, in: rows)
        if cursorRow < scrollRow { scrollRow = cursorRow }
        if cursorRow >= scrollRow + rect.height { scrollRow = cursorRow - rect.height + 1 }
        scrollRow = min(scrollRow, max(0, rows.count - rect.height))
    }

    /// Draws the rows from the scroll `layout` chose; a focused area places the terminal cursor.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let rows = TextArea.layout(graphemes, width: wrapWidth)
        let cursorRow = TextArea.row(of: cursor, in: rows)
        let style: Style = focused ? .reverse : .underline
        for line in 0..<rect.height {
            buffer.fill(rect.row(line), style: style)
            let index = scrollRow + line
            guard index < rows.count else { continue }
            buffer.put(String(graphemes[rows[index]]), at: Point(x: rect.x, y: rect.y + line), style: style,
                       clipWidth: rect.width)
        }
        if focused {
            let x = TextArea.width(graphemes[rows[cursorRow].lowerBound..<cursor])
            buffer.cursor = Point(x: rect.x + min(x, rect.width - 1), y: rect.y + cursorRow - scrollRow)
        }
    }

    /// Accepts the text as the new value-on-entry (NFC).
    public mutating func commit() {
        let nfc = value
        if !nfc.unicodeScalars.elementsEqual(text.unicodeScalars) {
            graphemes = Array(nfc)
            cursor = min(cursor, graphemes.count)
        }
        valueOnEntry = nfc
    }
}
