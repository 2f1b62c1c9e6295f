/* funnelmode.h - the keys of the funnel plot view: the arrows walk the
 * plotted municipalities, left and right by cases, up and down by rate.
 * The selection is the browser's, so every pane follows it. */
#ifndef ANKEKORT_FUNNELMODE_H
#define ANKEKORT_FUNNELMODE_H

#include "ankekort/browse/app.h"

/* An action in the funnel view; DIRTY_NONE when it means nothing here (the
 * browser then handles it as anywhere else). */
unsigned funnel_mode_apply(struct app *a, enum ak_action act);

#endif
