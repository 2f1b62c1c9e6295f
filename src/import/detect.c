/* detect.c - which format a file is, from its header and a sample
 * of its rows, and which Statistikbanken column is which. */
#include "detect.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/colroles.h"
#include "arearules.h"
#include "columns.h"
#include "importer.h"
#include "values.h"

/* How many rows are looked at to tell the columns apart. */
#define SAMPLE_ROWS 1000

/* A column's value in the row before and what it looked like: most
 * columns repeat it (the municipality, law and decision of a run). */
#define LAST_COLS 16
struct last_value {
	char text[64];
	size_t len;
	int looks;
	bool ok;
};

struct detection {
	struct importer *im;
	struct col_samples samples;
	struct strmap looks; /* value -> what it looks like: files repeat their labels */
	struct last_value last[LAST_COLS];
	bool talportal_header, sheet_header, dst_header;
	char *header; /* as seen, for the message */
	size_t rows;
};

unsigned import_value_looks(const struct ak_dataset *ds, const struct area_rules *rules,
			    const char *v)
{
	unsigned looks = 0;
	int year, quarter;
	if (imp_period_of(v, &year, &quarter))
		looks |= COL_LOOKS(COL_PERIOD);
	if (imp_decision_of(v) != D_UNKNOWN)
		looks |= COL_LOOKS(COL_DECISION);
	struct ak_num n;
	bool supp;
	if (imp_value_of(v, true, &n, &supp) && (n.present || supp))
		looks |= COL_LOOKS(COL_VALUE);
	if (strstr(v, "\xC2\xA7")) {
		looks |= COL_LOOKS(COL_LAW) | COL_LOOKS(COL_PAR);
	} else {
		bool lvl;
		struct sbuf f = {0};
		textfmt_fold(&f, v);
		const char *s = sbuf_str(&f);
		if (area_rules_match(rules, v, "", 0, &lvl, NULL) || strstr(s, "lov") ||
		    strstr(s, " act") || imp_word_in(s, "sel"))
			looks |= COL_LOOKS(COL_LAW);
		sbuf_free(&f);
	}
	/* a code ("751") may also be a count; a label that is a period, a
	 * decision or a law is no municipality, and the name lookup is costly */
	bool other = looks & (COL_LOOKS(COL_PERIOD) | COL_LOOKS(COL_DECISION) | COL_LOOKS(COL_LAW));
	if (!other && imp_muni_resolve(ds, v) != -1)
		looks |= COL_LOOKS(COL_MUNI);
	return looks;
}

static void detect_header(struct detection *d, const struct csv_row *row)
{
	struct header_map m;
	d->header = imp_header_text(row);
	imp_map_header(row, imp_dst_aliases.a, imp_dst_aliases.n, &m, NULL);
	d->dst_header = m.col[COL_VALUE] >= 0 && m.col[COL_PERIOD] >= 0;
	int *hints = xcalloc(row->n + 1, sizeof *hints);
	for (size_t i = 0; i < row->n; i++) {
		const struct alias *a =
			imp_find_alias(imp_dst_aliases.a, imp_dst_aliases.n, row->fields[i]);
		hints[i] = a && a->role < COL_CONTENT_ROLES ? (int)a->role : -1;
	}
	colroles_init(&d->samples, (const char *const *)row->fields, row->n, hints);
	free(hints);
	imp_map_header(row, imp_talportal_aliases.a, imp_talportal_aliases.n, &m, NULL);
	d->talportal_header = m.col[COL_MUNI] == 0 && m.col[COL_LAW] == 1 && m.col[COL_PAR] == 2 &&
			      m.col[COL_PERIOD] == 3;
	imp_map_header(row, imp_sheet_aliases.a, imp_sheet_aliases.n, &m, NULL);
	d->sheet_header = (m.col[COL_MUNI] >= 0 || m.col[COL_CODE] >= 0) && imp_any_measure(&m);
}

/* What column col's value v (len bytes) looks like, worked out once a
 * text (import_value_looks). */
static int looks_of(struct detection *d, size_t col, const char *v, size_t len)
{
	struct last_value *l = col < LAST_COLS ? &d->last[col] : NULL;
	if (l && l->ok && l->len == len && memcmp(l->text, v, len) == 0)
		return l->looks;
	int looks;
	if (!strmap_get(&d->looks, v, &looks)) {
		looks = (int)import_value_looks(d->im->ds, d->im->o->rules, v);
		strmap_put(&d->looks, v, looks);
	}
	if (l) {
		l->ok = len < sizeof l->text;
		if (l->ok) {
			memcpy(l->text, v, len);
			l->len = len;
			l->looks = looks;
		}
	}
	return looks;
}

