import Testing
import ThiDuaTestSupport

/// 10,000 random keys into each screen — printable ASCII, Vietnamese letters, combining
/// marks, wide characters, movement, F-keys, Ctrl keys and resizes from tiny to huge —
/// with the program's invariants checked as they go, and the folder on disk equal to what
/// the screens show at the end. The driver and its invariants live in `KeyFuzzer`, which
/// `thidua-soak --keys N` runs for longer.
@Suite struct RandomKeysTests {
    static let keysPerScreen = 10_000

    @Test(arguments: KeyFuzzer.starts.map(\.name)) func randomKeys(start: String) throws {
        let outcome = try KeyFuzzer.run(start: start, keys: Self.keysPerScreen, seed: KeyFuzzer.seed(for: start))
        #expect(outcome.failure == nil, "\(outcome.failure ?? "")")
        #expect(outcome.keysTyped == Self.keysPerScreen)
    }
}
