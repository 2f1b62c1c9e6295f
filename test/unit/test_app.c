/* Browser state without a terminal: selection, sorting, filters, search,
 * scrolling, resize clamping, key bindings and pane contents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "ankekort/browse/app.h"
#include "ankekort/browse/appcycle.h"
#include "ankekort/browse/appregister.h"
#include "ankekort/browse/frame.h"
#include "ankekort/data/funnel.h"
#include "ankekort/browse/input.h"
#include "ankekort/browse/layout.h"
#include "ankekort/browse/listmodel.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/output/tview.h"
#include "ankekort/output/tables.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/view.h"
#include "ankekort/browse/lineedit.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/maplayout.h"
#include "ankekort/data/cycle.h"
#include "test_common.h"

/* What the loop does after a key: build the frame (which clamps the scroll
 * offsets), here thrown away. */
static void frame_once(struct app *a)
{
	struct frame f;
	frame_build(a, NULL, &f);
	frame_free(&f);
}

static unsigned apply(struct app *a, enum ak_action act)
{
	unsigned d = app_apply(a, act);
	frame_once(a);
	return d;
}

static unsigned resize(struct app *a, int rows, int cols)
{
	unsigned d = app_resize(a, rows, cols);
	frame_once(a);
	return d;
}

/* Whether the last key asked the loop to export. */
static bool export_asked(struct app *a)
{
	return app_take_request(a) == APP_REQ_EXPORT;
}

static const char *name_at(const struct app *a, size_t i)
{
	return dataset_muni(a->ds, a->lm.list[i])->name;
}

/* All text of a vlines joined, lines separated by '\n'. Caller frees. */
static char *joined(const struct vlines *v)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < v->n; i++) {
		for (size_t k = 0; k < v->lines[i].n; k++)
			sbuf_puts(&b, v->lines[i].spans[k].text);
		sbuf_putc(&b, '\n');
	}
	return sbuf_take(&b);
}

static void test_initial_state(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	assert_int_equal(app_code(&a), 0);
	assert_int_equal(app_year(&a), 2024);
	assert_int_equal(a.area, AREA_GENERELT);
	assert_int_equal(a.lm.n_list, 99);
	assert_string_equal(name_at(&a, 0), "Hele landet");
	assert_string_equal(name_at(&a, 1), "Aabenraa");
	assert_string_equal(name_at(&a, 98), "Ærø"); /* Danish order: Æ, Ø, Å after Z */
	app_free(&a);
}

static void test_danish_order(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	size_t aero = 0, vordingborg = 0;
	for (size_t i = 0; i < a.lm.n_list; i++) {
		if (strcmp(name_at(&a, i), "Ærø") == 0)
			aero = i;
		if (strcmp(name_at(&a, i), "Vordingborg") == 0)
			vordingborg = i;
	}
	assert_true(aero > vordingborg);
	app_free(&a);
}

static void test_move_and_clamp(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	resize(&a, 30, 100);
	apply(&a, ACT_MOVE_UP);
	assert_int_equal(a.lm.sel, 0);
	apply(&a, ACT_END);
	assert_int_equal(a.lm.sel, 98);
	assert_int_equal(a.lm.top, 98 - app_list_rows(&a) + 1);
	apply(&a, ACT_HOME);
	assert_int_equal(a.lm.sel, 0);
	assert_int_equal(a.lm.top, 0);
	apply(&a, ACT_PAGE_DOWN);
	assert_int_equal(a.lm.sel, app_list_rows(&a) - 1);
	app_free(&a);
}

static void test_resize_keeps_selection_visible(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, -1, 0);
	resize(&a, 60, 200);
	apply(&a, ACT_END);
	resize(&a, 20, 60);
	assert_int_equal(a.lm.sel, 98);
	assert_true(a.lm.sel >= a.lm.top && a.lm.sel < a.lm.top + app_list_rows(&a));
	resize(&a, 5, 10);
	assert_true(app_too_small(&a));
	assert_true(layout_of(&a).too_small);
	assert_int_equal(a.lm.sel, 98);
	resize(&a, 30, 100);
	assert_false(layout_of(&a).too_small);
	assert_true(a.lm.sel >= a.lm.top && a.lm.sel < a.lm.top + app_list_rows(&a));
	app_free(&a);
}

static void test_layout(void **state)
{
	(void)state;
	struct layout l;
	layout_compute(24, 80, 5, false, &l);
	assert_false(l.too_small);
	assert_int_equal(l.list.y, 2);
	assert_int_equal(l.list.h, 20);
	assert_int_equal(l.breakdown.x, l.list.w);
	assert_int_equal(l.breakdown.h + l.trend.h + l.remanded.h, 20);
	assert_int_equal(l.trend.h, 6); /* title + one line per year */
	assert_int_equal(l.keybar.y, 23);
	layout_compute(11, 80, 5, false, &l);
	assert_true(l.too_small);
	layout_compute(24, 39, 5, false, &l);
	assert_true(l.too_small);
}

static void test_sort_by_rate(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, -1, 2024);
	apply(&a, ACT_SORT);
	assert_int_equal(a.lm.sort, SORT_RATE);
	const char *want[] = {"Hele landet", "Esbjerg",	  "Randers", "Odense",
			      "Aalborg",     "København", "Aarhus",  "Aabenraa"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_string_equal(name_at(&a, i), want[i]);
	assert_int_equal(app_code(&a), 751); /* the selection follows the municipality */
	/* by change: from the last earlier year with a figure (2021; no 2022 or
	 * 2023 figures for the 6 cities), and the list shows the change (issue 26) */
	apply(&a, ACT_SORT);
	assert_int_equal(a.lm.sort, SORT_CHANGE);
	double change;
	int dec;
	assert_true(app_change_of(&a, 751, &change, &dec)); /* Aarhus 28 -> 39 */
	assert_float_equal(change, 11, 1e-9);
	assert_int_equal(dec, 0);
	bool aarhus_ranked = false;
	for (size_t i = 1; i < a.lm.n_list && i < 8; i++)
		aarhus_ranked |= a.lm.list[i] == 751;
	assert_true(aarhus_ranked); /* a change across the gap counts in the sort */
	struct vlines v = {0};
	view_list_title(&a, 40, &v);
	char *t = joined(&v);
	assert_non_null(strstr(t, "Change"));
	free(t);
	vlines_free(&v);
	for (size_t i = 0; i < a.lm.n_list; i++)
		if (a.lm.list[i] == 751)
			view_list_row(&a, i, 40, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "+11"));
	free(t);
	vlines_free(&v);
	apply(&a, ACT_SORT); /* cases */
	apply(&a, ACT_SORT); /* back to name */
	assert_int_equal(a.lm.sort, SORT_NAME);
	assert_string_equal(name_at(&a, 1), "Aabenraa");
	app_free(&a);
}

static void test_filters(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 101, -1, 2024);
	apply(&a, ACT_ONLY_FIGURES);
	assert_int_equal(a.lm.n_list, 7);
	assert_int_equal(app_code(&a), 101);
	apply(&a, ACT_ONLY_FIGURES);
	assert_int_equal(a.lm.n_list, 99);
	for (size_t i = 0; i < a.lm.n_regions; i++) {
		apply(&a, ACT_REGION);
		if (strcmp(a.lm.regions[a.lm.region], "Region Midtjylland") == 0)
			break;
	}
	bool aarhus = false, kbh = false;
	for (size_t i = 0; i < a.lm.n_list; i++) {
		aarhus |= a.lm.list[i] == 751;
		kbh |= a.lm.list[i] == 101;
	}
	assert_true(aarhus);
	assert_false(kbh);
	assert_int_equal(a.lm.list[0], 0); /* the national row stays pinned */
	app_free(&a);
}

