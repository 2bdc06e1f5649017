#pragma once
// Must come before curses.h: without it there is no cchar_t, add_wch or setcchar.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Function-like macros are not imported into Swift; these wrappers are.
static inline attr_t meshtop_A_BOLD(void) { return A_BOLD; }
static inline attr_t meshtop_A_DIM(void) { return A_DIM; }
static inline attr_t meshtop_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t meshtop_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t meshtop_COLOR_PAIR(int n) { return COLOR_PAIR(n); }

// The current screen's colour and colour pair counts, set by start_color(); C globals like stdscr.
static inline int meshtop_COLORS(void) { return COLORS; }
static inline int meshtop_COLOR_PAIRS(void) { return COLOR_PAIRS; }

// The screen newterm() made current; stdscr itself is a mutable C global, an error to touch
// from Swift 6 code.
static inline WINDOW *meshtop_stdscr(void) { return stdscr; }
