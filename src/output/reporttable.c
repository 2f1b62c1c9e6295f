/* reporttable.c - print's table, made once: every cell into one buffer
 * with its display width (reporttable.h). */
#include "ankekort/output/reporttable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/base/i18n.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/groupavg.h"
#include "ankekort/data/regtally.h"
#include "ankekort/data/stats.h"
#include "ankekort/output/figtext.h"
#include "ankekort/output/peers.h"

void reporttable_start(struct report_table *t, size_t rows)
{
	t->cap = rows ? rows : 1;
	t->cells = xreallocarray(NULL, t->cap * C_COUNT, sizeof *t->cells);
	t->keys = xreallocarray(NULL, t->cap, sizeof *t->keys);
	sbuf_putc(&t->text, '\0'); /* the empty cell's */
}

/* s (n bytes and its NUL) as a cell of display width w. */
static struct report_cell put_cell(struct report_table *t, const char *s, size_t n, size_t w)
{
	if (n == 0)
		return (struct report_cell){0};
	struct report_cell c = {t->text.len, (uint32_t)n, (uint32_t)w};
	sbuf_putn(&t->text, s, n + 1);
	return c;
}

/* Text that is ASCII (numbers): as wide as it is long. */
static struct report_cell ascii_cell(struct report_table *t, const char *s)
{
	size_t n = strlen(s);
	return put_cell(t, s, n, n);
}

/* Text of ours (labels, flags): measured. */
static struct report_cell text_cell(struct report_table *t, const char *s)
{
	return put_cell(t, s, strlen(s), textfmt_width(s));
}

/* Text from the data, escaped for the terminal and measured. */
static struct report_cell escaped_cell(struct report_table *t, const char *s)
{
	size_t at = t->text.len;
	textfmt_escape(&t->text, s);
	size_t n = t->text.len - at;
	if (n == 0)
		return (struct report_cell){0};
	sbuf_putc(&t->text, '\0');
	return (struct report_cell){at, (uint32_t)n, (uint32_t)textfmt_width(t->text.data + at)};
}

/* The same for a text the last row of the run had too (a municipality's
 * name, a file's source): its cell again, not a new copy. */
static struct report_cell escaped_again(struct report_table *t, const char *s, const char **last,
					struct report_cell *cell)
{
	if (!*last || strcmp(*last, s) != 0) {
		*cell = escaped_cell(t, s);
		*last = s;
	}
	return *cell;
}

/* v >= 0 in decimal digits, as textfmt_number() writes a whole number (in
 * Danish with a point between thousands), without its general path: the
 * end of buf; returns the start. */
static char *whole_text(char *end, unsigned long long v, bool danish)
{
	char *s = end;
	*s = '\0';
	for (int n = 1;; n++) {
		*--s = (char)('0' + v % 10);
		v /= 10;
		if (!v)
			return s;
		if (danish && n % 3 == 0)
			*--s = '.';
	}
}

static struct report_cell int_cell(struct report_table *t, long long v)
{
	char buf[32];
	if (v < 0) { /* as printf writes it */
		snprintf(buf, sizeof buf, "%lld", v);
		return ascii_cell(t, buf);
	}
	return ascii_cell(t, whole_text(buf + sizeof buf - 1, (unsigned long long)v, false));
}

static struct report_cell count_cell(struct report_table *t, long v, bool danish)
{
	char buf[64];
	if (v < 0)
		return (struct report_cell){0};
	if ((long long)v >= (1LL << 53)) /* where a double stops holding every count */
		return ascii_cell(t, textfmt_number(buf, sizeof buf, (double)v, 0, danish));
	return ascii_cell(t, whole_text(buf + sizeof buf - 1, (unsigned long long)v, danish));
}

