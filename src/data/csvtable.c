/* csvtable.c - one dataset file read as a table of named columns: the
 * header matched to the columns a format expects, every cell read and
 * checked, problems reported at their line and column. */
#include "ankekort/data/csvtable.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* 10^0 .. 10^15: every one exact in a double */
static const double pow10_exact[] = {1e0, 1e1, 1e2,  1e3,  1e4,	 1e5,  1e6,  1e7,
				     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

bool csvtable_exact_decimal(const char *s, double *out)
{
	const char *p = s;
	bool minus = *p == '-';
	p += minus;
	uint64_t digits = 0;
	int n = 0, decimals = -1;
	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++n > 15) /* beyond what a double holds exactly */
				return false;
			digits = digits * 10 + (uint64_t)(*p - '0');
			decimals += decimals >= 0;
		} else if ((*p == '.' || *p == ',') && decimals < 0) {
			decimals = 0;
		} else {
			break;
		}
	}
	/* at most 15 digits: the number and its power of ten both exact, and
	 * one division rounds once, as strtod does */
	if (*p || n == 0)
		return false;
	double v = (double)digits / pow10_exact[decimals < 0 ? 0 : decimals];
	*out = minus ? -v : v;
	return true;
}

bool csvtable_decimal(const char *s, double *out)
{
	if (csvtable_exact_decimal(s, out))
		return true;
	/* more digits than a double holds exactly, or no decimal at all:
	 * strtod, the comma a point (on digits, points and a minus only:
	 * strtod alone takes nan, inf and hex) */
	size_t len = strlen(s);
	if (len == 0 || strspn(s, "0123456789.,-") != len)
		return false;
	char *copy = xstrdup(s);
	for (char *p = strchr(copy, ','); p; p = strchr(p, ','))
		*p = '.';
	char *end;
	double v = strtod(copy, &end);
	bool whole = end != copy && *end == '\0';
	free(copy);
	if (whole)
		*out = v;
	return whole;
}

bool csvtable_parse_number(const char *s, struct ak_num *out)
{
	size_t i = 0, intdigits = 0, decimals = 0;
	while (isdigit((unsigned char)s[i])) {
		i++;
		intdigits++;
	}
	if (intdigits == 0 || intdigits > 12)
		return false;
	if (s[i] == '.' || s[i] == ',') {
		i++;
		while (isdigit((unsigned char)s[i])) {
			i++;
			decimals++;
		}
		if (decimals == 0 || decimals > 15)
			return false;
	}
	if (s[i] != '\0')
		return false;
	csvtable_decimal(s, &out->value); /* its shape is one, checked above */
	out->decimals = (int)decimals;
	out->present = true;
	return true;
}

const char *tbl_field(const struct table *t, const struct csv_row *row, int col)
{
	int i = t->map[col];
	return i >= 0 && (size_t)i < row->n ? row->fields[i] : "";
}

/* The offending text, escaped and shortened for a message. Caller frees. */
char *tbl_shown(const char *s)
{
	struct sbuf b = {0};
	textfmt_fit(&b, s, 40, false, true);
	return sbuf_take(&b);
}

void tbl_at_col(struct table *t, const struct csv_row *row, int col, enum diag_severity sev,
		const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		t->row_bad = true;
	if (!diag_wanted(t->diags, t->path)) {
		diag_add(t->diags, sev, t->path, 0, 0, "%s", ""); /* counted, not kept */
		return;
	}
	int line = row->line, c = 1;
	if (col >= 0 && t->map[col] >= 0)
		csv_row_pos(row, (size_t)t->map[col], &line, &c);
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(t->diags, sev, t->path, line, c, fmt, ap);
	va_end(ap);
}

void tbl_bad_value(struct table *t, const struct csv_row *row, int col, const char *expected)
{
	if (!diag_wanted(t->diags, t->path)) {
		tbl_at_col(t, row, col, DIAG_ERROR, "%s", "");
		return;
	}
	char *s = tbl_shown(tbl_field(t, row, col));
	tbl_at_col(t, row, col, DIAG_ERROR, "%s: expected %s, found \"%s\"", t->cols[col].name,
		   _(expected), s);
	free(s);
}

