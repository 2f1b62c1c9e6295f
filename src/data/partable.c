/* partable.c - the paragraph table (see partable.h). */
#include "ankekort/data/partable.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/parload.h"

const char *partable_order_id(enum partable_order o)
{
	static const char *const ids[] = {"excess", "reversed",	 "cases",
					  "rate",   "paragraph", "file"};
	return o <= PARORDER_FILE ? ids[o] : "?";
}

bool partable_excess(long k, long n, double nat, double *excess, double *p)
{
	if (k < 0 || n <= 0 || k > n || nat < 0 || nat > 100)
		return false;
	*excess = (double)k - (double)n * nat / 100.0;
	*p = funnel_binom_p(k, n, nat / 100.0);
	return true;
}

/* ---- which rows ------------------------------------------------------------- */

/* A paragraph's identity across sources and years: the law without its
 * numbering, folded, and the §§ it names (else its label). Caller frees. */
static char *par_key(const struct ak_par *p)
{
	struct sbuf f = {0}, k = {0};
	textfmt_fold(&f, p->law);
	const char *s = sbuf_str(&f);
	while (isdigit((unsigned char)*s) || *s == '.' || *s == ' ')
		s++;
	sbuf_puts(&k, s);
	sbuf_putc(&k, '\x1F');
	if (p->paragraphs[0]) {
		sbuf_puts(&k, p->paragraphs);
	} else {
		sbuf_reset(&f);
		textfmt_fold(&f, p->label);
		sbuf_puts(&k, sbuf_str(&f));
	}
	sbuf_free(&f);
	return sbuf_take(&k);
}

static bool par_in(const struct ak_par *p, int code, int year, int area)
{
	return p->code == code && p->year == year && (area < 0 || (p->areas & (1u << area)));
}

/* Whether a's source is preferred to b's: the kind, then the newer date. */
static bool source_before(const struct ak_source *a, const struct ak_source *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind;
	return strcmp(a->date, b->date) > 0;
}

static const struct ak_source *chosen_source(const struct ak_dataset *ds, int code, int year,
					     int area)
{
	const struct ak_source *best = NULL;
	for (size_t i = 0; i < ds->n_pars; i++)
		if (par_in(&ds->pars[i], code, year, area) &&
		    (!best || source_before(&ds->pars[i].source, best)))
			best = &ds->pars[i].source;
	return best;
}

/* One paragraph's counts, summed over its quarters when needed. */
struct agg {
	const struct ak_par *first;
	char *key;
	long v[5]; /* cases, upheld, remanded, changed, reversed; -1 unknown */
};
enum { V_CASES, V_UPHELD, V_REMANDED, V_CHANGED, V_REVERSED };

static void agg_put(struct agg *a, const struct ak_par *p, bool first)
{
	const struct ak_num n[5] = {p->cases, p->upheld, p->remanded, p->changed, p->reversed};
	long v[5];
	for (int m = 0; m < 5; m++)
		v[m] = n[m].present ? (long)n[m].value : -1;
	if (v[V_REVERSED] < 0 && v[V_REMANDED] >= 0 && v[V_CHANGED] >= 0)
		v[V_REVERSED] = v[V_REMANDED] + v[V_CHANGED];
	if (v[V_CASES] < 0 && v[V_UPHELD] >= 0 && v[V_REVERSED] >= 0)
		v[V_CASES] = v[V_UPHELD] + v[V_REVERSED];
	for (int m = 0; m < 5; m++)
		a->v[m] = first ? v[m] : (a->v[m] < 0 || v[m] < 0 ? -1 : a->v[m] + v[m]);
}

/* The paragraphs of (code, year, area) from the preferred source: annual
 * rows, or the quarters summed when the source has none for the year. */
static struct agg *collect(const struct ak_dataset *ds, int code, int year, int area,
			   const struct ak_source **src, bool *quarters, size_t *n)
{
	*n = 0;
	*src = chosen_source(ds, code, year, area);
	if (!*src)
		return NULL;
	bool annual = false;
	for (size_t i = 0; i < ds->n_pars; i++)
		annual |= par_in(&ds->pars[i], code, year, area) && !ds->pars[i].quarter &&
			  strcmp(ds->pars[i].source.text, (*src)->text) == 0;
	*quarters = !annual;
	struct agg *out = NULL;
	for (size_t i = 0; i < ds->n_pars; i++) {
		const struct ak_par *p = &ds->pars[i];
		if (!par_in(p, code, year, area) || (p->quarter != 0) == annual ||
		    strcmp(p->source.text, (*src)->text) != 0)
			continue;
		char *key = par_key(p);
		size_t k = 0;
		while (k < *n && strcmp(out[k].key, key) != 0)
			k++;
		if (k == *n) {
			out = xreallocarray(out, *n + 1, sizeof *out);
			out[(*n)++] = (struct agg){.first = p, .key = key};
			agg_put(&out[k], p, true);
		} else {
			free(key);
			agg_put(&out[k], p, false);
		}
	}
	return out;
}

