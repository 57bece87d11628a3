/// One column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public let title: String
    /// Never narrower than this (unless the screen itself is narrower).
    public let minWidth: Int
    /// Never wider than this; nil = no limit.
    public let maxWidth: Int?
    /// Share of the spare width this column takes; 0 = fixed at `minWidth`.
    public let flex: Int
    public let alignment: Alignment

    public init(_ title: String, minWidth: Int, maxWidth: Int? = nil, flex: Int = 0, alignment: Alignment = .left) {
        self.title = title
        self.minWidth = max(1, minWidth)
        self.maxWidth = maxWidth
        self.flex = max(0, flex)
        self.alignment = alignment
    }
}

/// Rows of text in columns, with a header, a selected row (reverse video +
/// "▶" marker) and scrolling. Column widths come from `layout(width:)`: each
/// gets its minimum, then spare columns go to flexible columns up to their
/// maximum, so a table designed for 80 columns grows on wider terminals.
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// The cells of each row, made only for the rows on screen: a list of 100,000
    /// people must not build 100,000 rows of strings per keystroke.
    public typealias RowProvider = @Sendable (Int) -> [String]
    private var rowCount: Int
    private var provider: RowProvider
    public var selection: ListSelection

    /// Width of the marker gutter ("▶ ").
    public static let gutter = 2
    /// Space between columns.
    public static let spacing = 1
    /// How narrow a flexible column may get when the table does not fit.
    static let shrunkMinimum = 4

    public init(columns: [TableColumn], rows: [[String]] = [], selected: Int = 0) {
        self.columns = columns
        self.rowCount = rows.count
        self.provider = { rows[$0] }
        self.selection = ListSelection(count: rows.count, selected: selected)
    }

    public var count: Int { rowCount }

    /// The cells of row `index`.
    public func row(_ index: Int) -> [String] { provider(index) }

    public var selectedIndex: Int { selection.selected }

    public mutating func setRows(_ rows: [[String]]) {
        setRows(count: rows.count) { rows[$0] }
    }

    /// Rows made on demand by `provider` (called only for the rows drawn).
    public mutating func setRows(count: Int, provider: @escaping RowProvider) {
        rowCount = count
        self.provider = provider
        selection.setCount(count)
    }

    /// Tells the table how many body rows its rect has (for PgUp/PgDn).
    public mutating func setViewport(height: Int) {
        selection.pageRows = max(1, height - 1)
    }

    public mutating func handle(_ key: Key) -> ListEvent {
        if key == .enter, rowCount > 0 { return .activated(selection.selected) }
        return selection.handle(key) ? .moved(selection.selected) : .ignored
    }

    /// Column widths for a total width (gutter and spacing included).
    public func layout(width: Int) -> [Int] {
        Table.layout(columns, width: width)
    }

    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let available = width - gutter - spacing * (columns.count - 1)
        var widths = columns.map(\.minWidth)
        var spare = available - widths.reduce(0, +)
        // Too narrow for every minimum: the flexible (text) columns give up width first, so
        // the fixed ones — numbers, dates, codes — stay whole; text cut shows its "…".
        var flexible = columns.indices.filter { columns[$0].flex > 0 }
        while spare < 0, !flexible.isEmpty {
            for i in flexible where spare < 0 && widths[i] > Table.shrunkMinimum {
                widths[i] -= 1
                spare += 1
            }
            flexible.removeAll { widths[$0] <= Table.shrunkMinimum }
        }
        // Water-filling: hand out spare columns in proportion to flex,
        // re-running while some columns hit their maximum.
        while spare > 0 {
            let open = columns.indices.filter { i in
                columns[i].flex > 0 && widths[i] < (columns[i].maxWidth ?? Int.max)
            }
            guard !open.isEmpty else { break }
            let totalFlex = open.reduce(0) { $0 + columns[$1].flex }
            var given = 0
            for i in open {
                let share = max(1, spare * columns[i].flex / totalFlex)
                let room = (columns[i].maxWidth ?? Int.max) - widths[i]
                let add = min(share, room, spare - given)
                widths[i] += add
                given += add
                if given >= spare { break }
            }
            if given == 0 { break }
            spare -= given
        }
        return widths
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let widths = layout(width: rect.width)
        let (headerRect, body) = rect.splitTop(1)
        buffer.fill(headerRect, style: .bold)
        drawRow(columns.map(\.title), widths: widths, in: headerRect, style: .bold, buffer: &buffer, header: true)
        let top = selection.visibleOffset(rows: body.height)
        for r in 0..<body.height {
            let line = body.row(r)
            buffer.fill(line)
            let i = top + r
            guard i < rowCount else { continue }
            let isSelected = i == selection.selected
            let style: Style = isSelected && focused ? .selected : .plain
            if isSelected { buffer.fill(line, style: style) }
            buffer.put(isSelected ? "▶" : " ", at: line.origin, style: style, clipWidth: 1)
            drawRow(provider(i), widths: widths, in: line, style: style, buffer: &buffer, header: false)
        }
    }

    private func drawRow(_ cells: [String], widths: [Int], in line: Rect, style: Style,
                         buffer: inout Buffer, header: Bool) {
        var x = line.x + Table.gutter
        for (c, w) in widths.enumerated() {
            guard x < line.maxX else { break }
            let text = c < cells.count ? cells[c] : ""
            let width = min(w, line.maxX - x)
            let align = header ? .left : columns[c].alignment
            buffer.put(text, at: Point(x: x, y: line.y), width: width, style: style, alignment: align)
            x += w + Table.spacing
        }
    }
}
