/// A single-column list of lines with a selection ("▶" marker + reverse
/// video when focused), e.g. a menu or a list of names.
public struct ListView: Sendable {
    public private(set) var items: [String]
    public var selection: ListSelection

    public init(_ items: [String], selected: Int = 0) {
        self.items = items
        self.selection = ListSelection(count: items.count, selected: selected)
    }

    public var selectedIndex: Int { selection.selected }
    public var selectedItem: String? { items.isEmpty ? nil : items[selection.selected] }

    public mutating func setItems(_ items: [String]) {
        self.items = items
        selection.setCount(items.count)
    }

    public mutating func handle(_ key: Key) -> ListEvent {
        if key == .enter, !items.isEmpty { return .activated(selection.selected) }
        return selection.handle(key) ? .moved(selection.selected) : .ignored
    }

    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let top = selection.visibleOffset(rows: rect.height)
        for row in 0..<rect.height {
            let i = top + row
            let line = rect.row(row)
            buffer.fill(line)
            guard i < items.count else { continue }
            let isSelected = i == selection.selected
            let style: Style = isSelected && focused ? .selected : .plain
            if isSelected { buffer.fill(line, style: style) }
            buffer.put(isSelected ? "▶" : " ", at: line.origin, style: style, clipWidth: 1)
            buffer.put(items[i], at: Point(x: line.x + 2, y: line.y), width: line.width - 2, style: style)
        }
    }
}
