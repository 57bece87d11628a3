import ThiDuaDomain
/// A modal box: title, message lines and a row of buttons.
///
/// Left/Right/Tab/Shift-Tab move between buttons, Enter chooses, Esc
/// cancels, and the first letter of a button (accents ignored) chooses it
/// directly ("c" = Có, "k" = Không). A confirm also takes "y"/"n": people used to
/// English prompts press them by habit, and a dead key in a yes/no box is a trap.
public struct Dialog: Sendable {
    public let title: String
    public let message: [String]
    public let buttons: [String]
    public private(set) var selectedButton: Int
    /// Extra letters that choose a button (folded, lower case), besides first letters.
    public let letterAliases: [Character: Int]
    /// The keys, shown in the bottom edge of the box so nobody has to guess them.
    public let keyHint: String?

    public init(title: String, message: [String], buttons: [String], defaultButton: Int = 0,
                letterAliases: [Character: Int] = [:], keyHint: String? = nil) {
        self.title = title
        self.message = message
        self.buttons = buttons.isEmpty ? ["Đóng"] : buttons
        self.selectedButton = min(max(0, defaultButton), self.buttons.count - 1)
        self.letterAliases = letterAliases
        self.keyHint = keyHint
    }

    /// Index of "Có" in a confirm dialog.
    public static let yes = 0
    /// Index of "Không" in a confirm dialog.
    public static let no = 1

    /// A yes/no question for destructive actions. It starts on "Không" so
    /// an Enter pressed by habit does not destroy anything.
    public static func confirm(title: String = "Xác nhận", message: String) -> Dialog {
        Dialog(title: title, message: message.split(separator: "\n").map(String.init),
               buttons: ["Có", "Không"], defaultButton: no,
               letterAliases: ["y": yes, "n": no], keyHint: "c/y: Có · k/n/Esc: Không")
    }

    /// An information box with one "Đồng ý" button.
    public static func alert(title: String = "Thông báo", message: String) -> Dialog {
        Dialog(title: title, message: message.split(separator: "\n").map(String.init), buttons: ["Đồng ý"])
    }

    public enum Event: Hashable, Sendable {
        case handled
        /// A button was chosen (its index).
        case chosen(Int)
        /// Esc: the caller treats it as "no".
        case cancelled
    }

    public mutating func handle(_ key: Key) -> Event {
        let n = buttons.count
        switch key {
        case .left, .backTab:
            selectedButton = (selectedButton + n - 1) % n
        case .right, .tab:
            selectedButton = (selectedButton + 1) % n
        case .enter:
            return .chosen(selectedButton)
        case .escape:
            return .cancelled
        case .char(let c):
            if let i = c.lowercased().first.flatMap({ letterAliases[$0] }), buttons.indices.contains(i) {
                selectedButton = i
                return .chosen(i)
            }
            let needle = VietnameseText.searchFold(String(c))
            if let i = buttons.firstIndex(where: { VietnameseText.searchFold($0).hasPrefix(needle) }) {
                selectedButton = i
                return .chosen(i)
            }
        default:
            break
        }
        return .handled
    }

    /// True if `event` means the user confirmed (chose "Có" in a confirm).
    public static func isYes(_ event: Event) -> Bool { event == .chosen(yes) }

    /// The box size for a screen of `bounds`: wide enough for the title,
    /// the buttons and the message (wrapped to at most 60 columns).
    public func layout(in bounds: Rect) -> (box: Rect, lines: [String]) {
        let buttonRow = buttonLabels().joined(separator: "  ").displayWidth
        let maxInner = max(10, min(60, bounds.width - 6))
        var lines: [String] = []
        for m in message { lines += TextWrap.wrap(m, width: maxInner) }
        let hintWidth = keyHint.map { $0.displayWidth + 4 } ?? 0
        let contentWidth = max(buttonRow, title.displayWidth + 4, hintWidth, lines.map(\.displayWidth).max() ?? 0)
        let inner = min(maxInner, contentWidth)
        let box = bounds.centered(Size(width: inner + 4, height: lines.count + 4))
        return (box, lines)
    }

    private func buttonLabels() -> [String] { buttons.map { "[ \($0) ]" } }

    /// Draws the dialog centred in `rect` (usually the whole screen, over
    /// the screen already drawn).
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool = true) {
        let (box, lines) = layout(in: rect)
        Box.draw(into: &buffer, rect: box, title: title)
        let inner = box.inset(by: 1)
        for (i, line) in lines.enumerated() where i < inner.height - 2 {
            buffer.put(line, at: Point(x: inner.x + 1, y: inner.y + i), clipWidth: inner.width - 2)
        }
        let labels = buttonLabels()
        let rowWidth = labels.joined(separator: "  ").displayWidth
        var x = inner.x + max(0, (inner.width - rowWidth) / 2)
        let y = inner.maxY - 1
        for (i, label) in labels.enumerated() {
            let style: Style = i == selectedButton && focused ? .selected : .plain
            x += buffer.put(label, at: Point(x: x, y: y), style: style, clipWidth: inner.maxX - x) + 2
        }
        if let keyHint, box.width > 6 {
            let hint = " " + DisplayWidth.truncate(keyHint, toWidth: box.width - 6) + " "
            buffer.put(hint, at: Point(x: box.maxX - 2 - hint.displayWidth, y: box.maxY - 1), style: .dim)
        }
    }
}
