/* layout.c - where each pane stands for a terminal size, the zoom and
 * the map, worked out when asked. */
#include "ankekort/browse/layout.h"
static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The rows between the tabs and the status line: the list's, a table's. */
static int content_rows(int rows)
{
	return rows - 4;
}

void layout_compute(int rows, int cols, size_t n_years, bool map, struct layout *l)
{
	if (rows < APP_MIN_ROWS || cols < APP_MIN_COLS) { /* app_too_small */
		*l = (struct layout){.too_small = true};
		return;
	}
	l->too_small = false; /* every other field is set below */
	int content = content_rows(rows);
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

/* A zoomed pane takes the right side; the other two get no room. */
static void zoom_layout(const struct app *a, struct layout *l)
{
	if (!a->zoomed || l->too_small || a->focus == PANE_LIST)
		return;
	struct rect whole = {l->breakdown.y, l->breakdown.x,
			     l->breakdown.h + l->trend.h + l->remanded.h, l->breakdown.w};
	struct rect none = {whole.y, whole.x, 0, whole.w};
	l->breakdown = a->focus == PANE_BREAKDOWN ? whole : none;
	l->trend = a->focus == PANE_TREND ? whole : none;
	l->remanded = a->focus == PANE_REMANDED ? whole : none;
}

void layout_fill(const struct app *a, struct layout *l)
{
	layout_compute(a->rows, a->cols, a->ds->n_years, a->mp.show_map, l);
	zoom_layout(a, l);
}

const struct rect *layout_pane(const struct layout *l, enum ak_pane p)
{
	switch (p) {
	case PANE_LIST: return &l->list;
	case PANE_BREAKDOWN: return &l->breakdown;
	case PANE_TREND: return &l->trend;
	default: return &l->remanded;
	}
}

bool app_too_small(const struct app *a)
{
	return a->rows < APP_MIN_ROWS || a->cols < APP_MIN_COLS;
}

/* ---- the state's questions about where things stand (app.h) ---- */

/* The list pane's height and a table's (layout_compute), without the
 * rest of the layout: every key and frame asks for it. */
static int list_height(const struct app *a)
{
	return app_too_small(a) ? 0 : content_rows(a->rows);
}

size_t app_list_rows(const struct app *a)
{
	int h = list_height(a) - 1; /* the title line */
	return h > 0 ? (size_t)h : 0;
}

int app_map_rows(const struct app *a)
{
	return list_height(a) - 2;
}

/* Visible table rows: the area less the title, header and note lines. */
size_t app_table_rows(const struct app *a)
{
	int h = list_height(a) - 3;
	return h > 0 ? (size_t)h : 0;
}
