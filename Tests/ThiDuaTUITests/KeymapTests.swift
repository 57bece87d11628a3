import Testing
@testable import ThiDuaTUI

/// Every screen's keys, from the one registry the bar, the help and the palette are built
/// from: a key means one thing on a screen, and every command has a key.
@Suite struct KeymapTests {
    static let registry = CommandRegistry(AppCommands.all + ThiDuaApp.allCommands)

    /// Each context once, in the order first declared.
    static var contexts: [CommandContext] {
        var seen: [CommandContext] = []
        for command in registry.commands where !seen.contains(command.context) { seen.append(command.context) }
        return seen
    }

    /// On every screen, what each key does: the screen's own commands and the global ones
    /// still reachable there. A key listed by two of them is bound twice — the help would
    /// show both, and only one would run.
    @Test func noKeyIsBoundTwiceOnAnyScreen() {
        var twice: [String] = []
        for context in Self.contexts {
            var owner: [Key: String] = [:]
            for command in Self.registry.available(in: context) {
                for key in command.allKeys {
                    if let first = owner[key] {
                        twice.append("\(context): \(key.label) is \(first) and \(command.id)")
                    } else {
                        owner[key] = command.id
                    }
                }
            }
        }
        #expect(twice.isEmpty, "\(twice.joined(separator: "\n"))")
    }

    @Test func everyCommandHasAKey() {
        let keyless = Self.registry.commands.filter(\.allKeys.isEmpty).map(\.id)
        #expect(keyless.isEmpty)
    }

    /// Ids are how the palette finds a command beside its title, and the registry keeps one
    /// per id: two commands with one id would hide one of them.
    @Test func everyCommandIdIsDeclaredOnce() {
        let ids = (AppCommands.all + ThiDuaApp.allCommands).map(\.id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty)
    }
}
