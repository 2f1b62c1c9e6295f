/* viewremanded.c - the remanded-cases pane: what happened to the cases
 * sent back, from the published records and the register. */
#include "ankekort/browse/view.h"

#include <stdlib.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/browse/viewlines.h"
#include "ankekort/data/regtally.h"

/* ---- remanded cases ---------------------------------------------------------------------- */

static bool record_applies(const struct app *a, const struct ak_record *r, int code)
{
	return r->code == code && r->year == app_year(a) &&
	       (r->area < 0 || r->area == (int)a->area);
}

static void tally_line(const struct app *a, int code, int width, struct vlines *out)
{
	long n[OUTCOME_COUNT] = {0};
	bool any = false;
	for (size_t i = 0; i < a->ds->n_records; i++) {
		const struct ak_record *r = &a->ds->records[i];
		if (!record_applies(a, r, code) || r->kind == RECORD_SUMMARY || !r->count.present)
			continue;
		n[r->outcome] += (long)r->count.value;
		any = true;
	}
	if (!any)
		return;
	struct sbuf b = {0};
	sbuf_puts(&b, _("Follow-up:"));
	const enum ak_outcome order[] = {OUTCOME_NEW_DECISION, OUTCOME_UPHELD, OUTCOME_WITHDRAWN,
					 OUTCOME_APPEALED_AGAIN, OUTCOME_UNKNOWN};
	bool first = true;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		if (n[order[k]] == 0)
			continue;
		sbuf_printf(&b, "%s %ld %s", first ? "" : " \xC2\xB7", n[order[k]],
			    outcome_label(order[k]));
		first = false;
	}
	view_wrap(out, sbuf_str(&b), width, 1, ROLE_HEADER);
	sbuf_free(&b);
}

static void record_lines(const struct ak_record *r, int width, struct vlines *out)
{
	struct sbuf b = {0};
	if (r->kind == RECORD_TALLY) {
		if (r->note[0]) {
			sbuf_printf(&b, "%s (%.0f): %s", outcome_label(r->outcome), r->count.value,
				    r->note);
			view_wrap(out, sbuf_str(&b), width, 2, ROLE_DIM);
		}
		sbuf_free(&b);
		return;
	}
	sbuf_puts(&b, "* ");
	if (r->scope[0])
		sbuf_printf(&b, "[%s] ", r->scope);
	if (r->kind == RECORD_STORY)
		sbuf_printf(&b, "(%s) ", outcome_label(r->outcome));
	sbuf_puts(&b, r->summary);
	view_wrap(out, sbuf_str(&b), width, 1, ROLE_NORMAL);
	if (r->reason[0]) {
		sbuf_reset(&b);
		sbuf_printf(&b, _("Why remanded: %s"), r->reason);
		view_wrap(out, sbuf_str(&b), width, 3, ROLE_NORMAL);
	}
	if (r->note[0]) {
		sbuf_reset(&b);
		sbuf_printf(&b, _("Afterwards: %s"), r->note);
		view_wrap(out, sbuf_str(&b), width, 3, ROLE_NORMAL);
	}
	sbuf_free(&b);
}

static void where_accounts_exist(const struct app *a, int width, struct vlines *out)
{
	struct sbuf b = {0};
	sbuf_puts(&b, i18n_literal(N_("Accounts exist for:")));
	int last_code = -1, last_year = -1;
	for (size_t i = 0; i < a->ds->n_records; i++) {
		const struct ak_record *r = &a->ds->records[i];
		if (r->code == last_code && r->year == last_year)
			continue;
		sbuf_printf(&b, "%s %s %d (%s)", last_code < 0 ? "" : ",",
			    view_muni_name(a, r->code), r->year,
			    r->area < 0 ? i18n_literal(N_("all areas"))
					: area_label((enum ak_area)r->area));
		last_code = r->code;
		last_year = r->year;
	}
	if (last_code >= 0)
		view_wrap(out, sbuf_str(&b), width, 1, ROLE_DIM);
	sbuf_free(&b);
}

/* The local register's tally for the selection, beside the statistics. */
static void register_lines(const struct app *a, int code, int width, struct vlines *out)
{
	char today[16];
	register_today(today, sizeof today);
	const struct ak_figures *f = app_figures(a, code);
	char **lines;
	size_t n = register_describe(a->ds->reg, code, app_year(a), a->area, f ? f->remanded : -1,
				     today, &lines);
	for (size_t i = 0; i < n; i++) {
		view_wrap(out, lines[i], width, 1, i == 0 ? ROLE_HEADER : ROLE_NORMAL);
		free(lines[i]);
	}
	free(lines);
	/* the entries themselves, with the numbers E and X take */
	for (size_t i = 0; a->reg && i < a->reg->n; i++) {
		const struct reg_entry *e = &a->reg->e[i];
		if (e->code != code || e->year != app_year(a) || e->area != a->area)
			continue;
		char *line = xasprintf(_("#%d %s remanded %s: %s%s%s"), e->id,
				       e->paragraph[0] ? e->paragraph : "", e->remanded,
				       reg_outcome_label(e->outcome), e->decided[0] ? " " : "",
				       e->decided);
		view_wrap(out, line, width, 2, ROLE_NORMAL);
		free(line);
	}
}

void view_remanded(const struct app *a, int width, struct vlines *out)
{
	int code = app_code(a);
	vline_new(out);
	vline_add(out, a->focus == PANE_REMANDED ? ROLE_TITLE_FOCUS : ROLE_HEADER,
		  " Remanded cases \xC2\xB7 %s %d ", view_muni_name(a, code), app_year(a));
	size_t before = out->n;
	register_lines(a, code, width, out);
	tally_line(a, code, width, out);
	for (size_t i = 0; i < a->ds->n_records; i++)
		if (record_applies(a, &a->ds->records[i], code))
			record_lines(&a->ds->records[i], width, out);
	if (out->n == before) {
		view_wrap(out,
			  i18n_literal(N_("No account of what happened to remanded cases is "
					  "loaded for this selection.")),
			  width, 1, ROLE_DIM);
		where_accounts_exist(a, width, out);
	}
}
