import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore
import ThiDuaTUI

/// Random keys into the whole program, from one of its screens: printable ASCII, Vietnamese
/// letters, combining marks, wide characters, movement, F-keys, Ctrl keys and resizes from
/// tiny to huge, with the program's invariants checked as it goes (the screen fits its size,
/// the title bar is there, a screen is always open) and, at the end, the folder on disk equal
/// to what the screens show. `RandomKeysTests` runs it briefly on every start screen;
/// `thidua-soak --keys N` runs it long.
public enum KeyFuzzer {
    /// Every start screen, as the key script that reaches it from the home screen.
    public static let starts: [(name: String, script: String)] = [
        ("home", ""), ("units", "1"), ("unit form", "1 a"), ("people", "2"), ("person form", "2 a"),
        ("import", "1 i"), ("score grid", "4"), ("history", "8"), ("change detail", "1 a \"Thôn Mới\" F2 Esc 8 Enter"), ("settings", "9"), ("help", "?"), ("palette", ":"),
        ("checklist", "1 c"), ("evidence", "1 c m"), ("checklist item form", "1 c Enter"), ("evidence form", "1 c m F7"),
        ("reason prompt", "1 c > <"),
        ("criteria", "3"), ("criteria item form", "3 a"), ("criteria blocks", "3 c"),
        ("reports", "5"), ("report form", "5 a"), ("commune report", "5 b"), ("commune dispatch", "5 G"),
        ("council", "9 F8"), ("legal bases", "9 F7"), ("reward money", "9 F9"), ("rule form", "9 F6 Enter"), ("certificate layout", "9 C-b"),
        ("certificate field", "9 C-b Tab Enter"), ("printer offsets", "9 C-b o"),
        ("nominations", "6 < g Enter Enter Esc"), ("suggestions", "6 < g"), ("nominee picker", "6 F7"),
        ("nomination form", "6 F7 Enter"), ("vote form", "6 < g Enter Esc v"),
        ("decision form", "6 < g Enter Enter Esc v \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2 t Enter r"),
        ("certificate print", "6 < g Enter Enter Esc v \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2 t Enter r \"215\" F2 p"),
        ("certificate text", "6 < g Enter Enter Esc v \"9\" Tab \"9\" Tab \"7\" Tab \"2\" Tab \"0\" F2 t Enter r \"215\" F2 p e"),
        ("award history", "1 k"), ("award form", "2 k a"), ("rules", "9 F6"),
        ("documents", "7"), ("document params", "7 Enter"), ("document preview", "6 < g Enter Enter Esc Esc 7 Enter Left F5"),
        ("document save", "7 Down Down Down Down Enter F5 F2"), ("document print", "7 Down Down Down Down Enter F5 p"), ("subject picker", "7 End Up Up Up Enter Enter"),
    ]

    public static let alphabet: [Key] = {
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

    public struct Outcome: Codable, Sendable {
        public var keysTyped = 0
        /// Times the palette's «Thoát» quit the program and it was started again on the folder.
        public var restarts = 0
        /// The first broken invariant, with what replays it; nil when none broke.
        public var failure: String?
    }

    /// The seed of a start screen: stable, so a failure replays the same keys.
    public static func seed(for start: String, base: UInt64 = 7) -> UInt64 {
        start.unicodeScalars.reduce(base) { $0 &* 31 &+ UInt64($1.value) }
    }

    /// Types `keys` random keys from the screen named `start`, on a fresh copy of the sample
    /// commune, with a fixed clock (24/11/2026) and no printer.
    public static func run(start: String, keys: Int, seed: UInt64) throws -> Outcome {
        guard let script = starts.first(where: { $0.name == start })?.script else {
            return Outcome(failure: "không có màn hình bắt đầu «\(start)»")
        }
        let root = NSTemporaryDirectory() + "thidua-keys-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/data"
        try DataStore.initialize(folder: folder, with: try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load()))
        let store = try DataStore.open(folder: folder, clock: FaultFixtures.clock, identity: FaultFixtures.identity)
        defer { try? store.close() }
        var app = makeApp(store)
        app.feed(try Key.script(script))

        var outcome = Outcome()
        var random = SeededGenerator(seed: seed)
        var size = Size.minimum
        for step in 0..<keys {
            let key: Key
            if Int.random(in: 0..<50, using: &random) == 0 {
                size = sizes.randomElement(using: &random)!
                key = .resize(size)
            } else {
                key = alphabet.randomElement(using: &random)!
            }
            app.feed([key])
            outcome.keysTyped += 1
            if app.wantsQuit {
                // The palette can run «Thoát»: start the program again on the same folder.
                outcome.restarts += 1
                app = makeApp(store)
                app.feed([.resize(size)])
            }
            let replay = "«\(start)», hạt giống \(seed), phím thứ \(step) (\(key.label)), cỡ \(size)"
            guard !app.stack.isEmpty else {
                outcome.failure = "\(replay): không còn màn hình nào"
                return outcome
            }
            // Rendering is the slow part: check every 8th screen and every resize.
            guard step % 8 == 0 || key == .resize(size) else { continue }
            let buffer = app.render(size: size)
            let lines = buffer.lines()
            guard buffer.size == size, lines.count == size.height, lines.allSatisfy({ $0.displayWidth <= size.width }) else {
                outcome.failure = "\(replay): màn hình không vừa khung"
                return outcome
            }
            if size.fits(.minimum) && !lines[0].contains("thidua") {
                outcome.failure = "\(replay): mất thanh tiêu đề:\n\(lines.joined(separator: "\n"))"
                return outcome
            }
        }
        let onDisk = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset
        if onDisk != store.dataset {
            outcome.failure = "«\(start)», hạt giống \(seed): dữ liệu trên đĩa khác dữ liệu các màn hình đã lưu"
        }
        return outcome
    }

    private static func makeApp(_ store: DataStore) -> ThiDuaApp {
        let session = Session(backend: store, today: store.context.today)
        let app = ThiDuaApp(session: session)
        // Never a real printer: without `lp` a printed document is saved in documents/.
        app.documentOutput = FileDocumentOutput(documentsFolder: session.documentsFolder, printer: LinePrinter(lp: nil, lpstat: nil))
        return app
    }
}
