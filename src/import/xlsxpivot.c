/* xlsxpivot.c - the Talportal's Excel table as the rows of its CSV
 * download: the headers read (whichever of measure and period is on top),
 * the footer found, each data row unpivoted into one row per period. */
#include "ankekort/import/xlsxpivot.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "columns.h"
#include "values.h"

/* how many rows with 0 cases the message names */
#define ZERO_EXAMPLES 3

static const char *const id_names[XLSX_ID_COUNT] = {"kommune", "lovgivning", "sagsemne"};
/* the CSV's header and texts (csv_row's fields are not const) */
static char h_kommune[] = "Kommune", h_lov[] = "Lovgivning", h_sagsemne[] = "Sagsemne",
	    h_periode[] = "periode", na_text[] = "NA", empty_text[] = "";
static char *const id_headers[XLSX_ID_COUNT] = {h_kommune, h_lov, h_sagsemne};

static bool is_zero(const struct xlsx_sheet *s, const struct xlsx_cell *c)
{
	struct sbuf b = {0};
	xlsx_cell_csv(&b, s, c);
	bool zero = c && c->kind == XLSX_NUMBER && strcmp(sbuf_str(&b), "0") == 0;
	sbuf_free(&b);
	return zero;
}

/* ---- the headers -------------------------------------------------------------------------- */

struct headers {
	uint32_t n;	   /* columns 1..n */
	char **top, **sub; /* [col]: the texts of the two rows, merges filled in */
};

static int range_cmp(const void *a, const void *b)
{
	const struct xlsx_range *x = a, *y = b;
	return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* A merged range covering the header row gives its columns the text of
 * its top-left cell. Ranges sorted by their first column, each column
 * filled once: the work stays in proportion to the columns. */
static void fill_merges(const struct xlsx_sheet *s, uint32_t row, char **texts, uint32_t n)
{
	struct xlsx_range *m = xcalloc(s->n_merges + 1, sizeof *m);
	size_t k = 0;
	for (size_t i = 0; i < s->n_merges; i++)
		if (s->merges[i].r1 <= row && row <= s->merges[i].r2 && s->merges[i].c1 <= n)
			m[k++] = s->merges[i];
	qsort(m, k, sizeof *m, range_cmp);
	uint32_t next = 1;
	for (size_t i = 0; i < k; i++) {
		struct sbuf v = {0};
		xlsx_cell_csv(&v, s, xlsx_sheet_at(s, m[i].r1, m[i].c1));
		uint32_t from = m[i].c1 > next ? m[i].c1 : next;
		for (uint32_t c = from; c <= m[i].c2 && c <= n; c++)
			if (!texts[c][0]) {
				free(texts[c]);
				texts[c] = xstrdup(sbuf_str(&v));
			}
		if (m[i].c2 + 1 > next)
			next = m[i].c2 + 1;
		sbuf_free(&v);
	}
	free(m);
}

static void read_headers(const struct xlsx_sheet *s, uint32_t r1, uint32_t r2, struct headers *h)
{
	uint32_t n = 0;
	const struct xlsx_cell *c;
	for (uint32_t r = r1; r <= r2; r++) {
		size_t k = xlsx_sheet_row(s, r, &c);
		if (k && c[k - 1].col > n)
			n = c[k - 1].col;
	}
	for (size_t i = 0; i < s->n_merges; i++)
		if (s->merges[i].r1 <= r2 && s->merges[i].r2 >= r1 && s->merges[i].c2 > n)
			n = s->merges[i].c2 > XLSX_MAX_COL ? XLSX_MAX_COL : s->merges[i].c2;
	h->n = n;
	h->top = xcalloc(n + 1, sizeof *h->top);
	h->sub = xcalloc(n + 1, sizeof *h->sub);
	struct sbuf v = {0};
	for (uint32_t col = 0; col <= n; col++) {
		xlsx_cell_csv(&v, s, col ? xlsx_sheet_at(s, r1, col) : NULL);
		h->top[col] = xstrdup(sbuf_str(&v));
		xlsx_cell_csv(&v, s, col ? xlsx_sheet_at(s, r2, col) : NULL);
		h->sub[col] = xstrdup(sbuf_str(&v));
	}
	sbuf_free(&v);
	fill_merges(s, r1, h->top, n);
	fill_merges(s, r2, h->sub, n);
}

static void free_headers(struct headers *h)
{
	for (uint32_t c = 0; c <= h->n && h->top; c++) {
		free(h->top[c]);
		free(h->sub[c]);
	}
	free(h->top);
	free(h->sub);
}

static int id_of(const char *text)
{
	struct sbuf f = {0};
	textfmt_fold(&f, text);
	int id = -1;
	for (int k = 0; k < XLSX_ID_COUNT; k++)
		if (strcmp(sbuf_str(&f), id_names[k]) == 0)
			id = k;
	sbuf_free(&f);
	return id;
}

static bool is_period(const char *text)
{
	int y, q;
	return imp_period_of(text, &y, &q);
}

static size_t index_of(char ***list, size_t *n, const char *text)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i], text) == 0)
			return i;
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[*n] = xstrdup(text);
	return (*n)++;
}