struct ak_num tbl_get_count(struct table *t, const struct csv_row *row, int col)
{
	struct ak_num n = {0};
	const char *s = tbl_field(t, row, col);
	if (!s[0])
		return n;
	if (!csvtable_parse_number(s, &n) || n.decimals > 0 || n.value > 1e9) {
		tbl_bad_value(t, row, col,
			      s[0] == '-' ? N_("a count of zero or more")
					  : N_("a whole number such as 77"));
		n.present = false;
	}
	return n;
}

struct ak_num tbl_get_pct(struct table *t, const struct csv_row *row, int col)
{
	struct ak_num n = {0};
	const char *s = tbl_field(t, row, col);
	if (!s[0])
		return n;
	if (!csvtable_parse_number(s, &n) || n.value > 100.0) {
		tbl_bad_value(t, row, col, "a percentage from 0 to 100 such as 38.5 or 39");
		n.present = false;
	}
	return n;
}

char *tbl_get_text(struct table *t, const struct csv_row *row, int col)
{
	const char *s = tbl_field(t, row, col);
	if (textfmt_needs_escape(s))
		tbl_at_col(t, row, col, DIAG_WARNING,
			   "%s: expected printable UTF-8 text, found control characters or invalid "
			   "bytes (they are shown escaped)",
			   t->cols[col].name);
	return xstrdup(s);
}

bool tbl_valid_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 0 && n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	}
	return true;
}

int tbl_get_year(struct table *t, const struct csv_row *row, int col)
{
	struct ak_num y = {0};
	if (!csvtable_parse_number(tbl_field(t, row, col), &y) || y.decimals || y.value < 1900 ||
	    y.value > 2999)
		tbl_bad_value(t, row, col, "a year such as 2024");
	return (int)y.value;
}

/* An area, or -1 for an empty cell (every area). */
int tbl_get_optional_area(struct table *t, const struct csv_row *row, int col)
{
	enum ak_area area = AREA_GENERELT;
	const char *s = tbl_field(t, row, col);
	if (!s[0])
		return -1;
	if (!area_parse(s, &area)) {
		tbl_bad_value(t, row, col, "generelt, boernehandicap, voksenhandicap or empty");
		return -1;
	}
	return (int)area;
}

int tbl_get_code(struct table *t, const struct csv_row *row, int col)
{
	struct ak_num n = {0};
	const char *s = tbl_field(t, row, col);
	if (!csvtable_parse_number(s, &n) || n.decimals > 0 || n.value > AK_MAX_CODE) {
		tbl_bad_value(t, row, col, "a municipality code from 0 to 999");
		return -1;
	}
	int code = (int)n.value;
	if (t->ds->n_munis > 0 && !dataset_muni(t->ds, code)) {
		tbl_at_col(t, row, col, DIAG_ERROR,
			   "code: expected a code listed in municipalities.csv, found %d", code);
		return -1;
	}
	return code;
}

void tbl_get_source(struct table *t, const struct csv_row *row, int c_text, int c_kind, int c_date,
		    int c_url, struct ak_source *src)
{
	src->text = tbl_get_text(t, row, c_text);
	if (!src->text[0])
		tbl_at_col(t, row, c_text, DIAG_ERROR,
			   "source: expected the publisher and document, found an empty cell");
	if (!source_kind_parse(tbl_field(t, row, c_kind), &src->kind))
		tbl_bad_value(t, row, c_kind, "ministry, municipality, press or statistics");
	src->date = tbl_get_text(t, row, c_date);
	if (!tbl_valid_date(src->date))
		tbl_bad_value(t, row, c_date, "a date as YYYY, YYYY-MM or YYYY-MM-DD");
	src->url = tbl_get_url(t, row, c_url);
}

