/* listmodel.h - the list of municipalities, its order, filters and search
 * (listmodel.c). */
#ifndef ANKEKORT_LISTMODEL_H
#define ANKEKORT_LISTMODEL_H

#include "ankekort/browse/app.h"

/* Rebuilds the list after a change of sort, filter, area or year, keeping
 * the selected municipality where it is still listed. */
void list_rebuild(struct app *a);
/* Keeps the selection within the list and in view. */
void list_clamp(struct app *a);
/* Selects the municipality, clearing the list's filters if they hide it. */
void app_select_code(struct app *a, int code);
/* n and N: the next or previous match of the last search. */
unsigned list_search_step(struct app *a, int dir);
/* A key at the search prompt. */
unsigned list_search_input(struct app *a, int key);
/* Area, year, sort and the filters; DIRTY_NONE for any other action. */
unsigned list_apply(struct app *a, enum ak_action act);
/* The regions named in the dataset, for the region filter. */
void list_collect_regions(struct app *a);

#endif
