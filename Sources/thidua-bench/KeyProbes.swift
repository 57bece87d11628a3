import Foundation
import ThiDuaStore
import ThiDuaTUI

/// Keystrokes through the real screens, for profiling one kind of key under callgrind:
/// each measured step is its own function that is never inlined, so
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*probeFirst*'`
/// counts exactly that step (the open and the setup are left out).
enum KeyProbes {
    static let query = Array("nguyen van an")

    /// The people list's search, `rounds` times: the first key of the query, then the others,
    /// then Backspace back to an empty search (not measured).
    static func searchKeys(folder: String, rounds: Int) throws {
        // Not closed: closing checkpoints and backs up the whole folder, which under callgrind
        // takes longer than the keys; what the keys wrote is in the journal already.
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let app = ThiDuaApp(session: Session(backend: store, today: store.context.today))
        app.feed([.char("2"), .char("/")])
        _ = app.render(size: size)
        for _ in 0..<rounds {
            probeFirstSearchKey(app, query[0])
            for c in query.dropFirst() { probeNextSearchKey(app, c, size: size) }
            app.feed(Array(repeating: Key.backspace, count: query.count))
        }
    }

    @inline(never) static func probeFirstSearchKey(_ app: ThiDuaApp, _ c: Character) {
        app.feed([.char(c)])
        _ = app.render(size: size)
    }

    /// Not the same code as the first key's probe, or the linker folds the two into one.
    @inline(never) static func probeNextSearchKey(_ app: ThiDuaApp, _ c: Character, size: Size) {
        app.feed([.char(c)])
        _ = app.render(size: size)
    }

    /// The largest khối's score grid: `count` cursor moves, then `count` scores entered
    /// (digit, Enter, back up), each followed by a new screen.
    static func gridKeys(folder: String, count: Int) throws {
        // Not closed: closing checkpoints and backs up the whole folder, which under callgrind
        // takes longer than the keys; what the keys wrote is in the journal already.
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let app = ThiDuaApp(session: Session(backend: store, today: store.context.today))
        app.feed([.char("4"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]")])
        _ = app.render(size: gridSize)
        for step in 0..<count { probeGridMove(app, down: step % 2 == 0) }
        for step in 0..<count { probeScoreEntry(app, digit: (step + 1) % 10) }
    }

    @inline(never) static func probeGridMove(_ app: ThiDuaApp, down: Bool) {
        app.feed([down ? .down : .up])
        _ = app.render(size: gridSize)
    }

    @inline(never) static func probeScoreEntry(_ app: ThiDuaApp, digit: Int) {
        app.feed([.char(Character(String(digit))), .enter, .up])
        _ = app.render(size: gridSize)
    }

    static let size = Size(width: 80, height: 24)
    static let gridSize = Size(width: 120, height: 40)
}
