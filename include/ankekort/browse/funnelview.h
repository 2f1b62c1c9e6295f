/* funnelview.h - the funnel plot view's lines (see funnelview.c). */
#ifndef ANKEKORT_FUNNELVIEW_H
#define ANKEKORT_FUNNELVIEW_H

#include "ankekort/browse/app.h"
#include "ankekort/browse/view.h"

/* The funnel fn (app_funnel()) as lines: line 0 the title, then the plot (height - 5 rows), the axis, its labels
 * and the sentences on the selection: at most height lines. */
struct funnel;
void view_funnel(const struct app *a, const struct funnel *fn, int width, int height,
		 struct vlines *out);

#endif
