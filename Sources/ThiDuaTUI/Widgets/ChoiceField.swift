import ThiDuaDomain
/// Picks one of a fixed list of options (e.g. "Xuất sắc", "Tốt", "Khá").
/// Left/Right or Space cycle; typing a letter jumps to the next option whose
/// title starts with it, ignoring case and accents ("x" finds "Xuất sắc").
public struct ChoiceField: Sendable {
    public let options: [String]
    public private(set) var selectedIndex: Int
    private var indexOnEntry: Int

    public init(_ options: [String], selected: Int = 0) {
        self.options = options
        let i = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
        self.selectedIndex = i
        self.indexOnEntry = i
    }

    public var selected: String? { options.isEmpty ? nil : options[selectedIndex] }

    public mutating func select(_ index: Int) {
        guard !options.isEmpty else { return }
        selectedIndex = min(max(0, index), options.count - 1)
    }

    public mutating func beginEditing() { indexOnEntry = selectedIndex }

    public mutating func handle(_ key: Key) -> FieldEvent {
        guard !options.isEmpty else { return .ignored }
        let n = options.count
        switch key {
        case .right, .char(" "):
            selectedIndex = (selectedIndex + 1) % n
            return .changed
        case .left:
            selectedIndex = (selectedIndex + n - 1) % n
            return .changed
        case .home:
            selectedIndex = 0
            return .changed
        case .end:
            selectedIndex = n - 1
            return .changed
        case .enter:
            indexOnEntry = selectedIndex
            return .committed
        case .escape:
            guard selectedIndex != indexOnEntry else { return .ignored }
            selectedIndex = indexOnEntry
            return .cancelled
        case .char(let c):
            let needle = VietnameseText.searchFold(String(c))
            for step in 1...n {
                let i = (selectedIndex + step) % n
                if VietnameseText.searchFold(options[i]).hasPrefix(needle) {
                    selectedIndex = i
                    return .changed
                }
            }
            return .handled
        default:
            return .ignored
        }
    }

    /// "< Xuất sắc >", reverse video when focused.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style: Style = focused ? .reverse : .underline
        let inner = max(0, rect.width - 4)
        let text = "< " + (selected ?? "").padded(toWidth: inner) + " >"
        buffer.fill(rect.row(0), style: style)
        buffer.put(text, at: rect.origin, style: style, clipWidth: rect.width)
    }
}
