import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaTUI

/// 10,000 random keys into each screen — printable ASCII, Vietnamese letters, combining
/// marks, wide characters, movement, F-keys, Ctrl keys and resizes from tiny to huge —
/// with the program's invariants checked after every key, and the folder on disk equal to
/// what the screens show at the end.
@Suite struct RandomKeysTests {
    static let keysPerScreen = 10_000

    static let starts: [(name: String, script: String)] = [
        ("home", ""), ("units", "1"), ("unit form", "1 a"), ("people", "2"), ("person form", "2 a"),
        ("import", "1 i"), ("score grid", "4"), ("history", "8"), ("settings", "9"), ("help", "?"), ("palette", ":"),
        ("checklist", "1 c"), ("evidence", "1 c m"),
        ("criteria", "3"), ("criteria item form", "3 a"), ("criteria blocks", "3 c"),
        ("reports", "5"), ("report form", "5 a"),
        ("nominations", "6 < g Enter Enter Esc"), ("suggestions", "6 < g"), ("nominee picker", "6 F7"),
        ("nomination form", "6 F7 Enter"), ("vote form", "6 < g Enter Esc v"),
        ("award history", "1 k"), ("award form", "2 k a"), ("rules", "9 F6"),
        ("documents", "7"), ("document params", "7 Enter"), ("document preview", "6 < g Enter Enter Esc Esc 7 Enter Left F5"),
        ("document save", "7 Enter F5 F2"), ("document print", "7 Enter F5 p"), ("subject picker", "7 End Enter Enter"),
    ]

    static let alphabet: [Key] = {
        var keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .insert,
                           .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
        keys += (1...9).map { Key.function($0) } + [.function(11), .function(12)]
        keys += "szrytpaeu".map { Key.ctrl($0) }
        keys += "abcdefghijklmnoprstuvwxyz0123456789 /?:[]-,.".map { Key.char($0) }
        keys += ["ă", "â", "đ", "ê", "ô", "ơ", "ư", "Ệ", "ữ", "Đ", "e\u{0301}", "日", "😀", "\u{0323}"].map { Key.char(Character($0)) }
        keys += [.alt("x"), .unknown(999)]
        return keys
    }()

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60),
                        Size(width: 79, height: 24), Size(width: 40, height: 10), Size(width: 1, height: 1),
                        Size(width: 100, height: 30)]

    @Test(arguments: starts.map(\.name)) func randomKeys(start: String) throws {
        let h = try AppHarness(sample: true)
        var app = h.app
        let script = Self.starts.first { $0.name == start }!.script
        app.feed(try Key.script(script))
        // A stable seed per screen, so a failure replays the same keys.
        let seed = start.unicodeScalars.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1.value) }
        var random = SeededGenerator(seed: seed)
        var size = Size.minimum
        var quits = 0
        for step in 0..<Self.keysPerScreen {
            let key: Key
            if Int.random(in: 0..<50, using: &random) == 0 {
                size = Self.sizes.randomElement(using: &random)!
                key = .resize(size)
            } else {
                key = Self.alphabet.randomElement(using: &random)!
            }
            app.feed([key])
            if app.wantsQuit {
                // The palette can run "Thoát": start the program again on the same folder.
                quits += 1
                let output = app.documentOutput
                app = ThiDuaApp(session: Session(backend: h.store, today: h.store.context.today))
                app.documentOutput = output
                app.feed([.resize(size)])
            }
            // Rendering is the slow part in a debug build: check every 8th screen and every resize.
            guard step % 8 == 0 || key == .resize(size) else {
                #expect(!app.stack.isEmpty)
                continue
            }
            let buffer = app.render(size: size)
            let lines = buffer.lines()
            guard buffer.size == size, lines.count == size.height,
                  lines.allSatisfy({ $0.displayWidth <= size.width }) else {
                Issue.record("seed \(seed) step \(step) (\(key.label)) at \(size): the screen does not fit")
                return
            }
            if size.fits(.minimum) && !lines[0].contains("thidua") {
                Issue.record("seed \(seed) step \(step) (\(key.label)): title bar missing:\n\(lines.joined(separator: "\n"))")
                return
            }
            #expect(!app.stack.isEmpty)
        }
        #expect(try h.reopened() == h.data, "everything the screens saved is on disk")
        _ = quits
    }
}
