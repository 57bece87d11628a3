import Testing
import ThiDuaTestSupport
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

/// A key that does something on a screen is in that screen's help: every key a screen takes
/// without a command is a movement key (`AppCommands.movementKeys`, in every help) or text
/// typed into the field that has focus.
@Suite struct KeysInHelpTests {
    /// Keys to try: every printable ASCII key, the F-keys, Ctrl with a letter, and the editing keys.
    static let probes: [Key] = {
        var keys: [Key] = (0x20...0x7E).map { Key.char(Character(UnicodeScalar($0)!)) }
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        keys += [.backspace, .delete, .insert]
        return keys
    }()

    /// Keys of `name`'s screen that it takes although neither its commands, the global ones nor
    /// the movement keys have them, and no text field has focus. A key the screen took may
    /// have changed it, so the probes after one go on from a fresh copy of the screen.
    private func unlisted(start name: String, script: String) throws -> [String] {
        var found: [String] = []
        var h = try AppHarness(sample: true)
        try h.keys(script)
        let context = h.app.top.context
        if !h.app.registry.commands.contains(where: { $0.context == context }) {
            found.append("\(name): \(context) is not in ThiDuaApp.allCommands")
        }
        for key in Self.probes {
            let screen = h.app.top
            if AppCommands.isMovement(key) || h.app.registry.resolve(key, in: screen.context) != nil { continue }
            if screen.isEditingText, ThiDuaApp.isTextEditingKey(key) { continue }
            if let typed = key.typedCharacter, screen.acceptsTyping(typed) { continue }
            if h.app.takes(key) {
                found.append("\(name) (\(screen.context)): \(key.label)")
                h = try AppHarness(sample: true)
                try h.keys(script)
            }
        }
        return found
    }

    @Test(arguments: KeyFuzzer.starts.map(\.name).filter { !["help", "palette"].contains($0) })
    func everyKeyAScreenTakesIsInItsHelp(start: String) throws {
        let script = try #require(KeyFuzzer.starts.first { $0.name == start }?.script)
        let found = try unlisted(start: start, script: script)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

extension KeysInHelpTests {
    /// The probe covers every screen: each context with commands in the registry is the top
    /// screen of one of the starts.
    @Test func everyScreenIsProbed() throws {
        var reached: Set<CommandContext> = []
        for start in KeyFuzzer.starts {
            let h = try AppHarness(sample: true)
            try h.keys(start.script)
            reached.insert(h.app.top.context)
        }
        let registered = Set(KeymapTests.registry.commands.map(\.context)).subtracting([.global])
        let missed = registered.subtracting(reached).map(\.id).sorted()
        #expect(missed.isEmpty, "\(missed)")
    }
}
