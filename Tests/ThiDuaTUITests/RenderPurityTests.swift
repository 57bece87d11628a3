import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport
@testable import ThiDuaTUI

/// `render` only draws: the app lays the top screen out after every key and effect
/// (`Screen.layout`), and drawing changes nothing. Checked three ways over random keys from
/// every start screen: the screen's whole state (every stored property, recursively, as
/// `dump` writes it) is the same before and after a draw; drawing twice gives the same
/// picture; and a program drawn after every key ends where one never drawn ends.
@Suite struct RenderPurityTests {
    static let keysPerStart = 150
    /// Writing out a screen's whole state is slow: every third key.
    static let stateEvery = 3
    /// What depends on the room shows in moving: half the keys move.
    static let movement: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab]

    /// The screen as the user would see it, with the temporary folder's name made the same for
    /// both harnesses (each has its own, and the save screen shows it, cut and wrapped anywhere).
    private func picture(_ h: AppHarness, _ size: Size) -> String {
        h.app.render(size: size).lines().joined(separator: "\n")
            .replacingOccurrences(of: #"thidua-tui-[0-9A-F-]+"#, with: "thidua-tui-…", options: .regularExpression)
    }

    /// The top screen's and the modal's state, every stored property.
    private func state(_ h: AppHarness) -> String {
        var text = ""
        dump(h.app.top, to: &text)
        dump(h.app.modal, to: &text)
        return text
    }

    /// The first line that differs, for the message.
    private func difference(_ a: String, _ b: String) -> String {
        let (x, y) = (a.split(separator: "\n"), b.split(separator: "\n"))
        guard let i = x.indices.first(where: { $0 >= y.count || x[$0] != y[$0] }) else { return "the length of its state" }
        return "«\(x[i].trimmingCharacters(in: .whitespaces))» → «\(i < y.count ? y[i].trimmingCharacters(in: .whitespaces) : "")»"
    }

    @Test(arguments: KeyFuzzer.starts.map(\.name))
    func drawingAfterEveryKeyChangesNothing(start: String) throws {
        let script = try #require(KeyFuzzer.starts.first { $0.name == start }?.script)
        let drawn = try AppHarness(sample: true), undrawn = try AppHarness(sample: true)
        for h in [drawn, undrawn] { try h.keys(script) }
        var random = SeededGenerator(seed: KeyFuzzer.seed(for: start, base: 11))
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 100, height: 30)]
        var size = sizes[0]
        for step in 0..<Self.keysPerStart {
            let key: Key
            if step % 40 == 39 {
                size = sizes.randomElement(using: &random)!
                key = .resize(size)
            } else if Bool.random(using: &random) {
                key = Self.movement.randomElement(using: &random)!
            } else {
                key = KeyFuzzer.alphabet.randomElement(using: &random)!
            }
            for h in [drawn, undrawn] where !h.app.wantsQuit { h.app.feed([key]) }
            if !drawn.app.wantsQuit {
                let checked = step % Self.stateEvery == 0
                let before = checked ? state(drawn) : ""
                let first = picture(drawn, size)
                let after = checked ? state(drawn) : ""
                if after != before {
                    Issue.record("«\(start)»: drawing after key \(step) (\(key.label)) changed \(difference(before, after))")
                }
                #expect(picture(drawn, size) == first, "«\(start)»: drawn twice after key \(step) (\(key.label)), two pictures")
            }
        }
        guard !drawn.app.wantsQuit, !undrawn.app.wantsQuit else { return }
        #expect(picture(drawn, size) == picture(undrawn, size),
                "«\(start)»: drawing after every key changed what the \(Self.keysPerStart) keys led to")
    }
}
