/// The ":" / Ctrl-P box: type part of a command's name (accents optional), pick it
/// with ↑↓, run it with Enter. It lists the commands of the screen below it.
struct CommandPalette {
    private(set) var query = TextField("", visibleWidth: 40)
    private(set) var matches: [Command]
    private(set) var list: ListView
    private let registry: CommandRegistry
    private let context: CommandContext

    enum Event {
        case handled
        case run(Command)
        case closed
    }

    init(registry: CommandRegistry, context: CommandContext) {
        self.registry = registry
        self.context = context
        self.matches = registry.search("", in: context).filter { $0.id != AppCommand.palette.command.id }
        self.list = ListView(CommandPalette.lines(matches))
    }

    mutating func setInputTransform(_ transform: TextField.InputTransform?) {
        query.inputTransform = transform
    }

    mutating func handle(_ key: Key) -> Event {
        switch key {
        case .escape:
            return .closed
        case .enter:
            guard !matches.isEmpty else { return .handled }
            return .run(matches[list.selectedIndex])
        case .up, .down, .pageUp, .pageDown:
            _ = list.handle(key)
            return .handled
        default:
            if query.handle(key) == .changed {
                matches = registry.search(query.value, in: context).filter { $0.id != AppCommand.palette.command.id }
                list.setItems(CommandPalette.lines(matches))
            }
            return .handled
        }
    }

    private static func lines(_ commands: [Command]) -> [String] {
        commands.map { c in c.title.padded(toWidth: 26) + " " + c.keyLabels }
    }

    func render(into buffer: inout Buffer, bounds: Rect) {
        let width = min(64, bounds.width - 4)
        let height = min(16, bounds.height - 2)
        let box = bounds.centered(Size(width: width, height: height))
        buffer.fill(box)
        Box.draw(into: &buffer, rect: box, title: "Bảng lệnh")
        let inner = box.inset(by: 1)
        buffer.put("Lệnh:", at: inner.origin, style: .bold)
        query.render(into: &buffer, rect: Rect(x: inner.x + 6, y: inner.y, width: inner.width - 6, height: 1),
                     focused: true)
        let listRect = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        if matches.isEmpty {
            buffer.put("Không có lệnh nào khớp.", at: listRect.origin, clipWidth: listRect.width)
        } else {
            list.render(into: &buffer, rect: listRect, focused: true)
        }
    }
}
