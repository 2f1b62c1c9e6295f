/* app.h - the browser's state and what it says (the selection, the year,
 * figures, ranks), without curses.
 *
 * The UI owns a struct app and feeds it keys, clicks and the terminal size
 * (input.h); the modes (mode.h) and the prompts change it; after each
 * change a frame (frame.h) builds what the panes show and clamps the
 * scroll offsets, and the UI paints the frame. */
#ifndef ANKEKORT_APP_H
#define ANKEKORT_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/browse/action.h"
#include "ankekort/data/dataset.h"
#include "ankekort/data/maplayout.h"
#include "ankekort/data/names.h"
#include "ankekort/browse/cycprompt.h"
#include "ankekort/browse/regprompt.h"
#include "ankekort/data/facts.h"
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
	OVERLAY_EXPORT,	  /* typing the file name */
	OVERLAY_CONFIRM,  /* the file exists: overwrite? */
	OVERLAY_REGISTER, /* entering a remanded case (regprompt.h) */
	OVERLAY_CYCLE,	  /* entering a step of the cycle record (cycprompt.h) */
};
enum ak_cmpset { CMP_ALL, CMP_REGION, CMP_6BYER, CMP_MARKED, CMP_COUNT };

enum ak_dirty {
	DIRTY_NONE = 0,
	DIRTY_SCREEN = 1 << 0,
	DIRTY_CLEAR = 1 << 1,
	DIRTY_QUIT = 1 << 2,
};

/* Work a key asks of the loop, beyond redrawing (app_take_request()). */
enum app_request {
	APP_REQ_NONE,
	APP_REQ_EXPORT,	  /* write a->export_path: export_run() */
	APP_REQ_REGISTER, /* save the finished register prompt: app_register_save() */
	APP_REQ_CYCLE,	  /* save the finished cycle prompt: app_cycle_save() */
};

/* What the last frame found, for the keys that move within it. */
struct frame_seen {
	size_t table_cols; /* columns of the table shown */
	size_t tcol_max;   /* columns after the first that can be scrolled past */
};

/* Every municipality's facts for the current area and year, looked up
 * once when they change: each frame shows many of them. */