struct planner {
	struct xlsx_pivot *p;
	const char *path;
	struct diag_list *diags;
};

static void say(struct planner *pl, enum diag_severity sev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct planner *pl, enum diag_severity sev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	const char *name = pl->p->s->name ? pl->p->s->name : "";
	diag_add(pl->diags, sev, pl->path, 0, 0, "sheet \"%s\" %s", name, msg);
	free(msg);
}

/* The id columns, then the value columns; false when they do not make a
 * Talportal table. */
static bool plan_columns(struct planner *pl, struct headers *h)
{
	struct xlsx_pivot *p = pl->p;
	uint32_t last_id = 0, n_cand = 0, on_sub = 0, on_top = 0;
	bool values = false;
	for (uint32_t c = 1; c <= h->n; c++) {
		int id = id_of(h->sub[c][0] ? h->sub[c] : h->top[c]);
		if (id >= 0 && !values && !p->id_col[id]) {
			p->id_col[id] = c;
			last_id = c;
			continue;
		}
		values = true;
	}
	if (!p->id_col[XLSX_ID_KOMMUNE] ||
	    (!p->id_col[XLSX_ID_SAGSEMNE] && !p->id_col[XLSX_ID_LOV])) {
		say(pl, DIAG_ERROR,
		    "rows %u-%u: no Kommune and Sagsemne columns; a Talportal table has Kommune, "
		    "Sagsemne and perhaps Lovgivning in its first columns, then a measure over "
		    "periods or a period over measures",
		    (unsigned)p->head1, (unsigned)p->head2);
		return false;
	}
	/* a group header not merged stands for the columns up to the next one */
	for (uint32_t c = last_id + 2; c <= h->n; c++)
		if (!h->top[c][0] && h->sub[c][0]) {
			free(h->top[c]);
			h->top[c] = xstrdup(h->top[c - 1]);
		}
	for (uint32_t c = last_id + 1; c <= h->n; c++)
		if (h->top[c][0] && h->sub[c][0]) {
			n_cand++;
			on_top += is_period(h->top[c]);
			on_sub += is_period(h->sub[c]);
		}
	if (!on_top && !on_sub) {
		say(pl, DIAG_ERROR,
		    "rows %u-%u: no period (a year such as 2023, or \"2023 - 1. kvartal\") in "
		    "either header row",
		    (unsigned)p->head1, (unsigned)p->head2);
		return false;
	}
	bool period_on_top = on_top > on_sub;
	struct sbuf unused = {0};
	size_t n_unused = 0;
	uint32_t *cols = xcalloc(n_cand + 1, sizeof *cols);
	size_t *per = xcalloc(n_cand + 1, sizeof *per), *mea = xcalloc(n_cand + 1, sizeof *mea);
	size_t k = 0;
	for (uint32_t c = last_id + 1; c <= h->n; c++) {
		const char *period = period_on_top ? h->top[c] : h->sub[c];
		const char *measure = period_on_top ? h->sub[c] : h->top[c];
		char ref[16];
		if (!h->top[c][0] && !h->sub[c][0])
			continue;
		if (!h->top[c][0] || !h->sub[c][0] || !is_period(period)) {
			if (n_unused++ < 10)
				sbuf_printf(&unused, "%s%s \"%s\"", unused.len ? ", " : "",
					    xlsx_cell_name(p->head2, c, ref),
					    h->sub[c][0] ? h->sub[c] : h->top[c]);
			continue;
		}
		cols[k] = c;
		per[k] = index_of(&p->periods, &p->n_periods, period);
		mea[k++] = index_of(&p->measures, &p->n_measures, measure);
		if (p->n_measures > XLSX_MAX_MEASURES || p->n_periods > XLSX_MAX_PERIODS)
			break; /* refused below: the lists are searched one by one */
	}
	if (n_unused)
		say(pl, DIAG_WARNING,
		    "rows %u-%u: columns that are not a period of a measure, not used (%zu): %s",
		    (unsigned)p->head1, (unsigned)p->head2, n_unused, sbuf_str(&unused));
	sbuf_free(&unused);
	bool ok = k > 0;
	if (!ok)
		say(pl, DIAG_ERROR, "rows %u-%u: no column is a period of a measure",
		    (unsigned)p->head1, (unsigned)p->head2);
	if (ok && (p->n_measures > XLSX_MAX_MEASURES || p->n_periods > XLSX_MAX_PERIODS)) {
		say(pl, DIAG_ERROR,
		    "rows %u-%u: %zu measures and %zu periods, more than the %d and %d a table "
		    "may have",
		    (unsigned)p->head1, (unsigned)p->head2, p->n_measures, p->n_periods,
		    XLSX_MAX_MEASURES, XLSX_MAX_PERIODS);
		ok = false;
	}
	if (ok) {
		p->n_cols = h->n;
		p->col_period = xcalloc(h->n + 1, sizeof *p->col_period);
		p->at = xcalloc(p->n_periods * p->n_measures, sizeof *p->at);
		for (size_t i = 0; i < k && ok; i++) {
			uint32_t *at = &p->at[per[i] * p->n_measures + mea[i]];
			char a[16], b[16];
			if (*at) {
				say(pl, DIAG_ERROR, "%s and %s: both are \"%s\" in %s",
				    xlsx_cell_name(p->head2, *at, a),
				    xlsx_cell_name(p->head2, cols[i], b), p->measures[mea[i]],
				    p->periods[per[i]]);
				ok = false;
			}
			*at = cols[i];
			p->col_period[cols[i]] = (uint32_t)per[i] + 1;
		}
	}
	free(cols);
	free(per);
	free(mea);
	for (size_t m = 0; m < p->n_measures; m++) {
		const struct alias *a = imp_find_alias(imp_talportal_aliases.a,
						       imp_talportal_aliases.n, p->measures[m]);
		if (a && a->role == COL_MEASURE && a->meas == M_CASES && p->cases < 0)
			p->cases = (int)m;
	}
	return ok;
}

