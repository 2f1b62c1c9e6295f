/* listmodel.c - the list of municipalities: which are listed (region,
 * only those with figures), in what order (Danish alphabetical order, rate,
 * change, cases), the selection kept in view, the search, and the actions
 * that change what the list holds (area, year, sort, filters). */
#include "ankekort/browse/listmodel.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/lineedit.h"
#include "ankekort/data/names.h"

/* Sort key for Danish alphabetical order: æ, ø, å after z. Written to
 * out, which has room for name's bytes and the terminating NUL (a key is
 * never longer than its name); returns the end of the key, after its NUL. */
static char *danish_key(const char *name, char *out)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)name[i];
		if (c < 0x80) { /* most names are ASCII but for a letter or two */
			*out++ = textfmt_ascii_lower((char)c);
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(name + i, len - i, &cp);
		i += n ? n : 1;
		if (cp == 0xC6 || cp == 0xE6)
			*out++ = '{';
		else if (cp == 0xD8 || cp == 0xF8)
			*out++ = '|';
		else if (cp == 0xC5 || cp == 0xE5)
			*out++ = '}';
		else
			*out++ = '~';
	}
	*out++ = '\0';
	return out;
}

struct sort_item {
	int code;
	const char *key;
	bool has;
	double value;
};

static int cmp_items(const void *pa, const void *pb)
{
	const struct sort_item *x = pa, *y = pb;
	if (x->has != y->has)
		return x->has ? -1 : 1;
	if (x->has && x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void sort_value(const struct app *a, struct sort_item *it)
{
	double r;
	long cases = -1;
	switch (a->lm.sort) {
	case SORT_NAME: it->has = false; break;
	case SORT_RATE: it->has = app_rate_of(a, app_year(a), it->code, &it->value, NULL); break;
	case SORT_CHANGE: { /* from the last earlier year with a figure */
		int dec;
		it->has = app_change_of(a, it->code, &it->value, &dec);
		break;
	}
	default:
		app_rate_of(a, app_year(a), it->code, &r, &cases);
		it->has = cases >= 0;
		it->value = (double)cases;
		break;
	}
}

static bool included(const struct app *a, const struct ak_municipality *m)
{
	double r;
	if (a->lm.region >= 0 && strcmp(m->region, a->lm.regions[a->lm.region]) != 0)
		return false;
	if (a->lm.only_figures && !app_rate_of(a, app_year(a), m->code, &r, NULL))
		return false;
	return true;
}

/* Rebuilds the list after a change of sort, filter, area or year, keeping
 * the selected municipality where it is still listed. */
void list_rebuild(struct app *a)
{
	app_refresh_figures(a);
	int keep = a->lm.n_list ? a->lm.list[a->lm.sel] : AK_NATIONAL_CODE;
	const struct ak_dataset *ds = a->ds;
	struct sort_item *items = xcalloc(ds->n_munis, sizeof *items);
	size_t room = 1;
	for (size_t i = 0; i < ds->n_munis; i++)
		room += strlen(ds->munis[i].name) + 1;
	char *keys = xmalloc(room), *end = keys; /* every key, one after the other */
	size_t n = 0;
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *m = &ds->munis[i];
		if (m->code == AK_NATIONAL_CODE || !included(a, m))
			continue;
		items[n] = (struct sort_item){.code = m->code, .key = end};
		end = danish_key(m->name, end);
		sort_value(a, &items[n]);
		n++;
	}
	qsort(items, n, sizeof *items, cmp_items);
	free(a->lm.list);
	a->lm.list = xcalloc(n + 1, sizeof *a->lm.list);
	a->lm.n_list = 0;
	if (dataset_muni(ds, AK_NATIONAL_CODE))
		a->lm.list[a->lm.n_list++] = AK_NATIONAL_CODE;
	for (size_t i = 0; i < n; i++)
		a->lm.list[a->lm.n_list++] = items[i].code;
	free(items);
	free(keys);
	a->lm.sel = 0;
	for (size_t i = 0; i < a->lm.n_list; i++)
		if (a->lm.list[i] == keep)
			a->lm.sel = i;
}

void list_clamp(struct app *a)
{
	size_t rows = app_list_rows(a);
	if (a->lm.n_list == 0) {
		a->lm.sel = a->lm.top = 0;
		return;
	}
	if (a->lm.sel >= a->lm.n_list)
		a->lm.sel = a->lm.n_list - 1;
	if (rows == 0)
		return; /* nothing visible: keep the scroll position for when it grows */
	if (a->lm.sel < a->lm.top)
		a->lm.top = a->lm.sel;
	if (a->lm.sel >= a->lm.top + rows)
		a->lm.top = a->lm.sel - rows + 1;
	if (a->lm.n_list > rows && a->lm.top > a->lm.n_list - rows)
		a->lm.top = a->lm.n_list - rows;
	if (a->lm.n_list <= rows)
		a->lm.top = 0;
}

void app_select_code(struct app *a, int code)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < a->lm.n_list; i++) {
			if (a->lm.list[i] == code) {
				a->lm.sel = i;
				list_clamp(a);
				a->scroll[PANE_REMANDED] = a->scroll[PANE_BREAKDOWN] = 0;
				return;
			}
		}
		a->lm.region = -1;
		a->lm.only_figures = false;
		list_rebuild(a);
	}
}

/* Selects the next entry from start (dir 1 or -1) that the search matches. */
static bool list_find(struct app *a, size_t start, int dir)
{
	if (!a->pr.query[0] || a->lm.n_list == 0)
		return false;
	char *folded, *loose;
	names_fold_query(a->pr.query, &folded, &loose);
	bool found = false;
	for (size_t k = 0; k < a->lm.n_list && !found; k++) {
		size_t i = dir > 0 ? (start + k) % a->lm.n_list
				   : (start + a->lm.n_list - k % a->lm.n_list) % a->lm.n_list;
		if (names_index_contains(&a->lm.names, a->lm.list[i], folded, loose)) {
			a->lm.sel = i;
			list_clamp(a);
			found = true;
		}
	}
	free(folded);
	free(loose);
	return found;
}