struct fig_cache {
	const struct ak_facts *facts[AK_MAX_CODE + 1]; /* borrowed from the dataset, or NULL */
	int year, area;
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

/* The list of municipalities (listmodel.c). */
struct list_model {
	int *list; /* municipality codes in display order; the national row first */
	size_t n_list;
	size_t sel, top;
	enum ak_sort sort;
	int region; /* index into regions, or -1 for all */
	bool only_figures;
	char **regions; /* owned array of borrowed names */
	size_t n_regions;
	struct name_index names; /* for the search */
};

/* The table views (tablemode.c). */
struct table_state {
	enum ak_cmpset cmp_set;
	size_t year2_idx; /* the compare view's other year */
	size_t tsort_col; /* table sort column; 0 with tsort_set false = natural order */
	bool tsort_set, tsort_desc;
	size_t tscroll;
	size_t tcol; /* columns after the first scrolled past */
	bool marked[AK_MAX_CODE + 1];
};

/* The search and export prompts (listmodel.c, prompt.c). */
struct prompt_state {
	char query[64];
	size_t query_cursor; /* where the search prompt's cursor stands (bytes) */
	int search_origin;
	char export_path[512];
	size_t export_cursor; /* where the export prompt's cursor stands (bytes) */
	bool export_overwrite;
};

/* The map in the list's place (mapmode.c). */
struct map_state {
	bool show_map;	       /* the map stands where the list is */
	struct map_layout map; /* for the current map pane size; empty when it does not fit */
};

struct mode_ops;
struct app {
	const struct ak_dataset *ds;
	bool ascii; /* draw with ASCII glyphs (no UTF-8 locale) */
	enum ak_area area;
	size_t year_idx;
	const struct mode_ops *mode; /* what fills the screen below the tabs (mode.h) */
	enum ak_pane focus;
	bool zoomed; /* the focused right-hand pane takes the whole right side */
	size_t scroll[PANE_COUNT];
	enum ak_overlay overlay;
	size_t overlay_scroll;
	char message[200];
	int rows, cols; /* the terminal's size: where the panes stand follows (layout.h) */
	struct list_model lm;
	struct table_state tm;
	struct prompt_state pr;
	struct map_state mp;
	struct fig_cache *figs; /* owned; on the heap, to keep struct app small */
	char *sources; /* owned: where the figures come from (layers_describe), for the status
			line: the dataset does not change while the browser runs */
	struct funnel *funnel; /* owned: the funnel's points, built when first wanted */
	enum app_request request;
	struct frame_seen seen;
	struct reg *reg;     /* the register of remanded cases (borrowed), or NULL */
	struct regprompt rp; /* while OVERLAY_REGISTER */
	struct cycle *cycle; /* the § 79 b cycle record to add to (borrowed), or NULL */
	/* where the dataset points at the record shown (ds->cycle), NULL until a
	 * record exists: set to cycle once its first step is saved; or NULL */
	const struct cycle **cycle_shown;
	struct cycprompt cp; /* while OVERLAY_CYCLE */
	int home; /* the user's own municipality (the config's kommune), or 0: the selection */
};

int app_code(const struct app *a);
/* The figures of a municipality for the current area and year, or NULL when
 * nothing is published. */
const struct ak_figures *app_figures(const struct app *a, int code);
/* The facts of code's figure for the area shown in year (facts.h), or NULL
 * when nothing is published: borrowed. */
const struct ak_facts *app_facts_at(const struct app *a, int year, int code);
/* Its rank among municipalities with a rate (1 = lowest; 0: no rate) and
 * how many have one (0 when it has no figure): facts.h. */
int app_rank(const struct app *a, int code, int *out_of);
/* The change of code's rate from the last earlier year with a figure (across
 * years without one) to the current year, rounded to the coarser of the two
 * (stats_change); false when either is missing. */
bool app_change_of(const struct app *a, int code, double *change, int *decimals);
/* The same counted from the highest (1 = highest; ties share; 0: no rate). */
int app_rank_from_top(const struct app *a, int code);
const char *app_cmpset_name(const struct app *a);
/* The peers for the peer table and the fact sheet: the marked municipalities,
 * or the 6-byer when none is marked (caller frees with peers_free). */
struct peer_set;
void app_peer_set(const struct app *a, struct peer_set *p);
int app_year(const struct app *a);
/* Year before the current one among loaded years, or 0. */
int app_prev_year(const struct app *a);
const char *app_sort_name(enum ak_sort s);
/* Slot rows of the map pane (its title and legend lines left out). */
int app_map_rows(const struct app *a);
/* Rows of list entries visible in the list pane. */
size_t app_list_rows(const struct app *a);
/* Number of municipalities with a figure for the current area and year. */
size_t app_coverage(const struct app *a);
/* The funnel plot's points for the current year and area: built once and
 * kept while they stay the same (the funnel's keys and its frame share it). */
struct funnel;
const struct funnel *app_funnel(struct app *a);
/* Frees what the state keeps worked out (figures, the funnel). */
void app_free_caches(struct app *a);
/* Works the figure cache out again when the area or year changed. */
void app_refresh_figures(struct app *a);
/* A municipality's figures for the current area in a year (from the cache
 * for the current year), and the row they come from when obs is given;
 * false when nothing is published. */
bool app_figures_at(const struct app *a, int year, int code, struct ak_figures *f,
		    const struct ak_obs **obs);
/* The rate (and cases, when wanted) of a municipality in a year, for the
 * current area: false when it has no rate. */
bool app_rate_of(const struct app *a, int year, int code, double *rate, long *cases);
/* Visible table rows: the table area less the title, header and note. */
size_t app_table_rows(const struct app *a);
/* The compare view's other year is never the main year. */
void app_keep_years_apart(struct app *a);
/* v moved by delta, stopping at 0 (callers clamp the top end). */
size_t app_step(size_t v, long delta);

#endif
