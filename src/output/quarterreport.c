/* quarterreport.c - print --by quarter (see quarterreport.h). */
#include "ankekort/output/quarterreport.h"

#include <stdlib.h>

#include "ankekort/base/xalloc.h"
#include "ankekort/output/quartertable.h"
#include "ankekort/output/tview.h"

/* The newest quarter loaded of the municipalities asked for (and the
 * nation), in year when it is not 0. */
static bool as_of(const struct ak_dataset *ds, const struct print_query *q, int *year, int *quarter)
{
	int best = 0;
	for (size_t i = 0; i < ds->n_quarters; i++) {
		const struct ak_quarter *r = &ds->quarters[i];
		bool asked = !q->codes || r->code == AK_NATIONAL_CODE;
		for (size_t k = 0; !asked && k < q->n_codes; k++)
			asked = q->codes[k] == r->code;
		if (!asked || (q->year && r->year != q->year) ||
		    (q->area >= 0 && (int)r->area != q->area))
			continue;
		if (r->year * 4 + r->quarter - 1 > best)
			best = r->year * 4 + r->quarter - 1;
	}
	if (!best)
		return false;
	*year = best / 4;
	*quarter = best % 4 + 1;
	return true;
}

/* Every municipality with a quarter, in the municipalities' order, when
 * none was asked for. */
static int *with_quarters(const struct ak_dataset *ds, size_t *n)
{
	int *codes = xcalloc(ds->n_munis + 1, sizeof *codes);
	*n = 0;
	for (size_t m = 0; m < ds->n_munis; m++) {
		int code = ds->munis[m].code;
		for (size_t i = 0; code != AK_NATIONAL_CODE && i < ds->n_quarters; i++)
			if (ds->quarters[i].code == code) {
				codes[(*n)++] = code;
				break;
			}
	}
	return codes;
}

bool quarterreport_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q)
{
	int year, quarter;
	if (!as_of(ds, q, &year, &quarter))
		return false;
	size_t n = q->n_codes;
	int *all = q->codes ? NULL : with_quarters(ds, &n);
	struct tview t;
	quartertable_build_many(ds, all ? all : q->codes, n, q->area, year, quarter, &t);
	bool any = t.nrows > 0;
	if (any)
		tview_write(&t, out, q->format);
	tview_free(&t);
	free(all);
	return any;
}
