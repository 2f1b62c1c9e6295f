/* register.c - the register of remanded cases: reading, checking, writing
 * and tallying it. */
#include "ankekort/data/register.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
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

struct reader {
	struct reg *r;
	struct diag_list *diags;
	const char *path;
	int map[NCOLS];
	bool header_ok;
	int line_shift;	     /* the format line before the CSV: entries' lines */
	struct hashtab seen; /* the ids read so far (a key each), for "used twice" */
};

/* An id as a key of the hash table: spread over the bits, never 0. */
static uint64_t id_key(int id)
{
	return (uint64_t)(unsigned)id * 0x9E3779B97F4A7C15u;
}

static void add_diag(struct reader *rd, int line, int col, const char *fmt, const char *what)
{
	diag_add(rd->diags, DIAG_ERROR, rd->path, line, col, fmt, what);
}

static bool header(struct reader *rd, const struct csv_row *row)
{
	for (int c = 0; c < NCOLS; c++) {
		rd->map[c] = -1;
		for (size_t i = 0; i < row->n; i++)
			if (strcmp(row->fields[i], columns[c]) == 0)
				rd->map[c] = (int)i;
		if (rd->map[c] < 0) {
			add_diag(rd, row->line, 1, "expected a column named \"%s\" in the header",
				 columns[c]);
			return false;
		}
	}
	return rd->header_ok = true;
}

static const char *cell(const struct reader *rd, const struct csv_row *row, int c)
{
	int i = rd->map[c];
	return i >= 0 && (size_t)i < row->n ? row->fields[i] : "";
}

/* A whole number from text, or false. */
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

static bool field_error(struct reader *rd, const struct csv_row *row, int c, const char *what)
{
	int line, col;
	csv_row_pos(row, (size_t)rd->map[c], &line, &col);
	char *shown = textfmt_escape_dup(cell(rd, row, c));
	diag_add(rd->diags, DIAG_ERROR, rd->path, line, col, "%s: expected %s, found \"%s\"",
		 columns[c], what, shown);
	free(shown);
	return false;
}

static bool parse_entry(struct reader *rd, const struct csv_row *row, struct reg_entry *e)
{
	enum ak_area area;
	if (!whole(cell(rd, row, COL_ID), 1, REG_MAX_ID, &e->id))
		return field_error(rd, row, COL_ID, "a number");
	if (!whole(cell(rd, row, COL_CODE), 1, AK_MAX_CODE, &e->code))
		return field_error(rd, row, COL_CODE, "a municipality code");
	if (!area_parse(cell(rd, row, COL_AREA), &area))
		return field_error(rd, row, COL_AREA, "generelt, boernehandicap or voksenhandicap");
	e->area = area;
	if (!whole(cell(rd, row, COL_YEAR), 1990, 2999, &e->year))
		return field_error(rd, row, COL_YEAR, "a year");
	if (strlen(cell(rd, row, COL_REM)) >= sizeof e->remanded)
		return field_error(rd, row, COL_REM, "a date such as 2024-03-15");
	if (strlen(cell(rd, row, COL_DEC)) >= sizeof e->decided)
		return field_error(rd, row, COL_DEC, "a date or nothing");
	snprintf(e->remanded, sizeof e->remanded, "%s", cell(rd, row, COL_REM));
	snprintf(e->decided, sizeof e->decided, "%s", cell(rd, row, COL_DEC));
	if (!reg_outcome_parse(cell(rd, row, COL_OUT), &e->outcome))
		return field_error(rd, row, COL_OUT,
				   "pending, favour, partly, same, withdrawn or appealed_again");
	if (!reg_reason_parse(cell(rd, row, COL_REASON), &e->reason))
		return field_error(rd, row, COL_REASON,
				   "information, hearing, reasons, other or nothing");
	e->paragraph = xstrdup(cell(rd, row, COL_PAR));
	e->note = xstrdup(cell(rd, row, COL_NOTE));
	e->line = row->line + rd->line_shift;
	return true;
}

static bool on_row(void *ctx, const struct csv_row *row)
{
	struct reader *rd = ctx;
	if (row->row == 0)
		return header(rd, row);
	if (row->n == 1 && !row->fields[0][0])
		return true; /* a blank line */
	struct reg_entry e = {0};
	if (!parse_entry(rd, row, &e)) {
		reg_entry_free(&e);
		return true;
	}
	size_t pos = 0;
	uint64_t v;
	if (hashtab_next(&rd->seen, id_key(e.id), &pos, &v)) {
		add_diag(rd, row->line, 1, "id %s is used twice", cell(rd, row, COL_ID));
		reg_entry_free(&e);
		return true;
	}
	hashtab_add(&rd->seen, id_key(e.id), 1);
	register_add(rd->r, &e);
	return true;
}

bool register_load(struct reg *r, const char *path, struct diag_list *diags)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	r->next_id = 1;
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, &why);
	if (!f) {
		bool missing = errno == ENOENT;
		if (!missing)
			diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the register: %s",
				 why ? why : strerror(errno));
		free(why);
		return missing;
	}
	size_t len;
	char *text = fileio_read_all(f, &len);
	bool ok = register_parse(r, text, len, diags);
	free(text);
	return ok;
}

bool register_parse(struct reg *r, const char *text, size_t len, struct diag_list *diags)
{
	const char *path = r->path;
	size_t errors = diags->errors;
	if (r->next_id < 1)
		r->next_id = 1;
	int last;
	size_t magic = userfile_format_line(text, len, REGISTER_MAGIC, REGISTER_MAGIC_V1,
					    REG_MAX_ID, &last);
	if (!magic) {
		diag_add(diags, DIAG_ERROR, path, 1, 1,
			 "expected the first line \"%s last_id=N\" (or \"%s\"): this is not an "
			 "ankekort register (or one of another version)",
			 REGISTER_MAGIC, REGISTER_MAGIC_V1);
	} else {
		size_t skip = magic + (text[magic] == '\r');
		if (skip < len && text[skip] == '\n')
			skip++; /* "\r" alone ends the line too, at the end of the text */
		struct reader rd = {.r = r, .diags = diags, .path = path, .line_shift = 1};
		size_t before = diags->count;
		csv_read_buffer(text + skip, len - skip, path, diags, on_row, &rd);
		hashtab_free(&rd.seen);
		/* lines were counted from the header: the format line comes first */
		for (size_t i = before; i < diags->count; i++)
			if (diags->items[i].line > 0)
				diags->items[i].line++;
		if (last >= r->next_id)
			r->next_id = last + 1; /* a number deleted is not given again */
	}
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
