/* modecompare.c - compare municipalities between two years: all, the
 * selection's region, the 6-byer or the marked ones (tables_compare). */
#include "ankekort/browse/mode.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/tablemode.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/output/peers.h"
#include "ankekort/output/tables.h"

static size_t compare_codes(const struct app *a, int *codes)
{
	size_t n = 0;
	const struct ak_municipality *sel = dataset_muni(a->ds, app_code(a));
	if (a->tm.cmp_set == CMP_6BYER) {
		for (size_t i = 0; i < 6; i++)
			if (dataset_muni(a->ds, factsheet_6byer[i]))
				codes[n++] = factsheet_6byer[i];
		return n;
	}
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		const struct ak_municipality *m = &a->ds->munis[i];
		if (m->code == AK_NATIONAL_CODE)
			continue;
		if (a->tm.cmp_set == CMP_MARKED && !a->tm.marked[m->code])
			continue;
		if (a->tm.cmp_set == CMP_REGION && sel && sel->region[0] &&
		    strcmp(m->region, sel->region) != 0)
			continue;
		codes[n++] = m->code;
	}
	return n;
}

static void compare_table(struct app *a, struct tview *t)
{
	int y1 = a->ds->n_years ? a->ds->years[a->tm.year2_idx] : 0;
	int *codes = xcalloc(a->ds->n_munis + 1, sizeof *codes);
	size_t n = compare_codes(a, codes);
	tables_compare(a->ds, codes, n, a->area, y1, app_year(a), t);
	free(codes);
}

static void compare_title(const struct app *a, struct vlines *out)
{
	vline_add(out, ROLE_HEADER, _("  set: %s (p)  other year: < >"), app_cmpset_name(a));
}

static void compare_export_name(const struct app *a, struct sbuf *b)
{
	sbuf_puts(b, "sammenligning-"); /* untranslated: a file name */
	sbuf_puts(b, area_id(a->area));
	sbuf_printf(b, "-%d-%d", a->ds->n_years ? a->ds->years[a->tm.year2_idx] : 0, app_year(a));
}

/* The other year starts before the main one. */
static void compare_open(struct app *a)
{
	if (a->tm.year2_idx >= a->year_idx)
		a->tm.year2_idx = a->year_idx > 0 ? a->year_idx - 1 : 0;
}

static const enum ak_action compare_own[] = {ACT_COMPARE_SET, ACT_YEAR2_PREV, ACT_SORT_REVERSE,
					     ACT_NONE};

const struct mode_ops mode_compare = {
	.name = "compare",
	.keys = table_apply,
	.own = compare_own,
	.frame = table_frame,
	.table = compare_table,
	.title = compare_title,
	.export_name = compare_export_name,
	.export_write = table_export_write,
	.open = compare_open,
};
