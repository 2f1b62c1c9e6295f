/* register.c - the register of remanded cases: reading, checking, writing
 * and tallying it. */
#include "ankekort/data/register.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
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
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ankekort/register.csv", xdg);
	return home && home[0] ? xasprintf("%s/.local/share/ankekort/register.csv", home) : NULL;
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

/* ---- checks ---------------------------------------------------------------------- */

/* Days since 1970 of a valid YYYY-MM-DD, or -1. */
static long day_number(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
	    s[7] != '-' || y < 1990 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	if (back.tm_mday != d || back.tm_mon != m - 1)
		return -1; /* 2023-02-30 */
	return (long)(t / 86400);
}

bool register_valid_date(const char *s)
{
	return day_number(s) >= 0;
}

static bool cpr_date(const char *p)
{
	int d = (p[0] - '0') * 10 + (p[1] - '0'), m = (p[2] - '0') * 10 + (p[3] - '0');
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

bool register_looks_like_cpr(const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		if (i > 0 && isdigit((unsigned char)s[i - 1]))
			continue; /* the run must start here */
		size_t k = 0;
		while (k < 6 && isdigit((unsigned char)s[i + k]))
			k++;
		if (k < 6 || !cpr_date(s + i))
			continue;
		const char *rest = s + i + 6;
		if (*rest == '-' || *rest == ' ')
			rest++;
		size_t j = 0;
		while (j < 4 && isdigit((unsigned char)rest[j]))
			j++;
		if (j == 4 && !isdigit((unsigned char)rest[4]))
			return true;
	}
	return false;
}

bool register_check(const struct reg_entry *e, const struct ak_dataset *ds, char **why)
{
	*why = NULL;
	const struct ak_municipality *m = dataset_muni(ds, e->code);
	long rem = day_number(e->remanded), dec = e->decided[0] ? day_number(e->decided) : 0;
	if (!m || e->code == AK_NATIONAL_CODE)
		*why = xasprintf(_("code %d is not a municipality"), e->code);
	else if (e->year < 1990 || e->year > 2999)
		*why = xasprintf(_("year %d: expected the year of Ankestyrelsen's decision"),
				 e->year);
	else if (rem < 0)
		*why = xasprintf(_("remanded: expected a date such as 2024-03-15, found \"%s\""),
				 e->remanded);
	else if (dec < 0)
		*why = xasprintf(_("decided: expected a date such as 2024-06-01, found \"%s\""),
				 e->decided);
	else if (e->decided[0] && dec < rem)
		*why = xstrdup(_("decided: the new decision comes before the remand"));
	else if (e->outcome == REG_PENDING && e->decided[0])
		*why = xstrdup(
			_("outcome: a case with a new decision is not pending; give its outcome"));
	else if ((e->outcome == REG_FAVOUR || e->outcome == REG_PARTLY || e->outcome == REG_SAME) &&
		 !e->decided[0])
		*why = xstrdup(_("decided: this outcome needs the date of the new decision"));
	else if (register_looks_like_cpr(e->paragraph) || register_looks_like_cpr(e->note))
		*why = xstrdup(
			_("a field looks like a CPR number: the register holds no names and no CPR "
			  "numbers"));
	return *why == NULL;
}

/* ---- reading ---------------------------------------------------------------------- */

struct reader {
	struct reg *r;
	struct diag_list *diags;
	const char *path;
	int map[NCOLS];
	bool header_ok;
	int line_shift; /* the format line before the CSV: entries' lines */
};

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
	if (!whole(cell(rd, row, COL_ID), 1, 1000000000, &e->id))
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
	for (size_t i = 0; i < rd->r->n; i++)
		if (rd->r->e[i].id == e.id) {
			add_diag(rd, row->line, 1, "id %s is used twice", cell(rd, row, COL_ID));
			reg_entry_free(&e);
			return true;
		}
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
	size_t magic = strlen(REGISTER_MAGIC);
	if (strncmp(text, REGISTER_MAGIC, magic) != 0 ||
	    (text[magic] != '\n' && text[magic] != '\r')) {
		diag_add(diags, DIAG_ERROR, path, 1, 1,
			 "expected the first line \"%s\": this is not an ankekort register (or one "
			 "of "
			 "another version)",
			 REGISTER_MAGIC);
	} else {
		size_t skip = magic + (text[magic] == '\r');
		if (skip < len && text[skip] == '\n')
			skip++; /* "\r" alone ends the line too, at the end of the text */
		struct reader rd = {.r = r, .diags = diags, .path = path, .line_shift = 1};
		size_t before = diags->count;
		csv_read_buffer(text + skip, len - skip, path, diags, on_row, &rd);
		/* lines were counted from the header: the format line comes first */
		for (size_t i = before; i < diags->count; i++)
			if (diags->items[i].line > 0)
				diags->items[i].line++;
	}
	diag_list_flush(diags);
	return diags->errors == errors;
}

/* ---- writing ---------------------------------------------------------------------- */

static bool make_dirs(const char *path, char **err)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			*err = xasprintf(_("cannot create %s: %s"), dir, strerror(errno));
			free(dir);
			return false;
		}
		*p = '/';
	}
	free(dir);
	return true;
}

bool register_save(const struct reg *r, char **err)
{
	*err = NULL;
	if (!make_dirs(r->path, err))
		return false;
	struct atomicfile af;
	if (!atomic_open(&af, r->path, true, err))
		return false;
	struct sbuf b = {0};
	sbuf_printf(&b, "%s\n", REGISTER_MAGIC);
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
	fwrite(sbuf_str(&b), 1, b.len, af.f);
	sbuf_free(&b);
	return atomic_commit(&af, err);
}

/* ---- locking ------------------------------------------------------------------- */

