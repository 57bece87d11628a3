import ThiDuaDomain

/// Column widths of the grid for one width: frozen names on the left, as many item
/// columns as fit, then total, rank and class. Pure, so it can be tested alone.
struct ScoreGridLayout: Equatable {
    static let minimumNameWidth = 24
    static let maximumNameWidth = 48

    var nameWidth: Int
    var itemWidth: Int
    /// How many item columns are on screen at once.
    var visibleItems: Int
    var totalWidth: Int
    var rankWidth: Int
    var classWidth: Int

    /// Item columns are one space plus `itemWidth`.
    var itemStride: Int { itemWidth + 1 }
    var summaryWidth: Int { 1 + totalWidth + 1 + rankWidth + 1 + classWidth }

    init(model: ScoreGridModel, classNames: [String], width: Int) {
        let items = model.items
        // "12,25*": whole digits of the maximum, two decimals, a comma and the fallback mark.
        let widestValue = items.map { String($0.maximum.hundredths / 100).count + 4 }.max() ?? 5
        let widestHeader = items.map { "\($0.code)/\($0.maximum.display)".displayWidth }.max() ?? 5
        itemWidth = max(5, widestValue, widestHeader)
        let maximum = items.reduce(0) { $0 + ($1.kind == .deduction ? 0 : $1.maximum.hundredths) } / 100
        totalWidth = max("Tổng".displayWidth, String(maximum).count + 4)
        rankWidth = max("Hạng".displayWidth, String(model.rows.count).count)
        classWidth = max("Xếp loại".displayWidth, classNames.map(\.displayWidth).max() ?? 0)
        let room = max(0, width - (1 + totalWidth + 1 + rankWidth + 1 + classWidth))
        let stride = itemWidth + 1
        let fitting = max(0, (room - ScoreGridLayout.minimumNameWidth) / stride)
        visibleItems = max(min(1, items.count), min(items.count, fitting))
        if visibleItems == items.count {
            let wanted = model.widestName + " [khóa]".displayWidth
            let ideal = min(ScoreGridLayout.maximumNameWidth, max(ScoreGridLayout.minimumNameWidth, wanted))
            nameWidth = max(1, min(ideal, room - visibleItems * stride))
        } else {
            // Scrolling: the names take what the item columns leave, so the row is full.
            nameWidth = max(1, room - visibleItems * stride)
        }
    }
}

extension ScoreGridScreen {
    /// The khối bar on top, the grid (its header row, then the rows), the footer below.
    private func regions(_ rect: Rect) -> (bar: Rect, rest: Rect, header: Rect, body: Rect, footer: Rect) {
        let (barRow, rest) = rect.splitTop(1)
        let (grid, footer) = rest.splitBottom(min(2, max(0, rest.height - 2)))
        let (headerRow, body) = grid.splitTop(1)
        return (barRow, rest, headerRow, body, footer)
    }

    /// The page for PgUp/PgDn, and the scroll that keeps the focused cell in view.
    public func layout(_ rect: Rect, session: Session) {
        guard rect.height >= 3, rect.width >= 10, model.hasGrid else { return }
        let body = regions(rect).body
        pageRows = max(1, body.height)
        keepFocusVisible(layout: ScoreGridLayout(model: model, classNames: classNames(session.data), width: body.width))
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard rect.height >= 3, rect.width >= 10 else { return }
        let (barRow, rest, headerRow, body, footer) = regions(rect)
        drawBar(into: &buffer, row: barRow)
        guard model.hasGrid else {
            drawProblem(into: &buffer, rect: rest)
            return
        }
        let layout = ScoreGridLayout(model: model, classNames: classNames(session.data), width: body.width)
        drawHeader(into: &buffer, row: headerRow, layout: layout)
        if model.rows.isEmpty {
            let note = model.tab == .individuals ? "Chưa có cá nhân nào đang hoạt động."
                                                 : "Khối này chưa có đơn vị nào đang hoạt động."
            buffer.put(note, at: Point(x: body.x + 2, y: body.y + 1), clipWidth: body.width - 2)
        }
        for line in 0..<body.height {
            let index = topRow + line
            guard model.rows.indices.contains(index) else { break }
            drawRow(index, into: &buffer, y: body.y + line, x: body.x, layout: layout)
        }
        drawFooter(into: &buffer, rect: footer)
    }

    private func classNames(_ data: Dataset) -> [String] {
        data.rules.classBands.map(\.name) + [data.rules.belowBandsName]
    }

    /// Scrolls just enough to show the focused row and item.
    private func keepFocusVisible(layout: ScoreGridLayout) {
        if row < topRow { topRow = row }
        if row >= topRow + pageRows { topRow = row - pageRows + 1 }
        topRow = max(0, min(topRow, max(0, model.rows.count - pageRows)))
        let item = column - 1
        if item >= 0 {
            if item < firstItem { firstItem = item }
            if item >= firstItem + layout.visibleItems { firstItem = item - layout.visibleItems + 1 }
        }
        firstItem = max(0, min(firstItem, model.items.count - layout.visibleItems))
    }

    /// "◀ Khối UBND ▶ 6 đơn vị · Năm 2026 (y Y) · Nhập: TỰ CHẤM (v) · Sắp: tên A–Z (s)".
    private func drawBar(into buffer: inout Buffer, row: Rect) {
        buffer.fill(row)
        var x = row.x
        func put(_ text: String, _ style: Style = .plain) {
            x += buffer.put(text, at: Point(x: x, y: row.y), style: style, clipWidth: max(0, row.maxX - x))
        }
        if !marks.isEmpty { put("■ \(marks.count) dòng · ", .bold) }
        put("◀ ")
        put(model.tab.title, .bold)
        put(" ▶ \(model.countLabel) · Năm ")
        put(String(year), .bold)
        put(" (y Y) · Nhập: ")
        put(field.label.uppercased(), .selected)
        put(" (v) · Sắp: \(sort.label) (s)")
    }

