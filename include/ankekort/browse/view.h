/* view.h - what each pane shows, as lines of styled text spans, computed
 * from the app state without curses. The UI escapes, fits and draws them.
 * Every vlines is owned by the caller and released with vlines_free(). */
#ifndef ANKEKORT_VIEW_H
#define ANKEKORT_VIEW_H

#include <stddef.h>

#include "ankekort/browse/app.h"
#include "ankekort/browse/viewlines.h"

void view_header(const struct app *a, struct vlines *out);
void view_list_title(const struct app *a, int width, struct vlines *out);
/* One list row for entry i of a->list. */
void view_list_row(const struct app *a, size_t i, int width, struct vlines *out);
void view_breakdown(const struct app *a, int width, struct vlines *out);
void view_trend(const struct app *a, int width, struct vlines *out);
void view_remanded(const struct app *a, int width, struct vlines *out);
void view_status(const struct app *a, struct vlines *out);
void view_keybar(const struct app *a, struct vlines *out);
void view_help(const struct app *a, int width, struct vlines *out);
void view_sources(const struct app *a, int width, struct vlines *out);
/* The map pane: a title line, one line per slot row, and the legend. */
void view_map(const struct app *a, int width, struct vlines *out);
/* The table t of the current view (app_table()): line 0 the title, line 1
 * the column heads, then one line per row, and last the note (when the
 * table has one). */
struct tview;
void view_table(const struct app *a, const struct tview *t, int width, struct vlines *out);

#endif