static void aggs_free(struct agg *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].key);
	free(a);
}

/* The rate of the paragraph with the key among aggs, or false. */
static bool rate_of_key(const struct agg *a, size_t n, const char *key, double *rate)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].key, key) == 0 && a[i].v[V_CASES] > 0 && a[i].v[V_REVERSED] >= 0) {
			*rate = 100.0 * (double)a[i].v[V_REVERSED] / (double)a[i].v[V_CASES];
			return true;
		}
	return false;
}

/* ---- the rows ---------------------------------------------------------------- */

static void row_counts(struct partable_row *r, const long *v)
{
	r->cases = v[V_CASES];
	r->upheld = v[V_UPHELD];
	r->remanded = v[V_REMANDED];
	r->changed = v[V_CHANGED];
	r->reversed = v[V_REVERSED];
	if (r->cases > 0 && r->reversed >= 0 && r->reversed <= r->cases) {
		r->has_rate = true;
		r->rate = stats_pct(r->reversed, r->cases);
		r->has_ci = true;
		stats_wilson(r->reversed, r->cases, 1.959964, &r->ci_low, &r->ci_high);
	}
}

static void row_tests(struct partable_row *r)
{
	if (r->has_nat)
		r->has_p = r->has_excess =
			partable_excess(r->reversed, r->cases, r->nat_rate, &r->excess, &r->p);
}

/* The previous year with a rate for each paragraph: the earlier years
 * looked at once each, newest first, until every row has one. */
static void rows_prev(const struct ak_dataset *ds, struct partable_row *rows, char **keys, size_t n,
		      int code, int year, int area)
{
	size_t missing = 0;
	for (size_t i = 0; i < n; i++)
		missing += rows[i].has_rate;
	for (size_t y = ds->n_years; missing && y-- > 0;) {
		if (ds->years[y] >= year)
			continue;
		const struct ak_source *src;
		bool q;
		size_t na;
		struct agg *a = collect(ds, code, ds->years[y], area, &src, &q, &na);
		for (size_t i = 0; i < n; i++) {
			struct partable_row *r = &rows[i];
			double rate;
			if (!r->has_rate || r->has_prev || !rate_of_key(a, na, keys[i], &rate))
				continue;
			r->has_prev = true;
			r->prev_year = ds->years[y];
			r->prev_rate = stats_round(rate, 1);
			r->change = stats_round(r->rate - r->prev_rate, 1);
			missing--;
		}
		aggs_free(a, na);
	}
}

const struct ak_unit *partable_unit_of(const struct ak_dataset *ds, const struct ak_par *p,
				       int code)
{
	char first[16] = "";
	sscanf(p->paragraphs, "%15s", first);
	if (!first[0])
		return NULL;
	struct sbuf law = {0};
	textfmt_fold(&law, p->law);
	const struct ak_unit *hit = NULL;
	for (size_t i = 0; i < ds->n_units && !hit; i++) {
		const struct ak_unit *u = &ds->units[i];
		if ((u->code < 0 || u->code == code) &&
		    (!u->law[0] || strstr(sbuf_str(&law), u->law)) &&
		    par_list_has(u->paragraphs, first))
			hit = u;
	}
	sbuf_free(&law);
	return hit;
}

static void push(struct partable *t, const struct partable_row *r)
{
	t->rows = xreallocarray(t->rows, t->n + 1, sizeof *t->rows);
	t->rows[t->n++] = *r;
}

/* ---- order ------------------------------------------------------------------- */

static enum partable_order sort_order;

static int first_number(const struct ak_par *p)
{
	return p->paragraphs[0] ? atoi(p->paragraphs) : 100000;
}

/* Where a paragraph sorts by paragraph: its own number, or for Barnets
 * lov's disability provisions (from 2024) the serviceloven § they replaced,
 * so each stands beside its predecessor (docs/IMPORT.md has the table). */
