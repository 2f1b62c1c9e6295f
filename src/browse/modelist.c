/* modelist.c - the panes: the list of municipalities (or the map in its
 * place, mapmode.c) with the breakdown, trend and remanded panes beside
 * it. Its export is the selection's fact sheet. */
#include "ankekort/browse/mode.h"

#include <stdint.h>
#include <stdlib.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/layout.h"
#include "ankekort/browse/mapmode.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/peers.h"

/* Each municipality's row twice: with its cases, and with its change in
 * their place (sorted by change), so that sorting round the orders
 * builds no row again. */
struct frame_memo {
	struct memo_row {
		uint64_t key; /* 0: nothing kept */
		struct vline line;
	} rows[AK_MAX_CODE + 1][2]; /* by municipality code, then by change */
};

struct frame_memo *frame_memo_new(void)
{
	return xcalloc(1, sizeof(struct frame_memo));
}

void frame_memo_free(struct frame_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i <= AK_MAX_CODE; i++) {
		vline_free(&m->rows[i][0].line);
		vline_free(&m->rows[i][1].line);
	}
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
	struct memo_row *r = &m->rows[code][a->lm.sort == SORT_CHANGE];
	uint64_t key = row_key(a, i, width);
	if (r->key != key) {
		vline_free(&r->line);
		struct vlines one = {0};
		view_list_row(a, i, width, &one);
		r->line = one.lines[0]; /* taken over */
		free(one.lines);
		r->key = key;
	}
	vlines_append_borrowed(out, &r->line); /* the frame is freed before the next */
}

static void build_list(const struct app *a, struct frame_memo *memo, struct frame *f)
{
	const struct rect *r = &f->layout.list;
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
		const struct rect *r = layout_pane(&f->layout, (enum ak_pane)p);
		if (r->h <= 0)
			continue; /* zoomed away */
		fns[p](a, r->w, &f->pane[p]);
		a->scroll[p] = frame_clamp(a->scroll[p], frame_scroll_max(f->pane[p].n, r->h));
	}
}

static void list_frame(struct app *a, struct frame_memo *memo, struct frame *f)
{
	f->kind = FRAME_PANES;
	build_list(a, memo, f);
	build_panes(a, f);
}

static void list_export_name(const struct app *a, struct sbuf *b)
{
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	sbuf_puts(b, "faktaark-"); /* untranslated: a file name */
	prompt_file_word(b, m ? m->name : "x");
	sbuf_printf(b, "-%d", app_year(a));
}

static bool list_export_write(struct app *a, FILE *out, enum report_format fmt)
{
	struct peer_set p;
	app_peer_set(a, &p);
	struct factsheet_query q = {.code = app_code(a),
				    .year = app_year(a),
				    .area = -1,
				    .peers = &p,
				    .fmt = fmt,
				    .style = CELLS_COMPACT};
	bool ok = factsheet_write(out, a->ds, &q);
	peers_free(&p);
	return ok;
}

/* The help's words for the list: its markers (AK_FLAGS) and the dash. */
static void list_help(const struct app *a, int width, struct vlines *out)
{
	(void)width;
	vline_add(out, ROLE_HEADER, "Markers in the list");
	for (size_t i = 0; i < AK_N_FLAGS; i++) {
		const struct ak_flag_info *fl = &ak_flags_read[i];
		if (!fl->legend)
			continue;
		char *legend = facts_legend(fl);
		vline_new(out);
		vline_take(out, ROLE_NORMAL,
			   xasprintf(" %s  %s", a->ascii ? fl->mark_ascii : fl->mark, legend));
		free(legend);
	}
	vline_new(out);
	vline_add(out, ROLE_NORMAL, " %s  no figure published", view_dash(a->ascii));
}

const struct mode_ops mode_list = {
	.name = "list",
	.keys = map_mode_apply,
	.frame = list_frame,
	.export_name = list_export_name,
	.export_write = list_export_write,
	.help = list_help,
};
