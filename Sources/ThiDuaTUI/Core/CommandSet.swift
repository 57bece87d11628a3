/// A screen's commands, declared once as a typed enum: each case says its keys, its
/// Vietnamese title and its help. The registry, the F-key bar, the help and the palette are
/// built from these declarations (`commands`); a key resolved by the registry comes back to
/// the screen as its case (`init?(_:)`), so a screen switches over its own enum — exhaustively,
/// with no command named by a string.
///
///     enum Commands: CommandSet {
///         case save
///         static let context: CommandContext = "unitForm"
///         var declaration: CommandDeclaration {
///             switch self {
///             case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi đơn vị")
///             }
///         }
///     }
public protocol CommandSet: CaseIterable, Hashable, Sendable {
    /// Where the commands apply: the screen's keys, bar and help.
    static var context: CommandContext { get }
    var declaration: CommandDeclaration { get }
}

/// What a command is to the person at the keyboard: its title, keys and help.
public struct CommandDeclaration: Sendable {
    public let title: String
    public let fKey: Int?
    public let twin: Key?
    public let keys: [Key]
    public let help: String
    public let barTitle: String?

    public init(_ title: String, fKey: Int? = nil, twin: Key? = nil, keys: [Key] = [], help: String = "",
                barTitle: String? = nil) {
        self.title = title
        self.fKey = fKey
        self.twin = twin
        self.keys = keys
        self.help = help
        self.barTitle = barTitle
    }
}

extension CommandSet {
    /// The command as the registry keeps it. Its id is the context and the case's name
    /// («units.add»): stable, and searched by the palette beside the title.
    public var command: Command {
        let declared = declaration
        return Command(id: id, title: declared.title,
                       fKey: declared.fKey, letterTwin: declared.twin, keys: declared.keys,
                       context: Self.context, help: declared.help, barTitle: declared.barTitle)
    }

    /// The registry id: the context and the case's name.
    var id: String { Self.context.id + "." + String(describing: self) }

    /// Every command of the set, in declaration order (the bar's and the help's ties).
    public static var commands: [Command] { allCases.map(\.command) }

    /// The case a registry command stands for; nil for a command of another set. Compares
    /// ids only: a key press builds no `Command` (titles, help) to find its case.
    public init?(_ command: Command) {
        guard command.context == Self.context,
              let found = Self.allCases.first(where: { $0.id == command.id }) else { return nil }
        self = found
    }
}
