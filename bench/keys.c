/* keys.c - the cost of one key action, drawing included: actions replayed
 * through the state logic and drawn into a curses screen opened with newterm
 * on /dev/null, at 250x80: the key applied, one frame built, painted.
 * Prints the first-frame time and, per action kind, the median and 99th
 * percentile in microseconds of wall time and of the thread's CPU time
 * (the machine is shared: a wall-time p99 is often a neighbour's tick),
 * and last the floor of an action that changes the whole screen: ncurses
 * alone updating every cell.
 * Usage: bench_keys DATA_DIR_OR_FILE [ROUNDS [SHIPPED_DATASETS_DIR]] */
#include <curses.h>
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