static void test_search(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	apply(&a, ACT_SEARCH);
	assert_int_equal(a.overlay, OVERLAY_SEARCH);
	const char *q = "århus";
	size_t len = strlen(q);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(q + i, len - i, &cp);
		app_search_input(&a, (int)cp);
	}
	assert_int_equal(app_code(&a), 751);
	app_search_input(&a, AK_KEY_ESC);
	assert_int_equal(app_code(&a), 0); /* Esc goes back to where the search began */
	apply(&a, ACT_SEARCH);
	app_search_input(&a, 'f');
	app_search_input(&a, 'r');
	app_search_input(&a, 'e');
	assert_string_equal(name_at(&a, a.lm.sel), "Fredensborg");
	app_search_input(&a, AK_KEY_ENTER);
	assert_int_equal(a.overlay, OVERLAY_NONE);
	apply(&a, ACT_SEARCH_NEXT);
	assert_string_equal(name_at(&a, a.lm.sel), "Fredericia");
	apply(&a, ACT_SEARCH_PREV);
	assert_string_equal(name_at(&a, a.lm.sel), "Fredensborg");
	apply(&a, ACT_SEARCH);
	app_search_input(&a, 'x');
	app_search_input(&a, 'q');
	assert_non_null(strstr(a.message, "No municipality"));
	app_search_input(&a, AK_KEY_BACKSPACE);
	assert_string_equal(a.pr.query, "x");
	app_search_input(&a, AK_KEY_ESC);
	/* a code finds its municipality (issue 13, 12) */
	apply(&a, ACT_SEARCH);
	app_search_input(&a, '7');
	app_search_input(&a, '5');
	app_search_input(&a, '1');
	assert_int_equal(app_code(&a), 751);
	app_search_input(&a, AK_KEY_ENTER);
	/* Enter on a search that matches nothing keeps the selection (issue 26) */
	apply(&a, ACT_SEARCH);
	app_search_input(&a, 'a');
	app_search_input(&a, 'a');
	app_search_input(&a, 'b');
	assert_int_equal(app_code(&a), 580); /* Aabenraa, while it matched */
	app_search_input(&a, 'x');
	app_search_input(&a, AK_KEY_ENTER);
	assert_int_equal(app_code(&a), 751);
	assert_non_null(strstr(a.message, "No municipality"));
	/* the usual abbreviations: KBH and Kbh. are København (issue 26) */
	apply(&a, ACT_SEARCH);
	app_search_input(&a, 'K');
	app_search_input(&a, 'b');
	app_search_input(&a, 'h');
	app_search_input(&a, '.');
	assert_int_equal(app_code(&a), 101);
	app_search_input(&a, AK_KEY_ENTER);
	assert_int_equal(app_code(&a), 101);
	app_free(&a);
}

static void test_area_year_and_focus(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 707, -1, 2023);
	assert_int_equal(app_year(&a), 2023);
	apply(&a, ACT_AREA_2);
	assert_int_equal(a.area, AREA_BOERNEHANDICAP);
	apply(&a, ACT_YEAR_PREV);
	assert_int_equal(app_year(&a), 2022);
	assert_int_equal(app_prev_year(&a), 2021);
	assert_int_equal(app_code(&a), 707);
	apply(&a, ACT_HOME);
	apply(&a, ACT_END);
	assert_int_equal(apply(&a, ACT_YEAR_NEXT), DIRTY_SCREEN);
	apply(&a, ACT_YEAR_NEXT);
	apply(&a, ACT_YEAR_NEXT);
	assert_int_equal(apply(&a, ACT_YEAR_NEXT), DIRTY_NONE); /* no year after 2024 */
	apply(&a, ACT_FOCUS_NEXT);
	assert_int_equal(a.focus, PANE_BREAKDOWN);
	apply(&a, ACT_FOCUS_PREV);
	apply(&a, ACT_FOCUS_PREV);
	assert_int_equal(a.focus, PANE_REMANDED);
	assert_int_equal(apply(&a, ACT_QUIT), DIRTY_QUIT);
	app_free(&a);
}

static void test_bindings_cover_every_action(void **state)
{
	(void)state;
	char keys[128];
	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		action_keys((enum ak_action)act, keys, sizeof keys);
		assert_true(keys[0] != '\0');
		assert_true(action_help((enum ak_action)act)[0] != '\0');
	}
	assert_int_equal(action_for_key('q'), ACT_QUIT);
	assert_int_equal(action_for_key(AK_KEY_F10), ACT_QUIT_ALL);
	assert_int_equal(action_for_key('/'), ACT_SEARCH);
	assert_int_equal(action_for_key(AK_KEY_F3), ACT_SEARCH);
	assert_int_equal(action_for_key(AK_KEY_LEFT), ACT_LEFT);
	assert_int_equal(action_for_key('['), ACT_YEAR_PREV);
	assert_int_equal(action_for_key('m'), ACT_MAP);
	assert_int_equal(action_for_key('j'), ACT_MOVE_DOWN);
	assert_int_equal(action_for_key('Z'), ACT_NONE);
}

static void test_pane_contents(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	struct vlines v = {0};
	view_breakdown(&a, 80, &v);
	char *t = joined(&v);
	assert_non_null(strstr(t, "Reversal rate 39 %"));
	assert_non_null(strstr(t, "Remanded 33 %  Changed 6 %"));
	/* a rank says among how many it is (issue 13, 4) */
	/* whole numbers: the difference as whole points (issue 26) */
	assert_non_null(strstr(t, "National 45 %  difference -6 points"));
	assert_non_null(strstr(t, "1st lowest of the 6 municipalities with a figure"));
	free(t);
	vlines_free(&v);
	/* the upper half counts from the top (issue 26) */
	struct app h;
	app_init(&h, &ds, 461, AREA_GENERELT, 2024);
	view_breakdown(&h, 80, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "3rd highest of the 6 municipalities with a figure"));
	free(t);
	vlines_free(&v);
	app_free(&h);
	struct app c; /* a split from another source shows, with that source (issue 13, 8) */
	app_init(&c, &ds, 0, AREA_BOERNEHANDICAP, 2021);
	view_breakdown(&c, 80, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "Remanded 25 %  Changed 11 %"));
	assert_non_null(strstr(t, "Remanded and changed from Københavns Kommune"));
	free(t);
	vlines_free(&v);
	app_free(&c);
	struct app b; /* Norddjurs 2023: the only figure, so no rank at all */
	app_init(&b, &ds, 707, AREA_GENERELT, 2023);
	view_breakdown(&b, 80, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "National"));
	assert_null(strstr(t, "lowest"));
	assert_null(strstr(t, "rank"));
	free(t);
	vlines_free(&v);
	app_free(&b);
	view_trend(&a, 80, &v);
	t = joined(&v);
	assert_int_equal(v.n, 1 + ds.n_years + 2); /* the years, then the 2 shipped events */
	assert_non_null(strstr(t, "2022  (no figure)"));
	assert_non_null(strstr(t, "DK 45"));
	/* across the gap: 2024's 39 against 2021's 28, whole points (issue 26);
	 * the year of an event marked with its number (issue 27, 4) */
	assert_non_null(strstr(t, "39 % \xE2\x96\xB2  +11  DK 45 [2]\n"));
	assert_non_null(strstr(t, "DK 37.5 [1]\n"));
	assert_non_null(strstr(t, "\n [2] 1 Jan 2024, law: Barnets lov tr\xC3\xA6"
				  "der i kraft"));
	free(t);
	vlines_free(&v);
	app_free(&a);
}

