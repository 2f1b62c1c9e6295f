/* frame.c - one frame per key: build what is visible once, clamp the scroll
 * offsets against it, and leave the painting to the UI. */
#include "ankekort/browse/frame.h"

#include <stdint.h>
#include <stdlib.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/funnelview.h"
#include "ankekort/output/tables.h"

/* Lines below a pane's title that do not fit: the largest scroll offset. */
static size_t scroll_max(size_t lines, int height)
{
	size_t h = height > 1 ? (size_t)height - 1 : 0;
	size_t body = lines > 0 ? lines - 1 : 0; /* line 0 is the title, always shown */
	return body > h ? body - h : 0;
}

static size_t clamp(size_t v, size_t max)
{
	return v > max ? max : v;
}

struct frame_memo {
	struct memo_row {
		uint64_t key; /* 0: nothing kept */
		struct vline line;
	} rows[AK_MAX_CODE + 1]; /* by municipality code */
};

struct frame_memo *frame_memo_new(void)
{
	return xcalloc(1, sizeof(struct frame_memo));
}

void frame_memo_free(struct frame_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i <= AK_MAX_CODE; i++)
		vline_free(&m->rows[i].line);
	free(m);
}

/* Everything a list row shows depends on (view_list_row). */
static uint64_t row_key(const struct app *a, size_t i, int width)
{
	int code = a->lm.list[i];
	struct {
		int code, selected, focused, marked, width, ascii, year, area, danish, by_change;
	} k = {
		.code = code,
		.selected = i == a->lm.sel,
		.focused = a->focus == PANE_LIST,
		.marked = a->tm.marked[code],
		.width = width,
		.ascii = a->ascii,
		.year = app_year(a),
		.area = (int)a->area,
		.danish = i18n_danish(),
		.by_change = a->lm.sort == SORT_CHANGE, /* the change in place of the cases */
	};
	return hashtab_fnv(HASHTAB_FNV_START, (const char *)&k, sizeof k);
}

static void list_row(const struct app *a, struct frame_memo *m, size_t i, int width,
		     struct vlines *out)
{
	int code = a->lm.list[i];
	if (!m || code < 0 || code > AK_MAX_CODE) {
		view_list_row(a, i, width, out);
		return;
	}
	struct memo_row *r = &m->rows[code];
	uint64_t key = row_key(a, i, width);
	if (r->key != key) {
		vline_free(&r->line);
		struct vlines one = {0};
		view_list_row(a, i, width, &one);
		r->line = one.lines[0]; /* taken over */
		free(one.lines);
		r->key = key;
	}
	vlines_append_copy(out, &r->line);
}

static void build_list(const struct app *a, struct frame_memo *memo, struct frame *f)
{
	const struct rect *r = &a->layout.list;
	if (a->mp.show_map) {
		view_map(a, r->w - 1, &f->map);
		return;
	}
	view_list_title(a, r->w - 1, &f->list);
	size_t rows = app_list_rows(a);
	for (size_t k = 0; k < rows && a->lm.top + k < a->lm.n_list; k++)
		list_row(a, memo, a->lm.top + k, r->w - 1, &f->list);
}

typedef void (*pane_fn)(const struct app *, int, struct vlines *);

static void build_panes(struct app *a, struct frame *f)
{
	static const pane_fn fns[PANE_COUNT] = {
		[PANE_BREAKDOWN] = view_breakdown,
		[PANE_TREND] = view_trend,
		[PANE_REMANDED] = view_remanded,
	};
	for (int p = PANE_BREAKDOWN; p < PANE_COUNT; p++) {
		const struct rect *r = app_pane_rect(a, (enum ak_pane)p);
		if (r->h <= 0)
			continue; /* zoomed away */
		fns[p](a, r->w, &f->pane[p]);
		a->scroll[p] = clamp(a->scroll[p], scroll_max(f->pane[p].n, r->h));
	}
}

static void build_table(struct app *a, struct frame *f)
{
	struct tview t;
	app_table(a, &t);
	a->seen.table_cols = t.ncols;
	a->seen.tcol_max = tview_first_col_max(&t, a->layout.table.w, a->ascii);
	a->tm.tcol = clamp(a->tm.tcol, a->seen.tcol_max); /* a wider screen shows more columns */
	view_table(a, &t, a->layout.table.w, &f->table);
	f->table_rows = t.nrows;
	size_t vis = app_table_rows(a);
	a->tm.tscroll = clamp(a->tm.tscroll, t.nrows > vis ? t.nrows - vis : 0);
	tview_free(&t);
}

static void build_overlay(struct app *a, struct frame *f)
{
	const struct rect *r = &a->layout.overlay;
	if (a->overlay == OVERLAY_HELP)
		view_help(a, r->w - 4, &f->overlay);
	else if (a->overlay == OVERLAY_SOURCES)
		view_sources(a, r->w - 4, &f->overlay);
	else
		return;
	size_t h = r->h > 2 ? (size_t)r->h - 2 : 0;
	a->overlay_scroll = clamp(a->overlay_scroll, f->overlay.n > h ? f->overlay.n - h : 0);
}

void frame_build(struct app *a, struct frame_memo *memo, struct frame *f)
{
	*f = (struct frame){0};
	if (a->layout.too_small)
		return;
	if (a->mode == MODE_BROWSE) {
		build_list(a, memo, f);
		build_panes(a, f);
	} else if (a->mode == MODE_FUNNEL) {
		view_funnel(a, app_funnel(a), a->layout.table.w, a->layout.table.h, &f->funnel);
	} else {
		build_table(a, f);
	}
	build_overlay(a, f);
	/* the bars last: they tell what the clamped state shows */
	view_header(a, &f->header);
	view_status(a, &f->status);
	view_keybar(a, &f->keybar);
}

void frame_free(struct frame *f)
{
	vlines_free(&f->header);
	vlines_free(&f->list);
	vlines_free(&f->map);
	for (int p = 0; p < PANE_COUNT; p++)
		vlines_free(&f->pane[p]);
	vlines_free(&f->table);
	vlines_free(&f->funnel);
	vlines_free(&f->overlay);
	vlines_free(&f->status);
	vlines_free(&f->keybar);
}
