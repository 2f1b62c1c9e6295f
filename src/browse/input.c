/* input.c - what a key, a click, the wheel or a resize does to the
 * browser: routes text to the open prompt, refuses what a too small
 * terminal cannot show, and hands actions to the mode shown (mode.h),
 * then to the list. Scroll offsets are only moved here; the
 * frame (frame.c) clamps them against what it builds. */
#include "ankekort/browse/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/browse/appcycle.h"
#include "ankekort/browse/appregister.h"
#include "ankekort/browse/layout.h"
#include "ankekort/browse/listmodel.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/layers.h"
#include "ankekort/data/names.h"

/* The map's tiles for the list pane's size (the map shown, the terminal's
 * size), and the selection kept in the list's rows: after a resize and when
 * the map opens or closes. */
static void fit_map(struct app *a)
{
	map_layout_free(&a->mp.map);
	struct layout l = layout_of(a);
	if (a->mp.show_map && !l.too_small)
		map_layout_compute(a->ds, (l.list.w - 1) / MAP_SLOT_W, app_map_rows(a), &a->mp.map);
	list_clamp(a);
}

static unsigned move(struct app *a, long delta)
{
	if (a->overlay == OVERLAY_HELP || a->overlay == OVERLAY_SOURCES) {
		a->overlay_scroll = app_step(a->overlay_scroll, delta); /* the frame clamps */
		return DIRTY_SCREEN;
	}
	if (a->focus == PANE_LIST) {
		a->lm.sel = app_step(a->lm.sel, delta);
		list_clamp(a);
		a->scroll[PANE_REMANDED] = 0;
		a->scroll[PANE_BREAKDOWN] = 0;
	} else {
		a->scroll[a->focus] = app_step(a->scroll[a->focus], delta);
	}
	return DIRTY_SCREEN;
}

static long page(const struct app *a)
{
	struct layout l = layout_of(a);
	int h = a->focus == PANE_LIST ? (int)app_list_rows(a) : layout_pane(&l, a->focus)->h - 1;
	return h > 1 ? h - 1 : 1;
}