static void test_mouse(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	app_resize(&a, 30, 100); /* no frame built: the layout follows the size */
	struct layout l = layout_of(&a);
	/* a click on the fourth list row selects the fourth entry */
	assert_int_equal(app_click(&a, l.list.y + 4, 3), DIRTY_SCREEN);
	assert_int_equal(a.lm.sel, 3);
	assert_int_equal(a.focus, PANE_LIST);
	/* a click in the trend pane focuses it */
	app_click(&a, l.trend.y + 1, l.trend.x + 2);
	assert_int_equal(a.focus, PANE_TREND);
	/* the wheel over the list moves the selection three at a time */
	app_wheel(&a, l.list.y + 2, 2, 1);
	assert_int_equal(a.focus, PANE_LIST);
	assert_int_equal(a.lm.sel, 6);
	app_wheel(&a, l.list.y + 2, 2, -1);
	assert_int_equal(a.lm.sel, 3);
	/* clicks outside every pane do nothing */
	assert_int_equal(app_click(&a, 0, 0), DIRTY_NONE);
	app_free(&a);
}

static void test_wrap(void **state)
{
	(void)state;
	struct vlines v = {0};
	view_wrap(&v, "Ærøskøbing ligger på Ærø, og æøå skal aldrig deles midt i et bogstav.", 12,
		  1, ROLE_NORMAL);
	for (size_t i = 0; i < v.n; i++) {
		const char *s = v.lines[i].spans[0].text;
		assert_true(textfmt_width(s) <= 12);
		assert_false(textfmt_needs_escape(s)); /* valid UTF-8: nothing cut mid-letter */
	}
	assert_string_equal(v.lines[0].spans[0].text, " Ærøskøbing");
	vlines_free(&v);
	view_wrap(&v, "a\x1B[2Jb", 40, 0, ROLE_NORMAL);
	assert_string_equal(v.lines[0].spans[0].text, "a\\x1B[2Jb");
	vlines_free(&v);
}

/* The compare view never compares a year with itself (issue 13, 1). */
static void test_compare_years_apart(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 707, -1, 0);
	apply(&a, ACT_VIEW_COMPARE);
	assert_int_not_equal(a.tm.year2_idx, a.year_idx);
	for (int i = 0; i < 6; i++) { /* down to the first year and past it */
		apply(&a, ACT_YEAR_PREV);
		assert_int_not_equal(a.tm.year2_idx, a.year_idx);
	}
	for (int i = 0; i < 6; i++) {
		apply(&a, ACT_YEAR2_NEXT);
		assert_int_not_equal(a.tm.year2_idx, a.year_idx);
	}
	apply(&a, ACT_YEAR_NEXT);
	apply(&a, ACT_YEAR_NEXT);
	for (int i = 0; i < 6; i++) {
		apply(&a, ACT_YEAR2_PREV);
		assert_int_not_equal(a.tm.year2_idx, a.year_idx);
	}
	app_free(&a);
}

/* q steps back (overlay, view, map), quits only from the panes; Q and F10
 * quit from anywhere; keys do not leak through the help (issue 13, 13). */
static void test_q_steps_back(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 40, 120);
	apply(&a, ACT_HELP);
	assert_int_equal(a.overlay, OVERLAY_HELP);
	apply(&a, ACT_AREA_2); /* under the help: nothing happens */
	apply(&a, ACT_YEAR_PREV);
	apply(&a, ACT_VIEW_COMPARE);
	assert_int_equal(a.area, AREA_GENERELT);
	assert_int_equal(app_year(&a), 2024);
	assert_ptr_equal(a.mode, &mode_list);
	assert_int_equal(apply(&a, ACT_QUIT) & DIRTY_QUIT, 0);
	assert_int_equal(a.overlay, OVERLAY_NONE);
	apply(&a, ACT_VIEW_COMPARE);
	assert_ptr_equal(a.mode, &mode_compare);
	assert_int_equal(apply(&a, ACT_QUIT) & DIRTY_QUIT, 0);
	assert_ptr_equal(a.mode, &mode_list);
	apply(&a, ACT_MAP);
	assert_true(a.mp.show_map);
	assert_int_equal(apply(&a, ACT_QUIT) & DIRTY_QUIT, 0);
	assert_false(a.mp.show_map);
	assert_true(apply(&a, ACT_QUIT) & DIRTY_QUIT);
	apply(&a, ACT_VIEW_YOY);
	assert_true(apply(&a, ACT_QUIT_ALL) & DIRTY_QUIT);
	assert_int_equal(action_for_key('Q'), ACT_QUIT_ALL);
	assert_int_equal(action_for_key(AK_KEY_F10), ACT_QUIT_ALL);
	assert_int_equal(action_for_key('q'), ACT_QUIT);
	app_free(&a);
}

static void type(struct lineedit *e, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		lineedit_key(e, (int)cp);
		i += n ? n : 1;
	}
}

/* The prompts edit like a shell line (issue 13, 14). */
static void test_line_editing(void **state)
{
	(void)state;
	char buf[32];
	struct lineedit e = {.buf = buf, .size = sizeof buf};
	lineedit_set(&e, "");
	type(&e, "rapport.md");
	lineedit_key(&e, 1); /* Ctrl-A */
	type(&e, "ny-");
	assert_string_equal(buf, "ny-rapport.md");
	lineedit_key(&e, 5); /* Ctrl-E */
	lineedit_key(&e, AK_KEY_LEFT);
	lineedit_key(&e, AK_KEY_LEFT);
	lineedit_key(&e, AK_KEY_LEFT);
	lineedit_key(&e, AK_KEY_BACKSPACE);
	type(&e, "ø");
	assert_string_equal(buf, "ny-rapporø.md");
	lineedit_key(&e, AK_KEY_LEFT); /* over the two-byte ø in one step */
	lineedit_key(&e, AK_KEY_DELETE);
	assert_string_equal(buf, "ny-rappor.md");
	lineedit_key(&e, AK_KEY_HOME);
	lineedit_key(&e, AK_KEY_DELETE);
	assert_string_equal(buf, "y-rappor.md");
	lineedit_key(&e, AK_KEY_END);
	lineedit_set(&e, "/tmp/a dir/sheet.md");
	lineedit_key(&e, 23); /* Ctrl-W: the word before the cursor */
	assert_string_equal(buf, "/tmp/a dir/");
	lineedit_key(&e, AK_KEY_LEFT);
	lineedit_key(&e, 21); /* Ctrl-U: to the start */
	assert_string_equal(buf, "/");
	lineedit_set(&e, "abc");
	lineedit_key(&e, AK_KEY_HOME);
	lineedit_key(&e, 11); /* Ctrl-K: to the end */
	assert_string_equal(buf, "");
	assert_int_equal(lineedit_key(&e, 0x1B), LINEEDIT_IGNORED); /* no control characters */
	/* the buffer never overflows and characters are never cut */
	lineedit_set(&e, "");
	for (int i = 0; i < 40; i++)
		lineedit_key(&e, 0xE6); /* æ */
	assert_true(strlen(buf) < sizeof buf);
	assert_int_equal(strlen(buf) % 2, 0);
	/* ~ is the home directory */
	setenv("HOME", "/home/udvalg", 1);
	lineedit_set(&e, "~/ark.md");
	assert_true(lineedit_expand_home(&e));
	assert_string_equal(buf, "/home/udvalg/ark.md");
	lineedit_set(&e, "~other/ark.md");
	assert_true(lineedit_expand_home(&e));
	assert_string_equal(buf, "~other/ark.md");
}

