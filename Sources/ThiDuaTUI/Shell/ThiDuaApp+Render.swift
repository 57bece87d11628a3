import ThiDuaDomain

extension ThiDuaApp {
    /// Where the parts of the screen go at `size`: the title row, the read-only banner when
    /// this copy is read-only, the top screen's body, and the status line with the F-key bar.
    func regions(for size: Size) -> (title: Rect, banner: Rect?, body: Rect, chrome: Rect) {
        var body = Rect(size: size)
        let title: Rect
        (title, body) = body.splitTop(1)
        var banner: Rect?
        if session.readOnlyHolder != nil {
            let row: Rect
            (row, body) = body.splitTop(1)
            banner = row
        }
        let chrome: Rect
        (body, chrome) = body.splitBottom(2)
        return (title, banner, body, chrome)
    }

    /// Gives the top screen (and the help box) the room they have at the current size, after
    /// anything that may have changed them: `render` then only draws.
    func settle() {
        guard size.fits(.minimum) else { return }
        top.layout(regions(for: size).body, session: session)
        if case .help(var pager) = modal {
            pager.setViewportRows(max(1, size.height - 6))
            modal = .help(pager)
        }
    }

    /// Title bar, read-only banner, the top screen's body, status line, F-key bar and
    /// the modal on top. Below 80×24 only the "too small" screen. Draws the state as it is
    /// and changes nothing (`settle` laid it out).
    public func render(size: Size) -> Buffer {
        guard size.fits(.minimum) else { return TooSmallScreen.render(size: size) }
        var buffer = Buffer(size: size)
        let (titleRow, banner, body, chrome) = regions(for: size)
        drawTitle(into: &buffer, row: titleRow)
        if let banner, let holder = session.readOnlyHolder {
            buffer.fill(banner, style: .selected)
            buffer.put(" CHỈ ĐỌC — \(holder). Không ghi được thay đổi nào.", at: banner.origin,
                       style: .selected, clipWidth: banner.width)
        }
        top.render(into: &buffer, rect: body, session: session)
        let status = statusLine
        statusLine.render(into: &buffer, rect: chrome.row(0))
        drawLongMessage(status, into: &buffer, body: body, statusRow: chrome.row(0))
        FKeyBar(registry.fKeyBar(in: top.context)).render(into: &buffer, rect: chrome.row(1))
        if let modal { draw(modal, into: &buffer, bounds: Rect(size: size)) }
        return buffer
    }

    /// A message too long for the status line (a domain rule with its allowed range) is
    /// shown whole, wrapped, in a band just above it: cutting it would hide the range.
    private func drawLongMessage(_ status: StatusLine, into buffer: inout Buffer, body: Rect, statusRow: Rect) {
        guard !message.isEmpty else { return }
        let room = statusRow.width - (status.rightText.isEmpty ? 0 : status.rightText.displayWidth + 1)
        guard message.displayWidth > room else { return }
        let lines = TextWrap.wrap(message, width: max(1, body.width - 2))
        let band = min(lines.count + 1, max(0, body.height - 1))
        guard band > 1 else { return }
        let top = body.maxY - band
        buffer.fill(Rect(x: body.x, y: top, width: body.width, height: band))
        buffer.put(String(repeating: "─", count: body.width), at: Point(x: body.x, y: top), clipWidth: body.width)
        for (i, line) in lines.prefix(band - 1).enumerated() {
            buffer.put(line, at: Point(x: body.x + 1, y: top + 1 + i), style: .bold, clipWidth: body.width - 2)
        }
    }

    private func drawTitle(into buffer: inout Buffer, row: Rect) {
        buffer.fill(row, style: .reverse)
        let trail = stack.map(\.title).joined(separator: " › ")
        let right = " Năm \(session.year) "
        let left = " thidua · \(session.data.settings.communeName) · \(trail)"
        buffer.put(left, at: row.origin, style: .selected, clipWidth: max(0, row.width - right.displayWidth))
        buffer.put(right, at: Point(x: row.maxX - right.displayWidth, y: row.y), style: .reverse)
    }

    var statusLine: StatusLine {
        var indicators = ["\(session.data.settings.typingMethod.label) ^T: \(session.telexEnabled ? "BẬT" : "tắt")"]
        if session.isReadOnly { indicators.append("CHỈ ĐỌC") }
        if let together = session.presence?.indicator { indicators.insert(together, at: 0) }
        let text = message.isEmpty ? (top.hint ?? "") : message
        return StatusLine(message: text, mode: top.mode, indicators: indicators)
    }

    private func draw(_ modal: Modal, into buffer: inout Buffer, bounds: Rect) {
        switch modal {
        case .dialog(let dialog, _), .quitConfirm(let dialog):
            dialog.render(into: &buffer, rect: bounds)
        case .help(let pager):
            let box = bounds.inset(by: 1)
            Box.draw(into: &buffer, rect: box, title: "Trợ giúp")
            pager.render(into: &buffer, rect: box.inset(by: 1), focused: true)
        case .palette(let palette):
            palette.render(into: &buffer, bounds: bounds)
        }
    }
}