static int paragraph_place(const struct ak_par *p, int *law_rank)
{
	static const struct {
		int barnets, sel;
	} moved[] = {{82, 32}, {83, 32}, {85, 32}, {86, 41},
		     {87, 42}, {88, 43}, {89, 45}, {90, 44}};
	int n = first_number(p);
	*law_rank = strncasecmp(p->law, "barnets", 7) == 0;
	for (size_t i = 0; *law_rank && i < sizeof moved / sizeof moved[0]; i++)
		if (moved[i].barnets == n)
			return moved[i].sel;
	return *law_rank ? 100000 + n : n; /* Barnets lov's others after serviceloven's */
}

static int cmp_paragraphs(const struct ak_par *a, const struct ak_par *b)
{
	int ra, rb, pa = paragraph_place(a, &ra), pb = paragraph_place(b, &rb);
	if (pa != pb)
		return pa < pb ? -1 : 1;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return (first_number(a) > first_number(b)) - (first_number(a) < first_number(b));
}

static int cmp_num(bool ha, double a, bool hb, double b)
{
	if (ha != hb)
		return ha ? -1 : 1; /* unknown last */
	return !ha || a == b ? 0 : a > b ? -1 : 1;
}

static int cmp_rows(const void *va, const void *vb)
{
	const struct partable_row *a = va, *b = vb;
	int c = 0;
	switch (sort_order) {
	case PARORDER_EXCESS:
		c = cmp_num(a->has_excess, a->excess, b->has_excess, b->excess);
		if (!c)
			c = cmp_num(a->reversed >= 0, (double)a->reversed, b->reversed >= 0,
				    (double)b->reversed);
		break;
	case PARORDER_REVERSED:
		c = cmp_num(a->reversed >= 0, (double)a->reversed, b->reversed >= 0,
			    (double)b->reversed);
		break;
	case PARORDER_CASES:
		c = cmp_num(a->cases >= 0, (double)a->cases, b->cases >= 0, (double)b->cases);
		break;
	case PARORDER_RATE: c = cmp_num(a->has_rate, a->rate, b->has_rate, b->rate); break;
	case PARORDER_PARAGRAPH: c = cmp_paragraphs(a->par, b->par); break;
	default: break;
	}
	/* then as the source lists them: a stable order */
	return c ? c : (a->par > b->par) - (a->par < b->par);
}

/* ---- units ------------------------------------------------------------------- */

/* The units of the municipality in the order units.csv names them, each
 * with a subtotal, then the paragraphs of no unit. */
static void group_units(const struct ak_dataset *ds, struct partable *t)
{
	struct partable_row *pars = t->rows;
	size_t n = t->n;
	t->rows = NULL;
	t->n = 0;
	bool *done = xcalloc(n + 1, sizeof *done);
	for (size_t u = 0; u <= ds->n_units; u++) {
		const struct ak_unit *unit = u < ds->n_units ? &ds->units[u] : NULL;
		if (unit && unit->code >= 0 && unit->code != t->code)
			continue;
		bool seen = false;
		for (size_t k = 0; unit && k < u; k++)
			seen |= strcmp(ds->units[k].name, unit->name) == 0 &&
				(ds->units[k].code < 0 || ds->units[k].code == t->code);
		if (seen)
			continue;
		struct partable_row sub = {.kind = PARROW_UNIT, .unit = unit ? unit->name : NULL};
		long v[5] = {0};
		size_t at = t->n, members = 0;
		push(t, &sub);
		for (size_t i = 0; i < n; i++) {
			const struct ak_unit *of = partable_unit_of(ds, pars[i].par, t->code);
			if (done[i] ||
			    (unit ? !of || strcmp(of->name, unit->name) != 0 : of != NULL))
				continue;
			done[i] = true;
			pars[i].unit = unit ? unit->name : NULL;
			const long pv[5] = {pars[i].cases, pars[i].upheld, pars[i].remanded,
					    pars[i].changed, pars[i].reversed};
			for (int m = 0; m < 5; m++)
				v[m] = v[m] < 0 || pv[m] < 0 ? -1 : v[m] + pv[m];
			push(t, &pars[i]);
			members++;
		}
		if (!unit && members == 0) {
			t->n--; /* no paragraph outside the units: no such group */
			continue;
		}
		if (members == 0)
			v[V_CASES] = v[V_UPHELD] = v[V_REMANDED] = v[V_CHANGED] = -1;
		row_counts(&t->rows[at], v);
	}
	free(done);
	free(pars);
}

/* ---- the whole ---------------------------------------------------------------- */

static void sum_rows(const struct partable *t, unsigned areas_mask, long *sum)
{
	for (int m = 0; m < 5; m++)
		sum[m] = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct partable_row *r = &t->rows[i];
		if (r->kind != PARROW_PARAGRAPH || (areas_mask && !(r->par->areas & areas_mask)))
			continue;
		const long v[5] = {r->cases, r->upheld, r->remanded, r->changed, r->reversed};
		for (int m = 0; m < 5; m++)
			sum[m] = sum[m] < 0 || v[m] < 0 ? -1 : sum[m] + v[m];
	}
}

