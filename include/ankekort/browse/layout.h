/* layout.h - where each pane stands (layout.c). */
#ifndef ANKEKORT_LAYOUT_H
#define ANKEKORT_LAYOUT_H

#include "ankekort/browse/app.h"

/* The panes for a terminal of rows x cols with n_years in the trend and
 * the map (wider list pane) or not; too_small when nothing fits. */
void layout_compute(int rows, int cols, size_t n_years, bool map, struct layout *l);
/* Lays the screen out again for a->rows x a->cols, the zoom and the map. */
void app_relayout(struct app *a);

#endif
