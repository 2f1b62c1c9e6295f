/* app.c - browser state transitions: selection, sorting, filtering,
 * scrolling, search, overlays and layout. Pure: no curses, no I/O. */
#include "ankekort/browse/app.h"
#include "ankekort/base/i18n.h"
#include "ankekort/browse/lineedit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/output/factsheet.h"
#include "ankekort/data/funnel.h"
#include "ankekort/browse/funnelmode.h"
#include "ankekort/browse/appregister.h"
#include "ankekort/data/names.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/tables.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/view.h"
#include "ankekort/base/xalloc.h"

/* ---- layout ------------------------------------------------------------------ */

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void layout_compute(int rows, int cols, size_t n_years, bool map, struct layout *l)
{
	memset(l, 0, sizeof *l);
	l->too_small = rows < APP_MIN_ROWS || cols < APP_MIN_COLS;
	if (l->too_small)
		return;
	int content = rows - 4;
	int listw = cols < 60 ? cols / 2 : clampi(cols * 35 / 100, 28, 40);
	if (map) /* the map wants room: 12 slots at 80 columns */
		listw = clampi(cols * 62 / 100, cols - 28 < 49 ? cols - 28 : 49, cols - 28);
	int rx = listw, rw = cols - listw;
	l->header = (struct rect){0, 0, 2, cols};
	l->list = (struct rect){2, 0, content, listw};
	/* the breakdown grows to 14 lines while the remanded pane keeps 4 */
	int bd = clampi(content - ((int)n_years + 1) - 4, 8, 14);
	bd = clampi(bd, 0, content);
	int tr = clampi((int)n_years + 1, 0, content - bd);
	int rem = content - bd - tr;
	l->breakdown = (struct rect){2, rx, bd, rw};
	l->trend = (struct rect){2 + bd, rx, tr, rw};
	l->remanded = (struct rect){2 + bd + tr, rx, rem, rw};
	int ow = cols - 4 < 80 ? cols - 4 : 80;
	l->overlay = (struct rect){2, (cols - ow) / 2, rows - 4, ow};
	l->table = (struct rect){2, 0, content, cols};
	l->status = (struct rect){rows - 2, 0, 1, cols};
	l->keybar = (struct rect){rows - 1, 0, 1, cols};
}

static const struct rect *pane_rect(const struct app *a, enum ak_pane p)
{
	switch (p) {
	case PANE_LIST: return &a->layout.list;
	case PANE_BREAKDOWN: return &a->layout.breakdown;
	case PANE_TREND: return &a->layout.trend;
	default: return &a->layout.remanded;
	}
}

size_t app_list_rows(const struct app *a)
{
	int h = a->layout.list.h - 1; /* the title line */
	return h > 0 ? (size_t)h : 0;
}

/* ---- figures used for sorting ---------------------------------------------- */

int app_year(const struct app *a)
{
	return a->ds->n_years ? a->ds->years[a->year_idx] : 0;
}

int app_prev_year(const struct app *a)
{
	return a->year_idx > 0 ? a->ds->years[a->year_idx - 1] : 0;
}

int app_code(const struct app *a)
{
	return a->n_list ? a->list[a->sel] : AK_NATIONAL_CODE;
}

static void refresh_figures(struct app *a)
{
	int year = app_year(a);
	if (a->figs_year == year && a->figs_area == (int)a->area)
		return;
	a->figs_year = year;
	a->figs_area = (int)a->area;
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		int code = a->ds->munis[i].code;
		const struct ak_obs *o = dataset_find(a->ds, year, code, a->area);
		a->has_figs[code] = o != NULL;
		if (o)
			stats_figures(o, &a->figs[code]);
	}
}

const struct ak_figures *app_figures(const struct app *a, int code)
{
	return code >= 0 && code <= AK_MAX_CODE && a->has_figs[code] ? &a->figs[code] : NULL;
}

int app_rank(const struct app *a, int code, int *out_of)
{
	const struct ak_figures *mine = app_figures(a, code);
	int lower = 0;
	*out_of = 0;
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		const struct ak_figures *f = app_figures(a, a->ds->munis[i].code);
		if (a->ds->munis[i].code == AK_NATIONAL_CODE || !f || !f->rate.present)
			continue;
		(*out_of)++;
		if (mine && mine->rate.present && f->rate.value < mine->rate.value - 1e-9)
			lower++;
	}
	return mine && mine->rate.present && code != AK_NATIONAL_CODE ? lower + 1 : 0;
}

static bool rate_of(const struct app *a, int year, int code, double *rate, long *cases)
{
	struct ak_figures f;
	if (year && year == a->figs_year && (int)a->area == a->figs_area) {
		const struct ak_figures *c = app_figures(a, code);
		if (!c)
			return false;
		f = *c;
	} else {
		const struct ak_obs *o = year ? dataset_find(a->ds, year, code, a->area) : NULL;
		if (!o)
			return false;
		stats_figures(o, &f);
	}
	if (cases)
		*cases = f.cases;
	if (!f.rate.present)
		return false;
	*rate = f.rate.value;
	return true;
}

