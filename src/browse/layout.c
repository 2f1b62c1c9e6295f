/* layout.c - where each pane stands for a terminal size, the zoom, and
 * the map's tiles for the list pane's size. */
#include "ankekort/browse/layout.h"

#include <string.h>

#include "ankekort/browse/listmodel.h"

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

void app_relayout(struct app *a)
{
	layout_compute(a->rows, a->cols, a->ds->n_years, a->mp.show_map, &a->layout);
	zoom_layout(a);
	map_layout_free(&a->mp.map);
	if (a->mp.show_map && !a->layout.too_small)
		map_layout_compute(a->ds, (a->layout.list.w - 1) / MAP_SLOT_W, app_map_rows(a),
				   &a->mp.map);
	list_clamp(a);
}
