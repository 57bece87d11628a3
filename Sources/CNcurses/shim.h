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

/* SIGTERM/SIGHUP/SIGINT: the handler only records the signal. It is
   installed without SA_RESTART so a blocked get_wch returns ERR and the run
   loop can call endwin on the main thread. Installed before newterm, so
   ncurses keeps its hands off these signals. The flag is file-static: call
   nc_watch_signals and nc_take_signal from ONE Swift file only, or each
   object file would get its own copy. */
static volatile sig_atomic_t nc_signal_flag = 0;
static void nc_on_signal(int sig) { nc_signal_flag = sig; }
static inline void nc_watch_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nc_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}
static inline int nc_take_signal(void) {
    int s = nc_signal_flag;
    nc_signal_flag = 0;
    return s;
}

#endif