size_t app_coverage(const struct app *a)
{
	size_t n = 0;
	double r;
	for (size_t i = 0; i < a->ds->n_munis; i++)
		if (a->ds->munis[i].code != AK_NATIONAL_CODE &&
		    rate_of(a, app_year(a), a->ds->munis[i].code, &r, NULL))
			n++;
	return n;
}

const char *app_sort_name(enum ak_sort s)
{
	static const char *const names[SORT_COUNT] = {
		N_("name"), N_("rate (highest first)"),
		N_("change since last year (largest rise first)"), N_("cases (most first)")};
	return s < SORT_COUNT ? _(names[s]) : "?";
}

/* Sort key for Danish alphabetical order: æ, ø, å after z. */
static void danish_key(const char *name, struct sbuf *out)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(name + i, len - i, &cp);
		i += n ? n : 1;
		if (cp == 0xC6 || cp == 0xE6)
			sbuf_putc(out, '{');
		else if (cp == 0xD8 || cp == 0xF8)
			sbuf_putc(out, '|');
		else if (cp == 0xC5 || cp == 0xE5)
			sbuf_putc(out, '}');
		else if (cp < 0x80)
			sbuf_putc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
		else
			sbuf_putc(out, '~');
	}
}

struct sort_item {
	int code;
	char *key;
	bool has;
	double value;
};

