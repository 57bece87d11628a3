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

#endif