/* ---- the data rows -------------------------------------------------------------------------- */

/* One unpivoted row: the ids, the period and a value per measure. */
struct long_row {
	uint32_t row, period;
	char *ids[XLSX_ID_COUNT];
	struct sbuf *values; /* [measure] */
	const struct xlsx_cell *cases;
	bool zero; /* 0 cases: every value written as NA */
};

typedef bool (*long_row_fn)(void *ctx, const struct long_row *lr);

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The periods a row has a value for, in order, into list (returns how
 * many); seen is all false before and after. */
static size_t periods_of_row(const struct xlsx_pivot *p, const struct xlsx_cell *c, size_t k,
			     bool *seen, size_t *list)
{
	size_t n = 0;
	for (size_t i = 0; i < k; i++) {
		uint32_t t = c[i].col <= p->n_cols ? p->col_period[c[i].col] : 0;
		if (t && !seen[t - 1]) {
			seen[t - 1] = true;
			list[n++] = t - 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		seen[list[i]] = false;
	qsort(list, n, sizeof *list, size_cmp);
	return n;
}

/* Walks the data rows: a blank row is passed over, a blank id repeats the
 * one above it (merged cells and pivot tables leave it blank), a period
 * without any value in the row is no row. The work is in proportion to
 * the cells there are, whatever the number of rows and columns. */
static bool walk(const struct xlsx_pivot *p, long_row_fn fn, void *ctx)
{
	const struct xlsx_sheet *s = p->s;
	struct sbuf ids[XLSX_ID_COUNT] = {{0}}, cur = {0};
	struct sbuf *values = xcalloc(p->n_measures + 1, sizeof *values);
	bool *seen = xcalloc(p->n_periods + 1, sizeof *seen);
	size_t *list = xcalloc(p->n_periods + 1, sizeof *list);
	bool go = true;
	const struct xlsx_cell *end = s->cells + s->n_cells, *c = s->cells;
	while (c < end && c->row < p->first_data)
		c++;
	while (c < end && c->row < p->end_data && go) {
		const struct xlsx_cell *first = c;
		while (c < end && c->row == first->row)
			c++;
		uint32_t r = first->row;
		struct long_row lr = {.row = r, .values = values};
		for (int k = 0; k < XLSX_ID_COUNT; k++) {
			if (p->id_col[k]) {
				xlsx_cell_csv(&cur, s, xlsx_sheet_at(s, r, p->id_col[k]));
				if (cur.len) {
					sbuf_reset(&ids[k]);
					sbuf_puts(&ids[k], sbuf_str(&cur));
				}
			}
			lr.ids[k] = ids[k].data ? ids[k].data : empty_text;
		}
		size_t n = periods_of_row(p, first, (size_t)(c - first), seen, list);
		for (size_t i = 0; i < n && go; i++) {
			size_t t = list[i];
			lr.cases = NULL;
			for (size_t m = 0; m < p->n_measures; m++) {
				uint32_t col = p->at[t * p->n_measures + m];
				const struct xlsx_cell *v = col ? xlsx_sheet_at(s, r, col) : NULL;
				xlsx_cell_csv(&values[m], s, v);
				if ((int)m == p->cases)
					lr.cases = v;
			}
			lr.period = (uint32_t)t;
			lr.zero = p->cases >= 0 && is_zero(s, lr.cases);
			go = fn(ctx, &lr);
		}
	}
	for (int k = 0; k < XLSX_ID_COUNT; k++)
		sbuf_free(&ids[k]);
	sbuf_free(&cur);
	for (size_t m = 0; m < p->n_measures; m++)
		sbuf_free(&values[m]);
	free(values);
	free(seen);
	free(list);
	return true;
}

static bool count_zero(void *ctx, const struct long_row *lr)
{
	struct xlsx_pivot *p = ctx;
	if (!lr->zero)
		return true;
	if (p->zeros++ < ZERO_EXAMPLES) {
		char ref[16];
		sbuf_printf(&p->zero_examples, "%s%s", p->zero_examples.len ? "; " : "",
			    xlsx_cell_name(lr->row, lr->cases->col, ref));
		for (int k = 0; k < XLSX_ID_COUNT; k++)
			if (lr->ids[k][0])
				sbuf_printf(&p->zero_examples, " %s", lr->ids[k]);
		sbuf_printf(&p->zero_examples, " %s", p->periods[lr->period]);
	} else if (p->zeros == ZERO_EXAMPLES + 1) {
		sbuf_puts(&p->zero_examples, " ...");
	}
	return true;
}

/* The footer "Kilde: Ankestyrelsen ( 2023 )": the first row below the
 * headers whose first cell starts with "Kilde"; its year is kept. */
static void find_footer(struct planner *pl)
{
	struct xlsx_pivot *p = pl->p;
	const struct xlsx_sheet *s = p->s;
	uint32_t last = s->n_cells ? s->cells[s->n_cells - 1].row : 0;
	p->end_data = last + 1;
	for (size_t i = 0; i < s->n_cells; i++) {
		const struct xlsx_cell *c = &s->cells[i];
		if (c->row < p->first_data || (i && s->cells[i - 1].row == c->row))
			continue;
		const char *t = xlsx_text(s, c);
		if (c->kind != XLSX_TEXT || strncasecmp(t, "kilde", 5) != 0)
			continue;
		p->end_data = c->row;
		for (const char *d = t; *d; d++)
			if (isdigit((unsigned char)d[0]) && isdigit((unsigned char)d[1]) &&
			    isdigit((unsigned char)d[2]) && isdigit((unsigned char)d[3]) &&
			    !isdigit((unsigned char)d[4]) &&
			    (d == t || !isdigit((unsigned char)d[-1]))) {
				int y = atoi(d);
				if (y >= 1900 && y < 2200) {
					p->footer_year = y;
					break;
				}
			}
		break;
	}
	size_t below = 0;
	for (uint32_t r = p->end_data + 1; r <= last; r++) {
		const struct xlsx_cell *first;
		below += xlsx_sheet_row(s, r, &first) > 0;
	}
	if (below)
		say(pl, DIAG_WARNING,
		    "row %u: rows below the footer \"Kilde ...\" are not read (%zu)",
		    (unsigned)p->end_data, below);
}

bool xlsx_pivot_plan(struct xlsx_pivot *p, const struct xlsx_sheet *s, const char *path,
		     struct diag_list *diags)
{
	memset(p, 0, sizeof *p);
	p->s = s;
	p->cases = -1;
	struct planner pl = {.p = p, .path = path, .diags = diags};
	if (!s->n_cells) {
		say(&pl, DIAG_ERROR, "is empty");
		return false;
	}
	p->head1 = s->cells[0].row;
	p->head2 = p->head1 + 1;
	p->first_data = p->head2 + 1;
	struct headers h = {0};
	read_headers(s, p->head1, p->head2, &h);
	bool ok = plan_columns(&pl, &h);
	free_headers(&h);
	if (!ok)
		return false;
	if (!p->id_col[XLSX_ID_LOV])
		say(&pl, DIAG_WARNING,
		    "rows %u-%u: no Lovgivning column: a Sagsemne that names a § is taken as "
		    "a paragraph of serviceloven, and \"I alt\" as no law (add Lovgivning to the "
		    "table in the Talportal)",
		    (unsigned)p->head1, (unsigned)p->head2);
	find_footer(&pl);
	walk(p, count_zero, p);
	return true;
}

struct emitter {
	const struct xlsx_pivot *p;
	csv_row_fn fn;
	void *ctx;
	size_t n; /* fields: the ids, the period, the measures */
	char **fields;
	size_t *lens;
	int *cols;
	size_t rows;
};

static bool emit(void *ctx, const struct long_row *lr)
{
	struct emitter *e = ctx;
	const struct xlsx_pivot *p = e->p;
	for (int k = 0; k < XLSX_ID_COUNT; k++) {
		e->fields[k] = lr->ids[k];
		e->cols[k] = (int)p->id_col[k];
	}
	e->fields[3] = p->periods[lr->period];
	e->cols[3] = 0;
	for (size_t m = 0; m < p->n_measures; m++) {
		uint32_t col = p->at[lr->period * p->n_measures + m];
		e->fields[4 + m] = lr->zero		? na_text
				   : lr->values[m].data ? lr->values[m].data
							: empty_text;
		e->cols[4 + m] = (int)col;
	}
	for (size_t i = 0; i < e->n; i++)
		e->lens[i] = strlen(e->fields[i]);
	struct csv_row row = {.fields = e->fields,
			      .lens = e->lens,
			      .n = e->n,
			      .line = (int)lr->row,
			      .row = ++e->rows,
			      .cols = e->cols};
	return e->fn(e->ctx, &row);
}

bool xlsx_pivot_rows(const struct xlsx_pivot *p, csv_row_fn fn, void *ctx)
{
	struct emitter e = {.p = p, .fn = fn, .ctx = ctx, .n = 4 + p->n_measures};
	e.fields = xcalloc(e.n, sizeof *e.fields);
	e.lens = xcalloc(e.n, sizeof *e.lens);
	e.cols = xcalloc(e.n, sizeof *e.cols);
	for (int k = 0; k < XLSX_ID_COUNT; k++) {
		e.fields[k] = id_headers[k];
		e.cols[k] = (int)p->id_col[k];
	}
	e.fields[3] = h_periode;
	for (size_t m = 0; m < p->n_measures; m++) {
		e.fields[4 + m] = p->measures[m];
		for (size_t t = 0; t < p->n_periods && !e.cols[4 + m]; t++)
			e.cols[4 + m] = (int)p->at[t * p->n_measures + m];
	}
	for (size_t i = 0; i < e.n; i++)
		e.lens[i] = strlen(e.fields[i]);
	struct csv_row head = {.fields = e.fields,
			       .lens = e.lens,
			       .n = e.n,
			       .line = (int)p->head2,
			       .cols = e.cols};
	if (fn(ctx, &head))
		walk(p, emit, &e);
	free(e.fields);
	free(e.lens);
	free(e.cols);
	return true;
}

void xlsx_pivot_free(struct xlsx_pivot *p)
{
	for (size_t i = 0; i < p->n_periods; i++)
		free(p->periods[i]);
	for (size_t i = 0; i < p->n_measures; i++)
		free(p->measures[i]);
	free(p->periods);
	free(p->measures);
	free(p->at);
	free(p->col_period);
	sbuf_free(&p->zero_examples);
	memset(p, 0, sizeof *p);
}