/* The export prompt uses it, and Enter expands ~ (issue 13, 14). */
static void test_export_prompt_edits(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 40, 120);
	apply(&a, ACT_EXPORT);
	assert_int_equal(a.overlay, OVERLAY_EXPORT);
	app_search_input(&a, 21); /* Ctrl-U clears the proposed name */
	assert_string_equal(a.pr.export_path, "");
	const char *name = "~/x.md";
	for (const char *c = name; *c; c++)
		app_search_input(&a, *c);
	app_search_input(&a, AK_KEY_HOME);
	app_search_input(&a, AK_KEY_RIGHT);
	app_search_input(&a, AK_KEY_RIGHT);
	app_search_input(&a, 'y');
	assert_string_equal(a.pr.export_path, "~/yx.md");
	setenv("HOME", "/home/udvalg", 1);
	app_search_input(&a, AK_KEY_ENTER);
	assert_true(export_asked(&a));
	assert_string_equal(a.pr.export_path, "/home/udvalg/yx.md");
	app_free(&a);
}

/* Under the Danish interface the yes/no prompt takes j (issue 13, 14). */
static void test_danish_yes(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	app_confirm(&a, 'j');
	assert_false(export_asked(&a)); /* English: j is no */
	i18n_init("da");
	assert_true(i18n_danish());
	app_confirm(&a, 'j');
	assert_true(export_asked(&a));
	app_confirm(&a, 'J');
	assert_true(export_asked(&a));
	app_confirm(&a, 'n');
	assert_false(export_asked(&a));
	i18n_init("en");
	app_free(&a);
}

/* The list title's words follow the language: each is translated once and
 * remembered by its address (i18n_literal), and forgotten when the language
 * changes. The catalogue is the build tree's (build/locale). */
static bool title_says(const struct app *a, const char *word)
{
	struct vlines v = {0};
	view_list_title(a, 40, &v);
	bool found = false;
	for (size_t i = 0; i < v.n; i++)
		for (size_t k = 0; k < v.lines[i].n; k++)
			found = found || strstr(v.lines[i].spans[k].text, word);
	vlines_free(&v);
	return found;
}

static void test_words_follow_language(void **state)
{
	(void)state;
	char exe[4096], dir[4200];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	*strrchr(exe, '/') = '\0';
	snprintf(dir, sizeof dir, "%s/../locale", exe);
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	assert_true(title_says(&a, "Cases"));
	i18n_init("da");
	bindtextdomain("ankekort", dir);
	assert_true(title_says(&a, "Sager"));
	i18n_init("en");
	assert_true(title_says(&a, "Cases"));
	app_free(&a);
}

/* On the map, Right goes to the next tile on the screen's row, even where
 * geography points elsewhere (issue 13, 15). */
static void test_map_arrows_follow_the_grid(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 24, 80);
	apply(&a, ACT_MAP);
	assert_true(a.mp.show_map);
	assert_true(a.mp.map.n > 0);
	size_t differ = 0;
	for (size_t i = 0; i < a.mp.map.n; i++) {
		int code = a.mp.map.tiles[i].code;
		int grid = map_grid_step(&a.mp.map, code, 1, 0);
		if (grid < 0 || grid == map_neighbour(&ds, code, 1, 0))
			continue;
		struct app b;
		app_init(&b, &ds, code, AREA_GENERELT, 2024);
		resize(&b, 24, 80);
		apply(&b, ACT_MAP);
		apply(&b, ACT_RIGHT);
		assert_int_equal(app_code(&b), grid);
		app_free(&b);
		differ++;
	}
	assert_true(differ > 0); /* the grid and geography do disagree somewhere */
	/* the selected tile has no class colour, keeps its class digit, and the
	 * title names it with its class (issue 26) */
	struct vlines v = {0};
	view_map(&a, 80, &v);
	bool found = false;
	for (size_t l = 0; l < v.n; l++)
		for (size_t s = 0; s < v.lines[l].n; s++) {
			const struct vspan *sp = &v.lines[l].spans[s];
			if (strncmp(sp->text, "AAR", 3) == 0) {
				assert_int_equal(sp->role, ROLE_MAP_SELECTED);
				assert_string_equal(sp->text, "AAR3"); /* 39 %: class 3, 30-40 */
				found = true;
			} else {
				assert_int_not_equal(sp->role, ROLE_MAP_SELECTED);
			}
		}
	assert_true(found);
	char *t = joined(&v);
	assert_non_null(strstr(t, "Aarhus (class 3)"));
	free(t);
	vlines_free(&v);
	app_free(&a);
}

/* From 120 columns the key bar shows the views and the mode's keys
 * (issue 26). */
static void test_keybar_wide(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 30, 80);
	struct vlines v = {0};
	view_keybar(&a, &v);
	char *t = joined(&v);
	assert_non_null(strstr(t, "Map"));
	assert_null(strstr(t, "Peers"));
	free(t);
	vlines_free(&v);
	resize(&a, 30, 120);
	view_keybar(&a, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "dYears"));
	assert_non_null(strstr(t, "tPeers"));
	assert_non_null(strstr(t, "FFunnel"));
	assert_non_null(strstr(t, "oSources"));
	assert_null(strstr(t, "Other year")); /* a compare key, not in the panes */
	free(t);
	vlines_free(&v);
	apply(&a, ACT_VIEW_COMPARE);
	view_keybar(&a, &v);
	t = joined(&v);
	assert_non_null(strstr(t, "pSet"));
	assert_non_null(strstr(t, "< >Other year"));
	assert_non_null(strstr(t, "SReverse"));
	assert_non_null(strstr(t, "F10Quit"));
	/* the views' words give way to the mode's keys and Quit */
	assert_true(textfmt_width(t) <= 120 + 1); /* and its newline */
	free(t);
	vlines_free(&v);
	app_free(&a);
}

/* r and f say what they did; the status line shows a filter first, so it
 * stays in view at 80 columns (issue 26). */
static void test_filters_said(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 24, 80);
	apply(&a, ACT_REGION);
	assert_non_null(strstr(a.message, "Region: Region "));
	assert_non_null(strstr(a.message, "municipalities (r: the next region)"));
	char region[128];
	snprintf(region, sizeof region, "%s", a.lm.regions[a.lm.region]);
	apply(&a, ACT_ONLY_FIGURES);
	assert_string_equal(a.message,
			    "Only municipalities with a figure are listed (f: all again)");
	a.message[0] = '\0';
	struct vlines v = {0};
	view_status(&a, &v);
	char *t = joined(&v);
	assert_true(strstr(t, region) == t + 1); /* first on the line */
	assert_non_null(strstr(t, "only with figures |"));
	free(t);
	vlines_free(&v);
	apply(&a, ACT_ONLY_FIGURES);
	assert_string_equal(a.message, "Every municipality is listed again");
	app_free(&a);
}

