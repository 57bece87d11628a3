import CNcurses
import ThiDuaTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncurses front end: sets up the terminal, turns `get_wch` results into
/// `Key`s and copies `Buffer`s to the screen. It holds no screen logic.
///
/// All curses calls happen on the main actor (ncurses is not thread-safe).
/// Typical use from the executable:
///
///     let terminal = CursesTerminal()
///     try terminal.run(app: MyApp())   // start, loop, shutdown
@MainActor
public final class CursesTerminal {
    /// Milliseconds ncurses waits after ESC for the rest of a sequence. The
    /// ncurses default of 1000 ms makes Esc feel broken; 25 ms still joins
    /// real Alt/arrow sequences. `THIDUA_ESCDELAY` overrides it.
    public nonisolated static let defaultEscapeDelay = 25

    public private(set) var isStarted = false
    /// Whether colour pairs are used (has_colors() and NO_COLOR unset/empty).
    public private(set) var colorsEnabled = false
    /// A termination signal received during `run`, if any (15 = SIGTERM).
    public private(set) var receivedSignal: Int32 = 0

    private let environment: [String: String]
    private var screen: OpaquePointer?
    private var decoder = KeyDecoder()
    private var palette = Palette(enabled: false)
    /// Consecutive blocking reads that returned nothing: many in a row means
    /// the terminal is gone (EOF on stdin), and the loop must not spin.
    private var emptyReads = 0

    /// - Parameter environment: the process environment (injectable so the
    ///   NO_COLOR and ESCDELAY rules can be reasoned about in one place).
    public init(environment: [String: String] = CursesTerminal.processEnvironment()) {
        self.environment = environment
    }

