/* docxlsx.c - a document as an XLSX workbook (libxlsxwriter): a sheet for
 * each section (named by its heading) with its table and the text around
 * it, the sources on the last sheet. Numbers are written as numbers with
 * their number format ("0.0%" for a percentage published with one
 * decimal), never as text. libxlsxwriter writes to a file name, so the
 * workbook is made in a temporary file and copied to the document's
 * stream (an atomic file), then removed. */
#include "ankekort/output/docxlsx.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/xlsxlib.h"

#define MAX_SHEET_NAME 31 /* Excel's limit, in characters */

struct docxlsx {
	const struct xlsxlib *lib; /* libxlsxwriter, opened when first needed */
	char *path;		   /* the temporary workbook */
	lxw_workbook *wb;
	lxw_worksheet *ws; /* the current sheet, or NULL */
	lxw_row_t row;	   /* the next row to write on it */
	char *pending;	   /* the name of the next sheet (the last heading) */
	char **names;	   /* the sheets' names, for uniqueness */
	size_t n_names;
	lxw_format *bold, *wrap, *num[4], *pct[4]; /* by decimals 0-3 */
	size_t widest;				   /* the first column's text, in characters */
	bool in_sources;			   /* the last sheet: headings are rows on it */
};

static lxw_format *num_format(struct docxlsx *x, bool pct, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	lxw_format **slot = pct ? &x->pct[decimals] : &x->num[decimals];
	if (!*slot) {
		static const char *const fmts[2][4] = {{"0", "0.0", "0.00", "0.000"},
						       {"0%", "0.0%", "0.00%", "0.000%"}};
		*slot = x->lib->workbook_add_format(x->wb);
		x->lib->format_set_num_format(*slot, fmts[pct][decimals]);
	}
	return *slot;
}

bool docxlsx_begin(struct doc *d)
{
	char *err = NULL;
	const struct xlsxlib *lib = xlsxlib_open(&err);
	if (!lib) { /* the command asked first and said why (xlsxlib.h) */
		free(err);
		d->failed = true;
		return false;
	}
	const char *tmpdir = getenv("TMPDIR");
	struct docxlsx *x = xcalloc(1, sizeof *x);
	x->lib = lib;
	x->path = xasprintf("%s/ankekort-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	int fd = mkstemp(x->path);
	if (fd < 0) {
		free(x->path);
		free(x);
		d->failed = true;
		return false;
	}
	close(fd);
	x->wb = x->lib->workbook_new(x->path);
	if (!x->wb) {
		unlink(x->path);
		free(x->path);
		free(x);
		d->failed = true;
		return false;
	}
	x->bold = x->lib->workbook_add_format(x->wb);
	x->lib->format_set_bold(x->bold);
	d->xlsx = x;
	return true;
}

/* A sheet name Excel takes: no []:*?/\, at most 31 characters, unique. */
static char *sheet_name(struct docxlsx *x, const char *want)
{
	struct sbuf b = {0};
	size_t chars = 0;
	for (const char *s = want && want[0] ? want : "Sheet"; *s && chars < MAX_SHEET_NAME - 4;
	     s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || strchr("[]:*?/\\'", c))
			c = ' ';
		if (c == ' ' && (!b.len || b.data[b.len - 1] == ' '))
			continue; /* "Peers: 6-byer" reads "Peers 6-byer" */
		sbuf_putc(&b, (char)c);
		if ((c & 0xC0) != 0x80)
			chars++;
	}
	/* never end inside a UTF-8 sequence: the loop stops on a lead byte */
	while (b.len && ((unsigned char)b.data[b.len - 1] & 0xC0) == 0xC0)
		b.data[--b.len] = '\0';
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	char *name = xstrdup(b.len ? sbuf_str(&b) : "Sheet");
	sbuf_free(&b);
	for (int n = 2;; n++) {
		bool taken = false;
		for (size_t i = 0; i < x->n_names && !taken; i++)
			taken = strcasecmp(x->names[i], name) == 0;
		if (!taken)
			break;
		char *base = xstrdup(name);
		char *paren = strrchr(base, '(');
		if (paren && paren > base && n > 2)
			paren[-1] = '\0';
		free(name);
		name = xasprintf("%s (%d)", base, n);
		free(base);
	}
	x->names = xreallocarray(x->names, x->n_names + 1, sizeof *x->names);
	x->names[x->n_names++] = name;
	return name;
}

static void finish_sheet(struct docxlsx *x)
{
	if (x->ws && x->widest)
		x->lib->worksheet_set_column(x->ws, 0, 0,
					     x->widest > 60 ? 60 : (double)x->widest + 2, NULL);
	x->ws = NULL;
	x->widest = 0;
}

/* The sheet to write on: a new one when a heading came since. */
static lxw_worksheet *sheet(struct docxlsx *x)
{
	if (x->ws && !x->pending)
		return x->ws;
	finish_sheet(x);
	char *name = sheet_name(x, x->pending);
	x->ws = x->lib->workbook_add_worksheet(x->wb, name);
	x->row = 0;
	free(x->pending);
	x->pending = NULL;
	return x->ws;
}

void docxlsx_heading(struct doc *d, int level, const char *text)
{
	struct docxlsx *x = d->xlsx;
	if (!x)
		return;
	(void)level;
	if (!x->in_sources) {
		free(x->pending);
		x->pending = xstrdup(text);
	}
	lxw_worksheet *ws = sheet(x);
	char *t = textfmt_escape_dup(text);
	x->lib->worksheet_write_string(ws, x->row++, 0, t, x->bold);
	free(t);
}