static const char *const measure_ids[5] = {"cases", "upheld", "remanded", "changed", "reversed"};

/* other = the figure less the paragraphs; total = the figure; rest
 * (generelt) = the figure less the handicap maps' paragraphs. */
static void add_whole(const struct ak_dataset *ds, struct partable *t)
{
	const struct ak_obs *o = dataset_find(ds, t->year, t->code, t->area);
	long fig[5] = {-1, -1, -1, -1, -1}, sum[5], rest[5];
	if (o) {
		struct ak_figures f;
		stats_figures_in(ds, o, &f);
		const long v[5] = {f.cases, f.upheld, f.remanded, f.changed, f.reversed};
		memcpy(fig, v, sizeof fig);
	}
	t->has_figure = o != NULL;
	sum_rows(t, 0, sum);
	long other[5];
	t->ties_out = true;
	struct sbuf mis = {0};
	for (int m = 0; m < 5; m++) {
		other[m] = fig[m] >= 0 && sum[m] >= 0 ? fig[m] - sum[m] : -1;
		if (other[m] < 0 && fig[m] >= 0 && sum[m] >= 0) {
			t->ties_out = false;
			sbuf_printf(&mis, "%s%s %ld > %ld", mis.len ? ", " : "", measure_ids[m],
				    sum[m], fig[m]);
			other[m] = -1;
		}
	}
	snprintf(t->mismatch, sizeof t->mismatch, "%s", sbuf_str(&mis));
	sbuf_free(&mis);
	struct partable_row r = {.kind = PARROW_OTHER};
	row_counts(&r, other);
	push(t, &r);
	r = (struct partable_row){.kind = PARROW_TOTAL};
	row_counts(&r, o ? fig : sum);
	push(t, &r);
	if (t->area != AREA_GENERELT)
		return;
	long handicap[5];
	sum_rows(t, 1u << AREA_BOERNEHANDICAP | 1u << AREA_VOKSENHANDICAP, handicap);
	for (int m = 0; m < 5; m++)
		rest[m] = fig[m] >= 0 && handicap[m] >= 0 && handicap[m] <= fig[m]
				  ? fig[m] - handicap[m]
				  : -1;
	r = (struct partable_row){.kind = PARROW_REST};
	row_counts(&r, rest);
	push(t, &r);
}

void partable_build(const struct ak_dataset *ds, int code, int year, enum ak_area area,
		    enum partable_order order, bool by_unit, struct partable *t)
{
	memset(t, 0, sizeof *t);
	t->code = code;
	t->year = year;
	t->area = area;
	t->order = order;
	t->by_unit = by_unit;
	size_t n = 0, nn = 0;
	const struct ak_source *nsrc;
	bool nq;
	struct agg *a = collect(ds, code, year, (int)area, &t->source, &t->quarters, &n);
	struct agg *nat = code == AK_NATIONAL_CODE
				  ? NULL
				  : collect(ds, AK_NATIONAL_CODE, year, (int)area, &nsrc, &nq, &nn);
	char **keys = xcalloc(n + 1, sizeof *keys);
	for (size_t i = 0; i < n; i++) {
		struct partable_row r = {.kind = PARROW_PARAGRAPH, .par = a[i].first};
		row_counts(&r, a[i].v);
		r.has_nat = rate_of_key(nat, nn, a[i].key, &r.nat_rate);
		row_tests(&r);
		push(t, &r);
		keys[i] = a[i].key;
	}
	rows_prev(ds, t->rows, keys, n, code, year, (int)area);
	free(keys);
	t->n_pars = n;
	aggs_free(a, n);
	aggs_free(nat, nn);
	sort_order = order;
	if (t->n > 1)
		qsort(t->rows, t->n, sizeof *t->rows, cmp_rows);
	bool units = false;
	for (size_t i = 0; i < ds->n_units; i++)
		units |= ds->units[i].code < 0 || ds->units[i].code == code;
	t->by_unit = by_unit && units;
	if (t->by_unit)
		group_units(ds, t);
	if (n)
		add_whole(ds, t);
}

void partable_free(struct partable *t)
{
	free(t->rows);
	memset(t, 0, sizeof *t);
}

bool partable_any(const struct ak_dataset *ds, int code, int year)
{
	for (size_t i = 0; i < ds->n_pars; i++)
		if (par_in(&ds->pars[i], code, year, -1))
			return true;
	return false;
}
