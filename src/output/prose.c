/* prose.c - the paragraph a sagsfremstilling opens with (faktaark
 * --prose): for each area with a figure, the level and the change in
 * points, the distance to the national rate, the cases it rests on, the
 * split with counts, and the caveats that apply. Written from the figures
 * the tables show, never from a source's free text. */
#include "ankekort/output/prose.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/doc.h"
#include "ankekort/output/peers.h"

/* How a sentence about an area begins. */
static const char *const area_opening[AREA_COUNT] = {N_("In the social area as a whole"),
						     N_("In the area of disabled children"),
						     N_("In the area of disabled adults")};

/* "40 pct." / "40 %": a share as the tables show it. */
static void pct(struct sbuf *b, struct ak_val v)
{
	char num[64];
	stats_val_text(num, sizeof num, v, "");
	sbuf_printf(b, _("%s %%"), num);
}

/* The difference of two shown shares in points, to the coarser of them. */
static double points(struct ak_val a, struct ak_val b, int *decimals)
{
	int da = stats_shown_decimals(a), db = stats_shown_decimals(b);
	*decimals = da < db ? da : db;
	double d = stats_round(a.value - b.value, *decimals);
	return d == 0 ? 0.0 : d;
}

static void points_text(struct sbuf *b, double d, int decimals)
{
	char num[64];
	snprintf(num, sizeof num, "%.*f", decimals, d < 0 ? -d : d);
	textfmt_localize(num);
	sbuf_printf(b, d == 1 ? _("%s point") : _("%s points"), num);
}

/* Ends a sentence: ". ", or only the space after a share that ends in a
 * full stop ("38,5 pct."). */
static void end_sentence(struct sbuf *b)
{
	sbuf_puts(b, b->len && b->data[b->len - 1] == '.' ? " " : ". ");
}

struct figure {
	bool has;
	const struct ak_obs *o;
	struct ak_figures f;
	struct ak_val rate, remanded, changed;
};

static bool figure_of(struct sheet *s, int year, int code, enum ak_area a, struct figure *x)
{
	memset(x, 0, sizeof *x);
	x->o = dataset_find(s->ds, year, code, a);
	if (!x->o || !cell_figures(s->ds, year, code, a, &x->f))
		return false;
	x->rate = cell_shown(x->o->rate_pct, x->f.rate);
	x->remanded = cell_shown(x->o->remanded_pct, x->f.remanded_pct);
	x->changed = cell_shown(x->o->changed_pct, x->f.changed_pct);
	sheet_used(s, x->o);
	sheet_used(s, x->f.counts_from);
	return x->has = true;
}

/* "In the area of disabled children Norddjurs has a reversal rate of 69 %
 * in 2023, based on 13 cases, against 20 % in 2022, a rise of 49 points." */
static void level(struct sbuf *b, struct sheet *s, enum ak_area a, const struct figure *x,
		  const struct figure *prev, int prev_year)
{
	sbuf_printf(b, _("%s, %s has a reversal rate of "), _(area_opening[a]), s->name);
	pct(b, x->rate);
	sbuf_printf(b, _(" in %d"), s->year);
	if (x->f.cases >= 0)
		sbuf_printf(b,
			    ngettext(", based on %ld case", ", based on %ld cases",
				     (unsigned long)x->f.cases),
			    x->f.cases);
	if (prev->has) {
		sbuf_puts(b, _(", against "));
		pct(b, prev->rate);
		sbuf_printf(b, _(" in %d"), prev_year);
		int d;
		double change = points(x->rate, prev->rate, &d);
		if (change != 0) {
			sbuf_puts(b, change > 0 ? _(", a rise of ") : _(", a fall of "));
			points_text(b, change, d);
		}
	}
	end_sentence(b);
}