static int cmp_items(const void *pa, const void *pb)
{
	const struct sort_item *x = pa, *y = pb;
	if (x->has != y->has)
		return x->has ? -1 : 1;
	if (x->has && x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void sort_value(const struct app *a, struct sort_item *it)
{
	double r, prev;
	long cases = -1;
	switch (a->sort) {
	case SORT_NAME: it->has = false; break;
	case SORT_RATE: it->has = rate_of(a, app_year(a), it->code, &it->value, NULL); break;
	case SORT_CHANGE:
		it->has = rate_of(a, app_year(a), it->code, &r, NULL) &&
			  rate_of(a, app_prev_year(a), it->code, &prev, NULL);
		it->value = it->has ? r - prev : 0;
		break;
	default:
		rate_of(a, app_year(a), it->code, &r, &cases);
		it->has = cases >= 0;
		it->value = (double)cases;
		break;
	}
}

static bool included(const struct app *a, const struct ak_municipality *m)
{
	double r;
	if (a->region >= 0 && strcmp(m->region, a->regions[a->region]) != 0)
		return false;
	if (a->only_figures && !rate_of(a, app_year(a), m->code, &r, NULL))
		return false;
	return true;
}

/* Rebuilds the list after a change of sort, filter, area or year, keeping
 * the selected municipality where it is still listed. */
static void rebuild_list(struct app *a)
{
	refresh_figures(a);
	int keep = a->n_list ? a->list[a->sel] : AK_NATIONAL_CODE;
	const struct ak_dataset *ds = a->ds;
	struct sort_item *items = xcalloc(ds->n_munis, sizeof *items);
	size_t n = 0;
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *m = &ds->munis[i];
		if (m->code == AK_NATIONAL_CODE || !included(a, m))
			continue;
		struct sbuf k = {0};
		danish_key(m->name, &k);
		items[n] = (struct sort_item){.code = m->code, .key = sbuf_take(&k)};
		sort_value(a, &items[n]);
		n++;
	}
	qsort(items, n, sizeof *items, cmp_items);
	free(a->list);
	a->list = xcalloc(n + 1, sizeof *a->list);
	a->n_list = 0;
	if (dataset_muni(ds, AK_NATIONAL_CODE))
		a->list[a->n_list++] = AK_NATIONAL_CODE;
	for (size_t i = 0; i < n; i++) {
		a->list[a->n_list++] = items[i].code;
		free(items[i].key);
	}
	free(items);
	a->sel = 0;
	for (size_t i = 0; i < a->n_list; i++)
		if (a->list[i] == keep)
			a->sel = i;
}

/* ---- scrolling --------------------------------------------------------------- */

static void clamp_list(struct app *a)
{
	size_t rows = app_list_rows(a);
	if (a->n_list == 0) {
		a->sel = a->top = 0;
		return;
	}
	if (a->sel >= a->n_list)
		a->sel = a->n_list - 1;
	if (rows == 0)
		return; /* nothing visible: keep the scroll position for when it grows */
	if (a->sel < a->top)
		a->top = a->sel;
	if (a->sel >= a->top + rows)
		a->top = a->sel - rows + 1;
	if (a->n_list > rows && a->top > a->n_list - rows)
		a->top = a->n_list - rows;
	if (a->n_list <= rows)
		a->top = 0;
}

static size_t pane_lines(const struct app *a, enum ak_pane p)
{
	struct vlines v = {0};
	int w = pane_rect(a, p)->w;
	if (p == PANE_BREAKDOWN)
		view_breakdown(a, w, &v);
	else if (p == PANE_TREND)
		view_trend(a, w, &v);
	else
		view_remanded(a, w, &v);
	size_t n = v.n;
	vlines_free(&v);
	return n;
}

static void clamp_scroll(struct app *a, enum ak_pane p)
{
	if (p == PANE_LIST)
		return;
	size_t lines = pane_lines(a, p), h = (size_t)(pane_rect(a, p)->h > 1 ? pane_rect(a, p)->h - 1 : 0);
	/* line 0 is the title, always shown; the rest scrolls */
	size_t body = lines > 0 ? lines - 1 : 0;
	size_t max = body > h ? body - h : 0;
	if (a->scroll[p] > max)
		a->scroll[p] = max;
}

static void clamp_overlay(struct app *a);

static void clamp_table(struct app *a);

static void clamp_all(struct app *a)
{
	clamp_table(a);
	clamp_overlay(a);
	clamp_list(a);
	for (int p = PANE_BREAKDOWN; p < PANE_COUNT; p++)
		clamp_scroll(a, (enum ak_pane)p);
}

/* Lines of the open overlay's content. */
static size_t overlay_lines(const struct app *a)
{
	struct vlines v = {0};
	if (a->overlay == OVERLAY_HELP)
		view_help(a, a->layout.overlay.w - 4, &v);
	else
		view_sources(a, a->layout.overlay.w - 4, &v);
	size_t n = v.n;
	vlines_free(&v);
	return n;
}

static void clamp_overlay(struct app *a)
{
	if (a->overlay != OVERLAY_HELP && a->overlay != OVERLAY_SOURCES)
		return;
	size_t h = a->layout.overlay.h > 2 ? (size_t)a->layout.overlay.h - 2 : 0;
	size_t n = overlay_lines(a);
	size_t max = n > h ? n - h : 0;
	if (a->overlay_scroll > max)
		a->overlay_scroll = max;
}

/* v moved by delta, stopping at 0; the callers clamp the top end. */
static size_t step(size_t v, long delta)
{
	if (delta < 0)
		return (size_t)-delta > v ? 0 : v - (size_t)-delta;
	return v + (size_t)delta;
}

static unsigned move(struct app *a, long delta)
{
	if (a->overlay == OVERLAY_HELP || a->overlay == OVERLAY_SOURCES) {
		a->overlay_scroll = step(a->overlay_scroll, delta);
		clamp_overlay(a);
		return DIRTY_SCREEN;
	}
	if (a->focus == PANE_LIST) {
		a->sel = step(a->sel, delta);
		clamp_list(a);
		a->scroll[PANE_REMANDED] = 0;
		a->scroll[PANE_BREAKDOWN] = 0;
	} else {
		a->scroll[a->focus] = step(a->scroll[a->focus], delta);
		clamp_scroll(a, a->focus);
	}
	return DIRTY_SCREEN;
}

static long page(const struct app *a)
{
	int h = a->focus == PANE_LIST ? (int)app_list_rows(a) : pane_rect(a, a->focus)->h - 1;
	return h > 1 ? h - 1 : 1;
}

/* ---- search ------------------------------------------------------------------ */

static bool find_from(struct app *a, size_t start, int dir)
{
	if (!a->query[0] || a->n_list == 0)
		return false;
	char *folded, *loose;
	names_fold_query(a->query, &folded, &loose);
	bool found = false;
	for (size_t k = 0; k < a->n_list && !found; k++) {
		size_t i = dir > 0 ? (start + k) % a->n_list
				   : (start + a->n_list - k % a->n_list) % a->n_list;
		if (names_index_contains(&a->names, a->list[i], folded, loose)) {
			a->sel = i;
			clamp_list(a);
			found = true;
		}
	}
	free(folded);
	free(loose);
	return found;
}

static void no_match(struct app *a)
{
	snprintf(a->message, sizeof a->message, _("No municipality in the list matches \"%s\""),
		 a->query);
}

static unsigned export_input(struct app *a, int key);

unsigned app_search_input(struct app *a, int key)
{
	if (a->overlay == OVERLAY_EXPORT)
		return export_input(a, key);
	if (a->overlay == OVERLAY_CONFIRM)
		return app_confirm(a, key);
	if (a->overlay == OVERLAY_REGISTER)
		return app_register_input(a, key);
	a->message[0] = '\0';
	if (key == AK_KEY_ESC) {
		for (size_t i = 0; i < a->n_list; i++)
			if (a->list[i] == a->search_origin)
				a->sel = i;
		clamp_list(a);
		a->overlay = OVERLAY_NONE;
		return DIRTY_SCREEN;
	}
	if (key == AK_KEY_ENTER) {
		a->overlay = OVERLAY_NONE;
		return DIRTY_SCREEN;
	}
	struct lineedit e = {.buf = a->query, .size = sizeof a->query, .cursor = a->query_cursor};
	enum lineedit_result r = lineedit_key(&e, key);
	a->query_cursor = e.cursor;
	if (r == LINEEDIT_IGNORED)
		return DIRTY_NONE;
	if (r == LINEEDIT_MOVED)
		return DIRTY_SCREEN;
	if (a->query[0] && !find_from(a, 0, 1))
		no_match(a);
	a->scroll[PANE_REMANDED] = 0;
	return DIRTY_SCREEN;
}

static unsigned search_step(struct app *a, int dir)
{
	if (!a->query[0]) {
		snprintf(a->message, sizeof a->message, _("No search yet: press / to search"));
		return DIRTY_SCREEN;
	}
	if (!find_from(a, dir > 0 ? a->sel + 1 : a->sel + a->n_list - 1, dir))
		no_match(a);
	return DIRTY_SCREEN;
}

/* ---- table modes ------------------------------------------------------------- */

const char *app_cmpset_name(const struct app *a)
{
	switch (a->cmp_set) {
	case CMP_REGION: {
		const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
		return m && m->region[0] ? m->region : _("all municipalities");
	}
	case CMP_6BYER: return "6-byer";
	case CMP_MARKED: return _("marked municipalities");
	default: return _("all municipalities");
	}
}

static size_t compare_codes(const struct app *a, int *codes)
{
	size_t n = 0;
	const struct ak_municipality *sel = dataset_muni(a->ds, app_code(a));
	if (a->cmp_set == CMP_6BYER) {
		for (size_t i = 0; i < 6; i++)
			if (dataset_muni(a->ds, factsheet_6byer[i]))
				codes[n++] = factsheet_6byer[i];
		return n;
	}
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		const struct ak_municipality *m = &a->ds->munis[i];
		if (m->code == AK_NATIONAL_CODE)
			continue;
		if (a->cmp_set == CMP_MARKED && !a->marked[m->code])
			continue;
		if (a->cmp_set == CMP_REGION && sel && sel->region[0] &&
		    strcmp(m->region, sel->region) != 0)
			continue;
		codes[n++] = m->code;
	}
	return n;
}

