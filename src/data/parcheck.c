/* parcheck.c - the rows below law level checked (see parcheck.h). */
#include "ankekort/data/parcheck.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/partable.h"

static long count(struct ak_num n)
{
	return n.present ? (long)n.value : -1;
}

/* remanded + changed = reversed, upheld + reversed = cases, no part above
 * cases: as the year files' rows are checked. */
static void check_row(const struct ak_par *p, struct diag_list *out)
{
	long cases = count(p->cases), up = count(p->upheld), rem = count(p->remanded),
	     chg = count(p->changed), rev = count(p->reversed);
	struct sbuf b = {0};
	if (rem >= 0 && chg >= 0 && rev >= 0 && rem + chg != rev)
		sbuf_printf(&b, "remanded %ld + changed %ld = %ld, not reversed %ld", rem, chg,
			    rem + chg, rev);
	if (rev < 0 && rem >= 0 && chg >= 0)
		rev = rem + chg;
	if (up >= 0 && rev >= 0 && cases >= 0 && up + rev != cases)
		sbuf_printf(&b, "%supheld %ld + reversed %ld = %ld, not cases %ld",
			    b.len ? "; " : "", up, rev, up + rev, cases);
	const long parts[] = {up, rem, chg, rev};
	for (size_t i = 0; cases >= 0 && i < 4; i++)
		if (parts[i] > cases) {
			sbuf_printf(&b, "%sa part (%ld) is larger than cases (%ld)",
				    b.len ? "; " : "", parts[i], cases);
			break;
		}
	if (b.len)
		diag_add(out, DIAG_WARNING, p->path, p->line, 0,
			 "%d code %d \"%s\": the counts do not add up: %s", p->year, p->code,
			 p->label, sbuf_str(&b));
	if (!p->paragraphs[0])
		diag_add(out, DIAG_WARNING, p->path, p->line, 0,
			 "%d code %d \"%s\" names no paragraph the area rules can place: it counts "
			 "for generelt only",
			 p->year, p->code, p->label);
	sbuf_free(&b);
}

void parcheck(const struct ak_dataset *ds, struct diag_list *out)
{
	struct hashtab seen = {0}; /* (year, code, area) whose table was checked */
	for (size_t i = 0; i < ds->n_pars; i++) {
		const struct ak_par *p = &ds->pars[i];
		check_row(p, out);
		for (int a = 0; a < AREA_COUNT; a++) {
			uint64_t key = ((uint64_t)(unsigned)p->year * 1000u + (unsigned)p->code) *
					       4u +
				       (unsigned)a + 1u,
				 v;
			size_t pos = 0;
			if (!(p->areas & (1u << a)) || hashtab_next(&seen, key, &pos, &v))
				continue;
			hashtab_add(&seen, key, 1);
			struct partable t;
			partable_build(ds, p->code, p->year, (enum ak_area)a, PARORDER_FILE, false,
				       &t);
			if (!t.ties_out)
				diag_add(out, DIAG_WARNING, p->path, p->line, 0,
					 "%d %s code %d: the paragraphs add up to more than the "
					 "area figure (%s): parts exceed their whole",
					 p->year, area_id((enum ak_area)a), p->code, t.mismatch);
			partable_free(&t);
		}
	}
	hashtab_free(&seen);
	diag_list_flush(out); /* the "N more problems" line, as facts_analyse() */
}
