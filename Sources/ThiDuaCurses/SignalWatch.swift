import CNcurses

/// Termination signals (SIGTERM, SIGHUP, SIGINT) and resize (SIGWINCH) for
/// the run loop.
///
/// The C handlers only set a flag (or call ncurses' own SIGWINCH handler)
/// and make sure the signal interrupts the loop thread's blocked read, even
/// when the kernel delivered it to another thread; the loop then sees
/// `get_wch` return and shuts the terminal down on its own thread. All the
/// C calls live in this one file on purpose: the state is file-static in
/// the shim (see shim.h).
enum SignalWatch {
    /// Before ncurses starts: handlers for SIGTERM/SIGHUP/SIGINT, bound to
    /// the calling thread, which must be the one that will read keys.
    static func installBeforeStart() {
        nc_watch_signals()
        nc_unblock_signals()
    }

    /// After ncurses starts: route SIGWINCH to the loop thread, then to
    /// ncurses, which turns it into KEY_RESIZE.
    static func installAfterStart() {
        nc_watch_resize()
    }

    /// The signal number received since the last call, or 0.
    static func take() -> Int32 { nc_take_signal() }
}