/* Plurals go through ngettext: "1 municipality marked" (issue 13, 16). */
static void test_plurals(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 40, 120);
	apply(&a, ACT_MARK);
	assert_string_equal(a.message, "1 municipality marked");
	apply(&a, ACT_MARK);
	assert_string_equal(a.message, "2 municipalities marked");
	/* the peer table says who is in it: the marked, and the selection when it
	 * is not one of them (issue 26) */
	struct peer_set p;
	app_peer_set(&a, &p); /* Aarhus and the next one marked; the selection moved on */
	assert_int_equal(p.n, 3);
	assert_non_null(strstr(p.label, "2 marked and "));
	assert_non_null(strstr(p.label, ", the selection"));
	peers_free(&p);
	app_free(&a);
	app_init(&a, &ds, 707, AREA_GENERELT, 2023); /* nothing marked: the 6-byer */
	app_peer_set(&a, &p);
	assert_string_equal(p.label, "6-byer and Norddjurs, the selection");
	peers_free(&p);
	app_free(&a);
	/* the user's own municipality (the config's kommune) is the table's own,
	 * wherever the selection is (issue 26) */
	app_init(&a, &ds, 751, AREA_GENERELT, 2023);
	a.home = 707;
	apply(&a, ACT_MARK); /* Aarhus marked */
	app_peer_set(&a, &p);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.codes[0], 751);
	assert_int_equal(p.codes[1], 707); /* the municipality itself last */
	assert_string_equal(p.label, "1 marked and Norddjurs, your municipality");
	peers_free(&p);
	app_free(&a);
	app_init(&a, &ds, 707, AREA_GENERELT, 2023);
	struct vlines v = {0};
	view_status(&a, &v);
	char *t = joined(&v);
	assert_non_null(strstr(t, "Generelt 2023: 1 of 98 municipalities has a figure"));
	free(t);
	vlines_free(&v);
	app_free(&a);
}

/* At 80x24 a pane can take the whole right side, and a wide table scrolls
 * sideways with its first column kept (issue 13, 17). */
static void test_zoom_and_hscroll(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 250, AREA_BOERNEHANDICAP, 2021);
	/* no frame built between the keys: the layout follows the state */
	app_resize(&a, 24, 80);
	struct layout l = layout_of(&a);
	int right = l.breakdown.h + l.trend.h + l.remanded.h;
	assert_true(l.remanded.h <= 4);
	app_apply(&a, ACT_ZOOM); /* from the list: the remanded cases */
	assert_int_equal(a.focus, PANE_REMANDED);
	l = layout_of(&a);
	assert_int_equal(l.remanded.h, right);
	assert_int_equal(l.breakdown.h, 0);
	assert_int_equal(l.trend.h, 0);
	app_apply(&a, ACT_FOCUS_NEXT); /* the zoom follows the focus */
	app_apply(&a, ACT_FOCUS_NEXT);
	assert_int_equal(a.focus, PANE_BREAKDOWN);
	l = layout_of(&a);
	assert_int_equal(l.breakdown.h, right);
	assert_int_equal(l.remanded.h, 0);
	/* a page in the zoomed pane is its whole height */
	app_apply(&a, ACT_PAGE_DOWN);
	assert_int_equal(a.scroll[PANE_BREAKDOWN], (size_t)right - 2);
	struct frame f;
	frame_build(&a, NULL, &f); /* the frame is laid out the same way */
	assert_int_equal(f.layout.breakdown.h, right);
	assert_int_equal(f.layout.list.w, l.list.w);
	frame_free(&f);
	app_apply(&a, ACT_ZOOM);
	l = layout_of(&a);
	assert_true(l.remanded.h > 0 && l.breakdown.h > 0);
	app_free(&a);

	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 24, 80);
	apply(&a, ACT_VIEW_COMPARE);
	apply(&a, ACT_COMPARE_SET);
	apply(&a, ACT_COMPARE_SET);
	int year = app_year(&a);
	apply(&a, ACT_RIGHT);
	apply(&a, ACT_RIGHT);
	assert_int_equal(a.tm.tcol, 2);
	assert_int_equal(app_year(&a), year); /* the arrows scroll, not the year */
	frame_build(&a, NULL, &f);
	char *t = joined(&f.table);
	assert_non_null(strstr(t, "Beyond chance")); /* the last column is in reach */
	assert_non_null(strstr(t, "Municipality"));  /* the first stays */
	assert_null(strstr(t, "Rate 2024"));	     /* scrolled past */
	free(t);
	frame_free(&f);
	resize(&a, 40, 250); /* it all fits: the arrows go back to the years */
	assert_int_equal(a.tm.tcol, 0);
	apply(&a, ACT_LEFT);
	assert_int_equal(app_year(&a), year - 1);
	app_free(&a);

	/* year over year at 80 columns: the area and the year never scroll away
	 * (issue 26) */
	app_init(&a, &ds, 707, AREA_GENERELT, 2023);
	resize(&a, 24, 80);
	apply(&a, ACT_VIEW_YOY);
	for (int i = 0; i < 8; i++)
		apply(&a, ACT_RIGHT);
	assert_true(a.tm.tcol > 0);
	frame_build(&a, NULL, &f);
	t = joined(&f.table);
	assert_non_null(strstr(t, "Area"));
	assert_non_null(strstr(t, "Year"));
	assert_non_null(strstr(t, "2023")); /* each row still says its year */
	free(t);
	frame_free(&f);
	app_free(&a);
}

/* Ranks among the municipalities with a rate, ties sharing a rank: 2024
 * generelt has Aarhus 39, København 40, Aalborg 41, Odense 44, Esbjerg 49,
 * Randers 49. */
static void test_rank(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	int of = 0;
	assert_int_equal(app_rank(&a, 751, &of), 1);
	assert_int_equal(of, 6);
	assert_int_equal(app_rank(&a, 101, &of), 2);
	assert_int_equal(app_rank(&a, 561, &of), 5);
	assert_int_equal(app_rank(&a, 730, &of), 5);
	assert_int_equal(app_rank(&a, 707, &of), 0);
	/* from the top: Esbjerg and Randers share the highest, Odense third */
	assert_int_equal(app_rank_from_top(&a, 561), 1);
	assert_int_equal(app_rank_from_top(&a, 730), 1);
	assert_int_equal(app_rank_from_top(&a, 461), 3);
	assert_int_equal(app_rank_from_top(&a, 707), 0);
	assert_int_equal(app_rank(&a, AK_NATIONAL_CODE, &of), 0);
	app_free(&a);
}

/* The cycle view: the selection's steps of the § 79 b cycle and what is
 * due as of the day (ANKEKORT_TODAY), on the synthetic record of
 * test/data/cycle; the arrows walk the list as in the panes. */