static unsigned open_overlay(struct app *a, enum ak_overlay o)
{
	a->overlay = a->overlay == o ? OVERLAY_NONE : o;
	a->overlay_scroll = 0;
	if (o == OVERLAY_SEARCH) {
		a->overlay = OVERLAY_SEARCH;
		a->pr.query[0] = '\0';
		a->pr.query_cursor = 0;
		a->pr.search_origin = app_code(a);
		a->focus = PANE_LIST;
	}
	return DIRTY_SCREEN;
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
	case ACT_CLOSE:
	case ACT_QUIT:
	case ACT_HELP:
	case ACT_SOURCES: a->overlay = OVERLAY_NONE; return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

unsigned app_search_input(struct app *a, int key)
{
	switch (a->overlay) {
	case OVERLAY_EXPORT: return prompt_export_input(a, key);
	case OVERLAY_CONFIRM: return app_confirm(a, key);
	case OVERLAY_REGISTER: return app_register_input(a, key);
	case OVERLAY_CYCLE: return app_cycle_input(a, key);
	default: return list_search_input(a, key);
	}
}

static bool prompt_open(const struct app *a)
{
	return a->overlay == OVERLAY_SEARCH || a->overlay == OVERLAY_EXPORT ||
	       a->overlay == OVERLAY_CONFIRM || a->overlay == OVERLAY_REGISTER ||
	       a->overlay == OVERLAY_CYCLE;
}

unsigned app_key(struct app *a, int key)
{
	if (prompt_open(a))
		return app_search_input(a, key);
	enum ak_action act = action_for_key(key);
	/* a terminal too small to show anything takes only quit and redraw */
	if (app_too_small(a) && act != ACT_QUIT && act != ACT_QUIT_ALL && act != ACT_REDRAW)
		return DIRTY_NONE;
	return app_apply(a, act);
}

enum app_request app_take_request(struct app *a)
{
	enum app_request r = a->request;
	a->request = APP_REQ_NONE;
	return r;
}

unsigned app_apply(struct app *a, enum ak_action act)
{
	if (act == ACT_QUIT_ALL)
		return DIRTY_QUIT;
	if (a->overlay == OVERLAY_HELP || a->overlay == OVERLAY_SOURCES)
		return apply_overlay(a, act);
	/* q steps back, as in tig and less: a view, then the map, then quits;
	 * Esc closes a view */
	bool in_view = a->mode != &mode_list;
	if (in_view && (act == ACT_QUIT || (act == ACT_CLOSE && a->overlay == OVERLAY_NONE)))
		return mode_toggle(a, a->mode);
	if (act == ACT_QUIT && a->mp.show_map)
		act = ACT_MAP;
	unsigned d = a->overlay == OVERLAY_NONE ? a->mode->keys(a, act) : DIRTY_NONE;
	if (d != DIRTY_NONE)
		return d;
	d = list_apply(a, act);
	if (d != DIRTY_NONE || act == ACT_NONE)
		return d;
	a->message[0] = '\0';
	switch (act) {
	case ACT_MOVE_UP: return move(a, -1);
	case ACT_MOVE_DOWN: return move(a, 1);
	case ACT_PAGE_UP: return move(a, -page(a));
	case ACT_PAGE_DOWN: return move(a, page(a));
	case ACT_HOME: return move(a, -(long)(a->lm.n_list + 100000));
	case ACT_END: return move(a, (long)(a->lm.n_list + 100000));
	case ACT_FOCUS_NEXT:
		a->focus = (enum ak_pane)((a->focus + 1) % PANE_COUNT); /* a zoom follows it */
		return DIRTY_SCREEN | (a->zoomed ? DIRTY_CLEAR : 0);
	case ACT_FOCUS_PREV:
		a->focus = (enum ak_pane)((a->focus + PANE_COUNT - 1) % PANE_COUNT);
		return DIRTY_SCREEN | (a->zoomed ? DIRTY_CLEAR : 0);
	case ACT_ZOOM:
		if (a->focus == PANE_LIST && !a->zoomed)
			a->focus = PANE_REMANDED; /* from the list: the pane that needs it most */
		a->zoomed = !a->zoomed;
		return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_OPEN:
		a->overlay = OVERLAY_NONE;
		a->focus = PANE_BREAKDOWN;
		return DIRTY_SCREEN;
	case ACT_SEARCH: return open_overlay(a, OVERLAY_SEARCH);
	case ACT_SEARCH_NEXT: return list_search_step(a, 1);
	case ACT_SEARCH_PREV: return list_search_step(a, -1);
	case ACT_SOURCES: return open_overlay(a, OVERLAY_SOURCES);
	case ACT_HELP: return open_overlay(a, OVERLAY_HELP);
	case ACT_CLOSE: a->overlay = OVERLAY_NONE; return DIRTY_SCREEN;
	case ACT_MAP:
		a->mp.show_map = !a->mp.show_map;
		a->focus = PANE_LIST;
		fit_map(a);
		return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_EXPORT: return prompt_start_export(a);
	case ACT_REGISTER_ADD: return app_register_start(a, RP_ADD);
	case ACT_REGISTER_EDIT: return app_register_start(a, RP_EDIT);
	case ACT_REGISTER_DELETE: return app_register_start(a, RP_DELETE);
	case ACT_CYCLE_ADD:
	case ACT_CYCLE_EDIT:
	case ACT_CYCLE_DELETE: /* the cycle view takes them (modecycle.c) */
		snprintf(a->message, sizeof a->message, "%s",
			 _("Steps of the \xC2\xA7 79 b cycle are recorded in its view (a)"));
		return DIRTY_SCREEN;
	case ACT_MARK: return toggle_mark(a);
	case ACT_COMPARE_SET:
		a->tm.cmp_set = (enum ak_cmpset)((a->tm.cmp_set + 1) % CMP_COUNT);
		snprintf(a->message, sizeof a->message, _("Compare: %s"), app_cmpset_name(a));
		return DIRTY_SCREEN;
	case ACT_YEAR2_PREV: return set_year2(a, -1);
	case ACT_YEAR2_NEXT: return set_year2(a, 1);
	case ACT_REDRAW: return DIRTY_SCREEN | DIRTY_CLEAR;
	case ACT_QUIT: return DIRTY_QUIT;
	default: {
		const struct mode_ops *view = mode_for_action(act);
		return view ? mode_toggle(a, view) : DIRTY_NONE;
	}
	}
}

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

unsigned app_click(struct app *a, int y, int x)
{
	if (app_too_small(a) || a->overlay != OVERLAY_NONE)
		return DIRTY_NONE;
	struct layout l = layout_of(a);
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = layout_pane(&l, (enum ak_pane)p);
		if (!inside(r, y, x))
			continue;
		a->focus = (enum ak_pane)p;
		if (p == PANE_LIST && a->mp.show_map) {
			const struct map_tile *t =
				map_tile_at(&a->mp.map, (x - r->x) / MAP_SLOT_W, y - r->y - 1);
			if (t)
				app_select_code(a, t->code);
		} else if (p == PANE_LIST && y > r->y) {
			size_t i = a->lm.top + (size_t)(y - r->y - 1);
			if (i < a->lm.n_list)
				a->lm.sel = i;
			list_clamp(a);
		}
		return DIRTY_SCREEN;
	}
	return DIRTY_NONE;
}

unsigned app_wheel(struct app *a, int y, int x, int dir)
{
	if (app_too_small(a))
		return DIRTY_NONE;
	if (a->overlay == OVERLAY_NONE) {
		struct layout l = layout_of(a);
		for (int p = 0; p < PANE_COUNT; p++)
			if (inside(layout_pane(&l, (enum ak_pane)p), y, x))
				a->focus = (enum ak_pane)p;
	}
	return move(a, dir * 3);
}

unsigned app_resize(struct app *a, int rows, int cols)
{
	a->rows = rows;
	a->cols = cols;
	fit_map(a);
	return DIRTY_SCREEN | DIRTY_CLEAR;
}

void app_init(struct app *a, const struct ak_dataset *ds, int code, int area, int year)
{
	memset(a, 0, sizeof *a);
	a->ds = ds;
	a->mode = &mode_list;
	a->lm.region = -1;
	a->area = area >= 0 && area < AREA_COUNT ? (enum ak_area)area : AREA_GENERELT;
	a->year_idx = ds->n_years ? ds->n_years - 1 : 0;
	for (size_t i = 0; i < ds->n_years; i++)
		if (ds->years[i] == year)
			a->year_idx = i;
	a->tm.year2_idx = a->year_idx > 0 ? a->year_idx - 1 : 0;
	list_collect_regions(a);
	names_index_build(&a->lm.names, ds);
	list_rebuild(a);
	struct sbuf from = {0};
	layers_describe(ds, &from);
	a->sources = sbuf_take(&from);
	for (size_t i = 0; i < a->lm.n_list; i++)
		if (a->lm.list[i] == code)
			a->lm.sel = i;
	app_resize(a, 24, 80);
}

void app_free(struct app *a)
{
	map_layout_free(&a->mp.map);
	regprompt_free(&a->rp);
	cycprompt_free(&a->cp);
	names_index_free(&a->lm.names);
	free(a->lm.list);
	free(a->lm.regions);
	app_free_caches(a);
	free(a->sources);
	memset(a, 0, sizeof *a);
}
