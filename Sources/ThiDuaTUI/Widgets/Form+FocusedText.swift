extension Form {
    /// Draws the form at the top of `rect` and, under it, the focused field's text whole,
    /// wrapped: a field shows only part of a long line, and a line that prints (a «Căn cứ», a
    /// certificate's achievement) must be read in full before it is saved.
    func renderWithFocusedText(into buffer: inout Buffer, rect: Rect, textStyle: Style = .plain) {
        let rows = items.count + 2
        render(into: &buffer, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: min(rows, rect.height)), focused: true)
        guard let text = focusedItem?.field.text, rect.height > rows + 1 else { return }
        for (index, line) in TextWrap.wrap(text, width: max(1, rect.width - 6)).enumerated() where rows + 1 + index < rect.height {
            buffer.put(line, at: Point(x: rect.x + 4, y: rect.y + rows + 1 + index), style: textStyle, clipWidth: rect.width - 6)
        }
    }
}
