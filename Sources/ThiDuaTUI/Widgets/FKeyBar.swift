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
    ///
    /// Twins are added one by one while they fit, F10's first: it is the key
    /// terminals most often swallow (gnome-terminal opens its menu), so its
    /// twin "q" matters most. Without room even for the bare titles, long
    /// titles are cut to the widest common length that fits.
    ///
    /// Letter commands come last and only whole: without room for all of them, the last
    /// ones go first, then the F-keys are fitted as before.
    public func slots(width: Int) -> [(key: String, title: String)] {
        var entries = self.entries
        while entries.last?.letter != nil,
              total(entries.map(\.keyLabel), entries.map(\.title)) > width { entries.removeLast() }
        guard !entries.isEmpty else { return [] }
        let keys = entries.map(\.keyLabel)
        var titles = entries.map(\.title)
        if total(keys, titles) <= width {
            let order = entries.indices.sorted { a, b in
                (entries[a].number == 10 ? 0 : entries[a].number) < (entries[b].number == 10 ? 0 : entries[b].number)
            }
            for i in order {
                guard let twin = entries[i].twin else { continue }
                var candidate = titles
                candidate[i] += " " + twin
                if total(keys, candidate) <= width { titles = candidate }
            }
            return Array(zip(keys, titles))
        }
        let fixed = keys.reduce(0) { $0 + $1.displayWidth + 1 } + (entries.count - 1)
        let room = max(0, width - fixed)
        var cap = titles.map(\.displayWidth).max() ?? 0
        while cap > 1 && titles.reduce(0, { $0 + min($1.displayWidth, cap) }) > room { cap -= 1 }
        let cut = titles.map { t -> String in
            var p = DisplayWidth.prefix(t, width: cap)
            while p.last == " " { p.removeLast() }
            return p
        }
        return Array(zip(keys, cut))
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