static void test_cycle_view(void **state)
{
	(void)state;
	setenv("ANKEKORT_TODAY", "2025-11-20", 1);
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	resize(&a, 30, 120);
	apply(&a, ACT_VIEW_CYCLE);
	assert_string_equal(a.mode->name, "cycle");
	struct frame f;
	frame_build(&a, NULL, &f);
	char *text = joined(&f.page);
	assert_non_null(strstr(text, "No cycle record is loaded."));
	free(text);
	frame_free(&f);
	struct cycle c = {0};
	struct diag_list diags = {0};
	char path[4096];
	snprintf(path, sizeof path, "%s/test/data/cycle/cycle.csv", SOURCE_ROOT);
	assert_true(cycle_load(&c, path, &diags));
	ds.cycle = &c;
	app_select_code(&a, 707);
	frame_build(&a, NULL, &f);
	assert_int_equal(f.kind, FRAME_PAGE);
	text = joined(&f.page);
	assert_non_null(strstr(text, "cycle \xC2\xB7 Norddjurs"));
	assert_non_null(strstr(
		text, " The 2024 maps\n   [6] 5 Jun 2025: published\n   [7] 12 Nov 2025: committee "
		      "meeting (Socialudvalget)"));
	assert_non_null(strstr(text, "Not yet recorded: 2024 maps: discussed in committee 12 Nov"));
	assert_non_null(strstr(text, " The 2023 maps\n"));
	assert_non_null(strstr(text, "Nothing is due by the rules in force."));
	free(text);
	frame_free(&f);
	apply(&a, ACT_MOVE_DOWN); /* the next municipality: the list's */
	assert_true(app_code(&a) != 707);
	frame_build(&a, NULL, &f);
	text = joined(&f.page);
	assert_non_null(strstr(text, "names no step of this municipality's"));
	free(text);
	frame_free(&f);
	apply(&a, ACT_VIEW_CYCLE); /* the key again: back to the panes */
	assert_string_equal(a.mode->name, "list");
	ds.cycle = NULL;
	cycle_free(&c);
	diag_list_free(&diags);
	app_free(&a);
	unsetenv("ANKEKORT_TODAY");
}

/* The funnel's points are built once for a year and area, shared by the
 * funnel's keys and its frame, and built again when either changes. */
static void test_funnel_kept(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	apply(&a, ACT_VIEW_FUNNEL);
	const struct funnel *fn = app_funnel(&a);
	assert_int_equal(fn->year, 2024);
	assert_int_equal(fn->area, AREA_GENERELT);
	apply(&a, ACT_MOVE_UP);
	assert_ptr_equal(app_funnel(&a), fn);
	assert_int_equal(app_funnel(&a)->year, 2024);
	apply(&a, ACT_AREA_2);
	assert_int_equal(app_funnel(&a)->area, AREA_BOERNEHANDICAP);
	apply(&a, ACT_YEAR_PREV);
	assert_int_equal(app_funnel(&a)->year, app_year(&a));
	assert_true(app_year(&a) < 2024);
	app_free(&a);
}

/* P opens the paragraph view for the selection, area and year (the
 * shipped Norddjurs 2023 table): the largest excess first, then by
 * reversed where no excess is known; s cycles the orders, R reverses,
 * the totals stay last; the area and year keys change what it shows. */
static void test_paragraph_view(void **state)
{
	(void)state;
	struct app a;
	app_init(&a, &ds, 707, AREA_GENERELT, 2023);
	assert_int_equal(action_for_key('P'), ACT_VIEW_PARA);
	apply(&a, ACT_VIEW_PARA);
	assert_ptr_equal(a.mode, &mode_para);
	struct tview t;
	app_table(&a, &t);
	assert_non_null(strstr(t.title, "Norddjurs, Generelt 2023, by reversed above national"));
	assert_int_equal(t.nrows, 12); /* 9 paragraphs, other, total, rest */
	assert_string_equal(tview_text(&t, 0, 0), "§ 83");
	assert_string_equal(tview_text(&t, 10, 0), "Total (the area figure)");
	assert_string_equal(tview_text(&t, 10, 5), "31"); /* reversed: the map's figure */
	tview_free(&t);
	apply(&a, ACT_SORT); /* by reversed */
	apply(&a, ACT_SORT); /* by cases */
	apply(&a, ACT_SORT); /* by rate */
	apply(&a, ACT_SORT); /* by paragraph */
	app_table(&a, &t);
	assert_non_null(strstr(t.title, "by paragraph"));
	assert_string_equal(tview_text(&t, 0, 0), "§ 41");
	tview_free(&t);
	apply(&a, ACT_SORT_REVERSE);
	app_table(&a, &t);
	assert_string_equal(tview_text(&t, 0, 0), "§ 113");
	assert_string_equal(tview_text(&t, t.nrows - 2, 0), "Total (the area figure)");
	tview_free(&t);
	apply(&a, ACT_AREA_2);
	app_table(&a, &t);
	assert_int_equal(t.nrows, 5); /* §§ 41, 43, 44-45, other, total */
	tview_free(&t);
	apply(&a, ACT_YEAR_PREV);
	app_table(&a, &t);
	assert_int_equal(t.nrows, 0);
	assert_non_null(
		strstr(t.note, "No paragraph rows loaded for Norddjurs, Børnehandicap 2022"));
	tview_free(&t);
	assert_int_equal(apply(&a, ACT_QUIT) & DIRTY_QUIT, 0);
	assert_ptr_equal(a.mode, &mode_list);
	app_free(&a);
}

/* The list rows a frame keeps are the rows it would build: after every
 * key of a sequence, a frame built with the memo shows the same list, span
 * by span and role by role, as one built from scratch. */
static char *list_with_roles(const struct vlines *v)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < v->n; i++) {
		for (size_t k = 0; k < v->lines[i].n; k++)
			sbuf_printf(&b, "<%d>%s", (int)v->lines[i].spans[k].role,
				    v->lines[i].spans[k].text);
		sbuf_putc(&b, '\n');
	}
	return sbuf_take(&b);
}

static void test_frame_memo(void **state)
{
	(void)state;
	const enum ak_action keys[] = {
		ACT_MOVE_DOWN,	ACT_MOVE_DOWN, ACT_SORT,      ACT_MOVE_DOWN, ACT_MARK,
		ACT_FOCUS_NEXT, ACT_AREA_2,    ACT_YEAR_PREV, ACT_SORT,	     ACT_PAGE_DOWN,
		ACT_FOCUS_PREV, ACT_MARK,      ACT_END,	      ACT_HOME,	     ACT_REGION,
	};
	struct app a;
	app_init(&a, &ds, 751, AREA_GENERELT, 2024);
	resize(&a, 40, 120);
	struct frame_memo *memo = frame_memo_new();
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		app_apply(&a, keys[k]);
		struct frame kept, fresh;
		frame_build(&a, memo, &kept);
		frame_build(&a, NULL, &fresh);
		char *x = list_with_roles(&kept.list), *y = list_with_roles(&fresh.list);
		assert_string_equal(x, y);
		assert_true(fresh.list.n > 10);
		free(x);
		free(y);
		frame_free(&kept);
		frame_free(&fresh);
	}
	frame_memo_free(memo);
	app_free(&a);
}

/* A borrowed line reads its owner's spans until a span is added to it,
 * which makes it a copy of its own; each frees only what it owns (ASan). */
