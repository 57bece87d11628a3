import ThiDuaDomain
/// The single table of commands. Screens ask it which command a key means,
/// what the F-key bar shows, what the help lists and what the palette finds.
public struct CommandRegistry: Sendable {
    public private(set) var commands: [Command] = []

    public init(_ commands: [Command] = []) {
        for c in commands { register(c) }
    }

    /// Adds a command; a later registration with the same id replaces it.
    public mutating func register(_ command: Command) {
        if let i = commands.firstIndex(where: { $0.id == command.id }) {
            commands[i] = command
        } else {
            commands.append(command)
        }
    }

    public func command(id: String) -> Command? {
        commands.first { $0.id == id }
    }

    /// Commands reachable in `context`: its own first, then the global ones
    /// whose keys it does not override.
    public func available(in context: CommandContext) -> [Command] {
        let own = commands.filter { $0.context == context }
        guard context != .global else { return own }
        let taken = Set(own.flatMap(\.allKeys))
        let ownFKeys = Set(own.compactMap(\.fKey))
        let globals = commands.filter { c in
            c.context == .global
                && !(c.fKey.map(ownFKeys.contains) ?? false)
                && !c.allKeys.allSatisfy(taken.contains)
        }
        return own + globals
    }

    /// The command `key` triggers in `context` (context-specific first, then
    /// global), skipping commands `isEnabled` rejects.
    public func resolve(_ key: Key, in context: CommandContext,
                        isEnabled: (Command) -> Bool = { _ in true }) -> Command? {
        func first(in scope: CommandContext) -> Command? {
            commands.first { $0.context == scope && $0.allKeys.contains(key) && isEnabled($0) }
        }
        return first(in: context) ?? (context == .global ? nil : first(in: .global))
    }

    /// Entries for the F-key bar of `context`: the F-keys by number, then the letter
    /// commands that have a bar title, in the order they were declared.
    public func fKeyBar(in context: CommandContext) -> [FKeyEntry] {
        let commands = available(in: context)
        let fKeys = commands
            .compactMap { c in c.fKey.map { FKeyEntry(number: $0, title: c.title, twin: c.letterTwin?.label) } }
            .sorted { $0.number < $1.number }
        let letters = commands.compactMap { c -> FKeyEntry? in
            guard c.fKey == nil, let title = c.barTitle, let key = c.allKeys.first else { return nil }
            return FKeyEntry(letter: key.label, title: title)
        }
        return fKeys + letters
    }

    /// Help lines for `context`: keys padded to a column, title, help text, in key order
    /// (`HelpOrder`), so a key is found where the eye expects it.
    public func helpLines(in context: CommandContext) -> [String] {
        let list = available(in: context).sorted(by: HelpOrder.precedes)
        let keyWidth = min(18, list.map { $0.keyLabels.displayWidth }.max() ?? 0)
        return list.map { c in
            let head = c.keyLabels.padded(toWidth: keyWidth) + "  " + c.title
            return c.help.isEmpty ? head : head + " — " + c.help
        }
    }

    /// Palette search: commands of `context` whose folded title (or id)
    /// contains every word of the folded query; titles starting with the
    /// query come first. An empty query lists everything.
    public func search(_ query: String, in context: CommandContext) -> [Command] {
        let words = VietnameseText.searchFold(query).split(separator: " ").map(String.init)
        let all = available(in: context)
        guard !words.isEmpty else { return all }
        let matches = all.filter { c in
            let hay = VietnameseText.searchFold(c.title) + " " + c.id.lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
        let q = words.joined(separator: " ")
        return matches.filter { VietnameseText.searchFold($0.title).hasPrefix(q) }
            + matches.filter { !VietnameseText.searchFold($0.title).hasPrefix(q) }
    }
}

/// One slot of the F-key bar: "F2 Lưu ^S", or a letter command's "x Xong".
public struct FKeyEntry: Hashable, Sendable {
    /// The F-key number; 0 for a letter command.
    public let number: Int
    public let title: String
    /// Label of the letter twin ("^S", "q"), shown when the bar has room.
    public let twin: String?
    /// The key of a letter command ("x", ">"); nil for an F-key.
    public let letter: String?

    public init(number: Int, title: String, twin: String? = nil) {
        self.number = number
        self.title = title
        self.twin = twin
        self.letter = nil
    }

    public init(letter: String, title: String) {
        self.number = 0
        self.title = title
        self.twin = nil
        self.letter = letter
    }

    /// What the slot shows in bold: "F2" or the letter.
    public var keyLabel: String { letter ?? "F\(number)" }
}
