/* tablemode.c - what the table views (modeyoy.c, modecompare.c,
 * modepeers.c) share: their keys (scrolling, sorting by a column, the
 * other year, the compared set and the marked peers), their frame and
 * their export. */
#include "ankekort/browse/tablemode.h"

#include <stdio.h>

#include "ankekort/base/i18n.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/listmodel.h"
#include "ankekort/browse/mode.h"
#include "ankekort/output/tables.h"

static unsigned table_sort(struct app *a)
{
	size_t ncols = a->seen.table_cols; /* as the last frame built it */
	if (!a->tm.tsort_set) {
		a->tm.tsort_set = true;
		a->tm.tsort_col = 0;
	} else {
		a->tm.tsort_col = (a->tm.tsort_col + 1) % (ncols ? ncols : 1);
	}
	a->tm.tsort_desc = a->tm.tsort_col != 0; /* numbers: largest first */
	return DIRTY_SCREEN;
}

/* Left/Right scroll a table that is wider than the screen, the first
 * column frozen; a table that fits leaves them to the years. */
static unsigned table_hscroll(struct app *a, int dir)
{
	size_t max = a->seen.tcol_max;
	if (max == 0)
		return DIRTY_NONE;
	if ((dir < 0 && a->tm.tcol == 0) || (dir > 0 && a->tm.tcol >= max))
		return DIRTY_SCREEN; /* at the edge: nothing moves, nothing else happens */
	a->tm.tcol = dir < 0 ? a->tm.tcol - 1 : a->tm.tcol + 1;
	return DIRTY_SCREEN;
}

static unsigned table_move(struct app *a, long delta)
{
	a->tm.tscroll = app_step(a->tm.tscroll, delta); /* the frame clamps it */
	return DIRTY_SCREEN;
}

/* The other year moves one step, past the main year. */
unsigned set_year2(struct app *a, int dir)
{
	long to = (long)a->tm.year2_idx + dir;
	if (to == (long)a->year_idx)
		to += dir;
	if (to < 0 || to >= (long)a->ds->n_years)
		return DIRTY_NONE;
	a->tm.year2_idx = (size_t)to;
	return DIRTY_SCREEN;
}

unsigned toggle_mark(struct app *a)
{
	int code = app_code(a);
	if (code == AK_NATIONAL_CODE)
		return DIRTY_NONE;
	a->tm.marked[code] = !a->tm.marked[code];
	size_t n = 0;
	for (int c = 0; c <= AK_MAX_CODE; c++)
		n += a->tm.marked[c];
	snprintf(a->message, sizeof a->message,
		 ngettext("%zu municipality marked", "%zu municipalities marked", n), n);
	if (a->focus == PANE_LIST && a->lm.sel + 1 < a->lm.n_list)
		a->lm.sel++;
	list_clamp(a);
	return DIRTY_SCREEN;
}

/* Actions that mean something else in a table view; DIRTY_NONE otherwise. */
unsigned table_apply(struct app *a, enum ak_action act)
{
	if (a->overlay != OVERLAY_NONE)
		return DIRTY_NONE;
	long page = app_table_rows(a) > 1 ? (long)app_table_rows(a) - 1 : 1;
	switch (act) {
	case ACT_MOVE_UP: return table_move(a, -1);
	case ACT_MOVE_DOWN: return table_move(a, 1);
	case ACT_PAGE_UP: return table_move(a, -page);
	case ACT_PAGE_DOWN: return table_move(a, page);
	case ACT_HOME: return table_move(a, -100000);
	case ACT_END: return table_move(a, 100000);
	case ACT_SORT: return table_sort(a);
	case ACT_SORT_REVERSE:
		a->tm.tsort_set = true;
		a->tm.tsort_desc = !a->tm.tsort_desc;
		return DIRTY_SCREEN;
	case ACT_LEFT:
	case ACT_RIGHT: return table_hscroll(a, act == ACT_LEFT ? -1 : 1);
	case ACT_COMPARE_SET:
		a->tm.cmp_set = (enum ak_cmpset)((a->tm.cmp_set + 1) % CMP_COUNT);
		a->tm.tscroll = 0;
		return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

void app_table(struct app *a, struct tview *t)
{
	a->mode->table(a, t);
	if (a->tm.tsort_set)
		tview_sort(t, a->tm.tsort_col, a->tm.tsort_desc);
}

void table_frame(struct app *a, struct frame_memo *memo, struct frame *f)
{
	(void)memo;
	f->kind = FRAME_TABLE;
	struct tview t;
	app_table(a, &t);
	a->seen.table_cols = t.ncols;
	a->seen.tcol_max = tview_first_col_max(&t, f->layout.table.w, a->ascii);
	a->tm.tcol =
		frame_clamp(a->tm.tcol, a->seen.tcol_max); /* a wider screen shows more columns */
	view_table(a, &t, f->layout.table.w, &f->table);
	f->table_rows = t.nrows;
	size_t vis = app_table_rows(a);
	a->tm.tscroll = frame_clamp(a->tm.tscroll, t.nrows > vis ? t.nrows - vis : 0);
	tview_free(&t);
}

bool table_export_write(struct app *a, FILE *out, enum report_format fmt)
{
	struct tview t;
	app_table(a, &t);
	bool ok = tview_write(&t, out, fmt);
	tview_free(&t);
	return ok;
}
