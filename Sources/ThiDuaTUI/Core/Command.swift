/// Where a command applies. Screens and modals each have one; `global`
/// commands apply everywhere unless a context binds the same key.
public struct CommandContext: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let id: String

    public init(_ id: String) { self.id = id }
    public init(stringLiteral value: String) { self.id = value }

    public static let global: CommandContext = "global"
    public var description: String { id }
}

/// One user action, declared once: it drives key dispatch, the F-key bar,
/// the help screen and the command palette.
public struct Command: Hashable, Sendable, Identifiable {
    /// Stable identifier the app switches on, e.g. "unit.add".
    public let id: String
    /// Vietnamese title shown in the bar, help and palette, e.g. "Thêm".
    public let title: String
    /// F-key number (1–12) if the command sits on the F-key bar.
    public let fKey: Int?
    /// The letter or Ctrl key that does the same as the F-key, for terminals
    /// that swallow F-keys (F10 in gnome-terminal, keyboards without F-row).
    public let letterTwin: Key?
    /// Further keys (aliases) bound to the command.
    public let keys: [Key]
    public let context: CommandContext
    /// One line of Vietnamese help text.
    public let help: String
    /// A short title for a command without an F-key that should still be on the bar (after
    /// the F-keys, when the row has room), under its first key: "x Xong".
    public let barTitle: String?

    public init(id: String, title: String, fKey: Int? = nil, letterTwin: Key? = nil, keys: [Key] = [],
                context: CommandContext = .global, help: String = "", barTitle: String? = nil) {
        self.id = id
        self.title = title
        self.fKey = fKey
        self.letterTwin = letterTwin
        self.keys = keys
        self.context = context
        self.help = help
        self.barTitle = barTitle
    }

    /// Every key that triggers the command: F-key, twin, then aliases.
    public var allKeys: [Key] {
        var out: [Key] = []
        if let n = fKey { out.append(.function(n)) }
        if let t = letterTwin { out.append(t) }
        for k in keys where !out.contains(k) { out.append(k) }
        return out
    }

    /// "F2 / ^S" style summary of the keys, for help and palette.
    public var keyLabels: String {
        allKeys.map(\.label).joined(separator: " / ")
    }
}
