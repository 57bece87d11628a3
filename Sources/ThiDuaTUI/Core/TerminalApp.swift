/// The contract between an application and a terminal front end
/// (`ThiDuaCurses.CursesTerminal.run(app:)`, or a test driver).
///
/// The loop is: render → read a key → `update` → `perform` each returned
/// effect, and each effect that returns in turn (`run`) → render again, until `wantsQuit`; while no key arrives, `idle`
/// every `idleInterval` milliseconds, and render again when it says so. Resize arrives as
/// `Key.resize(newSize)` and is followed by a render like any key, so every
/// screen and modal redraws on resize.
///
/// `update` should only change in-memory state and *describe* side effects
/// (save, print, open a file) as `Effect` values: tests call `update` with a
/// key script and assert the effects without running them. `render` must be
/// a function of the state and the size, with no side effects.
public protocol TerminalApp: AnyObject {
    /// What the app asks the outside world to do. Use `Never` for none.
    associatedtype Effect

    /// Handles one key and returns the effects to run, in order.
    func update(_ key: Key) -> [Effect]

    /// Runs one effect (I/O lives here, not in `update`) and returns what follows from its
    /// result (the screen that asked may ask for more). The front end runs those too (`run`).
    func perform(_ effect: Effect) -> [Effect]

    /// Draws the whole screen for `size`. Below `Size.minimum` it should
    /// return `TooSmallScreen.render(size:)`.
    func render(size: Size) -> Buffer

    /// True once the app wants the loop to end.
    var wantsQuit: Bool { get }

    /// How long, in milliseconds, the front end waits for a key before calling `idle()`;
    /// nil waits for ever. Other programs' edits arrive this way.
    var idleInterval: Int? { get }

    /// Called when no key arrived for `idleInterval`: look for news (what others wrote).
    /// Returns true when the screen must be drawn again.
    func idle() -> Bool
}

extension TerminalApp {
    public var idleInterval: Int? { nil }
    public func idle() -> Bool { false }
}

extension TerminalApp where Effect == Never {
    public func perform(_ effect: Never) -> [Never] {}
}

extension TerminalApp {
    /// Performs `effects` in order, each one's follow-ups before the next (as if the screen
    /// that asked had asked for them in its place); returns every effect performed.
    @discardableResult
    public func run(_ effects: [Effect]) -> [Effect] {
        var done: [Effect] = []
        var queue = effects[...]
        while let effect = queue.popFirst() {
            done.append(effect)
            queue = (perform(effect) + queue)[...]
        }
        return done
    }

    /// Feeds `keys` through `update` and `run`, as the front end would, stopping early if
    /// the app quits. For in-process tests. Returns every effect performed.
    @discardableResult
    public func feed(_ keys: [Key]) -> [Effect] {
        var all: [Effect] = []
        for key in keys {
            if wantsQuit { break }
            all += run(update(key))
        }
        return all
    }
}
