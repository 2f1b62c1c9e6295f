/* funnelmode.c - moving the selection through the funnel plot. */
#include "ankekort/browse/funnelmode.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/browse/listmodel.h"
#include "ankekort/data/funnel.h"
#include "ankekort/base/xalloc.h"

/* Index of code among the points, or -1. */
static long index_of(const struct funnel_point *pts, size_t n, int code)
{
	for (size_t i = 0; i < n; i++)
		if (pts[i].code == code)
			return (long)i;
	return -1;
}

static int by_rate(const void *x, const void *y)
{
	const struct funnel_point *a = x, *b = y;
	if (a->rate != b->rate)
		return a->rate < b->rate ? -1 : 1;
	if (a->cases != b->cases)
		return a->cases < b->cases ? -1 : 1;
	return (a->code > b->code) - (a->code < b->code);
}

/* The point dir steps from the selection in pts (ordered); the selection
 * not among them: the first or the last. */
static int step(const struct funnel_point *pts, size_t n, int code, long dir, bool to_end)
{
	long i = index_of(pts, n, code);
	long to = to_end  ? (dir < 0 ? 0 : (long)n - 1)
		  : i < 0 ? (dir < 0 ? (long)n - 1 : 0)
			  : i + dir;
	if (to < 0)
		to = 0;
	if (to >= (long)n)
		to = (long)n - 1;
	return pts[to].code;
}

unsigned funnel_mode_apply(struct app *a, enum ak_action act)
{
	bool by_cases = act == ACT_LEFT || act == ACT_RIGHT || act == ACT_HOME || act == ACT_END;
	bool by_rates = act == ACT_MOVE_UP || act == ACT_MOVE_DOWN;
	if (!by_cases && !by_rates)
		return DIRTY_NONE;
	const struct funnel *fn = app_funnel(a);
	if (fn->n == 0)
		return DIRTY_SCREEN;
	int code = app_code(a), to;
	if (by_rates) {
		/* a copy in rate order: the shared points stay in cases order */
		struct funnel_point *pts = xmalloc(fn->n * sizeof *pts);
		memcpy(pts, fn->points, fn->n * sizeof *pts);
		qsort(pts, fn->n, sizeof *pts, by_rate);
		to = step(pts, fn->n, code, act == ACT_MOVE_UP ? 1 : -1, false);
		free(pts);
	} else {
		long dir = act == ACT_LEFT || act == ACT_HOME ? -1 : 1;
		to = step(fn->points, fn->n, code, dir, act == ACT_HOME || act == ACT_END);
	}
	app_select_code(a, to);
	return DIRTY_SCREEN;
}
