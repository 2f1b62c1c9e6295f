/* keys.c - the cost of one key action, drawing included: actions replayed
 * through the state logic and drawn into a curses screen opened with newterm
 * on /dev/null, at 250x80: the key applied, one frame built, painted.
 * Prints the first-frame time and, per action kind, the median and 99th
 * percentile in microseconds of wall time and of the thread's CPU time
 * (the machine is shared: a wall-time p99 is often a neighbour's tick),
 * and last the floor of an action that changes the whole screen: ncurses
 * alone updating every cell.
 * BENCH_SCREENS=1 also prints, after every step and after each step of a
 * tour of the views, a checksum of the screen ncurses holds: two builds
 * whose painting differs only in how it is done print the same sums.
 * Usage: bench_keys DATA_DIR_OR_FILE [ROUNDS [SHIPPED_DATASETS_DIR]] */
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ankekort/base/i18n.h"
#include "ankekort/browse/app.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/input.h"
#include "ankekort/import/dataload.h"
#include "ankekort/data/facts.h"
#include "ui_int.h"

static double clock_us(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static double now_us(void)
{
	return clock_us(CLOCK_MONOTONIC);
}

static double cpu_us(void)
{
	return clock_us(CLOCK_THREAD_CPUTIME_ID);
}

/* What the loop does after a key that changed something. */
static struct frame_memo *memo;

static void paint(struct app *a)
{
	struct frame f;
	frame_build(a, memo, &f);
	draw_screen(a, &f);
	frame_free(&f);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

struct kind {
	const char *name;
	enum ak_action actions[4];
	size_t n;
};

/* The floor under any action that changes the whole screen: ncurses alone
 * bringing a 250x80 terminal from one screen of text to another (every
 * cell a new letter, no colour), the cheapest full change it can make. No
 * line of a screen is a line of the one before (13 * y keeps them apart
 * by 13 or 0 mod 26, 5 * i moves them by 5), so ncurses cannot scroll. */
static void ncurses_floor(int rounds)
{
	double *c = calloc((size_t)rounds, sizeof *c);
	char line[251];
	for (int i = 0; i < rounds; i++) {
		for (int y = 0; y < 80; y++) {
			for (int x = 0; x < 250; x++)
				line[x] = (char)('a' + (7 * x + 13 * y + 5 * i) % 26);
			line[250] = '\0';
			mvaddstr(y, 0, line);
		}
		double sc = cpu_us();
		refresh();
		c[i] = cpu_us() - sc;
	}
	qsort(c, (size_t)rounds, sizeof *c, cmp_double);
	printf("ncurses alone, every cell changed: cpu median %7.1f us   cpu p99 %7.1f us\n",
	       c[rounds / 2], c[rounds * 99 / 100]);
	free(c);
}

/* FNV-1a over what ncurses holds as the terminal's screen (curscr): every
 * cell's character, attributes and colour pair. */
static unsigned long long screen_sum(void)
{
	unsigned long long h = 1469598103934665603ull;
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = {0};
			attr_t at = 0;
			short pair = 0;
			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &at, &pair, NULL) == ERR)
				continue;
			unsigned long long v[3] = {(unsigned long long)wc[0], at,
						   (unsigned long long)pair};
			for (int i = 0; i < 3; i++)
				h = (h ^ v[i]) * 1099511628211ull;
		}
	return h;
}

/* BENCH_SCREENS: the views, the map, the overlays and the areas, a
 * checksum after each step. */
