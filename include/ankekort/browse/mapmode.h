/* mapmode.h - the arrow keys on the map (mapmode.c). */
#ifndef ANKEKORT_MAPMODE_H
#define ANKEKORT_MAPMODE_H

#include "ankekort/browse/app.h"

/* An action on the focused map (the panes' keys, modelist.c); DIRTY_NONE
 * when the map is not focused or the action is not an arrow. */
unsigned map_mode_apply(struct app *a, enum ak_action act);

#endif
