/* quartercells.c - the quarters of a quarterly table kept as they are,
 * beside the years they are summed to: preliminary figures between the
 * maps, written to quarters.csv (quartermerge.c), never to the year files. */
#include "quartercells.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/import.h"
#include "cells.h"
#include "importer.h"
#include "values.h"

/* A count of a quarter's part: unknown when a ".." or NA went into it. */
static struct ak_num count_of(const struct part *p, enum meas m)
{
	struct ak_num v = p->v[m];
	if (p->suppressed[m] || p->missing[m])
		v.present = false;
	return v;
}

static bool quarter_of(struct importer *im, const struct cell *c, int q, const char *source,
		       struct ak_quarter *out)
{
	/* the law's own row wins over its paragraphs, as for the year */
	const struct part *p = imp_part_get(c, LVL_LAW, q);
	if (!p->rows)
		p = imp_part_get(c, LVL_PARAGRAPH, q);
	if (!p->rows)
		return false;
	struct ak_quarter k = {.year = c->year, .quarter = q, .code = c->code, .area = c->area};
	k.cases = count_of(p, M_CASES);
	k.upheld = count_of(p, M_UPHELD);
	k.remanded = count_of(p, M_REMANDED);
	k.changed = count_of(p, M_CHANGED);
	k.reversed = count_of(p, M_REVERSED);
	k.dismissed = count_of(p, M_DISMISSED);
	if (!k.cases.present && !k.upheld.present && !k.remanded.present && !k.changed.present &&
	    !k.reversed.present && !k.dismissed.present)
		return false; /* percentages only, or nothing known */
	const char *base = strrchr(im->path, '/');
	struct sbuf note = {0};
	sbuf_printf(&note, AK_NOTE_IMPORTED "%s (%s, %s). Foreløbige kvartalstal.",
		    base ? base + 1 : im->path, import_format_name(im->res->format),
		    im->res->encoding);
	bool unknown = false;
	for (int m = 0; m < M_RATE; m++)
		unknown |= p->suppressed[m] || p->missing[m];
	if (unknown)
		sbuf_puts(&note, " Et eller flere tal er udeladt (..) eller mangler (NA).");
	k.note = sbuf_take(&note);
	k.source.text = xstrdup(source);
	k.source.kind = im->res->format == IMPORT_SHEET ? SOURCE_MUNICIPALITY : SOURCE_STATISTICS;
	k.source.date = xstrdup(im->o->source_date ? im->o->source_date : "");
	k.source.url = xstrdup(im->o->source_url ? im->o->source_url : "");
	k.path = im->path;
	k.line = c->first_line;
	*out = k;
	return true;
}

void imp_quarters(struct importer *im)
{
	struct import_result *res = im->res;
	size_t n = 0; /* cells with quarters: at most four quarters each */
	for (size_t i = 0; i < im->n_cells; i++)
		n += im->cells[i].quarters[LVL_LAW] || im->cells[i].quarters[LVL_PARAGRAPH];
	if (!n)
		return;
	char *source = imp_source_text(im);
	res->quarters = xcalloc(4 * n + 1, sizeof *res->quarters);
	for (size_t i = 0; i < im->n_cells; i++) {
		const struct cell *c = &im->cells[i];
		if (c->conflict_line)
			continue; /* a key repeated with another value: no figure */
		for (int q = 1; q <= 4; q++)
			if (quarter_of(im, c, q, source, &res->quarters[res->n_quarters]))
				res->n_quarters++;
	}
	free(source);
}