static struct report_cell val_cell(struct report_table *t, struct ak_val v, enum report_format f)
{
	char buf[64];
	if (!v.present)
		return (struct report_cell){0};
	if (f == FORMAT_CSV)
		return ascii_cell(t, textfmt_number(buf, sizeof buf, v.value, 1, false));
	return ascii_cell(t,
			  textfmt_number(buf, sizeof buf, v.value, stats_shown_decimals(v), true));
}

static struct report_cell diff_cell(struct report_table *t, const struct ak_facts *x,
				    enum report_format f)
{
	char buf[64];
	if (!x->has_difference || !x->national)
		return (struct report_cell){0};
	/* shown: to the coarser of the two; CSV keeps one decimal for machines */
	int dd = f == FORMAT_CSV ? 1 : x->difference_decimals;
	double d = f == FORMAT_CSV ? stats_round(x->fig.rate.value - x->national->fig.rate.value, 1)
				   : x->difference;
	buf[0] = '+';
	textfmt_number(buf + 1, sizeof buf - 1, d, dd, f != FORMAT_CSV);
	return ascii_cell(t, f != FORMAT_CSV && d > 0 ? buf : buf + 1);
}

/* The exact binomial test against the national rate: is the difference
 * beyond chance? */
static struct report_cell p_cell(struct report_table *t, const struct ak_facts *x, bool csv,
				 bool danish)
{
	char *p = funnel_p_cell(x->p, csv, danish);
	struct report_cell c = ascii_cell(t, p);
	free(p);
	return c;
}

/* The 95 % interval: in CSV two cells, as text one ("12,3–45,6"). */
static void ci_cells(struct report_table *t, struct report_cell *cell, const struct ak_figures *fig,
		     bool csv)
{
	char lo[32], hi[32];
	textfmt_number(lo, sizeof lo, fig->ci_low, 1, !csv);
	textfmt_number(hi, sizeof hi, fig->ci_high, 1, !csv);
	if (csv) {
		cell[C_CI_LOW] = ascii_cell(t, lo);
		cell[C_CI_HIGH] = ascii_cell(t, hi);
		return;
	}
	size_t nl = strlen(lo), nh = strlen(hi);
	char both[sizeof lo + sizeof hi + 3];
	memcpy(both, lo, nl);
	memcpy(both + nl, "\xE2\x80\x93", 3); /* an en dash, one column */
	memcpy(both + nl + 3, hi, nh + 1);
	cell[C_CI_LOW] = put_cell(t, both, nl + 3 + nh, nl + 1 + nh);
}

/* The area's name (its id in CSV), made once a table. */
static struct report_cell area_cell(struct report_table *t, enum ak_area a, bool csv)
{
	if (!t->area[a].len)
		t->area[a] = text_cell(t, csv ? area_id(a) : area_label(a));
	return t->area[a];
}

/* The flags' words, made again only when a row's flags differ from the
 * last row's. */
static struct report_cell flags_cell(struct report_table *t, unsigned flags, bool csv)
{
	if (!t->flags_made || flags != t->flags_of) {
		char buf[128];
		figtext_flag_words(flags, csv, csv ? ";" : ", ", buf, sizeof buf);
		t->flags = text_cell(t, buf);
		t->flags_of = flags;
		t->flags_made = true;
	}
	return t->flags;
}

