// Wrappers for the parts of ncursesw that Swift cannot import directly:
// function-like and computed macros, and mutable globals that Swift 6
// rejects as not concurrency-safe.
#ifndef THIDUA_CNCURSES_SHIM_H
#define THIDUA_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1   /* the wide API (get_wch, cchar_t) needs this */
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline int nc_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int nc_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }

static inline int nc_key_f(int n) { return KEY_F(n); }
static inline int nc_get_wch(wint_t *c) { return wget_wch(stdscr, c); }
static inline int nc_timeout_get_wch(int ms, wint_t *c) {
    wtimeout(stdscr, ms);
    int rc = wget_wch(stdscr, c);
    wtimeout(stdscr, -1);
    return rc;
}
static inline int nc_mvaddnwstr(int y, int x, const wchar_t *s, int n) {
    return mvwaddnwstr(stdscr, y, x, s, n);
}
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }

extern int wcwidth(wchar_t c);   /* hidden from Swift's Glibc module without _XOPEN_SOURCE */
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- Terminal set-up, drawing and signals for ThiDuaCurses ---- */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* newterm instead of initscr: initscr exits the process on an unknown TERM,
   newterm returns NULL so the app can explain in Vietnamese. stdin/stdout
   are C globals Swift 6 rejects, hence the wrapper. */
static inline SCREEN *nc_newterm_default(void) { return newterm(NULL, stdout, stdin); }

static inline void nc_setup_input(void) {
    raw();                 /* Ctrl-C/S/Q/Z arrive as keys, no signals, no XON/XOFF */
    noecho();
    nonl();                /* Enter arrives as 13, not translated */
    keypad(stdscr, TRUE);  /* arrows, F-keys, Home/End as KEY_* codes */
}

static inline int nc_move(int y, int x) { return wmove(stdscr, y, x); }
static inline int nc_erase(void) { return werase(stdscr); }
static inline int nc_refresh(void) { wnoutrefresh(stdscr); return doupdate(); }

/* Draws one cell. `insert` uses mvwins_wch, which does not advance the
   cursor: used for the cell(s) touching the bottom-right corner, where
   mvwadd_wch would try to wrap or scroll. */
static inline int nc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair, int insert) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return insert ? mvwins_wch(stdscr, y, x, &cc) : mvwadd_wch(stdscr, y, x, &cc);
}

/* Signals for the run loop. SIGTERM/SIGHUP/SIGINT only set a flag, and
   the handlers are installed without SA_RESTART, so a blocked get_wch
   returns ERR and the loop can call endwin on its own thread (calling
   endwin inside a handler is not async-signal-safe).

   The kernel hands a process-directed signal to ANY thread that does not
   block it. When the loop is not on the process's first thread (an async
   main or a test runner parks that thread in dispatch_main on Linux), the
   signal would interrupt nothing: the loop's read() would go on waiting,
   no KEY_RESIZE, no shutdown. So a handler running on another thread
   re-sends the signal to the loop thread with pthread_kill (async-signal-
   safe), and SIGWINCH on the loop thread is passed to ncurses' own handler.

   The state is static: call these functions from ONE Swift file only
   (SignalWatch.swift), or each object file could get its own copy. */
/* Kept behind an accessor: Swift's importer emits a static inline
   function's own statics, but not file-scope statics it does not see used. */
struct nc_signal_state {
    volatile sig_atomic_t flag;
    volatile sig_atomic_t loop_thread_set;
    pthread_t loop_thread;
    struct sigaction ncurses_winch;
};
static inline struct nc_signal_state *nc_signal_state(void) {
    static struct nc_signal_state state;
    return &state;
}

static void nc_on_signal(int sig) {
    struct nc_signal_state *st = nc_signal_state();
    if (st->loop_thread_set && !pthread_equal(pthread_self(), st->loop_thread)) {
        pthread_kill(st->loop_thread, sig);
        return;
    }
    if (sig == SIGWINCH) {
        if (!(st->ncurses_winch.sa_flags & SA_SIGINFO)
            && st->ncurses_winch.sa_handler != SIG_DFL && st->ncurses_winch.sa_handler != SIG_IGN) {
            st->ncurses_winch.sa_handler(sig);
        }
        return;
    }
    st->flag = sig;
}

static inline void nc_install_handler(int sig, struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nc_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   /* no SA_RESTART: interrupt the blocked read */
    sigaction(sig, &sa, old);
}

/* Before newterm (ncurses then leaves these signals alone). */
static inline void nc_watch_signals(void) {
    nc_signal_state()->loop_thread = pthread_self();
    nc_signal_state()->loop_thread_set = 1;
    nc_install_handler(SIGTERM, NULL);
    nc_install_handler(SIGHUP, NULL);
    nc_install_handler(SIGINT, NULL);
}

/* After newterm: wrap the SIGWINCH handler ncurses installed. */
static inline void nc_watch_resize(void) {
    memset(&nc_signal_state()->ncurses_winch, 0, sizeof(struct sigaction));
    nc_install_handler(SIGWINCH, &nc_signal_state()->ncurses_winch);
}

/* A parent can start us with signals blocked (test runners, some daemons
   do); unblock the ones the loop needs on the calling (loop) thread. */
static inline void nc_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static inline int nc_take_signal(void) {
    int s = nc_signal_state()->flag;
    nc_signal_state()->flag = 0;
    return s;
}

#endif