static void test_borrowed_line(void **state)
{
	(void)state;
	struct vlines owner = {0}, v = {0};
	vline_add(&owner, ROLE_NORMAL, "%s", "Aarhus");
	vlines_append_borrowed(&v, &owner.lines[0]);
	assert_ptr_equal(v.lines[0].spans, owner.lines[0].spans);
	vline_add(&v, ROLE_DIM, "%s", " 12");
	assert_ptr_not_equal(v.lines[0].spans, owner.lines[0].spans);
	assert_int_equal(v.lines[0].n, 2);
	assert_string_equal(v.lines[0].spans[0].text, "Aarhus");
	assert_string_equal(v.lines[0].spans[1].text, " 12");
	assert_int_equal(owner.lines[0].n, 1);
	vlines_append_borrowed(&v, &owner.lines[0]);
	vlines_free(&v); /* leaves the owner's spans */
	assert_string_equal(owner.lines[0].spans[0].text, "Aarhus");
	vlines_free(&owner);
}

static void type_answer(struct app *a, const char *text)
{
	app_search_input(a, 21); /* Ctrl-U: the value offered goes */
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(text + i, len - i, &cp);
		app_search_input(a, (int)cp);
	}
	app_search_input(a, AK_KEY_ENTER);
}

/* A finished register prompt is saved by the loop, not by the key: the
 * key leaves APP_REQ_REGISTER and writes nothing; app_register_save()
 * writes the entry and says so. */
static void test_register_save_is_a_request(void **state)
{
	(void)state;
	char dir[] = "/tmp/ankekort_regreqXXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/register.csv", dir);
	struct reg r;
	struct diag_list d = {0};
	assert_true(register_load(&r, path, &d));
	struct app a;
	app_init(&a, &ds, 250, AREA_BOERNEHANDICAP, 2021);
	a.reg = &r;
	apply(&a, ACT_REGISTER_ADD);
	assert_int_equal(a.overlay, OVERLAY_REGISTER);
	const char *answers[] = {"\xC2\xA7 41", "2021-03-02",  "2021-06-01",
				 "favour",	"information", "ny udtalelse fra skolen"};
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
		type_answer(&a, answers[i]);
	assert_int_equal(a.overlay, OVERLAY_NONE);
	assert_int_equal(app_take_request(&a), APP_REQ_REGISTER);
	assert_int_equal(access(path, F_OK), -1); /* the key wrote nothing */
	app_register_save(&a);
	assert_string_equal(a.message, "Entry 1 saved in the register");
	assert_int_equal(r.n, 1);
	assert_string_equal(r.e[0].paragraph, "\xC2\xA7 41");
	struct reg back;
	assert_true(register_load(&back, path, &d));
	assert_int_equal(back.n, 1);
	assert_string_equal(back.e[0].remanded, "2021-03-02");
	register_free(&back);
	app_free(&a);
	register_free(&r);
	diag_list_free(&d);
	unlink(path);
	rmdir(dir);
}

/* Whether the status line shows text. */
static bool status_shows(const struct app *a, const char *text)
{
	struct vlines v = {0};
	view_status(a, &v);
	char *t = joined(&v);
	bool found = strstr(t, text) != NULL;
	free(t);
	vlines_free(&v);
	return found;
}

/* The cycle view's A, C and D: a finished prompt is a request the loop
 * carries out (app_cycle_save), under the lock, as `ankekort cycle` does;
 * the key itself writes nothing. Only the fields of the step's kind are
 * asked; a wrong answer is said on the status line and asked again; a
 * step changed by another ankekort since it was read is not written over;
 * D asks first. */
static void test_cycle_save_is_a_request(void **state)
{
	(void)state;
	char dir[] = "/tmp/ankekort_cycreqXXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/cycle.csv", dir);
	struct cycle c;
	struct diag_list d = {0};
	assert_true(cycle_load(&c, path, &d));
	struct app a;
	app_init(&a, &ds, 250, AREA_BOERNEHANDICAP, 2021);
	resize(&a, 30, 200);
	a.cycle = &c;
	apply(&a, ACT_CYCLE_ADD);
	assert_int_equal(a.overlay, OVERLAY_NONE); /* only in the cycle view */
	assert_true(status_shows(&a, "recorded in its view (a)"));
	apply(&a, ACT_VIEW_CYCLE);
	apply(&a, ACT_CYCLE_EDIT);
	assert_int_equal(a.overlay, OVERLAY_NONE); /* nothing to change yet */
	apply(&a, ACT_CYCLE_ADD);
	assert_int_equal(a.overlay, OVERLAY_CYCLE);
	type_answer(&a, "decision");
	assert_int_equal(a.cp.step, CPS_YEAR);
	type_answer(&a, "2024");
	type_answer(&a, "2025-13-01");
	assert_int_equal(a.cp.step, CPS_DATE); /* asked again, the problem said */
	assert_true(status_shows(&a, "\"2025-13-01\" is not a date"));
	type_answer(&a, "2025-10-29");
	type_answer(&a, "maybe");
	assert_int_equal(a.cp.step, CPS_PLAN);
	type_answer(&a, "yes");
	type_answer(&a, "SEL \xC2\xA7 41");
	type_answer(&a, "2026");
	assert_int_equal(a.cp.step, CPS_TEXT); /* a decision has no deadline */
	type_answer(&a, "Byr\xC3\xA5"
			"det");
	assert_int_equal(a.overlay, OVERLAY_NONE);
	assert_int_equal(app_take_request(&a), APP_REQ_CYCLE);
	assert_int_equal(access(path, F_OK), -1); /* the key wrote nothing */
	app_cycle_save(&a);
	assert_string_equal(a.message, "Step 1 saved in the cycle record");
	struct cycle back;
	assert_true(cycle_load(&back, path, &d));
	assert_int_equal(back.n, 1);
	assert_int_equal(back.e[0].code, 250);
	assert_int_equal(back.e[0].year, 2024);
	assert_int_equal(back.e[0].kind, CYC_DECISION);
	assert_int_equal(back.e[0].plan, PLAN_YES);
	assert_string_equal(back.e[0].areas, "SEL \xC2\xA7 41");
	assert_string_equal(back.e[0].period, "2026");
	cycle_free(&back);

	/* C offers the newest step; a decision turned into a council meeting
	 * loses the plan's fields */
	apply(&a, ACT_CYCLE_EDIT);
	assert_string_equal(a.cp.text, "1");
	type_answer(&a, "1");
	type_answer(&a, "council");
	type_answer(&a, "2024");
	type_answer(&a, "2025-10-30");
	assert_int_equal(a.cp.step, CPS_TEXT);
	type_answer(&a, "");
	assert_int_equal(app_take_request(&a), APP_REQ_CYCLE);
	app_cycle_save(&a);
	assert_string_equal(a.message, "Step 1 changed in the cycle record");
	assert_true(cycle_load(&back, path, &d));
	assert_int_equal(back.e[0].kind, CYC_COUNCIL);
	assert_int_equal(back.e[0].plan, PLAN_NONE);
	assert_string_equal(back.e[0].areas, "");
	assert_string_equal(back.e[0].date, "2025-10-30");

	/* another ankekort changes the step meanwhile: not written over */
	apply(&a, ACT_CYCLE_EDIT);
	type_answer(&a, "1");
	free(back.e[0].text);
	back.e[0].text = strdup("changed elsewhere");
	char *err = NULL;
	assert_true(cycle_save(&back, &err));
	for (int i = 0; i < 4; i++)
		app_search_input(&a, AK_KEY_ENTER);
	assert_int_equal(app_take_request(&a), APP_REQ_CYCLE);
	app_cycle_save(&a);
	assert_string_equal(a.message, "Not saved: step 1 was changed by another ankekort since "
				       "it was read; look at it again");
	assert_string_equal(c.e[0].text, "changed elsewhere"); /* what the file holds */
	cycle_free(&back);

	/* D asks; n keeps it, y deletes it */
	apply(&a, ACT_CYCLE_DELETE);
	type_answer(&a, "1");
	app_search_input(&a, 'n');
	assert_int_equal(app_take_request(&a), APP_REQ_NONE);
	assert_int_equal(c.n, 1);
	apply(&a, ACT_CYCLE_DELETE);
	type_answer(&a, "1");
	app_search_input(&a, 'y');
	assert_int_equal(app_take_request(&a), APP_REQ_CYCLE);
	app_cycle_save(&a);
	assert_string_equal(a.message, "Step 1 deleted from the cycle record");
	assert_true(cycle_load(&back, path, &d));
	assert_int_equal(back.n, 0);
	cycle_free(&back);
	app_free(&a);
	cycle_free(&c);
	diag_list_free(&d);
	unlink(path);
	rmdir(dir);
}