/* "That is 21 points above the national rate of 48.4 %." */
static void national(struct sbuf *b, const struct figure *x, const struct figure *n)
{
	if (!n->has)
		return;
	int d;
	double diff = points(x->rate, n->rate, &d);
	if (diff == 0) {
		sbuf_puts(b, _("That is the national rate of "));
	} else {
		sbuf_puts(b, _("That is "));
		points_text(b, diff, d);
		sbuf_puts(b, diff > 0 ? _(" above the national rate of ")
				      : _(" below the national rate of "));
	}
	pct(b, n->rate);
	end_sentence(b);
}

/* "The reversed decisions are 1 changed or annulled (8 %) and 8 remanded
 * (62 %)." */
static void split(struct sbuf *b, const struct figure *x)
{
	if (!x->changed.present || !x->remanded.present)
		return;
	struct sbuf chg = {0}, rem = {0};
	pct(&chg, x->changed);
	pct(&rem, x->remanded);
	if (x->f.changed >= 0 && x->f.remanded >= 0)
		sbuf_printf(
			b,
			_("The reversed decisions split into %ld changed or annulled (%s) and %ld "
			  "remanded for a new decision (%s)."),
			x->f.changed, sbuf_str(&chg), x->f.remanded, sbuf_str(&rem));
	else
		sbuf_printf(b, _("Of them, %s were changed or annulled and %s remanded."),
			    sbuf_str(&chg), sbuf_str(&rem));
	sbuf_putc(b, ' ');
	sbuf_free(&chg);
	sbuf_free(&rem);
}

static void caveats(struct sbuf *b, const struct figure *x, const struct figure *prev,
		    int prev_year)
{
	if (x->f.small_sample && x->f.cases > 0) {
		char num[32];
		snprintf(num, sizeof num, "%.1f", 100.0 / (double)x->f.cases);
		textfmt_localize(num);
		sbuf_printf(b,
			    _("With fewer than %d cases one case more or less moves the rate by %s "
			      "points. "),
			    STATS_SMALL_SAMPLE, num);
	}
	if (prev->has && x->f.cases >= 0 && prev->f.cases >= 0 && x->f.cases != prev->f.cases)
		sbuf_printf(
			b,
			x->f.cases < prev->f.cases
				? _("The rate rests on fewer cases than in %d (%ld against %ld). ")
				: _("The rate rests on more cases than in %d (%ld against %ld). "),
			prev_year, x->f.cases, prev->f.cases);
}

static void area_paragraph(struct sheet *s, enum ak_area a, bool *remands)
{
	struct figure x, prev, nat;
	if (!figure_of(s, s->year, s->code, a, &x))
		return;
	int prev_year = 0;
	memset(&prev, 0, sizeof prev);
	for (size_t i = s->ds->n_years; i-- > 0 && !prev.has;)
		if (s->ds->years[i] < s->year && figure_of(s, s->ds->years[i], s->code, a, &prev))
			prev_year = s->ds->years[i];
	figure_of(s, s->year, AK_NATIONAL_CODE, a, &nat);
	struct sbuf b = {0};
	level(&b, s, a, &x, &prev, prev_year);
	national(&b, &x, &nat);
	split(&b, &x);
	caveats(&b, &x, &prev, prev_year);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	doc_para(&s->doc, sbuf_str(&b));
	sbuf_free(&b);
	*remands |= x.f.remanded > 0 || (x.remanded.present && x.remanded.value > 0);
}

void prose_write(struct sheet *s)
{
	bool remands = false, any = false;
	for (int a = 0; a < AREA_COUNT; a++) {
		if (!sheet_area_on(s, (enum ak_area)a))
			continue;
		size_t before = s->n_sources;
		area_paragraph(s, (enum ak_area)a, &remands);
		any |= s->n_sources != before ||
		       dataset_find(s->ds, s->year, s->code, (enum ak_area)a) != NULL;
	}
	if (!any) {
		char *line =
			xasprintf(_("No figure for %s is published for %d."), s->name, s->year);
		doc_para(&s->doc, line);
		free(line);
	}
	if (remands)
		doc_para(&s->doc,
			 _("A remanded case is not necessarily a wrong decision: the "
			   "municipality decides it again, and the new decision may end the same "
			   "way."));
}