static void screens_tour(struct app *a)
{
	static const enum ak_action tour[] = {
		ACT_VIEW_YOY,	   ACT_MOVE_DOWN,  ACT_VIEW_COMPARE, ACT_MOVE_DOWN,
		ACT_VIEW_PEERS,	   ACT_PAGE_DOWN,  ACT_VIEW_FUNNEL,  ACT_MOVE_DOWN,
		ACT_VIEW_QUARTERS, ACT_VIEW_PARA,  ACT_MOVE_DOWN,    ACT_VIEW_CYCLE,
		ACT_CLOSE,	   ACT_MAP,	   ACT_MOVE_DOWN,    ACT_RIGHT,
		ACT_ZOOM,	   ACT_MAP,	   ACT_HELP,	     ACT_PAGE_DOWN,
		ACT_CLOSE,	   ACT_SOURCES,	   ACT_CLOSE,	     ACT_OPEN,
		ACT_CLOSE,	   ACT_REGION,	   ACT_ONLY_FIGURES, ACT_SORT_REVERSE,
		ACT_AREA_2,	   ACT_YEAR_PREV,  ACT_AREA_3,	     ACT_END,
		ACT_HOME,	   ACT_FOCUS_NEXT, ACT_PAGE_DOWN,    ACT_VIEW_PARA,
		ACT_CLOSE,	   ACT_AREA_1};
	for (size_t t = 0; t < sizeof tour / sizeof tour[0]; t++) {
		if (app_apply(a, tour[t]))
			paint(a);
		printf("tour %zu %016llx\n", t, screen_sum());
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bench_keys DATA [ROUNDS]\n", stderr);
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 500;
	setenv("LINES", "80", 1);
	setenv("COLUMNS", "250", 1);
	/* the browser's locale and catalogue, as main() sets them (bench/run
	 * starts the browser with LANG=C.UTF-8): ncurses writes UTF-8 and the
	 * frame's texts go through gettext as they do there */
	setenv("LC_ALL", "C.UTF-8", 1);
	i18n_init(NULL);
	double t0 = now_us();
	struct ak_dataset ds = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	/* DATA alone: the shipped datasets, or one file with their municipalities */
	struct dataload_spec sp = {
		.shipped = argc > 3 ? argv[3] : "datasets", .user = argv[1], .no_shipped = true};
	dataload_layers(&ds, &sp, &d, &r);
	facts_analyse(&ds, NULL);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr) {
		fputs("bench_keys: newterm failed\n", stderr);
		return 1;
	}
	term_batch_output(); /* as term_start() */
	theme_init(true);
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	app_resize(&a, 80, 250);
	memo = frame_memo_new();
	paint(&a);
	double first = now_us() - t0;
	const struct kind kinds[] = {
		{"move", {ACT_MOVE_DOWN, ACT_MOVE_DOWN, ACT_MOVE_UP}, 3},
		{"switch year", {ACT_YEAR_PREV, ACT_YEAR_NEXT}, 2},
		{"sort", {ACT_SORT}, 1},
		{"search step", {ACT_SEARCH_NEXT}, 1},
		{"switch area", {ACT_AREA_2, ACT_AREA_1}, 2},
		{"scroll pane", {ACT_FOCUS_NEXT, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_FOCUS_PREV}, 4},
	};
	strcpy(a.pr.query, "a"); /* a search to step through: every name with an a */
	printf("first frame (load + analyse + draw): %.0f us\n", first);
	/* BENCH_ONLY=NAME: that action kind only (to count its instructions);
	 * BENCH_ONLY=floor: the floor only */
	const char *only = getenv("BENCH_ONLY");
	bool screens = getenv("BENCH_SCREENS") != NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (only && strcmp(only, kinds[k].name) != 0)
			continue;
		double *t = calloc((size_t)rounds, sizeof *t),
		       *c = calloc((size_t)rounds, sizeof *c);
		for (int i = 0; i < rounds; i++) {
			enum ak_action act = kinds[k].actions[(size_t)i % kinds[k].n];
			double s = now_us(), sc = cpu_us();
			if (app_apply(&a, act))
				paint(&a);
			t[i] = now_us() - s;
			c[i] = cpu_us() - sc;
			if (screens)
				printf("%s %d %016llx\n", kinds[k].name, i, screen_sum());
		}
		qsort(t, (size_t)rounds, sizeof *t, cmp_double);
		qsort(c, (size_t)rounds, sizeof *c, cmp_double);
		printf("%-12s median %7.1f us   p99 %7.1f us   cpu median %7.1f us   cpu p99 %7.1f "
		       "us\n",
		       kinds[k].name, t[rounds / 2], t[rounds * 99 / 100], c[rounds / 2],
		       c[rounds * 99 / 100]);
		free(t);
		free(c);
	}
	if (screens)
		screens_tour(&a);
	if (!only || strcmp(only, "floor") == 0)
		ncurses_floor(rounds); /* as many as an action's: the same p99 */
	endwin();
	delscreen(scr);
	frame_memo_free(memo);
	app_free(&a);
	dataset_free(&ds);
	diag_list_free(&d);
	fclose(out);
	fclose(in);
	return 0;
}
