/// The bottom row listing the F-keys valid here, mc/htop style:
/// `F1 Trợ giúp ?  F2 Lưu ^S …`. The key name is bold, the title reverse
/// video. Letter twins are shown when the row has room; otherwise titles
/// are shortened evenly so every key stays visible.
public struct FKeyBar: Sendable {
    public var entries: [FKeyEntry]

    public init(_ entries: [FKeyEntry]) {
        self.entries = entries
    }

    /// The texts of each slot (key, title) for a row of `width` columns.
    public func slots(width: Int) -> [(key: String, title: String)] {
        guard !entries.isEmpty else { return [] }
        let keys = entries.map { "F\($0.number)" }
        let withTwins = entries.map { e in e.twin.map { e.title + " " + $0 } ?? e.title }
        if total(keys, withTwins) <= width { return Array(zip(keys, withTwins)) }
        let plain = entries.map(\.title)
        if total(keys, plain) <= width { return Array(zip(keys, plain)) }
        // Share what is left after keys and gaps evenly among the titles.
        let fixed = keys.reduce(0) { $0 + $1.displayWidth + 1 } + (entries.count - 1)
        let each = max(1, (width - fixed) / entries.count)
        return Array(zip(keys, plain.map { DisplayWidth.prefix($0, width: each) }))
    }

    private func total(_ keys: [String], _ titles: [String]) -> Int {
        zip(keys, titles).reduce(0) { $0 + $1.0.displayWidth + 1 + $1.1.displayWidth } + (keys.count - 1)
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool = true) {
        let row = rect.row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row)
        var x = row.x
        for (key, title) in slots(width: row.width) {
            guard x < row.maxX else { break }
            x += buffer.put(key, at: Point(x: x, y: row.y), style: .bold, clipWidth: row.maxX - x)
            x += 1
            guard x < row.maxX else { break }
            x += buffer.put(title, at: Point(x: x, y: row.y), style: .reverse, clipWidth: row.maxX - x)
            x += 1
        }
    }
}