static void no_match(struct app *a)
{
	snprintf(a->message, sizeof a->message, _("No municipality in the list matches \"%s\""),
		 a->pr.query);
}

unsigned list_search_step(struct app *a, int dir)
{
	if (!a->pr.query[0]) {
		snprintf(a->message, sizeof a->message, _("No search yet: press / to search"));
		return DIRTY_SCREEN;
	}
	if (!list_find(a, dir > 0 ? a->lm.sel + 1 : a->lm.sel + a->lm.n_list - 1, dir))
		no_match(a);
	return DIRTY_SCREEN;
}

static unsigned set_area(struct app *a, enum ak_area area)
{
	a->area = area;
	list_rebuild(a);
	list_clamp(a);
	return DIRTY_SCREEN;
}

static unsigned set_year(struct app *a, int dir)
{
	if (dir < 0 && a->year_idx == 0)
		return DIRTY_NONE;
	if (dir > 0 && a->year_idx + 1 >= a->ds->n_years)
		return DIRTY_NONE;
	a->year_idx = (size_t)((long)a->year_idx + dir);
	app_keep_years_apart(a);
	list_rebuild(a);
	list_clamp(a);
	return DIRTY_SCREEN;
}

static unsigned cycle_region(struct app *a)
{
	a->lm.region = a->lm.region + 1 >= (int)a->lm.n_regions ? -1 : a->lm.region + 1;
	list_rebuild(a);
	list_clamp(a);
	size_t n = a->lm.n_list > 0 ? a->lm.n_list - 1 : 0; /* the national row is pinned */
	if (a->lm.region >= 0)
		snprintf(a->message, sizeof a->message,
			 ngettext("Region: %s, %zu municipality (r: the next region)",
				  "Region: %s, %zu municipalities (r: the next region)", n),
			 a->lm.regions[a->lm.region], n);
	else
		snprintf(a->message, sizeof a->message, "%s",
			 _("Every region: the whole country again"));
	return DIRTY_SCREEN;
}

unsigned list_apply(struct app *a, enum ak_action act)
{
	switch (act) {
	case ACT_AREA_1: return set_area(a, AREA_GENERELT);
	case ACT_AREA_2: return set_area(a, AREA_BOERNEHANDICAP);
	case ACT_AREA_3: return set_area(a, AREA_VOKSENHANDICAP);
	case ACT_YEAR_PREV:
	case ACT_LEFT: return set_year(a, -1);
	case ACT_YEAR_NEXT:
	case ACT_RIGHT: return set_year(a, 1);
	case ACT_SORT:
		a->lm.sort = (enum ak_sort)((a->lm.sort + 1) % SORT_COUNT);
		snprintf(a->message, sizeof a->message, _("Sorted by %s"),
			 app_sort_name(a->lm.sort));
		list_rebuild(a);
		list_clamp(a);
		return DIRTY_SCREEN;
	case ACT_REGION: return cycle_region(a);
	case ACT_ONLY_FIGURES:
		a->lm.only_figures = !a->lm.only_figures;
		list_rebuild(a);
		list_clamp(a);
		snprintf(a->message, sizeof a->message, "%s",
			 a->lm.only_figures
				 ? _("Only municipalities with a figure are listed (f: all again)")
				 : _("Every municipality is listed again"));
		return DIRTY_SCREEN;
	default: return DIRTY_NONE;
	}
}

void list_collect_regions(struct app *a)
{
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		char *r = a->ds->munis[i].region;
		bool seen = !r[0];
		for (size_t k = 0; k < a->lm.n_regions && !seen; k++)
			seen = strcmp(a->lm.regions[k], r) == 0;
		if (seen)
			continue;
		a->lm.regions =
			xreallocarray(a->lm.regions, a->lm.n_regions + 1, sizeof *a->lm.regions);
		a->lm.regions[a->lm.n_regions++] = r;
	}
}

/* Text typed at the search prompt: the list follows as it is typed; Esc
 * goes back to where the search started, Enter stays. */
unsigned list_search_input(struct app *a, int key)
{
	a->message[0] = '\0';
	if (key == AK_KEY_ESC) {
		for (size_t i = 0; i < a->lm.n_list; i++)
			if (a->lm.list[i] == a->pr.search_origin)
				a->lm.sel = i;
		list_clamp(a);
		a->overlay = OVERLAY_NONE;
		return DIRTY_SCREEN;
	}
	if (key == AK_KEY_ENTER) {
		/* a search that matches nothing leaves the selection where it was */
		if (a->pr.query[0] && !list_find(a, 0, 1)) {
			for (size_t i = 0; i < a->lm.n_list; i++)
				if (a->lm.list[i] == a->pr.search_origin)
					a->lm.sel = i;
			list_clamp(a);
			no_match(a);
		}
		a->overlay = OVERLAY_NONE;
		return DIRTY_SCREEN;
	}
	struct lineedit e = {
		.buf = a->pr.query, .size = sizeof a->pr.query, .cursor = a->pr.query_cursor};
	enum lineedit_result r = lineedit_key(&e, key);
	a->pr.query_cursor = e.cursor;
	if (r == LINEEDIT_IGNORED)
		return DIRTY_NONE;
	if (r == LINEEDIT_MOVED)
		return DIRTY_SCREEN;
	if (a->pr.query[0] && !list_find(a, 0, 1))
		no_match(a);
	a->scroll[PANE_REMANDED] = 0;
	return DIRTY_SCREEN;
}