void reporttable_fill_row(struct report_table *t, struct report_cell *cell,
			  const struct ak_dataset *ds, const struct ak_obs *o, enum report_format f)
{
	bool csv = f == FORMAT_CSV, dk = !csv, nation = o->code == AK_NATIONAL_CODE;
	const struct ak_facts *x = facts_of(ds, o);
	struct ak_figures fig = x->fig;
	struct ak_val natrate = x->national ? x->national->fig.rate : (struct ak_val){0};
	const struct ak_municipality *m = dataset_muni(ds, o->code);
	cell[C_YEAR] = int_cell(t, o->year);
	cell[C_CODE] = int_cell(t, o->code);
	/* the nation's one name in each language, outside CSV (data keeps the file's) */
	cell[C_KOMMUNE] = escaped_again(t,
					nation && !csv ? peers_national_name()
					: m	       ? m->name
						       : "?",
					&t->name_of, &t->name);
	cell[C_AREA] = area_cell(t, o->area, csv);
	cell[C_CASES] = count_cell(t, fig.cases, dk);
	cell[C_UPHELD] = count_cell(t, fig.upheld, dk);
	cell[C_REMANDED] = count_cell(t, fig.remanded, dk);
	cell[C_CHANGED] = count_cell(t, fig.changed, dk);
	cell[C_RATE] = val_cell(t, fig.rate, f);
	cell[C_REM_PCT] = val_cell(t, fig.remanded_pct, f);
	cell[C_CHG_PCT] = val_cell(t, fig.changed_pct, f);
	cell[C_NAT] = val_cell(t, natrate, f);
	if (!nation)
		cell[C_DIFF] = diff_cell(t, x, f);
	if (!nation && x->tested)
		cell[C_P] = p_cell(t, x, csv, dk);
	if (fig.has_ci)
		ci_cells(t, cell, &fig, csv);
	cell[C_FLAGS] = flags_cell(t, x->flags, csv);
	/* beside the rate, never in it: not decided on the merits */
	if (o->dismissed.present)
		cell[C_DISMISSED] = count_cell(t, (long)o->dismissed.value, dk);
	if (ds->reg && !nation)
		cell[C_REG] = int_cell(
			t, (long long)register_count(ds->reg, o->code, o->year, (int)o->area));
	cell[C_SOURCE] = escaped_again(t, o->source.text, &t->source_of, &t->source);
}

void reporttable_fill_group_row(struct report_table *t, struct report_cell *cell,
				const struct ak_dataset *ds, const struct peer_set *p, int year,
				enum ak_area area, const struct group_avg *g, bool pooled,
				enum report_format f)
{
	bool csv = f == FORMAT_CSV;
	size_t of = pooled ? g->n_pooled : g->n_mean;
	struct ak_val v = of >= 2 ? (pooled ? g->pooled : g->mean) : (struct ak_val){0};
	cell[C_YEAR] = int_cell(t, year);
	if (csv)
		cell[C_KOMMUNE] = escaped_cell(t, p->label);
	else {
		char *what =
			xasprintf(pooled ? _("%s, pooled") : _("%s, unweighted mean"), p->label);
		char *named = xasprintf(_("%s (%zu of %zu)"), what, of, g->n);
		cell[C_KOMMUNE] = escaped_cell(t, named);
		free(named);
		free(what);
	}
	cell[C_AREA] = area_cell(t, area, csv);
	cell[C_CASES] = count_cell(t, pooled && v.present ? g->cases : -1, !csv);
	cell[C_RATE] = val_cell(t, v, f);
	const struct ak_facts *nat = facts_find(ds, year, AK_NATIONAL_CODE, area);
	cell[C_NAT] = val_cell(t, nat ? nat->fig.rate : (struct ak_val){0}, f);
	cell[C_GROUP] = ascii_cell(t, pooled ? "pooled" : "unweighted_mean");
	cell[C_GROUP_COUNTED] = int_cell(t, (long long)of);
	cell[C_GROUP_MEMBERS] = int_cell(t, (long long)g->n);
}

struct report_cell *reporttable_add_row(struct report_table *t, int year, int code,
					enum ak_area area)
{
	if (t->rows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xreallocarray(t->cells, t->cap * C_COUNT, sizeof *t->cells);
		t->keys = xreallocarray(t->keys, t->cap, sizeof *t->keys);
	}
	t->keys[t->rows] = (struct row_key){year, code, area};
	struct report_cell *row = t->cells + t->rows++ * C_COUNT;
	memset(row, 0, C_COUNT * sizeof *row);
	return row;
}

void reporttable_free(struct report_table *t)
{
	sbuf_free(&t->text);
	free(t->cells);
	free(t->keys);
}
