/* register.c - the register of remanded cases: reading, checking, writing
 * and tallying it. */
#include "ankekort/data/register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/userfile.h"
#include "ankekort/base/xalloc.h"

static const char *const columns[] = {"id",	  "code",    "area",	"year",	  "paragraph",
				      "remanded", "decided", "outcome", "reason", "note"};
enum {
	COL_ID,
	COL_CODE,
	COL_AREA,
	COL_YEAR,
	COL_PAR,
	COL_REM,
	COL_DEC,
	COL_OUT,
	COL_REASON,
	COL_NOTE,
	NCOLS
};

static const char *const outcome_ids[REG_OUTCOME_COUNT] = {
	"pending", "favour", "partly", "same", "withdrawn", "appealed_again"};
static const char *const outcome_labels[REG_OUTCOME_COUNT] = {
	N_("pending"),
	N_("new decision in the citizen's favour"),
	N_("partly in the citizen's favour"),
	N_("the same decision"),
	N_("withdrawn"),
	N_("appealed again")};
static const char *const reason_ids[REG_REASON_COUNT] = {"", "information", "hearing", "reasons",
							 "other"};
static const char *const reason_labels[REG_REASON_COUNT] = {
	N_("not given"), N_("insufficient information"), N_("missing hearing"),
	N_("inadequate reasons"), N_("other")};

const char *reg_outcome_id(enum reg_outcome o)
{
	return outcome_ids[o];
}
const char *reg_outcome_label(enum reg_outcome o)
{
	return _(outcome_labels[o]);
}
const char *reg_reason_id(enum reg_reason r)
{
	return reason_ids[r];
}
const char *reg_reason_label(enum reg_reason r)
{
	return _(reason_labels[r]);
}

bool reg_outcome_parse(const char *s, enum reg_outcome *out)
{
	for (int i = 0; i < REG_OUTCOME_COUNT; i++)
		if (strcmp(s, outcome_ids[i]) == 0)
			return *out = (enum reg_outcome)i, true;
	return false;
}

bool reg_reason_parse(const char *s, enum reg_reason *out)
{
	for (int i = 0; i < REG_REASON_COUNT; i++)
		if (strcmp(s, reason_ids[i]) == 0)
			return *out = (enum reg_reason)i, true;
	return false;
}

char *register_default_path(void)
{
	return userfile_default_path("register.csv");
}

void reg_entry_free(struct reg_entry *e)
{
	free(e->paragraph);
	free(e->note);
	memset(e, 0, sizeof *e);
}

void register_free(struct reg *r)
{
	for (size_t i = 0; i < r->n; i++)
		reg_entry_free(&r->e[i]);
	free(r->e);
	free(r->path);
	memset(r, 0, sizeof *r);
}

/* ---- reading ---------------------------------------------------------------------- */

static void read_entry(struct userfile_table *t, const struct csv_row *row, void *ctx)
{
	struct reg *r = ctx;
	struct reg_entry e = {0};
	enum ak_area area;
	if (!userfile_whole(userfile_cell(t, row, COL_ID), 1, REG_MAX_ID, &e.id))
		userfile_bad(t, row, COL_ID, N_("a number"));
	else if (!userfile_whole(userfile_cell(t, row, COL_CODE), 1, AK_MAX_CODE, &e.code))
		userfile_bad(t, row, COL_CODE, N_("a municipality code"));
	else if (!area_parse(userfile_cell(t, row, COL_AREA), &area))
		userfile_bad(t, row, COL_AREA, "generelt, boernehandicap or voksenhandicap");
	else if (!userfile_whole(userfile_cell(t, row, COL_YEAR), 1990, 2999, &e.year))
		userfile_bad(t, row, COL_YEAR, N_("a year"));
	else if (strlen(userfile_cell(t, row, COL_REM)) >= sizeof e.remanded)
		userfile_bad(t, row, COL_REM, "a date such as 2024-03-15");
	else if (strlen(userfile_cell(t, row, COL_DEC)) >= sizeof e.decided)
		userfile_bad(t, row, COL_DEC, "a date or nothing");
	else if (!reg_outcome_parse(userfile_cell(t, row, COL_OUT), &e.outcome))
		userfile_bad(t, row, COL_OUT,
			     "pending, favour, partly, same, withdrawn or appealed_again");
	else if (!reg_reason_parse(userfile_cell(t, row, COL_REASON), &e.reason))
		userfile_bad(t, row, COL_REASON, "information, hearing, reasons, other or nothing");
	else if (userfile_new_id(t, row, e.id)) {
		e.area = area;
		snprintf(e.remanded, sizeof e.remanded, "%s", userfile_cell(t, row, COL_REM));
		snprintf(e.decided, sizeof e.decided, "%s", userfile_cell(t, row, COL_DEC));
		e.paragraph = xstrdup(userfile_cell(t, row, COL_PAR));
		e.note = xstrdup(userfile_cell(t, row, COL_NOTE));
		e.line = row->line + 1; /* the format line comes first */
		register_add(r, &e);
	}
}