char *tbl_get_url(struct table *t, const struct csv_row *row, int col)
{
	const char *s = tbl_field(t, row, col);
	bool web = strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0;
	if (!s[0] || (web && !textfmt_needs_escape(s) && !strpbrk(s, " \"'<>()")))
		return xstrdup(s);
	char *shown = tbl_shown(s);
	tbl_at_col(t, row, col, DIAG_WARNING,
		   "%s: expected a web address beginning https:// or http://, found \"%s\"; it is "
		   "left out",
		   t->cols[col].name, shown);
	free(shown);
	return xstrdup("");
}

/* ---- header ---------------------------------------------------------------- */

static void read_header(struct table *t, const struct csv_row *row)
{
	for (size_t c = 0; c < t->ncols; c++)
		t->map[c] = -1;
	t->nheader = row->n;
	t->header_ok = true;
	int *lines = xcalloc(row->n + 1, sizeof *lines), *cols = xcalloc(row->n + 1, sizeof *cols);
	csv_row_all_pos(row, lines, cols);
	for (size_t i = 0; i < row->n; i++) {
		const char *name = row->fields[i];
		size_t c = 0;
		while (c < t->ncols && strcasecmp(name, t->cols[c].name) != 0)
			c++;
		int line = lines[i], col = cols[i];
		char *s = tbl_shown(name);
		if (c == t->ncols) {
			diag_add(t->diags, DIAG_WARNING, t->path, line, col,
				 "unknown column \"%s\" is ignored", s);
		} else if (t->map[c] >= 0) {
			diag_add(t->diags, DIAG_ERROR, t->path, line, col,
				 "column \"%s\" appears twice", s);
			t->header_ok = false;
		} else {
			t->map[c] = (int)i;
		}
		free(s);
	}
	free(lines);
	free(cols);
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].required && t->map[c] < 0) {
			diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1,
				 "expected a column named \"%s\" in the header, found none; the "
				 "file's rows are not loaded",
				 t->cols[c].name);
			t->header_ok = false;
		}
	}
}

static bool row_is_blank(const struct csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->fields[i][0])
			return false;
	return true;
}

static bool on_csv_row(void *ctx, const struct csv_row *row)
{
	struct table *t = ctx;
	if (row->row == 0) {
		read_header(t, row);
		return true;
	}
	if (!t->header_ok) {
		t->res->skipped_rows++;
		return true;
	}
	if (row_is_blank(row)) {
		diag_add(t->diags, DIAG_WARNING, t->path, row->line, 1, "empty row ignored");
		return true;
	}
	if (row->n != t->nheader) {
		diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1,
			 "expected %zu fields as in the header, found %zu", t->nheader, row->n);
		t->res->skipped_rows++;
		return true;
	}
	t->row_bad = false;
	t->row_fn(t, row);
	if (t->row_bad)
		t->res->skipped_rows++;
	if (row->row >= CSVLOAD_MAX_ROWS) {
		diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1,
			 "expected at most %d rows in one file, found more; the rest is not read",
			 CSVLOAD_MAX_ROWS);
		return false;
	}
	return true;
}

/* Reads the file at path, or buf when path is NULL. */
void tbl_read_table(struct table *t, const char *path, const char *buf, size_t len)
{
	t->res->files++;
	size_t before = t->diags->count;
	bool saw_header = false;
	if (path)
		csv_read_file(path, t->path, t->diags, on_csv_row, t);
	else
		csv_read_buffer(buf, len, t->path, t->diags, on_csv_row, t);
	saw_header = t->nheader > 0;
	if (!saw_header && t->diags->count == before)
		diag_add(t->diags, DIAG_ERROR, t->path, 1, 1,
			 "expected a header line, found an empty file");
	diag_list_flush(t->diags);
}

const char *tbl_register_file(struct ak_dataset *ds, const char *display)
{
	ds->files = xreallocarray(ds->files, ds->n_files + 1, sizeof *ds->files);
	ds->files[ds->n_files] = xstrdup(display);
	return ds->files[ds->n_files++];
}

/* ---- municipalities.csv ---------------------------------------------------- */
