/* modefunnel.c - the funnel plot: rates against cases, with the limits of
 * chance (funnelview.c). The arrows walk the plotted municipalities, left
 * and right by cases, up and down by rate; the selection is the
 * browser's, so every pane follows it. Its export is the plotted table. */
#include "ankekort/browse/mode.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/funnelview.h"
#include "ankekort/browse/listmodel.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/data/funnel.h"
#include "ankekort/output/tables.h"

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

/* An action in the funnel view; DIRTY_NONE when it means nothing here (the
 * browser then handles it as anywhere else). */
static unsigned funnel_keys(struct app *a, enum ak_action act)
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

static void funnel_frame(struct app *a, struct frame_memo *memo, struct frame *f)
{
	(void)memo;
	f->kind = FRAME_PAGE;
	view_funnel(a, app_funnel(a), f->layout.table.w, f->layout.table.h, &f->page);
}

static void funnel_table(struct app *a, struct tview *t)
{
	tables_funnel(app_funnel(a), a->ds, t);
}

static void funnel_export_name(const struct app *a, struct sbuf *b)
{
	sbuf_printf(b, "tragt-%s-", area_id(a->area)); /* untranslated: a file name */
	sbuf_printf(b, "%d", app_year(a));
}

const struct mode_ops mode_funnel = {
	.name = "funnel",
	.keys = funnel_keys,
	.frame = funnel_frame,
	.table = funnel_table,
	.export_name = funnel_export_name,
	.export_write = table_export_write,
};
