/* app.h - the browser's state and everything keys do to it, without curses.
 *
 * The UI owns a struct app, feeds it actions (from the binding table), text
 * input while searching, mouse clicks and the terminal size, and redraws
 * when a call returns non-zero dirty bits. Drawing reads the state only. */
#ifndef ANKEKORT_APP_H
#define ANKEKORT_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/browse/action.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/maplayout.h"
#include "ankekort/data/names.h"
#include "ankekort/browse/regprompt.h"
#include "ankekort/data/stats.h"

#define APP_MIN_COLS 40
#define APP_MIN_ROWS 12

enum ak_pane { PANE_LIST, PANE_BREAKDOWN, PANE_TREND, PANE_REMANDED, PANE_COUNT };
enum ak_sort { SORT_NAME, SORT_RATE, SORT_CHANGE, SORT_CASES, SORT_COUNT };
enum ak_overlay {
	OVERLAY_NONE,
	OVERLAY_HELP,
	OVERLAY_SEARCH,
	OVERLAY_SOURCES,
	OVERLAY_EXPORT,	 /* typing the file name */
	OVERLAY_CONFIRM, /* the file exists: overwrite? */
	OVERLAY_REGISTER, /* entering a remanded case (regprompt.h) */
};
/* What fills the screen below the tabs: the panes, or one of the tables. */
enum ak_mode { MODE_BROWSE, MODE_YOY, MODE_COMPARE, MODE_PEERS, MODE_FUNNEL };
enum ak_cmpset { CMP_ALL, CMP_REGION, CMP_6BYER, CMP_MARKED, CMP_COUNT };

enum ak_dirty {
	DIRTY_NONE = 0,
	DIRTY_SCREEN = 1 << 0,
	DIRTY_CLEAR = 1 << 1,
	DIRTY_QUIT = 1 << 2,
	DIRTY_EXPORT = 1 << 3, /* the caller should run export_run() */
};

struct rect {
	int y, x, h, w;
};

struct layout {
	bool too_small;
	struct rect header, list, breakdown, trend, remanded, status, keybar;
	struct rect overlay; /* help and sources boxes, border included */
	struct rect table;   /* the table modes: title, header and rows */
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
	size_t query_cursor;	/* where the search prompt's cursor stands (bytes) */
	int search_origin;
	char message[200];
	int rows, cols;
	struct layout layout;
	char **regions; /* owned array of borrowed names */
	size_t n_regions;
	enum ak_mode mode;
	enum ak_cmpset cmp_set;
	size_t year2_idx; /* the compare view's other year */
	size_t tsort_col; /* table sort column; 0 with tsort_set false = natural order */
	bool tsort_set, tsort_desc;
	size_t tscroll;
	bool marked[AK_MAX_CODE + 1];
	char export_path[512];
	size_t export_cursor;	/* where the export prompt's cursor stands (bytes) */
	bool export_overwrite;
	struct name_index names; /* for the search */
	/* every municipality's figures for the current area and year, worked
	 * out once when they change: each frame shows many of them */
	struct ak_figures figs[AK_MAX_CODE + 1];
	bool has_figs[AK_MAX_CODE + 1];
	int figs_year;
	int figs_area;
	bool show_map;		/* the map stands where the list is */
	bool zoomed;		/* the focused right-hand pane takes the whole right side */
	size_t tcol;		/* table views: columns after the first scrolled past */
	struct map_layout map;	/* for the current map pane size; empty when it does not fit */
	struct reg *reg;	/* the register of remanded cases (borrowed), or NULL */
	struct regprompt rp;	/* while OVERLAY_REGISTER */
};

/* Starts on the given municipality (-1: the national row), area (-1:
 * generelt) and year (0: the newest). */
void app_init(struct app *a, const struct ak_dataset *ds, int code, int area, int year);
void app_free(struct app *a);
unsigned app_apply(struct app *a, enum ak_action act);
unsigned app_resize(struct app *a, int rows, int cols);
/* Text input while the search or export prompt (or the overwrite question)
 * is open: a code point, or AK_KEY_ENTER, AK_KEY_ESC, AK_KEY_BACKSPACE. */
unsigned app_search_input(struct app *a, int key);
/* The answer to "overwrite?" (y or anything else). */
unsigned app_confirm(struct app *a, int key);
/* Called by export_run when the file exists and overwriting was not asked. */
void app_ask_overwrite(struct app *a);
/* A mouse click at a screen cell, or the wheel (dir -1 up, +1 down). */
unsigned app_click(struct app *a, int y, int x);
unsigned app_wheel(struct app *a, int y, int x, int dir);

int app_code(const struct app *a);
/* Selects the municipality, clearing the list's filters if they hide it. */
void app_select_code(struct app *a, int code);
/* The figures of a municipality for the current area and year, or NULL when
 * nothing is published. */
const struct ak_figures *app_figures(const struct app *a, int code);
/* Its rank among municipalities with a rate (1 = lowest; 0: no rate). */
int app_rank(const struct app *a, int code, int *out_of);
/* The table of the current mode, sorted as chosen (caller frees). */
struct tview;
void app_table(const struct app *a, struct tview *t);
const char *app_cmpset_name(const struct app *a);
/* The peers for the peer table and the fact sheet: the marked municipalities,
 * or the 6-byer when none is marked (caller frees with peers_free). */
struct peer_set;
void app_peer_set(const struct app *a, struct peer_set *p);
/* Where the export prompt starts: a name from the view and the selection. */
void app_default_export_path(const struct app *a, char *buf, size_t size);
int app_year(const struct app *a);
/* Year before the current one among loaded years, or 0. */
int app_prev_year(const struct app *a);
const char *app_sort_name(enum ak_sort s);
void layout_compute(int rows, int cols, size_t n_years, bool map, struct layout *l);
/* Slot rows of the map pane (its title and legend lines left out). */
int app_map_rows(const struct app *a);
/* Rows of list entries visible in the list pane. */
size_t app_list_rows(const struct app *a);
/* Number of municipalities with a figure for the current area and year. */
size_t app_coverage(const struct app *a);

#endif
