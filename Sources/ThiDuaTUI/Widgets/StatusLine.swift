/// The status row above the F-key bar: a message on the left, then on the
/// right the mode ("SỬA", "TÌM") and indicators ("TELEX", "CHƯA LƯU").
public struct StatusLine: Hashable, Sendable {
    public var message: String
    public var mode: String?
    public var indicators: [String]

    public init(message: String = "", mode: String? = nil, indicators: [String] = []) {
        self.message = message
        self.mode = mode
        self.indicators = indicators
    }

    /// The right-hand area, e.g. "[SỬA] TELEX".
    public var rightText: String {
        var parts: [String] = []
        if let mode, !mode.isEmpty { parts.append("[\(mode)]") }
        parts += indicators.filter { !$0.isEmpty }
        return parts.joined(separator: " ")
    }

    /// The indicators keep their place; the message is cut with "…" first.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool = true) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row)
        let right = DisplayWidth.truncate(rightText, toWidth: row.width)
        let rightWidth = right.displayWidth
        let messageWidth = max(0, row.width - rightWidth - (rightWidth > 0 ? 1 : 0))
        buffer.put(DisplayWidth.truncate(message, toWidth: messageWidth), at: row.origin, clipWidth: messageWidth)
        if rightWidth > 0 {
            buffer.put(right, at: Point(x: row.maxX - rightWidth, y: row.y), style: .reverse)
        }
    }
}