/* K: the quarters between the maps, labelled preliminary; without any
 * quarter loaded the view says how to get them (issue 27, 2). */
static void test_quarters_view(void **state)
{
	(void)state;
	struct app a;
	struct frame f;
	app_init(&a, &ds, 707, AREA_GENERELT, 2023);
	resize(&a, 30, 200);
	assert_int_equal(action_for_key('K'), ACT_VIEW_QUARTERS);
	apply(&a, ACT_VIEW_QUARTERS);
	assert_ptr_equal(a.mode, &mode_quarters);
	frame_build(&a, NULL, &f);
	char *t = joined(&f.table);
	assert_non_null(strstr(t, "none loaded"));
	assert_non_null(strstr(t, "import a quarterly table"));
	free(t);
	frame_free(&f);
	apply(&a, ACT_VIEW_QUARTERS); /* the key closes it again */
	assert_ptr_equal(a.mode, &mode_list);
	app_free(&a);

	struct ak_dataset q = {0};
	struct diag_list d = {0};
	struct load_result r = {0};
	assert_true(csvload_dir(&q, SOURCE_ROOT "/test/data/quarters", &d, &r));
	assert_int_equal(d.errors, 0);
	diag_list_free(&d);
	app_init(&a, &q, 707, AREA_GENERELT, 2024);
	resize(&a, 30, 200);
	apply(&a, ACT_VIEW_QUARTERS);
	frame_build(&a, NULL, &f);
	t = joined(&f.table);
	assert_non_null(strstr(t, "preliminary; the June map is the reference"));
	assert_non_null(strstr(t, "as of Q2 2025"));
	assert_non_null(strstr(t, "Year to date"));
	assert_non_null(strstr(t, "42.3")); /* 22 of 52 */
	assert_non_null(strstr(t, "Q3 2024\xE2\x80\x93Q2 2025"));
	assert_non_null(strstr(t, "too few cases to say anything"));
	assert_non_null(strstr(t, "missing: Q2 2024"));
	free(t);
	frame_free(&f);
	apply(&a, ACT_EXPORT);
	assert_int_equal(a.overlay, OVERLAY_EXPORT);
	assert_non_null(strstr(a.pr.export_path, "kvartaler-norddjurs"));
	app_free(&a);
	dataset_free(&q);
}

/* The list's markers and the help's legend come from AK_FLAGS: a place
 * for each marker, flags sharing one sharing its place. */
static void test_markers_and_legend(void **state)
{
	(void)state;
	const char *m[AK_N_MARKS];
	facts_marks(FLAG_SMALL_SAMPLE | FLAG_OTHER_INCONSISTENT | FLAG_ONE_LAW_ONLY, false, m);
	assert_string_equal(m[0], "s");
	assert_string_equal(m[1], "!");
	assert_string_equal(m[2], " ");
	facts_marks(FLAG_INCONSISTENT | FLAG_SOURCES_DISAGREE, false, m);
	assert_string_equal(m[0], " ");
	assert_string_equal(m[1], "!");
	assert_string_equal(m[2], "\xE2\x89\xA0");
	facts_marks(FLAG_SOURCES_DISAGREE, true, m);
	assert_string_equal(m[2], "~");
	facts_marks(FLAG_PUBLISHED_ONLY, false, m);
	assert_string_equal(m[0], " ");
	struct app a;
	app_init(&a, &ds, -1, -1, 0);
	struct vlines v = {0};
	view_help(&a, 76, &v);
	char *t = joined(&v);
	assert_non_null(strstr(t,
			       "Markers in the list\n"
			       " s  small sample: fewer than 20 cases\n"
			       " !  the published figures do not add up\n"
			       " \xE2\x89\xA0  sources publish different figures (o shows them)\n"
			       " \xE2\x80\x93  no figure published\n"));
	free(t);
	vlines_free(&v);
	a.ascii = true;
	view_help(&a, 76, &v);
	t = joined(&v);
	assert_non_null(strstr(t, " ~  sources publish different figures (o shows them)\n"));
	free(t);
	vlines_free(&v);
	/* the legend is the list's own help (mode_ops.help): a table view,
	 * which shows no markers, has the keys and how to read a rate */
	a.ascii = false;
	app_apply(&a, ACT_VIEW_YOY);
	assert_ptr_equal(a.mode, &mode_yoy);
	view_help(&a, 76, &v);
	t = joined(&v);
	assert_null(strstr(t, "Markers in the list"));
	assert_non_null(strstr(t, "Keys\n"));
	assert_non_null(strstr(t, "Reading the rate"));
	free(t);
	vlines_free(&v);
	app_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markers_and_legend),
		cmocka_unit_test(test_frame_memo),
		cmocka_unit_test(test_borrowed_line),
		cmocka_unit_test(test_funnel_kept),
		cmocka_unit_test(test_cycle_view),
		cmocka_unit_test(test_rank),
		cmocka_unit_test(test_zoom_and_hscroll),
		cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_keybar_wide),
		cmocka_unit_test(test_filters_said),
		cmocka_unit_test(test_map_arrows_follow_the_grid),
		cmocka_unit_test(test_danish_yes),
		cmocka_unit_test(test_words_follow_language),
		cmocka_unit_test(test_line_editing),
		cmocka_unit_test(test_export_prompt_edits),
		cmocka_unit_test(test_q_steps_back),
		cmocka_unit_test(test_compare_years_apart),
		cmocka_unit_test(test_initial_state),
		cmocka_unit_test(test_danish_order),
		cmocka_unit_test(test_move_and_clamp),
		cmocka_unit_test(test_resize_keeps_selection_visible),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_sort_by_rate),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_area_year_and_focus),
		cmocka_unit_test(test_bindings_cover_every_action),
		cmocka_unit_test(test_pane_contents),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_quarters_view),
		cmocka_unit_test(test_register_save_is_a_request),
		cmocka_unit_test(test_cycle_save_is_a_request),
		cmocka_unit_test(test_paragraph_view),
	};
	return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
