/* view.h - what each pane shows, as lines of styled text spans, computed
 * from the app state without curses. The UI escapes, fits and draws them.
 * Every vlines is owned by the caller and released with vlines_free(). */
#ifndef ANKEKORT_VIEW_H
#define ANKEKORT_VIEW_H

#include <stddef.h>

#include "ankekort/browse/app.h"

#define AK_ROLES(X)                                                                     \
	X(NORMAL) X(DIM) X(TITLE) X(TITLE_FOCUS) X(TAB) X(TAB_ACTIVE) X(SELECTED)       \
	X(SELECTED_DIM) X(HEADER) X(WARN) X(UPHELD) X(REMANDED) X(CHANGED) X(NATIONAL) \
	X(UP) X(DOWN) X(KEY) X(KEYLABEL) X(STATUS) X(OVERLAY) X(MESSAGE)                \
	X(CLASS1) X(CLASS2) X(CLASS3) X(CLASS4) X(CLASS5) X(NOFIGURE)

#define AK_ROLE_ENUM(id) ROLE_##id,
enum ak_role { AK_ROLES(AK_ROLE_ENUM) ROLE_COUNT };
#undef AK_ROLE_ENUM

struct vspan {
	enum ak_role role;
	char *text; /* raw text from the data; escaped when drawn */
};

struct vline {
	struct vspan *spans;
	size_t n;
};

struct vlines {
	struct vline *lines;
	size_t n;
};

void vlines_free(struct vlines *v);
/* Appends a span to the last line (starting one if there is none). */
void vline_add(struct vlines *v, enum ak_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void vline_new(struct vlines *v);

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
/* The table t of the current mode (app_table()): line 0 the title, line 1
 * the column heads, then one line per row, and last the note (when the
 * table has one). */
struct tview;
void view_table(const struct app *a, const struct tview *t, int width, struct vlines *out);
/* Word-wraps s to width columns (never inside a UTF-8 letter), one vline
 * per output line, each with the given role and indent. */
void view_wrap(struct vlines *out, const char *s, int width, int indent, enum ak_role role);

#endif
