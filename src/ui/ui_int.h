/* ui_int.h - private to src/ui: terminal setup, theme and drawing. */
#ifndef ANKEKORT_UI_INT_H
#define ANKEKORT_UI_INT_H

#include <stdbool.h>

#include "ankekort/browse/app.h"
#include "ankekort/browse/frame.h"

/* term.c */
/* False, after saying why on stderr, when $TERM is unknown or cannot move
 * the cursor (TERM=dumb). */
bool term_usable(void);
bool term_start(bool mouse); /* returns whether the locale is UTF-8 */
void term_end(void);
/* Right after the screen is opened (initscr, newterm), before anything is
 * drawn: makes a screen update one write to the terminal. ncurses (6.4)
 * flushes its output after every cursor movement of an update until the
 * screen has been left and resumed once (endwin, refresh): a write(2) per
 * movement, a few hundred when the list moves. It also stops ncurses from
 * polling the keyboard during an update (typeahead), which only made it
 * flush early: an update is never cut short by a key. */
void term_batch_output(void);
/* Waits for input; returns an ankekort key (AK_KEY_* or a code point), and
 * fills *my, *mx, *wheel for AK_KEY_MOUSE (wheel: -1 up, +1 down, 0 click).
 * TERM_NO_KEY: nothing usable (a timeout, an unknown key); TERM_NO_INPUT:
 * the read failed (end of input, the terminal gone, or a signal: see
 * term_signal()). */
#define TERM_NO_KEY (-1)
#define TERM_NO_INPUT (-2)
int term_read_key(int *my, int *mx, int *wheel);
/* The terminating signal that arrived (SIGTERM, SIGHUP ...), or 0. */
int term_signal(void);
/* After term_end(): ends the process by the signal, as it would have
 * without us (so the parent sees "killed by SIGTERM"). */
void term_reraise(int sig);

/* theme.c */
void theme_init(bool color);
int theme_attr(enum ak_role role);

/* draw.c */
/* Forgets what the screen shows: the next draw_screen() paints every cell
 * (after clear(), or anything else that painted the screen). */
void draw_forget(void);
/* Paints frame f of a (built by frame_build()). */
void draw_screen(const struct app *a, const struct frame *f);

#endif
