/* layout.h - where each pane stands, worked out from the terminal size
 * (a->rows x a->cols), the zoom, the focus and the map whenever it is
 * asked (layout.c): the state keeps no layout of its own to keep in step. */
#ifndef ANKEKORT_LAYOUT_H
#define ANKEKORT_LAYOUT_H

#include "ankekort/browse/app.h"

/* The panes for a terminal of rows x cols with n_years in the trend and
 * the map (wider list pane) or not; too_small when nothing fits. */
void layout_compute(int rows, int cols, size_t n_years, bool map, struct layout *l);
/* The layout of a's terminal, the zoom and the map, into l. */
void layout_fill(const struct app *a, struct layout *l);
/* The same as a value. */
static inline struct layout layout_of(const struct app *a)
{
	struct layout l;
	layout_fill(a, &l);
	return l;
}
/* Pane p's area in l. */
const struct rect *layout_pane(const struct layout *l, enum ak_pane p);
/* Whether a's terminal is too small to show anything. */
bool app_too_small(const struct app *a);

#endif