bool register_load(struct reg *r, const char *path, struct diag_list *diags)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	r->next_id = 1;
	size_t len;
	bool missing;
	char *text = userfile_read(path, &len, &missing, diags);
	if (!text)
		return missing;
	bool ok = register_parse(r, text, len, diags);
	free(text);
	return ok;
}

bool register_parse(struct reg *r, const char *text, size_t len, struct diag_list *diags)
{
	size_t errors = diags->errors;
	if (r->next_id < 1)
		r->next_id = 1;
	struct userfile_table t = {.path = r->path,
				   .cols = columns,
				   .ncols = NCOLS,
				   .diags = diags,
				   .entry = read_entry,
				   .ctx = r};
	bool format_ok;
	int last;
	userfile_parse(&t, text, len, REGISTER_MAGIC, REGISTER_MAGIC_V1, REG_MAX_ID, &format_ok,
		       &last);
	if (!format_ok)
		diag_add(diags, DIAG_ERROR, r->path, 1, 1,
			 "expected the first line \"%s last_id=N\" (or \"%s\"): this is not an "
			 "ankekort register (or one of another version)",
			 REGISTER_MAGIC, REGISTER_MAGIC_V1);
	else if (last >= r->next_id)
		r->next_id = last + 1; /* a number deleted is not given again */
	diag_list_flush(diags);
	return diags->errors == errors;
}

/* ---- writing ---------------------------------------------------------------------- */

bool register_save(const struct reg *r, char **err)
{
	struct sbuf b = {0};
	sbuf_printf(&b, "%s last_id=%d\n", REGISTER_MAGIC, r->next_id > 1 ? r->next_id - 1 : 0);
	for (int c = 0; c < NCOLS; c++)
		sbuf_printf(&b, "%s%s", c ? "," : "", columns[c]);
	sbuf_putc(&b, '\n');
	for (size_t i = 0; i < r->n; i++) {
		const struct reg_entry *e = &r->e[i];
		sbuf_printf(&b, "%d,%d,%s,%d,", e->id, e->code, area_id(e->area), e->year);
		csv_put_field(&b, e->paragraph, ',');
		sbuf_printf(&b, ",%s,%s,%s,%s,", e->remanded, e->decided, outcome_ids[e->outcome],
			    reason_ids[e->reason]);
		csv_put_field(&b, e->note, ',');
		sbuf_putc(&b, '\n');
	}
	bool ok = userfile_write(r->path, sbuf_str(&b), b.len, err);
	sbuf_free(&b);
	return ok;
}

/* ---- locking ------------------------------------------------------------------- */

int register_lock(const char *path, char **err)
{
	return userfile_lock(path, err);
}

/* ---- editing ---------------------------------------------------------------------- */

bool register_add(struct reg *r, struct reg_entry *e)
{
	if (!userfile_number(&r->next_id, REG_MAX_ID, &e->id))
		return false;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->e = xreallocarray(r->e, r->cap, sizeof *r->e);
	}
	r->e[r->n++] = *e;
	memset(e, 0, sizeof *e);
	return true;
}

struct reg_entry *register_find(struct reg *r, int id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->e[i].id == id)
			return &r->e[i];
	return NULL;
}

bool register_delete(struct reg *r, int id)
{
	struct reg_entry *e = register_find(r, id);
	if (!e)
		return false;
	size_t i = (size_t)(e - r->e);
	reg_entry_free(e);
	memmove(&r->e[i], &r->e[i + 1], (r->n - i - 1) * sizeof *r->e);
	r->n--;
	return true;
}

/* "1-4, 7 and 9": the numbers of the entries, runs joined (caller frees). */
char *register_numbers(const struct reg *r)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < r->n;) {
		size_t j = i;
		while (j + 1 < r->n && r->e[j + 1].id == r->e[j].id + 1)
			j++;
		const char *sep = i == 0 ? "" : j + 1 == r->n ? _(" and ") : ", ";
		if (j == i)
			sbuf_printf(&b, "%s%d", sep, r->e[i].id);
		else
			sbuf_printf(&b, "%s%d-%d", sep, r->e[i].id, r->e[j].id);
		i = j + 1;
	}
	return sbuf_take(&b);
}

bool reg_entry_same(const struct reg_entry *a, const struct reg_entry *b)
{
	return a->id == b->id && a->code == b->code && a->area == b->area && a->year == b->year &&
	       a->outcome == b->outcome && a->reason == b->reason &&
	       strcmp(a->remanded, b->remanded) == 0 && strcmp(a->decided, b->decided) == 0 &&
	       strcmp(a->paragraph ? a->paragraph : "", b->paragraph ? b->paragraph : "") == 0 &&
	       strcmp(a->note ? a->note : "", b->note ? b->note : "") == 0;
}

void reg_entry_copy(struct reg_entry *to, const struct reg_entry *from)
{
	*to = *from;
	to->paragraph = xstrdup(from->paragraph ? from->paragraph : "");
	to->note = xstrdup(from->note ? from->note : "");
}
