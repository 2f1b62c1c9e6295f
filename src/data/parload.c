/* parload.c - paragraphs.csv and units.csv (see parload.h), read through
 * csvtable.c, and the §§ a label names. */
#include "ankekort/data/parload.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/hashtab.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* ---- the §§ of a label ------------------------------------------------------ */

#define SECTION_SIGN "\xC2\xA7"
#define PAR_RANGE_MAX 50

static void put_par(struct sbuf *out, const char *par)
{
	if (par_list_has(sbuf_str(out), par))
		return;
	if (out->len)
		sbuf_putc(out, ' ');
	sbuf_puts(out, par);
}

/* A number at *p with its letter ("32 a", "32a"), into par; *p moved past. */
static bool read_par(const char **p, char *par, size_t size, long *number)
{
	const char *s = *p;
	size_t k = 0;
	long n = 0;
	while (isdigit((unsigned char)*s) && k + 2 < size) {
		n = n * 10 + (*s - '0');
		par[k++] = *s++;
	}
	while (isdigit((unsigned char)*s))
		s++; /* too long to be a paragraph: cut */
	const char *q = s;
	while (*q == ' ')
		q++;
	if (islower((unsigned char)*q) && !isalpha((unsigned char)q[1]) && q[1] != '.')
		par[k++] = *q, s = q + 1;
	par[k] = '\0';
	*p = s;
	*number = n;
	return k > 0;
}

