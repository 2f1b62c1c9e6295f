/* tablemode.h - the keys of the table views (tablemode.c). */
#ifndef ANKEKORT_TABLEMODE_H
#define ANKEKORT_TABLEMODE_H

#include "ankekort/browse/app.h"

/* Opens mode m, or goes back to the panes when it is open. */
unsigned table_set_mode(struct app *a, enum ak_mode m);
/* An action in a table view; DIRTY_NONE when it means nothing there. */
unsigned table_apply(struct app *a, enum ak_action act);
/* The compare view's other year, one step (dir -1 or 1) past the main year. */
unsigned set_year2(struct app *a, int dir);
/* Space: marks or unmarks the selection as a peer. */
unsigned toggle_mark(struct app *a);

#endif
