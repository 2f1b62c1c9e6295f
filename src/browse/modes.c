/* modes.c - the one place that knows every mode: the views bound to their
 * actions (AK_VIEWS in action.h), and opening and closing a view. */
#include "ankekort/browse/mode.h"

#include <stddef.h>

static const struct {
	enum ak_action act;
	const struct mode_ops *mode;
} views[] = {
#define AK_MODE_BINDING(id, help, name, ...) {ACT_##id, &mode_##name},
	AK_VIEWS(AK_MODE_BINDING)
#undef AK_MODE_BINDING
};

const struct mode_ops *mode_for_action(enum ak_action act)
{
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
		if (views[i].act == act)
			return views[i].mode;
	return NULL;
}

unsigned mode_toggle(struct app *a, const struct mode_ops *m)
{
	a->mode = a->mode == m ? &mode_list : m;
	if (a->mode->open)
		a->mode->open(a);
	app_keep_years_apart(a);
	a->tm.tscroll = 0;
	a->tm.tcol = 0;
	a->tm.tsort_set = false;
	a->tm.tsort_desc = false;
	a->overlay = OVERLAY_NONE;
	return DIRTY_SCREEN | DIRTY_CLEAR;
}
