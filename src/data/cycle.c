/* cycle.c - the § 79 b cycle record: reading, checking and writing it.
 * Where it lives, its lock, its complete write and its numbers are the
 * register's (base/userfile.h). */
#include "ankekort/data/cycle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
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

void cycle_free(struct cycle *c)
{
	for (size_t i = 0; i < c->n; i++)
		cycle_entry_free(&c->e[i]);
	free(c->e);
	free(c->path);
	memset(c, 0, sizeof *c);
}

/* ---- reading ---------------------------------------------------------------------- */

struct reader {
	struct cycle *c;
	struct diag_list *diags;
	int map[NCOLS];
	struct hashtab seen; /* the ids read so far */
};

static uint64_t id_key(int id)
{
	return (uint64_t)(unsigned)id * 0x9E3779B97F4A7C15u;
}

static bool header(struct reader *rd, const struct csv_row *row)
{
	for (int k = 0; k < NCOLS; k++) {
		rd->map[k] = -1;
		for (size_t i = 0; i < row->n; i++)
			if (strcmp(row->fields[i], columns[k]) == 0)
				rd->map[k] = (int)i;
		if (rd->map[k] < 0) {
			diag_add(rd->diags, DIAG_ERROR, rd->c->path, row->line, 1,
				 "expected a column named \"%s\" in the header", columns[k]);
			return false;
		}
	}
	return true;
}

static const char *cell(const struct reader *rd, const struct csv_row *row, int k)
{
	int i = rd->map[k];
	return i >= 0 && (size_t)i < row->n ? row->fields[i] : "";
}

static bool whole(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!s[0] || *end || errno || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool field_error(struct reader *rd, const struct csv_row *row, int k, const char *what)
{
	int line, col;
	csv_row_pos(row, (size_t)rd->map[k], &line, &col);
	char *shown = textfmt_escape_dup(cell(rd, row, k));
	diag_add(rd->diags, DIAG_ERROR, rd->c->path, line, col, "%s: expected %s, found \"%s\"",
		 columns[k], _(what), shown);
	free(shown);
	return false;
}

static bool day_cell(struct reader *rd, const struct csv_row *row, int k, bool may_be_empty,
		     char *out)
{
	const char *s = cell(rd, row, k);
	if ((!s[0] && may_be_empty) || register_valid_date(s)) {
		snprintf(out, 11, "%s", s);
		return true;
	}
	return field_error(rd, row, k,
			   may_be_empty ? N_("a day as YYYY-MM-DD or nothing")
					: N_("a day as YYYY-MM-DD"));
}

static bool parse_entry(struct reader *rd, const struct csv_row *row, struct cycle_entry *e)
{
	if (!whole(cell(rd, row, COL_ID), 1, CYCLE_MAX_ID, &e->id))
		return field_error(rd, row, COL_ID, N_("a number"));
	if (!whole(cell(rd, row, COL_CODE), 1, AK_MAX_CODE, &e->code))
		return field_error(rd, row, COL_CODE, N_("a municipality code"));
	if (!whole(cell(rd, row, COL_YEAR), 1990, 2999, &e->year))
		return field_error(rd, row, COL_YEAR, N_("a year"));
	if (!cycle_kind_parse(cell(rd, row, COL_KIND), &e->kind))
		return field_error(rd, row, COL_KIND,
				   N_("published, committee, council, decision, told, order, "
				      "reminder or report"));
	if (!day_cell(rd, row, COL_DATE, false, e->date) ||
	    !day_cell(rd, row, COL_DEADLINE, true, e->deadline))
		return false;
	if (!cycle_plan_parse(cell(rd, row, COL_PLAN), &e->plan))
		return field_error(rd, row, COL_PLAN, N_("yes, no or nothing"));
	e->areas = xstrdup(cell(rd, row, COL_AREAS));
	e->period = xstrdup(cell(rd, row, COL_PERIOD));
	e->text = xstrdup(cell(rd, row, COL_TEXT));
	e->line = row->line + 1; /* the format line comes first */
	return true;
}

static bool on_row(void *ctx, const struct csv_row *row)
{
	struct reader *rd = ctx;
	if (row->row == 0)
		return header(rd, row);
	if (row->n == 1 && !row->fields[0][0])
		return true; /* a blank line */
	struct cycle_entry e = {0};
	if (!parse_entry(rd, row, &e)) {
		cycle_entry_free(&e);
		return true;
	}
	size_t pos = 0;
	uint64_t v;
	if (hashtab_next(&rd->seen, id_key(e.id), &pos, &v)) {
		diag_add(rd->diags, DIAG_ERROR, rd->c->path, row->line, 1, "id %s is used twice",
			 cell(rd, row, COL_ID));
		cycle_entry_free(&e);
		return true;
	}
	hashtab_add(&rd->seen, id_key(e.id), 1);
	cycle_add(rd->c, &e);
	return true;
}

bool cycle_load(struct cycle *c, const char *path, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->path = xstrdup(path);
	c->next_id = 1;
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, &why);
	if (!f) {
		bool missing = errno == ENOENT;
		if (!missing)
			diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the cycle record: %s",
				 why ? why : strerror(errno));
		free(why);
		return missing;
	}
	size_t len;
	char *text = fileio_read_all(f, &len);
	bool ok = cycle_parse(c, text, len, diags);
	free(text);
	return ok;
}

bool cycle_parse(struct cycle *c, const char *text, size_t len, struct diag_list *diags)
{
	size_t errors = diags->errors;
	if (c->next_id < 1)
		c->next_id = 1;
	int last;
	size_t magic = userfile_format_line(text, len, CYCLE_MAGIC, NULL, CYCLE_MAX_ID, &last);
	if (!magic) {
		diag_add(diags, DIAG_ERROR, c->path, 1, 1,
			 "expected the first line \"%s last_id=N\": this is not an ankekort "
			 "cycle record (or one of another version)",
			 CYCLE_MAGIC);
	} else {
		size_t skip = magic + (text[magic] == '\r');
		if (skip < len && text[skip] == '\n')
			skip++;
		struct reader rd = {.c = c, .diags = diags};
		size_t before = diags->count;
		csv_read_buffer(text + skip, len - skip, c->path, diags, on_row, &rd);
		hashtab_free(&rd.seen);
		for (size_t i = before; i < diags->count; i++) /* counted from the header */
			if (diags->items[i].line > 0)
				diags->items[i].line++;
		if (last >= c->next_id)
			c->next_id = last + 1;
	}
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
