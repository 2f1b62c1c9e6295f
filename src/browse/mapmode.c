/* mapmode.c - the arrow keys on the map: through the screen's grid first,
 * by geography where the grid has nothing. */
#include "ankekort/browse/mapmode.h"

#include <stdio.h>

#include "ankekort/base/i18n.h"
#include "ankekort/browse/listmodel.h"

static unsigned map_move(struct app *a, int dx, int dy)
{
	int code = app_code(a);
	/* on the screen's grid first; by geography where the grid has nothing */
	int next = code == AK_NATIONAL_CODE ? 751 : map_grid_step(&a->mp.map, code, dx, dy);
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
	return a->mp.show_map && a->focus == PANE_LIST && a->overlay == OVERLAY_NONE;
}

/* Arrow keys on the map move through geography. */
unsigned map_mode_apply(struct app *a, enum ak_action act)
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