/* A word at p: its length, letters only (folded ASCII is enough here). */
static size_t word_len(const char *p)
{
	size_t n = 0;
	while (isalpha((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80)
		n++;
	return n;
}

static bool word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

void par_numbers(const char *text, bool need_section, struct sbuf *out)
{
	sbuf_reset(out);
	sbuf_puts(out, "");
	const char *p = need_section ? strstr(text, SECTION_SIGN) : text;
	bool in_run = !need_section, skip_number = false, range = false;
	long last = -1;
	while (p && *p) {
		if (strncmp(p, SECTION_SIGN, 2) == 0) {
			in_run = true;
			skip_number = range = false;
			p += 2;
		} else if (isdigit((unsigned char)*p)) {
			char par[16];
			long n;
			read_par(&p, par, sizeof par, &n);
			if (!in_run || skip_number) {
				skip_number = false;
				continue;
			}
			if (range && last >= 0 && n > last && n - last <= PAR_RANGE_MAX) {
				for (long i = last + 1; i < n; i++) {
					char mid[24];
					snprintf(mid, sizeof mid, "%ld", i);
					put_par(out, mid);
				}
			}
			put_par(out, par);
			last = n;
			range = false;
		} else if (*p == '-' || strncmp(p, "\xE2\x80\x93", 3) == 0) {
			range = in_run && last >= 0;
			p += *p == '-' ? 1 : 3;
		} else if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			size_t n = word_len(p);
			if (word_is(p, n, "stk") || word_is(p, n, "nr") || word_is(p, n, "pkt") ||
			    word_is(p, n, "litra"))
				skip_number = true;
			else if (!word_is(p, n, "og") && !word_is(p, n, "and") &&
				 !word_is(p, n, "samt"))
				in_run = !need_section && in_run; /* any other word ends a run */
			p += n ? n : 1;
		} else {
			p++;
		}
	}
}

bool par_list_has(const char *list, const char *paragraph)
{
	size_t n = strlen(paragraph);
	for (const char *p = list; n && (p = strstr(p, paragraph)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

char *par_areas_text(unsigned areas)
{
	struct sbuf b = {0};
	sbuf_puts(&b, "");
	for (int a = 0; a < AREA_COUNT; a++)
		if (areas & (1u << a))
			sbuf_printf(&b, "%s%s", b.len ? "|" : "", area_id((enum ak_area)a));
	return sbuf_take(&b);
}

void par_area_rules_text(const struct ak_dataset *ds, enum ak_area area, int year, struct sbuf *out)
{
	sbuf_reset(out);
	sbuf_puts(out, "");
	for (size_t i = 0; i < ds->n_area_pars; i++) {
		const struct ak_area_par *r = &ds->area_pars[i];
		bool first_of_law = i == 0 || strcmp(ds->area_pars[i - 1].law, r->law) != 0;
		if (first_of_law) { /* the law's rules for the area, once */
			struct sbuf pars = {0};
			bool any = false;
			size_t n = 0;
			for (size_t j = i;
			     j < ds->n_area_pars && strcmp(ds->area_pars[j].law, r->law) == 0;
			     j++) {
				const struct ak_area_par *q = &ds->area_pars[j];
				if (q->area != area || (q->from && year < q->from) ||
				    (q->to && year > q->to) || !q->paragraph[0])
					continue;
				if (strcmp(q->paragraph, "*") == 0)
					any = true;
				else
					sbuf_printf(&pars, "%s%s", n++ ? ", " : "", q->paragraph);
			}
			if (any)
				sbuf_printf(out, "%s%s (every paragraph)", out->len ? "; " : "",
					    r->law);
			else if (n)
				sbuf_printf(out, "%s%s %s %s", out->len ? "; " : "", r->law,
					    n > 1 ? "\xC2\xA7\xC2\xA7" : "\xC2\xA7",
					    sbuf_str(&pars));
			sbuf_free(&pars);
		}
	}
}

/* ---- paragraphs.csv ---------------------------------------------------------- */

enum {
	PC_YEAR,
	PC_QUARTER,
	PC_CODE,
	PC_KOMMUNE,
	PC_LAW,
	PC_LABEL,
	PC_PARAGRAPHS,
	PC_AREAS,
	PC_CASES,
	PC_UPHELD,
	PC_REMANDED,
	PC_CHANGED,
	PC_REVERSED,
	PC_DISMISSED,
	PC_SOURCE,
	PC_SOURCE_KIND,
	PC_SOURCE_DATE,
	PC_SOURCE_URL,
	PC_NOTE,
	PC_COUNT
};
static const struct colspec par_cols[PC_COUNT] = {
	[PC_YEAR] = {"year", true},
	[PC_QUARTER] = {"quarter", false},
	[PC_CODE] = {"code", true},
	[PC_KOMMUNE] = {"kommune", false},
	[PC_LAW] = {"law", true},
	[PC_LABEL] = {"label", true},
	[PC_PARAGRAPHS] = {"paragraphs", false},
	[PC_AREAS] = {"areas", true},
	[PC_CASES] = {"cases", false},
	[PC_UPHELD] = {"upheld", false},
	[PC_REMANDED] = {"remanded", false},
	[PC_CHANGED] = {"changed", false},
	[PC_REVERSED] = {"reversed", false},
	[PC_DISMISSED] = {"dismissed", false},
	[PC_SOURCE] = {"source", true},
	[PC_SOURCE_KIND] = {"source_kind", true},
	[PC_SOURCE_DATE] = {"source_date", false},
	[PC_SOURCE_URL] = {"source_url", false},
	[PC_NOTE] = {"note", false},
};

/* "52 55 32a": numbers with an optional letter, one space between. */
static bool valid_list(const char *s)
{
	for (const char *p = s; *p;) {
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
		if (islower((unsigned char)*p))
			p++;
		if (*p == ' ' && p[1])
			p++;
		else if (*p)
			return false;
	}
	return true;
}

static unsigned get_areas(struct table *t, const struct csv_row *row, int col)
{
	char *copy = xstrdup(tbl_field(t, row, col)), *save = NULL;
	unsigned areas = 0;
	bool bad = !copy[0];
	for (char *a = strtok_r(copy, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
		enum ak_area area;
		if (area_parse(a, &area))
			areas |= 1u << area;
		else
			bad = true;
	}
	free(copy);
	if (bad)
		tbl_bad_value(t, row, col,
			      "the areas the row counts for, such as generelt|boernehandicap");
	return areas;
}

static struct ak_num count_of(struct table *t, const struct csv_row *row, int col)
{
	return tbl_get_count(t, row, col);
}

static void par_numbers_row(struct table *t, const struct csv_row *row, struct ak_par *p)
{
	p->cases = count_of(t, row, PC_CASES);
	p->upheld = count_of(t, row, PC_UPHELD);
	p->remanded = count_of(t, row, PC_REMANDED);
	p->changed = count_of(t, row, PC_CHANGED);
	p->reversed = count_of(t, row, PC_REVERSED);
	p->dismissed = count_of(t, row, PC_DISMISSED);
	if (!t->row_bad && !p->cases.present && !p->upheld.present && !p->remanded.present &&
	    !p->changed.present && !p->reversed.present && !p->dismissed.present)
		tbl_at_col(t, row, PC_CASES, DIAG_ERROR,
			   "expected at least one count (cases, upheld, remanded, changed, "
			   "reversed or dismissed), found none");
}

static void par_push(struct ak_dataset *ds, const struct ak_par *p)
{
	if (ds->n_pars == ds->cap_pars) {
		ds->cap_pars = ds->cap_pars ? ds->cap_pars * 2 : 32;
		ds->pars = xreallocarray(ds->pars, ds->cap_pars, sizeof *ds->pars);
	}
	ds->pars[ds->n_pars++] = *p;
}

static void par_row(struct table *t, const struct csv_row *row)
{
	struct ak_par p = {.path = t->path, .line = row->line, .layer = (enum ak_layer)t->year};
	p.year = tbl_get_year(t, row, PC_YEAR);
	const char *q = tbl_field(t, row, PC_QUARTER);
	if (q[0] && (q[1] || q[0] < '1' || q[0] > '4'))
		tbl_bad_value(t, row, PC_QUARTER, "a quarter from 1 to 4, or empty for the year");
	p.quarter = q[0] ? q[0] - '0' : 0;
	p.code = tbl_get_code(t, row, PC_CODE);
	if (!tbl_field(t, row, PC_LAW)[0])
		tbl_bad_value(t, row, PC_LAW, "the law, such as Serviceloven");
	if (!tbl_field(t, row, PC_LABEL)[0])
		tbl_bad_value(t, row, PC_LABEL, "the paragraph or topic as published");
	if (!valid_list(tbl_field(t, row, PC_PARAGRAPHS)))
		tbl_bad_value(t, row, PC_PARAGRAPHS,
			      "paragraph numbers separated by spaces, such as 52 55 or 32a");
	p.areas = get_areas(t, row, PC_AREAS);
	par_numbers_row(t, row, &p);
	p.law = tbl_get_text(t, row, PC_LAW);
	p.label = tbl_get_text(t, row, PC_LABEL);
	p.paragraphs = tbl_get_text(t, row, PC_PARAGRAPHS);
	p.note = tbl_get_text(t, row, PC_NOTE);
	tbl_get_source(t, row, PC_SOURCE, PC_SOURCE_KIND, PC_SOURCE_DATE, PC_SOURCE_URL, &p.source);
	if (t->row_bad) {
		free(p.law);
		free(p.label);
		free(p.paragraphs);
		free(p.note);
		free(p.source.text);
		free(p.source.date);
		free(p.source.url);
		return;
	}
	par_push(t->ds, &p);
}

/* A row's identity: paragraph label, law, period, municipality, source. */
uint64_t par_identity(const struct ak_par *p, const char *source)
{
	int nums[3] = {p->year, p->quarter, p->code};
	uint64_t h = hashtab_fnv(HASHTAB_FNV_START, (const char *)nums, sizeof nums);
	h = hashtab_fnv(h, p->law, strlen(p->law) + 1);
	h = hashtab_fnv(h, p->label, strlen(p->label) + 1);
	return hashtab_fnv(h, source, strlen(source));
}

bool par_same_identity(const struct ak_par *a, const struct ak_par *b, const char *source)
{
	return a->year == b->year && a->quarter == b->quarter && a->code == b->code &&
	       strcmp(a->law, b->law) == 0 && strcmp(a->label, b->label) == 0 &&
	       strcmp(a->source.text, source) == 0;
}

/* Two rows for one paragraph, period, municipality and source. */
static void check_repeats(struct ak_dataset *ds, size_t first, struct diag_list *diags)
{
	struct hashtab seen = {0};
	for (size_t i = first; i < ds->n_pars; i++) {
		const struct ak_par *a = &ds->pars[i];
		uint64_t key = par_identity(a, a->source.text), j;
		size_t pos = 0;
		while (hashtab_next(&seen, key, &pos, &j)) {
			const struct ak_par *b = &ds->pars[j];
			if (par_same_identity(b, a, a->source.text)) {
				diag_add(diags, DIAG_ERROR, a->path, a->line, 1,
					 "expected one row per paragraph, period, municipality and "
					 "source, found a second for %d code %d \"%s\" (line %d)",
					 a->year, a->code, a->label, b->line);
				break;
			}
		}
		hashtab_add(&seen, key, i);
	}
	hashtab_free(&seen);
}

void csvload_paragraphs(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			const char *display, enum ak_layer layer, struct diag_list *diags,
			struct load_result *res)
{
	/* t.year carries the layer: a paragraphs file has no year of its own */
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = par_cols,
			  .ncols = PC_COUNT,
			  .row_fn = par_row,
			  .year = (int)layer};
	size_t first = ds->n_pars;
	tbl_read_table(&t, path, buf, len);
	check_repeats(ds, first, diags);
	diag_list_flush(diags);
}

/* ---- units.csv ---------------------------------------------------------------- */

enum { UC_CODE, UC_UNIT, UC_LAW, UC_PARAGRAPHS, UC_COUNT };
static const struct colspec unit_cols[UC_COUNT] = {
	[UC_CODE] = {"code", false},
	[UC_UNIT] = {"unit", true},
	[UC_LAW] = {"law", false},
	[UC_PARAGRAPHS] = {"paragraphs", true},
};

static void unit_row(struct table *t, const struct csv_row *row)
{
	struct ak_unit u = {.path = t->path, .line = row->line, .code = -1};
	if (tbl_field(t, row, UC_CODE)[0])
		u.code = tbl_get_code(t, row, UC_CODE);
	if (!tbl_field(t, row, UC_UNIT)[0])
		tbl_bad_value(t, row, UC_UNIT, "the unit's name, such as Sundhed & Omsorg");
	struct sbuf pars = {0};
	const char *list = tbl_field(t, row, UC_PARAGRAPHS);
	par_numbers(list, false, &pars);
	for (const char *c = list; *c; c++)
		if (!strchr("0123456789abcdefghijklmnopqrstuvwxyz ,-\xC2\xA7", *c)) {
			tbl_bad_value(t, row, UC_PARAGRAPHS,
				      "paragraph numbers such as 83 95 112 113 or 44-45");
			break;
		}
	if (t->row_bad) {
		sbuf_free(&pars);
		return;
	}
	u.name = tbl_get_text(t, row, UC_UNIT);
	struct sbuf law = {0};
	textfmt_fold(&law, tbl_field(t, row, UC_LAW));
	u.law = sbuf_take(&law);
	u.paragraphs = sbuf_take(&pars);
	struct ak_dataset *ds = t->ds;
	if (ds->n_units == ds->cap_units) {
		ds->cap_units = ds->cap_units ? ds->cap_units * 2 : 8;
		ds->units = xreallocarray(ds->units, ds->cap_units, sizeof *ds->units);
	}
	ds->units[ds->n_units++] = u;
}

void csvload_units(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		   const char *display, struct diag_list *diags, struct load_result *res)
{
	struct table t = {.ds = ds,
			  .path = tbl_register_file(ds, display),
			  .diags = diags,
			  .res = res,
			  .cols = unit_cols,
			  .ncols = UC_COUNT,
			  .row_fn = unit_row};
	tbl_read_table(&t, path, buf, len);
}