    private func drawProblem(into buffer: inout Buffer, rect: Rect) {
        var lines = DashboardLines(rect: Rect(x: rect.x + 2, y: rect.y + 1, width: max(1, rect.width - 4),
                                              height: max(0, rect.height - 1)))
        lines.add(model.problem ?? "", style: .bold)
        if let note = model.groupNote {
            lines.gap()
            lines.add(note)
        }
        lines.gap()
        lines.add("Bộ tiêu chí do Phòng Văn hoá - Xã hội lập ở mục «Bộ tiêu chí». [ ] đổi khối, y Y đổi năm.", style: .dim)
        lines.draw(into: &buffer)
    }

    /// x of the item slot `k` (0 = first visible item).
    private func itemX(_ k: Int, _ x: Int, _ layout: ScoreGridLayout) -> Int {
        x + layout.nameWidth + k * layout.itemStride + 1
    }

    private func summaryX(_ x: Int, _ layout: ScoreGridLayout) -> Int {
        x + layout.nameWidth + layout.visibleItems * layout.itemStride
    }

    private func drawHeader(into buffer: inout Buffer, row: Rect, layout: ScoreGridLayout) {
        buffer.fill(row)
        let y = row.y
        buffer.put(model.subjectHeading, at: row.origin, width: layout.nameWidth,
                   style: column == 0 ? .selected : .bold)
        let visible = firstItem..<min(model.items.count, firstItem + layout.visibleItems)
        for (k, index) in visible.enumerated() {
            let item = model.items[index]
            let header = "\(item.code)/\(item.maximum.display)"
            buffer.put(header, at: Point(x: itemX(k, row.x, layout), y: y), width: layout.itemWidth,
                       style: column == index + 1 ? .selected : .bold, alignment: .right)
        }
        // Arrows in the gaps say more columns are off screen.
        if firstItem > 0 {
            buffer.put("◀", at: Point(x: itemX(0, row.x, layout) - 1, y: y), style: .bold)
        }
        let sx = summaryX(row.x, layout)
        if visible.upperBound < model.items.count {
            buffer.put("▶", at: Point(x: sx, y: y), style: .bold)
        }
        var x = sx + 1
        for (text, width) in [("Tổng", layout.totalWidth), ("Hạng", layout.rankWidth), ("Xếp loại", layout.classWidth)] {
            buffer.put(text, at: Point(x: x, y: y), width: width, style: .bold, alignment: text == "Xếp loại" ? .left : .right)
            x += width + 1
        }
    }

    private func drawRow(_ index: Int, into buffer: inout Buffer, y: Int, x: Int, layout: ScoreGridLayout) {
        let line = model.rows[index]
        let focused = index == row
        let lock = line.isLocked ? " [khóa]" : ""
        let mark = marks.contains(line.subject) ? "■ " : ""
        let name = mark + DisplayWidth.truncate(line.name, toWidth: max(0, layout.nameWidth - mark.count - lock.displayWidth - 1)) + lock
        let nameStyle: Style = focused ? (column == 0 ? .selected : .reverse) : .plain
        buffer.put(name, at: Point(x: x, y: y), width: layout.nameWidth, style: nameStyle)
        let visible = firstItem..<min(model.items.count, firstItem + layout.visibleItems)
        for (k, item) in visible.enumerated() {
            let cellX = itemX(k, x, layout)
            let isFocus = focused && column == item + 1
            if isFocus, let editor {
                editor.render(into: &buffer, rect: Rect(x: cellX, y: y, width: layout.itemWidth, height: 1))
                continue
            }
            let cell = ScoreGridModel.cell(line.scores[item], field: field)
            let style: Style = isFocus ? .selected : (cell.isFallback ? .dim : .plain)
            buffer.put(cell.text, at: Point(x: cellX, y: y), width: layout.itemWidth, style: style, alignment: .right)
        }
        let ranked = model.ranked(line)
        var sx = summaryX(x, layout) + 1
        buffer.put(ScoreGridModel.totalText(ranked), at: Point(x: sx, y: y), width: layout.totalWidth, alignment: .right)
        sx += layout.totalWidth + 1
        buffer.put(ScoreGridModel.rankText(ranked), at: Point(x: sx, y: y), width: layout.rankWidth, alignment: .right)
        sx += layout.rankWidth + 1
        buffer.put(ScoreGridModel.classText(ranked), at: Point(x: sx, y: y), width: layout.classWidth)
    }

    /// The last refusal (the status line may cut it at 80 columns), else the focused
    /// item's wording or the focused row's sheet; two rows at most.
    private func drawFooter(into buffer: inout Buffer, rect: Rect) {
        guard !rect.isEmpty else { return }
        let text: String
        var style = Style.dim
        if let notice {
            text = notice
            style = Style.bold.colored(.error)
        } else if let item = focusedItem {
            text = ScoreGridModel.describe(item)
        } else if let line = focusedRow {
            text = model.summary(of: line)
        } else {
            return
        }
        var lines = TextWrap.wrap(text, width: rect.width)
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height))
            lines[lines.count - 1] = DisplayWidth.truncate(lines[lines.count - 1] + " …", toWidth: rect.width)
        }
        for (i, line) in lines.enumerated() {
            buffer.put(line, at: Point(x: rect.x, y: rect.y + i), style: style, clipWidth: rect.width)
        }
    }
}
