/* app.c - what the browser's state says: the selection, the year, the
 * figures of every municipality (worked out once per area and year), ranks,
 * the current table and the peer set. Queries only; what keys do is in
 * input.c and the modes. Pure: no curses, no I/O. */
#include "ankekort/browse/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/factsheet.h"
#include "ankekort/output/peers.h"

int app_year(const struct app *a)
{
	return a->ds->n_years ? a->ds->years[a->year_idx] : 0;
}

int app_prev_year(const struct app *a)
{
	return a->year_idx > 0 ? a->ds->years[a->year_idx - 1] : 0;
}

int app_code(const struct app *a)
{
	return a->lm.n_list ? a->lm.list[a->lm.sel] : AK_NATIONAL_CODE;
}

void app_refresh_figures(struct app *a)
{
	int year = app_year(a);
	if (!a->figs)
		a->figs = xcalloc(1, sizeof *a->figs); /* freed by app_free_caches */
	else if (a->figs->year == year && a->figs->area == (int)a->area)
		return;
	a->figs->year = year;
	a->figs->area = (int)a->area;
	for (size_t i = 0; i < a->ds->n_munis; i++) {
		int code = a->ds->munis[i].code;
		a->figs->facts[code] = facts_find(a->ds, year, code, a->area);
	}
}

const struct ak_figures *app_figures(const struct app *a, int code)
{
	const struct ak_facts *x = code >= 0 && code <= AK_MAX_CODE ? a->figs->facts[code] : NULL;
	return x ? &x->fig : NULL;
}

const struct ak_facts *app_facts_at(const struct app *a, int year, int code)
{
	if (year && year == a->figs->year && (int)a->area == a->figs->area)
		return code >= 0 && code <= AK_MAX_CODE ? a->figs->facts[code] : NULL;
	return year ? facts_find(a->ds, year, code, a->area) : NULL;
}

bool app_change_of(const struct app *a, int code, double *change, int *decimals)
{
	struct ak_figures now, then;
	if (!app_figures_at(a, app_year(a), code, &now, NULL) || !now.rate.present)
		return false;
	for (size_t i = a->year_idx; i-- > 0;)
		if (app_figures_at(a, a->ds->years[i], code, &then, NULL) && then.rate.present) {
			*change = stats_change(now.rate, then.rate, decimals);
			return true;
		}
	return false;
}

int app_rank_from_top(const struct app *a, int code)
{
	const struct ak_facts *x = app_facts_at(a, app_year(a), code);
	return x ? x->rank_from_top : 0;
}

int app_rank(const struct app *a, int code, int *out_of)
{
	const struct ak_facts *x = app_facts_at(a, app_year(a), code);
	*out_of = x ? x->ranked : 0;
	return x ? x->rank : 0;
}

bool app_figures_at(const struct app *a, int year, int code, struct ak_figures *f,
		    const struct ak_obs **obs)
{
	const struct ak_facts *x = app_facts_at(a, year, code);
	if (obs)
		*obs = x ? x->o : NULL;
	if (x)
		*f = x->fig;
	return x != NULL;
}

bool app_rate_of(const struct app *a, int year, int code, double *rate, long *cases)
{
	struct ak_figures f;
	if (!app_figures_at(a, year, code, &f, NULL))
		return false;
	if (cases)
		*cases = f.cases;
	if (!f.rate.present)
		return false;
	*rate = f.rate.value;
	return true;
}

size_t app_coverage(const struct app *a)
{
	size_t n = 0;
	double r;
	for (size_t i = 0; i < a->ds->n_munis; i++)
		if (a->ds->munis[i].code != AK_NATIONAL_CODE &&
		    app_rate_of(a, app_year(a), a->ds->munis[i].code, &r, NULL))
			n++;
	return n;
}

const char *app_sort_name(enum ak_sort s)
{
	static const char *const names[SORT_COUNT] = {
		N_("name"), N_("rate (highest first)"),
		N_("change since last year (largest rise first)"), N_("cases (most first)")};
	return s < SORT_COUNT ? _(names[s]) : "?";
}

const char *app_cmpset_name(const struct app *a)
{
	switch (a->tm.cmp_set) {
	case CMP_REGION: {
		const struct ak_municipality *m = dataset_muni(a->ds, app_code(a));
		return m && m->region[0] ? m->region : _("all municipalities");
	}
	case CMP_6BYER: return "6-byer";
	case CMP_MARKED: return _("marked municipalities");
	default: return _("all municipalities");
	}
}

void app_peer_set(const struct app *a, struct peer_set *p)
{
	struct sbuf list = {0};
	for (int c = 1; c <= AK_MAX_CODE; c++)
		if (a->tm.marked[c])
			sbuf_printf(&list, "%s%d", list.len ? "," : "", c);
	/* the municipality itself: the user's own, else the selection */
	int code = a->home > 0 ? a->home : app_code(a);
	char *err = NULL;
	bool marked = list.len && peers_resolve(a->ds, sbuf_str(&list), code, p, &err);
	if (!marked)
		peers_resolve(a->ds, "6byer", code, p, &err);
	free(err);
	sbuf_free(&list);
	/* the title says who is in it: the marked ones (or the 6-byer) and the
	 * selection (or the user's own), the municipality the table is for, when
	 * it is not one of them */
	const struct ak_municipality *m = dataset_muni(a->ds, code);
	bool in_set = code == AK_NATIONAL_CODE || !m || a->tm.marked[code];
	size_t n = marked ? p->n - (in_set ? 0 : 1) : 0;
	if (!marked)
		for (size_t i = 0; i < 6 && !in_set; i++)
			in_set = factsheet_6byer[i] == code;
	char *label =
		marked ? xasprintf(ngettext("%zu marked", "%zu marked", n), n) : xstrdup("6-byer");
	free(p->label);
	p->label = in_set	 ? label
		   : a->home > 0 ? xasprintf(_("%s and %s, your municipality"), label, m->name)
				 : xasprintf(_("%s and %s, the selection"), label, m->name);
	if (!in_set)
		free(label);
}

/* The compare view's other year is never the main year (the year before
 * it, or after it when it is the first). */
void app_keep_years_apart(struct app *a)
{
	if (a->tm.year2_idx != a->year_idx || a->ds->n_years < 2)
		return;
	a->tm.year2_idx = a->year_idx > 0 ? a->year_idx - 1 : a->year_idx + 1;
}

/* v moved by delta, stopping at 0; the callers clamp the top end. */
size_t app_step(size_t v, long delta)
{
	if (delta < 0)
		return (size_t)-delta > v ? 0 : v - (size_t)-delta;
	return v + (size_t)delta;
}

const struct funnel *app_funnel(struct app *a)
{
	int year = app_year(a);
	if (a->funnel && a->funnel->year == year && a->funnel->area == a->area)
		return a->funnel;
	if (a->funnel)
		funnel_free(a->funnel);
	else
		a->funnel = xcalloc(1, sizeof *a->funnel);
	funnel_build(a->ds, year, a->area, a->funnel);
	return a->funnel;
}

void app_free_caches(struct app *a)
{
	if (a->funnel)
		funnel_free(a->funnel);
	free(a->funnel);
	a->funnel = NULL;
	free(a->figs);
	a->figs = NULL;
}