/* Holds the register's directory locked from reading to writing, so two
 * writers add their entries in turn. Returns the fd to close, or -1. */
int register_lock(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int fd = fileio_lock_dir(slash ? dir : ".", NULL);
	free(dir);
	return fd;
}

/* ---- editing ---------------------------------------------------------------------- */

void register_add(struct reg *r, struct reg_entry *e)
{
	if (e->id <= 0)
		e->id = r->next_id;
	if (e->id >= r->next_id)
		r->next_id = e->id + 1;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->e = xreallocarray(r->e, r->cap, sizeof *r->e);
	}
	r->e[r->n++] = *e;
	memset(e, 0, sizeof *e);
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

/* ---- tallies ---------------------------------------------------------------------- */

void register_today(char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%d", &tm);
}

static void count_paragraph(struct reg_tally *t, const char *p)
{
	const char *name = p[0] ? p : "";
	for (size_t i = 0; i < t->n_paragraphs; i++)
		if (strcmp(t->paragraphs[i], name) == 0) {
			t->paragraph_n[i]++;
			return;
		}
	t->paragraphs = xreallocarray(t->paragraphs, t->n_paragraphs + 1, sizeof *t->paragraphs);
	t->paragraph_n = xreallocarray(t->paragraph_n, t->n_paragraphs + 1, sizeof *t->paragraph_n);
	t->paragraphs[t->n_paragraphs] = xstrdup(name);
	t->paragraph_n[t->n_paragraphs++] = 1;
}

static bool counted(const struct reg_entry *e, int code, int year, int area)
{
	return e->code == code && e->year == year && (area < 0 || (int)e->area == area);
}

size_t register_count(const struct reg *r, int code, int year, int area)
{
	size_t n = 0;
	for (size_t i = 0; r && i < r->n; i++)
		n += counted(&r->e[i], code, year, area);
	return n;
}

void register_tally(const struct reg *r, int code, int year, int area, const char *today,
		    struct reg_tally *t)
{
	memset(t, 0, sizeof *t);
	long now = day_number(today);
	for (size_t i = 0; r && i < r->n; i++) {
		const struct reg_entry *e = &r->e[i];
		if (!counted(e, code, year, area))
			continue;
		t->n++;
		t->outcome[e->outcome]++;
		t->reason[e->reason]++;
		count_paragraph(t, e->paragraph);
		long since = day_number(e->remanded);
		if (e->outcome == REG_PENDING && now >= 0 && since >= 0 &&
		    now - since > t->pending_days_max)
			t->pending_days_max = now - since;
	}
}

void reg_tally_free(struct reg_tally *t)
{
	for (size_t i = 0; i < t->n_paragraphs; i++)
		free(t->paragraphs[i]);
	free(t->paragraphs);
	free(t->paragraph_n);
	memset(t, 0, sizeof *t);
}

/* "5 new decision in the citizen's favour, 8 the same decision" */
static void counts(struct sbuf *b, const size_t *n, size_t count, const char *(*label)(int))
{
	for (size_t i = 0; i < count; i++)
		if (n[i])
			sbuf_printf(b, "%s%zu %s", b->len ? ", " : "", n[i], label((int)i));
}

static const char *outcome_at(int i)
{
	return reg_outcome_label((enum reg_outcome)i);
}
static const char *reason_after_none(int i)
{
	return reg_reason_label((enum reg_reason)(i + 1));
}

static void push(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = line;
}

size_t register_describe(const struct reg *r, int code, int year, enum ak_area area, long published,
			 const char *today, char ***lines)
{
	*lines = NULL;
	struct reg_tally t;
	register_tally(r, code, year, (int)area, today, &t);
	size_t n = 0;
	if (t.n == 0) {
		reg_tally_free(&t);
		return 0;
	}
	push(lines, &n,
	     published >= 0
		     ? xasprintf(ngettext("%s %d: %zu remanded case registered, of the %ld the "
					  "statistics report.",
					  "%s %d: %zu remanded cases registered, of the %ld the "
					  "statistics report.",
					  t.n),
				 area_label(area), year, t.n, published)
		     : xasprintf(ngettext("%s %d: %zu remanded case registered.",
					  "%s %d: %zu remanded cases registered.", t.n),
				 area_label(area), year, t.n));
	struct sbuf b = {0};
	counts(&b, t.outcome, REG_OUTCOME_COUNT, outcome_at);
	push(lines, &n, xasprintf(_("Outcomes: %s."), sbuf_str(&b)));
	if (t.outcome[REG_PENDING] && t.pending_days_max > 0)
		push(lines, &n,
		     xasprintf(ngettext("Pending: %zu, the longest for %ld days.",
					"Pending: %zu, the longest for %ld days.",
					t.outcome[REG_PENDING]),
			       t.outcome[REG_PENDING], t.pending_days_max));
	sbuf_reset(&b);
	counts(&b, t.reason + 1, REG_REASON_COUNT - 1, reason_after_none);
	if (t.reason[REG_REASON_NONE]) /* "not given" last */
		sbuf_printf(&b, "%s%zu %s", b.len ? ", " : "", t.reason[REG_REASON_NONE],
			    reg_reason_label(REG_REASON_NONE));
	push(lines, &n, xasprintf(_("Reasons for the remand: %s."), sbuf_str(&b)));
	sbuf_reset(&b);
	for (size_t i = 0; i < t.n_paragraphs; i++)
		sbuf_printf(&b, "%s%s: %zu", b.len ? ", " : "",
			    t.paragraphs[i][0] ? t.paragraphs[i] : _("not given"),
			    t.paragraph_n[i]);
	push(lines, &n, xasprintf(_("By paragraph: %s."), sbuf_str(&b)));
	sbuf_free(&b);
	reg_tally_free(&t);
	return n;
}
