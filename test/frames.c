/* frames.c - golden screens of every mode, without a terminal: the browser
 * on a frozen fixture dataset (test/frames/data, a copy of the shipped data
 * that does not grow with it), each mode opened by its key, its frame built
 * (frame_build) and painted by the UI's own painter (draw_screen) into a
 * curses screen opened with newterm on /dev/null, then read back from the
 * screen as text, row by row, and compared with
 * test/frames/MODE_COLSxROWS.screen. The modes are the panes ("list"), the
 * map in the list's place ("map") and every view of AK_VIEWS, so a new
 * view has no golden until one is made for it.
 * Usage: test_frames DATA_DIR GOLDEN_DIR [--update] */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ankekort/base/fileio.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/browse/frame.h"
#include "ankekort/browse/input.h"
#include "ankekort/browse/mode.h"
#include "ankekort/data/stats.h"
#include "ankekort/import/dataload.h"
#include "ui_int.h"

struct scene {
	const char *name;
	enum ak_action open; /* the key that opens it, or ACT_NONE */
	int code;	     /* the selection */
	bool counts;	     /* on the fixture with case counts (test/frames/counts) */
};

/* clang-format off */
static const struct scene scenes[] = {
	{"list", ACT_NONE, 751, false},
	{"map", ACT_MAP, 751, false},
#define AK_VIEW_SCENE(id, help, name, ...) {#name, ACT_##id, 751, false},
	AK_VIEWS(AK_VIEW_SCENE)
#undef AK_VIEW_SCENE
	/* with case counts: the funnel plotted, the list's cases and markers */
	{"counts_list", ACT_NONE, 101, true},
	{"counts_funnel", ACT_VIEW_FUNNEL, 101, true},
	{"counts_para", ACT_VIEW_PARA, 101, true},
};
static const struct { int cols, rows; } sizes[] = {{80, 24}, {200, 50}};
/* clang-format on */

/* A line-drawing character (painted from curses' alternate character set,
 * where the screen keeps the set's letter) as the character it shows. */
static wchar_t line_char(wchar_t c)
{
	static const char from[] = "qxlkmjtuvwn";
	static const wchar_t to[] = L"─│┌┐└┘├┤┴┬┼";
	const char *p = c < 128 ? strchr(from, (int)c) : NULL;
	return p && *p ? to[p - from] : c;
}

/* The screen as text: each row's characters, spaces at the end left out. */
static void screen_text(int rows, int cols, struct sbuf *out)
{
	wchar_t *w = calloc((size_t)cols + 1, sizeof *w);
	char *mb = malloc((size_t)cols * MB_CUR_MAX + 1);
	for (int y = 0; y < rows; y++) {
		w[0] = L'\0';
		mvinnwstr(y, 0, w, cols);
		for (int i = 0, x = 0; w[i] && x < cols; i++) {
			if (mvinch(y, x) & A_ALTCHARSET)
				w[i] = line_char(w[i]);
			int width = wcwidth(w[i]);
			x += width > 0 ? width : 0;
		}
		size_t n = wcstombs(mb, w, (size_t)cols * MB_CUR_MAX);
		if (n == (size_t)-1)
			n = 0;
		while (n > 0 && mb[n - 1] == ' ')
			n--;
		mb[n] = '\0';
		sbuf_printf(out, "%s\n", mb);
	}
	free(w);
	free(mb);
}

static bool load(const char *dir, struct ak_dataset *ds)
{
	struct diag_list d = {0};
	struct load_result r = {0};
	struct dataload_spec sp = {.shipped = dir};
	bool ok = dataload_layers(ds, &sp, &d, &r) && d.errors == 0;
	diag_list_free(&d);
	if (!ok)
		fprintf(stderr, "test_frames: %s does not load\n", dir);
	else
		stats_analyse(ds, NULL);
	return ok;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t len;
	return f ? fileio_read_all(f, &len) : NULL;
}

/* The first line where got and want differ, for the message. */
static int first_difference(const char *got, const char *want)
{
	int line = 1;
	for (; *got && *got == *want; got++, want++)
		line += *got == '\n';
	return line;
}

static bool check_scene(const struct ak_dataset *ds, const struct scene *s, int rows, int cols,
			const char *dir, bool update)
{
	struct app a;
	app_init(&a, ds, s->code, AREA_GENERELT, 2024);
	app_resize(&a, rows, cols);
	if (s->open != ACT_NONE)
		app_apply(&a, s->open);
	struct frame f;
	frame_build(&a, NULL, &f);
	clear();
	draw_forget();
	draw_screen(&a, &f);
	frame_free(&f);
	struct sbuf got = {0};
	screen_text(rows, cols, &got);
	app_free(&a);
	char path[4096];
	snprintf(path, sizeof path, "%s/%s_%dx%d.screen", dir, s->name, cols, rows);
	bool ok;
	if (update) {
		FILE *out = fopen(path, "wb");
		ok = out && fputs(sbuf_str(&got), out) >= 0;
		ok = out && fclose(out) == 0 && ok;
		printf("%s - %s written\n", ok ? "ok" : "not ok", path);
	} else {
		char *want = read_all(path);
		ok = want && strcmp(want, sbuf_str(&got)) == 0;
		if (ok)
			printf("ok - %s at %dx%d\n", s->name, cols, rows);
		else if (!want)
			printf("not ok - %s: no golden screen (run with --update)\n", path);
		else
			printf("not ok - %s: the screen differs from line %d on:\n%s", path,
			       first_difference(sbuf_str(&got), want), sbuf_str(&got));
		free(want);
	}
	sbuf_free(&got);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: test_frames DATA_DIR GOLDEN_DIR [--update]\n", stderr);
		return 2;
	}
	bool update = argc > 3 && strcmp(argv[3], "--update") == 0;
	setlocale(LC_ALL, "C.UTF-8");
	struct ak_dataset ds = {0}, counts = {0};
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/counts", argv[2]);
	if (!load(argv[1], &ds) || !load(dir, &counts))
		return 1;
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	int passed = 0, failed = 0;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		char num[16];
		snprintf(num, sizeof num, "%d", sizes[z].rows);
		setenv("LINES", num, 1);
		snprintf(num, sizeof num, "%d", sizes[z].cols);
		setenv("COLUMNS", num, 1);
		SCREEN *scr = newterm("xterm-256color", out, in);
		if (!scr) {
			fputs("test_frames: newterm failed\n", stderr);
			return 1;
		}
		theme_init(false);
		for (size_t i = 0; i < sizeof scenes / sizeof scenes[0]; i++) {
			const struct scene *s = &scenes[i];
			if (check_scene(s->counts ? &counts : &ds, s, sizes[z].rows, sizes[z].cols,
					argv[2], update))
				passed++;
			else
				failed++;
		}
		endwin();
		delscreen(scr);
	}
	fclose(out);
	fclose(in);
	dataset_free(&ds);
	dataset_free(&counts);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
