/// Draws frames with Unicode box-drawing characters. ACS line characters are
/// avoided on purpose: they dump as "q"/"x" in headless ncurses and need
/// the terminal's alternate charset.
public enum Box {
    /// A single-line frame around `rect`, with an optional title in the top
    /// edge ("┌─ Xác nhận ─┐"); the inside is cleared to `style`.
    ///
    /// Every frame is a pop-up over a screen (dialog, help, palette, detail), so the column
    /// on each side is cleared too: text below would otherwise touch the frame and read as
    /// part of it («Đ└──┘t»). Clearing goes through `Buffer.fill`, which blanks the other half
    /// of a wide character the margin cuts, so no half glyph is left on either edge.
    public static func draw(into buffer: inout Buffer, rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height))
        buffer.fill(rect, style: style)
        let inner = rect.width - 2
        buffer.put("┌" + String(repeating: "─", count: inner) + "┐", at: rect.origin, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", at: Point(x: rect.x, y: y), style: style)
            buffer.put("│", at: Point(x: rect.maxX - 1, y: y), style: style)
        }
        buffer.put("└" + String(repeating: "─", count: inner) + "┘", at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        if let title, inner > 4 {
            let t = " " + DisplayWidth.truncate(title, toWidth: inner - 4) + " "
            var titleStyle = style
            titleStyle.bold = true
            buffer.put(t, at: Point(x: rect.x + 2, y: rect.y), style: titleStyle)
        }
    }
}