void app_peer_set(const struct app *a, struct peer_set *p)
{
	struct sbuf list = {0};
	for (int c = 1; c <= AK_MAX_CODE; c++)
		if (a->marked[c])
			sbuf_printf(&list, "%s%d", list.len ? "," : "", c);
	char *err = NULL;
	if (!list.len || !peers_resolve(a->ds, sbuf_str(&list), app_code(a), p, &err))
		peers_resolve(a->ds, "6byer", app_code(a), p, &err);
	free(err);
	sbuf_free(&list);
}

void app_table(const struct app *a, struct tview *t)
{
	int y1 = a->ds->n_years ? a->ds->years[a->year2_idx] : 0;
	if (a->mode == MODE_YOY) {
		tables_yoy(a->ds, app_code(a), t);
	} else if (a->mode == MODE_COMPARE) {
		int *codes = xcalloc(a->ds->n_munis + 1, sizeof *codes);
		size_t n = compare_codes(a, codes);
		tables_compare(a->ds, codes, n, a->area, y1, app_year(a), t);
		free(codes);
	} else if (a->mode == MODE_FUNNEL) {
		struct funnel fn;
		funnel_build(a->ds, app_year(a), a->area, &fn);
		tables_funnel(&fn, a->ds, t);
		funnel_free(&fn);
	} else {
		struct peer_set p;
		app_peer_set(a, &p);
		tables_peers(a->ds, &p, app_year(a), t);
		peers_free(&p);
	}
	if (a->tsort_set)
		tview_sort(t, a->tsort_col, a->tsort_desc);
}

/* The current table's rows and columns. */
static void table_size(const struct app *a, size_t *rows, size_t *cols)
{
	struct tview t;
	app_table(a, &t);
	*rows = t.nrows;
	*cols = t.ncols;
	tview_free(&t);
}

/* Visible table rows: the area less the title, header and note lines. */
static size_t table_visible(const struct app *a)
{
	int h = a->layout.table.h - 3;
	return h > 0 ? (size_t)h : 0;
}

static void clamp_table(struct app *a)
{
	if (a->mode == MODE_BROWSE || a->mode == MODE_FUNNEL)
		return; /* the funnel plot scrolls nothing: no table to build for it */
	size_t n, ncols, vis = table_visible(a);
	table_size(a, &n, &ncols);
	size_t max = n > vis ? n - vis : 0;
	if (a->tscroll > max)
		a->tscroll = max;
}

/* The compare view's other year is never the main year (the year before
 * it, or after it when it is the first). */
static void keep_years_apart(struct app *a)
{
	if (a->year2_idx != a->year_idx || a->ds->n_years < 2)
		return;
	a->year2_idx = a->year_idx > 0 ? a->year_idx - 1 : a->year_idx + 1;
}

static unsigned set_mode(struct app *a, enum ak_mode m)
{
	a->mode = a->mode == m ? MODE_BROWSE : m;
	if (a->mode == MODE_COMPARE && a->year2_idx >= a->year_idx)
		a->year2_idx = a->year_idx > 0 ? a->year_idx - 1 : 0;
	keep_years_apart(a);
	a->tscroll = 0;
	a->tcol = 0;
	a->tsort_set = false;
	a->tsort_desc = false;
	a->overlay = OVERLAY_NONE;
	return DIRTY_SCREEN | DIRTY_CLEAR;
}

static unsigned table_sort(struct app *a)
{
	size_t nrows, ncols;
	table_size(a, &nrows, &ncols);
	if (!a->tsort_set) {
		a->tsort_set = true;
		a->tsort_col = 0;
	} else {
		a->tsort_col = (a->tsort_col + 1) % (ncols ? ncols : 1);
	}
	a->tsort_desc = a->tsort_col != 0; /* numbers: largest first */
	return DIRTY_SCREEN;
}

/* Left/Right scroll a table that is wider than the screen, the first
 * column frozen; a table that fits leaves them to the years. */
