/* app.h - the browser's state and everything keys do to it, without curses.
 *
 * The UI owns a struct app, feeds it actions (from the binding table), text
 * input while searching, mouse clicks and the terminal size, and redraws
 * when a call returns non-zero dirty bits. Drawing reads the state only. */
#ifndef ANKEKORT_APP_H
#define ANKEKORT_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/action.h"
#include "ankekort/dataset.h"

#define APP_MIN_COLS 40
#define APP_MIN_ROWS 12

enum ak_pane { PANE_LIST, PANE_BREAKDOWN, PANE_TREND, PANE_REMANDED, PANE_COUNT };
enum ak_sort { SORT_NAME, SORT_RATE, SORT_CHANGE, SORT_CASES, SORT_COUNT };
enum ak_overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_SEARCH, OVERLAY_SOURCES };

enum ak_dirty { DIRTY_NONE = 0, DIRTY_SCREEN = 1 << 0, DIRTY_CLEAR = 1 << 1, DIRTY_QUIT = 1 << 2 };

struct rect {
	int y, x, h, w;
};

struct layout {
	bool too_small;
	struct rect header, list, breakdown, trend, remanded, status, keybar;
	struct rect overlay; /* help and sources boxes, border included */
};

struct app {
	const struct ak_dataset *ds;
	bool ascii; /* draw with ASCII glyphs (no UTF-8 locale) */
	enum ak_area area;
	size_t year_idx;
	enum ak_pane focus;
	enum ak_sort sort;
	int region; /* index into regions, or -1 for all */
	bool only_figures;
	int *list; /* municipality codes in display order; the national row first */
	size_t n_list;
	size_t sel, top;
	size_t scroll[PANE_COUNT];
	enum ak_overlay overlay;
	size_t overlay_scroll;
	char query[64];
	int search_origin;
	char message[200];
	int rows, cols;
	struct layout layout;
	char **regions; /* owned array of borrowed names */
	size_t n_regions;
};

/* Starts on the given municipality (-1: the national row), area (-1:
 * generelt) and year (0: the newest). */
void app_init(struct app *a, const struct ak_dataset *ds, int code, int area, int year);
void app_free(struct app *a);
unsigned app_apply(struct app *a, enum ak_action act);
unsigned app_resize(struct app *a, int rows, int cols);
/* Text input while the search prompt is open: a code point, or AK_KEY_ENTER,
 * AK_KEY_ESC, AK_KEY_BACKSPACE. */
unsigned app_search_input(struct app *a, int key);
/* A mouse click at a screen cell, or the wheel (dir -1 up, +1 down). */
unsigned app_click(struct app *a, int y, int x);
unsigned app_wheel(struct app *a, int y, int x, int dir);

int app_code(const struct app *a);
int app_year(const struct app *a);
/* Year before the current one among loaded years, or 0. */
int app_prev_year(const struct app *a);
const char *app_sort_name(enum ak_sort s);
void layout_compute(int rows, int cols, size_t n_years, struct layout *l);
/* Rows of list entries visible in the list pane. */
size_t app_list_rows(const struct app *a);
/* Number of municipalities with a figure for the current area and year. */
size_t app_coverage(const struct app *a);

#endif
