/* cycle.c - the § 79 b cycle record: reading, checking and writing it.
 * Where it lives, its lock, its complete write and its numbers are the
 * register's (base/userfile.h). */
#include "ankekort/data/cycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvwrite.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/userfile.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/register.h"

static const char *const columns[] = {"id",   "code",  "year",	 "kind",     "date",
				      "plan", "areas", "period", "deadline", "text"};
enum {
	COL_ID,
	COL_CODE,
	COL_YEAR,
	COL_KIND,
	COL_DATE,
	COL_PLAN,
	COL_AREAS,
	COL_PERIOD,
	COL_DEADLINE,
	COL_TEXT,
	NCOLS
};

static const char *const kind_ids[CYC_KIND_COUNT] = {
	"published", "committee", "council", "decision", "told", "order", "reminder", "report"};
static const char *const kind_labels[CYC_KIND_COUNT] = {N_("published"),
							N_("committee meeting"),
							N_("council meeting"),
							N_("decision on an action plan"),
							N_("Ankestyrelsen told"),
							N_("order from Ankestyrelsen"),
							N_("reminder from Ankestyrelsen"),
							N_("status report")};
static const char *const plan_ids[] = {"", "yes", "no"};

const char *cycle_kind_id(enum cycle_kind k)
{
	return k < CYC_KIND_COUNT ? kind_ids[k] : "?";
}

const char *cycle_kind_label(enum cycle_kind k)
{
	return k < CYC_KIND_COUNT ? _(kind_labels[k]) : "?";
}

bool cycle_kind_parse(const char *s, enum cycle_kind *out)
{
	for (int i = 0; i < CYC_KIND_COUNT; i++)
		if (strcmp(s, kind_ids[i]) == 0)
			return *out = (enum cycle_kind)i, true;
	return false;
}

const char *cycle_plan_id(enum cycle_plan p)
{
	return plan_ids[p];
}

bool cycle_plan_parse(const char *s, enum cycle_plan *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, plan_ids[i]) == 0)
			return *out = (enum cycle_plan)i, true;
	return false;
}

char *cycle_default_path(void)
{
	return userfile_default_path("cycle.csv");
}

void cycle_entry_free(struct cycle_entry *e)
{
	free(e->areas);
	free(e->period);
	free(e->text);
	memset(e, 0, sizeof *e);
}

void cycle_entry_copy(struct cycle_entry *to, const struct cycle_entry *from)
{
	*to = *from;
	to->areas = xstrdup(from->areas ? from->areas : "");
	to->period = xstrdup(from->period ? from->period : "");
	to->text = xstrdup(from->text ? from->text : "");
}

bool cycle_entry_same(const struct cycle_entry *x, const struct cycle_entry *y)
{
	return x->id == y->id && x->code == y->code && x->year == y->year && x->kind == y->kind &&
	       x->plan == y->plan && strcmp(x->date, y->date) == 0 &&
	       strcmp(x->deadline, y->deadline) == 0 && strcmp(x->areas, y->areas) == 0 &&
	       strcmp(x->period, y->period) == 0 && strcmp(x->text, y->text) == 0;
}

void cycle_free(struct cycle *c)
{
	for (size_t i = 0; i < c->n; i++)
		cycle_entry_free(&c->e[i]);
	free(c->e);
	free(c->path);
	memset(c, 0, sizeof *c);
}

/* ---- reading ---------------------------------------------------------------------- */

static bool day_cell(struct userfile_table *t, const struct csv_row *row, int col,
		     bool may_be_empty, char *out)
{
	const char *s = userfile_cell(t, row, col);
	if ((!s[0] && may_be_empty) || register_valid_date(s)) {
		snprintf(out, 11, "%s", s);
		return true;
	}
	return userfile_bad(t, row, col,
			    may_be_empty ? N_("a day as YYYY-MM-DD or nothing")
					 : N_("a day as YYYY-MM-DD"));
}

static void read_entry(struct userfile_table *t, const struct csv_row *row, void *ctx)
{
	struct cycle *c = ctx;
	struct cycle_entry e = {0};
	if (!userfile_whole(userfile_cell(t, row, COL_ID), 1, CYCLE_MAX_ID, &e.id))
		userfile_bad(t, row, COL_ID, N_("a number"));
	else if (!userfile_whole(userfile_cell(t, row, COL_CODE), 1, AK_MAX_CODE, &e.code))
		userfile_bad(t, row, COL_CODE, N_("a municipality code"));
	else if (!userfile_whole(userfile_cell(t, row, COL_YEAR), 1990, 2999, &e.year))
		userfile_bad(t, row, COL_YEAR, N_("a year"));
	else if (!cycle_kind_parse(userfile_cell(t, row, COL_KIND), &e.kind))
		userfile_bad(t, row, COL_KIND,
			     N_("published, committee, council, decision, told, order, reminder "
				"or report"));
	else if (!day_cell(t, row, COL_DATE, false, e.date) ||
		 !day_cell(t, row, COL_DEADLINE, true, e.deadline))
		return;
	else if (!cycle_plan_parse(userfile_cell(t, row, COL_PLAN), &e.plan))
		userfile_bad(t, row, COL_PLAN, N_("yes, no or nothing"));
	else if (userfile_new_id(t, row, e.id)) {
		e.areas = xstrdup(userfile_cell(t, row, COL_AREAS));
		e.period = xstrdup(userfile_cell(t, row, COL_PERIOD));
		e.text = xstrdup(userfile_cell(t, row, COL_TEXT));
		e.line = row->line + 1; /* the format line comes first */
		cycle_add(c, &e);
	}
}