static unsigned table_hscroll(struct app *a, int dir)
{
	struct tview t;
	app_table(a, &t);
	size_t max = tview_first_col_max(&t, a->layout.table.w, a->ascii);
	tview_free(&t);
	if (max == 0)
		return DIRTY_NONE;
	if ((dir < 0 && a->tcol == 0) || (dir > 0 && a->tcol >= max))
		return DIRTY_SCREEN; /* at the edge: nothing moves, nothing else happens */
	a->tcol = dir < 0 ? a->tcol - 1 : a->tcol + 1;
	return DIRTY_SCREEN;
}

static unsigned table_move(struct app *a, long delta)
{
	a->tscroll = step(a->tscroll, delta);
	clamp_table(a);
	return DIRTY_SCREEN;
}

/* The other year moves one step, past the main year. */
static unsigned set_year2(struct app *a, int dir)
{
	long to = (long)a->year2_idx + dir;
	if (to == (long)a->year_idx)
		to += dir;
	if (to < 0 || to >= (long)a->ds->n_years)
		return DIRTY_NONE;
	a->year2_idx = (size_t)to;
	return DIRTY_SCREEN;
}

static unsigned toggle_mark(struct app *a)
{
	int code = app_code(a);
	if (code == AK_NATIONAL_CODE)
		return DIRTY_NONE;
	a->marked[code] = !a->marked[code];
	size_t n = 0;
	for (int c = 0; c <= AK_MAX_CODE; c++)
		n += a->marked[c];
	snprintf(a->message, sizeof a->message,
		 ngettext("%zu municipality marked", "%zu municipalities marked", n), n);
	if (a->focus == PANE_LIST && a->sel + 1 < a->n_list)
		a->sel++;
	clamp_list(a);
	return DIRTY_SCREEN;
}