    public nonisolated static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        for name in ["NO_COLOR", "THIDUA_ESCDELAY", "TERM"] {
            if let v = getenv(name) { env[name] = String(cString: v) }
        }
        return env
    }

    /// The ESC delay from `THIDUA_ESCDELAY` (0…1000 ms) or the default.
    public nonisolated static func escapeDelay(environment: [String: String]) -> Int32 {
        if let s = environment["THIDUA_ESCDELAY"], let v = Int32(s), (0...1000).contains(v) { return v }
        return Int32(defaultEscapeDelay)
    }

    /// NO_COLOR set to anything non-empty turns colour off (no-color.org);
    /// ncurses 6.4 does not check it itself.
    public nonisolated static func wantsColor(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Puts the terminal in application mode. Throws a `CursesError` with a
    /// Vietnamese message when the locale or the terminal is unusable.
    public func start() throws {
        guard !isStarted else { return }
        try TerminalLocale.ensureUTF8()
        SignalWatch.installBeforeStart()
        _ = set_escdelay(CursesTerminal.escapeDelay(environment: environment))
        guard let s = nc_newterm_default() else {
            throw CursesError.cannotStart(term: environment["TERM"] ?? "")
        }
        screen = s
        _ = set_term(s)
        nc_setup_input()
        SignalWatch.installAfterStart()
        if has_colors() && CursesTerminal.wantsColor(environment: environment) {
            _ = start_color()
            _ = use_default_colors()
            colorsEnabled = true
        }
        palette = Palette(enabled: colorsEnabled)
        isStarted = true
    }

    /// Restores the terminal (endwin). Safe to call more than once.
    public func shutdown() {
        guard isStarted else { return }
        _ = curs_set(1)
        _ = endwin()
        if let s = screen { delscreen(s) }
        screen = nil
        isStarted = false
    }

    /// The current terminal size as ncurses sees it (updated on KEY_RESIZE;
    /// never from $LINES/$COLUMNS, which go stale).
    public var size: Size {
        Size(width: Int(nc_getmaxx(nc_stdscr())), height: Int(nc_getmaxy(nc_stdscr())))
    }

    /// What one wait for input gave.
    public enum Input: Equatable {
        case key(Key)
        /// No key within the wait: time to look for news.
        case idle
        /// A termination signal arrived or the input is gone; the caller should stop.
        case ended
    }

    /// Waits for the next key. Returns nil when a termination signal arrived
    /// or the input is gone; the caller should then stop.
    public func readKey() -> Key? {
        if case .key(let key) = readInput(waitingAtMost: nil) { return key }
        return nil
    }

    /// Waits for the next key, at most `milliseconds` (nil: for ever).
    ///
    /// A read that returns nothing before its time is up means end of input (or a
    /// signal): many of those in a row end the loop, so it never spins on a closed
    /// terminal. A wait that lasted its whole time is an honest `.idle`.
    public func readInput(waitingAtMost milliseconds: Int?) -> Input {
        while true {
            let started = ContinuousClock.now
            let key = decoder.nextKey(read: { mode in CursesTerminal.rawRead(mode, waitingAtMost: milliseconds) },
                                      size: { self.size })
            let signal = SignalWatch.take()
            if signal != 0 {
                receivedSignal = signal
                return .ended
            }
            if let key {
                emptyReads = 0
                return .key(key)
            }
            if let milliseconds {
                if ContinuousClock.now - started >= .milliseconds(milliseconds / 2) {
                    emptyReads = 0
                    return .idle
                }
            }
            emptyReads += 1
            if emptyReads > 100 { return .ended }
        }
    }

    private static func rawRead(_ mode: ReadMode, waitingAtMost milliseconds: Int?) -> RawInput {
        var ch: wint_t = 0
        let rc: Int32
        switch (mode, milliseconds) {
        case (.immediate, _): rc = nc_timeout_get_wch(0, &ch)
        case (.blocking, let wait?): rc = nc_timeout_get_wch(Int32(wait), &ch)
        case (.blocking, nil): rc = nc_get_wch(&ch)
        }
        switch rc {
        case KEY_CODE_YES: return .keyCode(Int32(bitPattern: UInt32(ch)))
        case OK: return .char(UInt32(ch))
        default: return .none
        }
    }

    /// Copies `buffer` to the screen and shows the cursor where it says.
    /// Continuation cells of wide glyphs are skipped; cells that touch the
    /// bottom-right corner are inserted rather than added, so drawing there
    /// never scrolls the screen.
    public func draw(_ buffer: Buffer) {
        guard isStarted else { return }
        let screenSize = size
        if buffer.size != screenSize { _ = nc_erase() }
        let h = min(buffer.size.height, screenSize.height)
        let w = min(buffer.size.width, screenSize.width)
        for y in 0..<h {
            var x = 0
            while x < w {
                let cell = buffer[x, y]
                if cell.isContinuation { x += 1; continue }
                let endsAtCorner = y == screenSize.height - 1 && x + cell.width >= screenSize.width
                if x + cell.width > w { break }
                put(cell, x: x, y: y, insert: endsAtCorner)
                x += max(1, cell.width)
            }
        }
        if let c = buffer.cursor, c.x >= 0, c.y >= 0, c.x < screenSize.width, c.y < screenSize.height {
            _ = curs_set(1)
            _ = nc_move(Int32(c.y), Int32(c.x))
        } else {
            _ = curs_set(0)
        }
        _ = nc_refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int, insert: Bool) {
        // setcchar takes at most CCHARW_MAX (5) scalars: plenty for NFC
        // Vietnamese; longer clusters keep their first scalars.
        var wide: [wchar_t] = cell.grapheme.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty { wide = [0x20] }
        wide.append(0)
        let attrs = attributes(cell.style)
        let pair = palette.pair(for: cell.style)
        _ = nc_put_cell(Int32(y), Int32(x), wide, attrs, pair, insert ? 1 : 0)
    }

    private func attributes(_ s: Style) -> attr_t {
        var a = nc_a_normal()
        if s.bold { a |= nc_a_bold() }
        if s.reverse { a |= nc_a_reverse() }
        if s.underline { a |= nc_a_underline() }
        if s.dim { a |= nc_a_dim() }
        return a
    }

    /// Runs `app` until it wants to quit, a termination signal arrives or
    /// the terminal goes away: render, read a key, update, perform effects,
    /// render again; between keys, `idle` every `idleInterval`. Resize is a key like any other, so it always redraws.
    /// The terminal is restored on every exit path, including SIGTERM.
    public func run<App: TerminalApp>(app: App) throws {
        try start()
        defer { shutdown() }
        // The app learns the starting size the same way it learns every later one.
        app.run(app.update(.resize(size)))
        draw(app.render(size: size))
        while !app.wantsQuit {
            switch readInput(waitingAtMost: app.idleInterval) {
            case .ended:
                return
            case .idle:
                if app.idle() { draw(app.render(size: size)) }
            case .key(let key):
                app.run(app.update(key))
                draw(app.render(size: size))
            }
        }
    }
}
