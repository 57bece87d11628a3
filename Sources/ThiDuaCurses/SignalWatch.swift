import CNcurses

/// Termination signals (SIGTERM, SIGHUP, SIGINT) noticed by the run loop.
///
/// The C handler only sets a flag; the loop sees `get_wch` return ERR and
/// then shuts the terminal down on the main thread, which is safe, unlike
/// calling endwin inside a handler. Both C calls live in this one file on
/// purpose: the flag is file-static in the shim (see shim.h).
enum SignalWatch {
    static func install() { nc_watch_signals() }

    /// The signal number received since the last call, or 0.
    static func take() -> Int32 { nc_take_signal() }
}