/* Actions that mean something else in a table mode; DIRTY_NONE otherwise. */
static unsigned apply_table(struct app *a, enum ak_action act)
{
	if (a->mode == MODE_BROWSE || a->overlay != OVERLAY_NONE)
		return DIRTY_NONE;
	if (a->mode == MODE_FUNNEL)
		return act == ACT_CLOSE ? set_mode(a, a->mode) : funnel_mode_apply(a, act);
	long page = table_visible(a) > 1 ? (long)table_visible(a) - 1 : 1;
	switch (act) {
	case ACT_MOVE_UP: return table_move(a, -1);
	case ACT_MOVE_DOWN: return table_move(a, 1);
	case ACT_PAGE_UP: return table_move(a, -page);
	case ACT_PAGE_DOWN: return table_move(a, page);
	case ACT_HOME: return table_move(a, -100000);
	case ACT_END: return table_move(a, 100000);
	case ACT_SORT: return table_sort(a);
	case ACT_SORT_REVERSE:
		a->tsort_set = true;
		a->tsort_desc = !a->tsort_desc;
		return DIRTY_SCREEN;
	case ACT_CLOSE: return set_mode(a, a->mode);
	case ACT_LEFT: case ACT_RIGHT: return table_hscroll(a, act == ACT_LEFT ? -1 : 1);
	case ACT_COMPARE_SET:
		a->cmp_set = (enum ak_cmpset)((a->cmp_set + 1) % CMP_COUNT);
		a->tscroll = 0;
		return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

/* ---- export -------------------------------------------------------------------- */

static void file_word(struct sbuf *b, const char *s)
{
	struct sbuf f = {0};
	textfmt_fold(&f, s);
	for (const char *p = sbuf_str(&f); *p; p++)
		sbuf_putc(b, (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '-');
	sbuf_free(&f);
}

/* The proposed export name. Its words are the same in every interface
 * language (untranslated: file names stay stable in scripts). */
void app_default_export_path(const struct app *a, char *buf, size_t size)
{
	struct sbuf b = {0};
	const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
	switch (a->mode) {
	case MODE_YOY:
		sbuf_puts(&b, "aar-til-aar-"); /* untranslated: a file name */
		file_word(&b, m ? m->name : "x");
		break;
	case MODE_COMPARE:
		sbuf_puts(&b, "sammenligning-"); /* untranslated: a file name */
		sbuf_puts(&b, area_id(a->area));
		sbuf_printf(&b, "-%d-%d", a->ds->n_years ? a->ds->years[a->year2_idx] : 0, app_year(a));
		break;
	case MODE_PEERS: sbuf_printf(&b, "peers-%d", app_year(a)); break; /* untranslated: a file name */
	case MODE_FUNNEL:
		sbuf_printf(&b, "tragt-%s-%d", area_id(a->area), app_year(a)); /* untranslated: a file name */
		break;
	default:
		sbuf_puts(&b, "faktaark-"); /* untranslated: a file name */
		file_word(&b, m ? m->name : "x");
		sbuf_printf(&b, "-%d", app_year(a));
		break;
	}
	snprintf(buf, size, "%s.md", sbuf_str(&b));
	sbuf_free(&b);
}

static unsigned start_export(struct app *a)
{
	app_default_export_path(a, a->export_path, sizeof a->export_path);
	a->export_cursor = strlen(a->export_path);
	a->export_overwrite = false;
	a->overlay = OVERLAY_EXPORT;
	a->message[0] = '\0';
	return DIRTY_SCREEN;
}

static unsigned export_input(struct app *a, int key)
{
	struct lineedit e = {.buf = a->export_path, .size = sizeof a->export_path,
			     .cursor = a->export_cursor};
	if (key == AK_KEY_ESC) {
		a->overlay = OVERLAY_NONE;
		snprintf(a->message, sizeof a->message, _("Export cancelled"));
		return DIRTY_SCREEN;
	}
	if (key == AK_KEY_ENTER) {
		a->overlay = OVERLAY_NONE;
		if (!a->export_path[0]) {
			snprintf(a->message, sizeof a->message, _("Export cancelled: no file name"));
			return DIRTY_SCREEN;
		}
		if (!lineedit_expand_home(&e)) {
			snprintf(a->message, sizeof a->message, _("Not exported: the name is too long"));
			return DIRTY_SCREEN;
		}
		return DIRTY_SCREEN | DIRTY_EXPORT;
	}
	enum lineedit_result r = lineedit_key(&e, key);
	a->export_cursor = e.cursor;
	return r == LINEEDIT_IGNORED ? DIRTY_NONE : DIRTY_SCREEN;
}

/* y, or j under the Danish interface, writes over the file. */
unsigned app_confirm(struct app *a, int key)
{
	a->overlay = OVERLAY_NONE;
	bool yes = key == 'y' || key == 'Y' || (i18n_danish() && (key == 'j' || key == 'J'));
	if (yes) {
		a->export_overwrite = true;
		return DIRTY_SCREEN | DIRTY_EXPORT;
	}
	snprintf(a->message, sizeof a->message, _("Not exported: %s is kept as it was"), a->export_path);
	return DIRTY_SCREEN;
}

void app_ask_overwrite(struct app *a)
{
	a->overlay = OVERLAY_CONFIRM;
	snprintf(a->message, sizeof a->message, _("%s exists. Overwrite it? (y/n)"), a->export_path);
}

/* ---- actions ----------------------------------------------------------------- */

static void relayout(struct app *a);
static unsigned apply_map(struct app *a, enum ak_action act);

static unsigned set_area(struct app *a, enum ak_area area)
{
	a->area = area;
	rebuild_list(a);
	clamp_all(a);
	return DIRTY_SCREEN;
}

static unsigned set_year(struct app *a, int dir)
{
	if (dir < 0 && a->year_idx == 0)
		return DIRTY_NONE;
	if (dir > 0 && a->year_idx + 1 >= a->ds->n_years)
		return DIRTY_NONE;
	a->year_idx = (size_t)((long)a->year_idx + dir);
	keep_years_apart(a);
	rebuild_list(a);
	clamp_all(a);
	return DIRTY_SCREEN;
}

static unsigned cycle_region(struct app *a)
{
	a->region = a->region + 1 >= (int)a->n_regions ? -1 : a->region + 1;
	rebuild_list(a);
	clamp_all(a);
	return DIRTY_SCREEN;
}

static unsigned open_overlay(struct app *a, enum ak_overlay o)
{
	a->overlay = a->overlay == o ? OVERLAY_NONE : o;
	a->overlay_scroll = 0;
	if (o == OVERLAY_SEARCH) {
		a->overlay = OVERLAY_SEARCH;
		a->query[0] = '\0';
		a->query_cursor = 0;
		a->search_origin = app_code(a);
		a->focus = PANE_LIST;
	}
	return DIRTY_SCREEN;
}

static unsigned apply_view(struct app *a, enum ak_action act)
{
	switch (act) {
	case ACT_AREA_1: return set_area(a, AREA_GENERELT);
	case ACT_AREA_2: return set_area(a, AREA_BOERNEHANDICAP);
	case ACT_AREA_3: return set_area(a, AREA_VOKSENHANDICAP);
	case ACT_YEAR_PREV: case ACT_LEFT: return set_year(a, -1);
	case ACT_YEAR_NEXT: case ACT_RIGHT: return set_year(a, 1);
	case ACT_SORT:
		a->sort = (enum ak_sort)((a->sort + 1) % SORT_COUNT);
		snprintf(a->message, sizeof a->message, _("Sorted by %s"), app_sort_name(a->sort));
		rebuild_list(a);
		clamp_all(a);
		return DIRTY_SCREEN;
	case ACT_REGION: return cycle_region(a);
	case ACT_ONLY_FIGURES:
		a->only_figures = !a->only_figures;
		rebuild_list(a);
		clamp_all(a);
		return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

/* The help and sources overlays take only scrolling, closing and quitting:
 * no key reaches what lies under them. */
static unsigned apply_overlay(struct app *a, enum ak_action act)
{
	switch (act) {
	case ACT_MOVE_UP: return move(a, -1);
	case ACT_MOVE_DOWN: return move(a, 1);
	case ACT_PAGE_UP: return move(a, -page(a));
	case ACT_PAGE_DOWN: return move(a, page(a));
	case ACT_HOME: return move(a, -100000);
	case ACT_END: return move(a, 100000);
	case ACT_REDRAW: return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_CLOSE: case ACT_QUIT: case ACT_HELP: case ACT_SOURCES:
		a->overlay = OVERLAY_NONE;
		return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

unsigned app_apply(struct app *a, enum ak_action act)
{
	if (act == ACT_QUIT_ALL)
		return DIRTY_QUIT;
	if (a->overlay == OVERLAY_HELP || a->overlay == OVERLAY_SOURCES)
		return apply_overlay(a, act);
	/* q steps back, as in tig and less: a view, then the map, then quits */
	if (act == ACT_QUIT && a->mode != MODE_BROWSE)
		return set_mode(a, a->mode);
	if (act == ACT_QUIT && a->show_map)
		act = ACT_MAP;
	unsigned d = apply_map(a, act);
	if (d != DIRTY_NONE)
		return d;
	d = apply_table(a, act);
	if (d != DIRTY_NONE)
		return d;
	d = apply_view(a, act);
	if (d != DIRTY_NONE || act == ACT_NONE)
		return d;
	a->message[0] = '\0';
	switch (act) {
	case ACT_MOVE_UP: return move(a, -1);
	case ACT_MOVE_DOWN: return move(a, 1);
	case ACT_PAGE_UP: return move(a, -page(a));
	case ACT_PAGE_DOWN: return move(a, page(a));
	case ACT_HOME: return move(a, -(long)(a->n_list + 100000));
	case ACT_END: return move(a, (long)(a->n_list + 100000));
	case ACT_FOCUS_NEXT:
		a->focus = (enum ak_pane)((a->focus + 1) % PANE_COUNT);
		relayout(a); /* a zoom follows the focus */
		return DIRTY_SCREEN | (a->zoomed ? DIRTY_CLEAR : 0);
	case ACT_FOCUS_PREV:
		a->focus = (enum ak_pane)((a->focus + PANE_COUNT - 1) % PANE_COUNT);
		relayout(a);
		return DIRTY_SCREEN | (a->zoomed ? DIRTY_CLEAR : 0);
	case ACT_ZOOM:
		if (a->focus == PANE_LIST && !a->zoomed)
			a->focus = PANE_REMANDED; /* from the list: the pane that needs it most */
		a->zoomed = !a->zoomed;
		relayout(a);
		return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_OPEN:
		a->overlay = OVERLAY_NONE;
		a->focus = PANE_BREAKDOWN;
		return DIRTY_SCREEN;
	case ACT_SEARCH: return open_overlay(a, OVERLAY_SEARCH);
	case ACT_SEARCH_NEXT: return search_step(a, 1);
	case ACT_SEARCH_PREV: return search_step(a, -1);
	case ACT_SOURCES: return open_overlay(a, OVERLAY_SOURCES);
	case ACT_HELP: return open_overlay(a, OVERLAY_HELP);
	case ACT_CLOSE: a->overlay = OVERLAY_NONE; return DIRTY_SCREEN;
	case ACT_MAP:
		a->show_map = !a->show_map;
		a->focus = PANE_LIST;
		relayout(a);
		return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_VIEW_YOY: return set_mode(a, MODE_YOY);
	case ACT_VIEW_COMPARE: return set_mode(a, MODE_COMPARE);
	case ACT_VIEW_PEERS: return set_mode(a, MODE_PEERS);
	case ACT_VIEW_FUNNEL: return set_mode(a, MODE_FUNNEL);
	case ACT_EXPORT: return start_export(a);
	case ACT_REGISTER_ADD: return app_register_start(a, RP_ADD);
	case ACT_REGISTER_EDIT: return app_register_start(a, RP_EDIT);
	case ACT_REGISTER_DELETE: return app_register_start(a, RP_DELETE);
	case ACT_MARK: return toggle_mark(a);
	case ACT_COMPARE_SET:
		a->cmp_set = (enum ak_cmpset)((a->cmp_set + 1) % CMP_COUNT);
		snprintf(a->message, sizeof a->message, _("Compare: %s"), app_cmpset_name(a));
		return DIRTY_SCREEN;
	case ACT_YEAR2_PREV: return set_year2(a, -1);
	case ACT_YEAR2_NEXT: return set_year2(a, 1);
	case ACT_REDRAW: return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_QUIT: return DIRTY_QUIT;
	default: return DIRTY_NONE;
	}
}

int app_map_rows(const struct app *a)
{
	return a->layout.list.h - 2;
}

/* A zoomed pane takes the right side; the other two get no room. */
static void zoom_layout(struct app *a)
{
	struct layout *l = &a->layout;
	if (!a->zoomed || l->too_small || a->focus == PANE_LIST)
		return;
	struct rect whole = {l->breakdown.y, l->breakdown.x,
			     l->breakdown.h + l->trend.h + l->remanded.h, l->breakdown.w};
	struct rect none = {whole.y, whole.x, 0, whole.w};
	l->breakdown = a->focus == PANE_BREAKDOWN ? whole : none;
	l->trend = a->focus == PANE_TREND ? whole : none;
	l->remanded = a->focus == PANE_REMANDED ? whole : none;
}

static void relayout(struct app *a)
{
	layout_compute(a->rows, a->cols, a->ds->n_years, a->show_map, &a->layout);
	zoom_layout(a);
	if (a->mode != MODE_BROWSE && a->tcol) { /* a wider screen shows more columns */
		struct tview t;
		app_table(a, &t);
		size_t max = tview_first_col_max(&t, a->layout.table.w, a->ascii);
		a->tcol = a->tcol > max ? max : a->tcol;
		tview_free(&t);
	}
	map_layout_free(&a->map);
	if (a->show_map && !a->layout.too_small)
		map_layout_compute(a->ds, (a->layout.list.w - 1) / MAP_SLOT_W, app_map_rows(a), &a->map);
	clamp_all(a);
}

unsigned app_resize(struct app *a, int rows, int cols)
{
	a->rows = rows;
	a->cols = cols;
	relayout(a);
	return DIRTY_SCREEN | DIRTY_CLEAR;
}

void app_select_code(struct app *a, int code)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < a->n_list; i++) {
			if (a->list[i] == code) {
				a->sel = i;
				clamp_list(a);
				a->scroll[PANE_REMANDED] = a->scroll[PANE_BREAKDOWN] = 0;
				return;
			}
		}
		a->region = -1;
		a->only_figures = false;
		rebuild_list(a);
	}
}

static unsigned map_move(struct app *a, int dx, int dy)
{
	int code = app_code(a);
	/* on the screen's grid first; by geography where the grid has nothing */
	int next = code == AK_NATIONAL_CODE ? 751 : map_grid_step(&a->map, code, dx, dy);
	if (next < 0 && code != AK_NATIONAL_CODE)
		next = map_neighbour(a->ds, code, dx, dy);
	if (next < 0) {
		snprintf(a->message, sizeof a->message, _("No municipality further that way"));
		return DIRTY_SCREEN;
	}
	app_select_code(a, next);
	return DIRTY_SCREEN;
}

static bool map_focused(const struct app *a)
{
	return a->show_map && a->focus == PANE_LIST && a->mode == MODE_BROWSE &&
	       a->overlay == OVERLAY_NONE;
}

/* Arrow keys on the map move through geography. */
static unsigned apply_map(struct app *a, enum ak_action act)
{
	if (!map_focused(a))
		return DIRTY_NONE;
	switch (act) {
	case ACT_MOVE_UP: return map_move(a, 0, -1);
	case ACT_MOVE_DOWN: return map_move(a, 0, 1);
	case ACT_LEFT: return map_move(a, -1, 0);
	case ACT_RIGHT: return map_move(a, 1, 0);
	default: return DIRTY_NONE;
	}
}

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

unsigned app_click(struct app *a, int y, int x)
{
	if (a->layout.too_small || a->overlay != OVERLAY_NONE)
		return DIRTY_NONE;
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = pane_rect(a, (enum ak_pane)p);
		if (!inside(r, y, x))
			continue;
		a->focus = (enum ak_pane)p;
		if (p == PANE_LIST && a->show_map) {
			const struct map_tile *t = map_tile_at(&a->map, (x - r->x) / MAP_SLOT_W, y - r->y - 1);
			if (t)
				app_select_code(a, t->code);
		} else if (p == PANE_LIST && y > r->y) {
			size_t i = a->top + (size_t)(y - r->y - 1);
			if (i < a->n_list)
				a->sel = i;
			clamp_list(a);
		}
		return DIRTY_SCREEN;
	}
	return DIRTY_NONE;
}

unsigned app_wheel(struct app *a, int y, int x, int dir)
{
	if (a->layout.too_small)
		return DIRTY_NONE;
	if (a->overlay == OVERLAY_NONE) {
		for (int p = 0; p < PANE_COUNT; p++)
			if (inside(pane_rect(a, (enum ak_pane)p), y, x))
				a->focus = (enum ak_pane)p;
	}
	return move(a, dir * 3);
}

/* ---- setup ------------------------------------------------------------------- */

static void collect_regions(struct app *a)
{
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		char *r = a->ds->munis[i].region;
		bool seen = !r[0];
		for (size_t k = 0; k < a->n_regions && !seen; k++)
			seen = strcmp(a->regions[k], r) == 0;
		if (seen)
			continue;
		a->regions = xreallocarray(a->regions, a->n_regions + 1, sizeof *a->regions);
		a->regions[a->n_regions++] = r;
	}
}

void app_init(struct app *a, const struct ak_dataset *ds, int code, int area, int year)
{
	memset(a, 0, sizeof *a);
	a->ds = ds;
	a->region = -1;
	a->area = area >= 0 && area < AREA_COUNT ? (enum ak_area)area : AREA_GENERELT;
	a->year_idx = ds->n_years ? ds->n_years - 1 : 0;
	for (size_t i = 0; i < ds->n_years; i++)
		if (ds->years[i] == year)
			a->year_idx = i;
	a->year2_idx = a->year_idx > 0 ? a->year_idx - 1 : 0;
	collect_regions(a);
	names_index_build(&a->names, ds);
	rebuild_list(a);
	for (size_t i = 0; i < a->n_list; i++)
		if (a->list[i] == code)
			a->sel = i;
	app_resize(a, 24, 80);
}

void app_free(struct app *a)
{
	map_layout_free(&a->map);
	regprompt_free(&a->rp);
	names_index_free(&a->names);
	free(a->list);
	free(a->regions);
	memset(a, 0, sizeof *a);
}