static bool sample_row(void *ctx, const struct csv_row *row)
{
	struct detection *d = ctx;
	if (row->row == 0) {
		detect_header(d, row);
		return true;
	}
	for (size_t i = 0; i < row->n && i < d->samples.n; i++) {
		int looks = looks_of(d, i, row->fields[i], row->lens[i]);
		colroles_add(&d->samples, i, row->fields[i], (unsigned)looks);
		if ((unsigned)looks & COL_LOOKS(COL_LAW))
			imp_note_law(d->im->law_names, row->fields[i]); /* "6 Barnets lov" */
	}
	return ++d->rows < SAMPLE_ROWS;
}

/* A column of decision labels (Stadfæstelse, Hjemvisning ...) makes a file
 * long-format: Talportal and spreadsheets have one column per measure. */
static bool has_decision_column(const struct col_samples *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct col_sample *c = &s->cols[i];
		if (!c->n || c->hits[COL_DECISION] * 10 < c->n * 9)
			continue;
		/* "I alt" alone is a total, not a decision type */
		for (size_t k = 0; k < c->n_examples; k++) {
			enum decision d = imp_decision_of(c->examples[k]);
			if (d != D_UNKNOWN && d != D_TOTAL)
				return true;
		}
	}
	return false;
}

/* "column 2 "Lovgrundlag" (e.g. "Serviceloven", "§ 41"): the law" */
static void describe_columns(struct importer *im, const struct col_samples *s, const int *plan,
			     bool only_unused)
{
	for (size_t i = 0; i < s->n; i++) {
		int role = -1;
		for (int r = 0; r < COL_CONTENT_ROLES; r++)
			if (plan && plan[r] == (int)i)
				role = r;
		if (only_unused && role >= 0)
			continue;
		struct sbuf ex = {0};
		for (size_t k = 0; k < s->cols[i].n_examples; k++)
			sbuf_printf(&ex, "%s\"%s\"", k ? ", " : "", s->cols[i].examples[k]);
		struct sbuf fit = {0};
		textfmt_fit(&fit, sbuf_str(&ex), 80, false, false);
		if (role >= 0)
			diag_add(&im->res->report, DIAG_WARNING, im->path, 1, (int)i + 1,
				 "column %zu \"%s\" (%s): taken for the %s", i + 1,
				 s->cols[i].header, sbuf_str(&fit),
				 colroles_name((enum col_role)role));
		else
			diag_add(&im->res->report, DIAG_WARNING, im->path, 1, (int)i + 1,
				 "column %zu \"%s\" (%s): not used", i + 1, s->cols[i].header,
				 sbuf_str(&fit));
		sbuf_free(&ex);
		sbuf_free(&fit);
	}
}

/* Statistikbanken's columns: --columns first, then what the content says. */
static bool plan_dst(struct importer *im, const struct col_samples *s)
{
	int forced[COL_CONTENT_ROLES];
	char *why = NULL;
	if (im->o->columns && !colroles_parse_spec(im->o->columns, s, forced, &why)) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1, "%s", why);
		free(why);
		return false;
	}
	if (!colroles_assign(s, im->o->columns ? forced : NULL, im->plan, &why)) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1,
			 "cannot tell which column is which: %s; name them with --columns, e.g. "
			 "--columns municipality=1,law=2,decision=3,period=4,value=5",
			 why);
		describe_columns(im, s, im->plan, false);
		free(why);
		return false;
	}
	describe_columns(im, s, im->plan, true);
	return true;
}

enum import_format imp_detect(struct importer *im, const struct text_src *src)
{
	struct detection d = {.im = im};
	struct diag_list ignore = {0};
	imp_read_csv(src, im->path, &ignore, sample_row, &d, false);
	diag_list_free(&ignore);
	enum import_format f = im->o->format;
	if (f == IMPORT_AUTO)
		f = has_decision_column(&d.samples) ? IMPORT_DST
		    : d.talportal_header	    ? IMPORT_TALPORTAL
		    : d.sheet_header		    ? IMPORT_SHEET
		    : d.dst_header		    ? IMPORT_DST
						    : IMPORT_AUTO;
	if (f == IMPORT_AUTO) {
		diag_add(&im->res->report, DIAG_ERROR, im->path, 1, 1,
			 "cannot tell the format from the header \"%s\": expected Statistikbanken "
			 "(...;TID;INDHOLD), Talportal (Kommune;Lovgivning;Sagsemne;periode;...) "
			 "or a "
			 "spreadsheet with a Kommune column and figures; or name it with --format",
			 d.header ? d.header : "");
		describe_columns(im, &d.samples, NULL, false);
	}
	if (f == IMPORT_DST && !plan_dst(im, &d.samples))
		f = IMPORT_AUTO;
	colroles_free(&d.samples);
	strmap_free(&d.looks);
	free(d.header);
	return f;
}