void docxlsx_text(struct doc *d, const char *text)
{
	struct docxlsx *x = d->xlsx;
	if (!x)
		return;
	lxw_worksheet *ws = sheet(x);
	char *t = textfmt_escape_dup(text);
	x->lib->worksheet_write_string(ws, x->row++, 0, t, NULL);
	free(t);
}

/* "77", "36,2", "-9", "+2": a plain number in a text cell (no thousands
 * separators are written in tables); its value and decimals. */
static bool plain_number(const char *s, double *v, int *decimals)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	*decimals = 0;
	const char *sep = NULL;
	if (*p == '.' || *p == ',') {
		sep = p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++, (*decimals)++;
	}
	if (*p)
		return false;
	char *copy = xstrdup(s);
	if (sep)
		copy[sep - s] = '.';
	*v = strtod(copy, NULL);
	free(copy);
	return true;
}

static void track_width(struct docxlsx *x, const char *s)
{
	size_t w = textfmt_width(s);
	if (w > x->widest)
		x->widest = w;
}

void docxlsx_table(struct doc *d, const struct doc_table *t)
{
	struct docxlsx *x = d->xlsx;
	if (!x)
		return;
	lxw_worksheet *ws = sheet(x);
	/* a percentage column with counts is two columns, the share and the
	 * count; an interval's column two, its ends */
	bool *counted = xcalloc(t->ncols + 1, sizeof *counted);
	bool *range = xcalloc(t->ncols + 1, sizeof *range);
	for (size_t c = 0; c < t->ncols && t->nums; c++)
		for (size_t r = 0; r < t->nrows; r++) {
			const struct doc_num *n = &t->nums[r * t->ncols + c];
			counted[c] |= n->kind == DOC_NUM_PCT && n->count >= 0;
			range[c] |= n->kind == DOC_NUM_RANGE;
		}
	lxw_col_t col = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		char *h = textfmt_escape_dup(t->head[c]);
		char *two = counted[c] ? xasprintf(_("%s (cases)"), h)
			    : range[c] ? xasprintf(_("%s (upper)"), h)
				       : NULL;
		char *one = range[c] ? xasprintf(_("%s (lower)"), h) : NULL;
		x->lib->worksheet_write_string(ws, x->row, col++, one ? one : h, x->bold);
		if (two)
			x->lib->worksheet_write_string(ws, x->row, col++, two, x->bold);
		free(one);
		free(two);
		free(h);
	}
	x->row++;
	for (size_t r = 0; r < t->nrows; r++, x->row++) {
		col = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];
			const struct doc_num *n = t->nums ? &t->nums[r * t->ncols + c] : NULL;
			double v;
			int dec;
			if (n && n->kind == DOC_NUM_RANGE) { /* of a rate: in percent */
				lxw_format *fmt = num_format(x, true, n->decimals);
				x->lib->worksheet_write_number(ws, x->row, col, n->value / 100.0,
							       fmt);
				x->lib->worksheet_write_number(ws, x->row, col + 1, n->high / 100.0,
							       fmt);
			} else if (n && n->kind == DOC_NUM_PCT) {
				x->lib->worksheet_write_number(ws, x->row, col, n->value / 100.0,
							       num_format(x, true, n->decimals));
			} else if (n && n->kind == DOC_NUM_PLAIN) {
				x->lib->worksheet_write_number(ws, x->row, col, n->value,
							       num_format(x, false, n->decimals));
			} else if ((!n || n->kind == DOC_NUM_NONE) &&
				   plain_number(cell, &v, &dec)) {
				x->lib->worksheet_write_number(ws, x->row, col, v,
							       num_format(x, false, dec));
			} else if (strcmp(cell, AK_NO_FIGURE) != 0) { /* no figure: empty */
				char *e = textfmt_escape_dup(cell);
				x->lib->worksheet_write_string(ws, x->row, col, e, NULL);
				if (c == 0)
					track_width(x, e);
				free(e);
			}
			col += 1 + range[c];
			if (counted[c]) {
				if (n && n->kind == DOC_NUM_PCT && n->count >= 0)
					x->lib->worksheet_write_number(ws, x->row, col,
								       (double)n->count,
								       num_format(x, false, 0));
				col++;
			}
		}
	}
	x->row++; /* a blank row before what follows */
	free(counted);
	free(range);
}

void docxlsx_sources_sheet(struct doc *d, const char *name)
{
	struct docxlsx *x = d->xlsx;
	if (!x)
		return;
	free(x->pending);
	x->pending = xstrdup(name);
	x->in_sources = true;
}

static bool copy_file(const char *path, FILE *out)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return false;
	char buf[65536];
	size_t n;
	bool ok = true;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = ok && fwrite(buf, 1, n, out) == n;
	ok = ok && !ferror(in);
	fclose(in);
	return ok;
}

void docxlsx_end(struct doc *d)
{
	struct docxlsx *x = d->xlsx;
	if (!x)
		return;
	if (!x->ws && !x->n_names)
		sheet(x); /* a workbook has at least one sheet */
	finish_sheet(x);
	lxw_error e = x->lib->workbook_close(x->wb);
	if (e != LXW_NO_ERROR || !copy_file(x->path, d->out))
		d->failed = true;
	unlink(x->path);
	free(x->path);
	free(x->pending);
	for (size_t i = 0; i < x->n_names; i++)
		free(x->names[i]);
	free(x->names);
	free(x);
	d->xlsx = NULL;
}