bool cycle_load(struct cycle *c, const char *path, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->path = xstrdup(path);
	c->next_id = 1;
	size_t len;
	bool missing;
	char *text = userfile_read(path, &len, &missing, diags);
	if (!text)
		return missing;
	bool ok = cycle_parse(c, text, len, diags);
	free(text);
	return ok;
}

bool cycle_parse(struct cycle *c, const char *text, size_t len, struct diag_list *diags)
{
	size_t errors = diags->errors;
	if (c->next_id < 1)
		c->next_id = 1;
	struct userfile_table t = {.path = c->path,
				   .cols = columns,
				   .ncols = NCOLS,
				   .diags = diags,
				   .entry = read_entry,
				   .ctx = c};
	bool format_ok;
	int last;
	userfile_parse(&t, text, len, CYCLE_MAGIC, NULL, CYCLE_MAX_ID, &format_ok, &last);
	if (!format_ok)
		diag_add(diags, DIAG_ERROR, c->path, 1, 1,
			 "expected the first line \"%s last_id=N\": this is not an ankekort "
			 "cycle record (or one of another version)",
			 CYCLE_MAGIC);
	else if (last >= c->next_id)
		c->next_id = last + 1;
	diag_list_flush(diags);
	return diags->errors == errors;
}

/* ---- writing ---------------------------------------------------------------------- */

bool cycle_save(const struct cycle *c, char **err)
{
	struct sbuf b = {0};
	sbuf_printf(&b, "%s last_id=%d\n", CYCLE_MAGIC, c->next_id > 1 ? c->next_id - 1 : 0);
	for (int k = 0; k < NCOLS; k++)
		sbuf_printf(&b, "%s%s", k ? "," : "", columns[k]);
	sbuf_putc(&b, '\n');
	for (size_t i = 0; i < c->n; i++) {
		const struct cycle_entry *e = &c->e[i];
		sbuf_printf(&b, "%d,%d,%d,%s,%s,%s,", e->id, e->code, e->year, kind_ids[e->kind],
			    e->date, plan_ids[e->plan]);
		csv_put_field(&b, e->areas, ',');
		sbuf_putc(&b, ',');
		csv_put_field(&b, e->period, ',');
		sbuf_printf(&b, ",%s,", e->deadline);
		csv_put_field(&b, e->text, ',');
		sbuf_putc(&b, '\n');
	}
	bool ok = userfile_write(c->path, sbuf_str(&b), b.len, err);
	sbuf_free(&b);
	return ok;
}

/* ---- editing ---------------------------------------------------------------------- */

bool cycle_check(const struct cycle_entry *e, const struct ak_dataset *ds, char **why)
{
	*why = NULL;
	const struct ak_municipality *m = dataset_muni(ds, e->code);
	if (!m || e->code == AK_NATIONAL_CODE)
		*why = xasprintf(_("code %d is not a municipality"), e->code);
	else if (e->year < 1990 || e->year > 2999)
		*why = xasprintf(_("year %d: expected the year of the maps' figures"), e->year);
	else if (!register_valid_date(e->date))
		*why = xasprintf(_("date: expected a day such as 2025-11-12, found \"%s\""),
				 e->date);
	else if (e->kind == CYC_DECISION && e->plan == PLAN_NONE)
		*why = xstrdup(_("a decision needs --plan yes or --plan no"));
	else if (e->kind != CYC_DECISION && (e->plan != PLAN_NONE || e->areas[0] || e->period[0]))
		*why = xstrdup(_("--plan, --areas and --period belong to a decision"));
	else if (e->kind == CYC_DECISION && e->plan == PLAN_NO && (e->areas[0] || e->period[0]))
		*why = xstrdup(_("a decision to make no action plan has no areas or period"));
	else if (e->deadline[0] && (e->kind != CYC_ORDER || !register_valid_date(e->deadline)))
		*why = xstrdup(_("--deadline belongs to an order, as a day such as 2026-03-01"));
	else if (e->deadline[0] && strcmp(e->deadline, e->date) < 0)
		*why = xstrdup(_("deadline: the deadline comes before the order"));
	else if (register_looks_like_cpr(e->areas) || register_looks_like_cpr(e->period) ||
		 register_looks_like_cpr(e->text))
		*why = xstrdup(_("a field looks like a CPR number: the cycle record holds no names "
				 "and no CPR numbers"));
	return *why == NULL;
}

bool cycle_add(struct cycle *c, struct cycle_entry *e)
{
	if (!userfile_number(&c->next_id, CYCLE_MAX_ID, &e->id))
		return false;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->e = xreallocarray(c->e, c->cap, sizeof *c->e);
	}
	c->e[c->n++] = *e;
	memset(e, 0, sizeof *e);
	return true;
}

struct cycle_entry *cycle_find(struct cycle *c, int id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->e[i].id == id)
			return &c->e[i];
	return NULL;
}

bool cycle_delete(struct cycle *c, int id)
{
	struct cycle_entry *e = cycle_find(c, id);
	if (!e)
		return false;
	size_t i = (size_t)(e - c->e);
	cycle_entry_free(e);
	memmove(&c->e[i], &c->e[i + 1], (c->n - i - 1) * sizeof *c->e);
	c->n--;
	return true;
}
