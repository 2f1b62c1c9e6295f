/* report.c - print and check outputs. */
#include "ankekort/output/report.h"
#include "ankekort/output/peers.h"
#include "ankekort/data/layers.h"
#include "ankekort/base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/output/doc.h"
#include "ankekort/output/figtext.h"
#include "ankekort/output/printevents.h"
#include "ankekort/data/funnel.h"
#include "ankekort/data/groupavg.h"
#include "ankekort/data/regtally.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/facts.h"
#include "ankekort/data/stats.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

enum col {
	C_YEAR,
	C_CODE,
	C_KOMMUNE,
	C_AREA,
	C_CASES,
	C_UPHELD,
	C_REMANDED,
	C_CHANGED,
	C_RATE,
	C_REM_PCT,
	C_CHG_PCT,
	C_NAT,
	C_DIFF,
	C_P,
	C_CI_LOW,
	C_CI_HIGH,
	C_DISMISSED,
	C_FLAGS,
	C_REG,
	C_SOURCE,
	C_GROUP,	 /* --peers: pooled or unweighted_mean, CSV only */
	C_GROUP_COUNTED, /* the members it is of */
	C_GROUP_MEMBERS, /* the members asked for */
	C_COUNT
};

static const char *const csv_names[C_COUNT] = {"year",		"code",
					       "kommune",	"area",
					       "cases",		"upheld",
					       "remanded",	"changed",
					       "rate_pct",	"remanded_pct",
					       "changed_pct",	"national_rate_pct",
					       "diff_pp",	"p_national",
					       "ci_low",	"ci_high",
					       "dismissed",	"flags",
					       "registered",	"source",
					       "group_average", "members_counted",
					       "members"};

static const char *const text_names[C_COUNT] = {N_("Year"),
						N_("Code"),
						N_("Municipality"),
						N_("Area"),
						N_("Cases"),
						N_("Upheld"),
						N_("Remanded"),
						N_("Changed"),
						N_("Rate %"),
						N_("Remanded %"),
						N_("Changed %"),
						N_("National %"),
						N_("Diff pp"),
						N_("p (binom.)"),
						N_("95 % CI"),
						"",
						N_("Dismissed"),
						N_("Flags"),
						N_("Registered"),
						N_("Source"),
						"",
						"",
						""};

bool report_format_parse(const char *s, enum report_format *out)
{
	static const char *const names[] = {"text", "csv", "md", "html"};
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(s, names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	}
	return false;
}

bool report_format_for_path(const char *path, enum report_format *out)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot)
		return false;
	static const struct {
		const char *ending;
		enum report_format f;
	} endings[] = {{".md", FORMAT_MD},    {".markdown", FORMAT_MD}, {".csv", FORMAT_CSV},
		       {".txt", FORMAT_TEXT}, {".html", FORMAT_HTML},	{".htm", FORMAT_HTML},
		       {".xlsx", FORMAT_XLSX}};
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		if (strcasecmp(dot, endings[i].ending) == 0) {
			*out = endings[i].f;
			return true;
		}
	}
	return false;
}

/* ---- cells ------------------------------------------------------------------ */

struct table {
	char **cells; /* rows * C_COUNT, owned */
	size_t rows;
	bool has_reg;	    /* a register of remanded cases is loaded */
	bool has_dismissed; /* a row gives appeals dismissed or referred */
	bool has_group;	    /* --peers: the group's rows follow each year's */
	struct row_key {
		int year, code;
		enum ak_area area;
	} * keys; /* rows */
};

static char *count_cell(long v, bool danish)
{
	char buf[64];
	return v < 0 ? xstrdup("") : xstrdup(textfmt_number(buf, sizeof buf, (double)v, 0, danish));
}

static char *val_cell(struct ak_val v, enum report_format f)
{
	char buf[64];
	if (!v.present)
		return xstrdup("");
	if (f == FORMAT_CSV)
		return xstrdup(textfmt_number(buf, sizeof buf, v.value, 1, false));
	return xstrdup(textfmt_number(buf, sizeof buf, v.value, stats_shown_decimals(v), true));
}

static char *diff_cell(const struct ak_facts *x, enum report_format f)
{
	char buf[64];
	if (!x->has_difference || !x->national)
		return xstrdup("");
	/* shown: to the coarser of the two; CSV keeps one decimal for machines */
	int dd = f == FORMAT_CSV ? 1 : x->difference_decimals;
	double d = f == FORMAT_CSV ? stats_round(x->fig.rate.value - x->national->fig.rate.value, 1)
				   : x->difference;
	textfmt_number(buf, sizeof buf, d, dd, f != FORMAT_CSV);
	return f != FORMAT_CSV && d > 0 ? xasprintf("+%s", buf) : xstrdup(buf);
}

static void fill_row(char **cell, const struct ak_dataset *ds, const struct ak_obs *o,
		     enum report_format f)
{
	char buf[128];
	bool dk = f != FORMAT_CSV;
	const struct ak_facts *x = facts_of(ds, o);
	struct ak_figures fig = x->fig;
	struct ak_val natrate = x->national ? x->national->fig.rate : (struct ak_val){0};
	const struct ak_municipality *m = dataset_muni(ds, o->code);
	cell[C_YEAR] = xasprintf("%d", o->year);
	cell[C_CODE] = xasprintf("%d", o->code);
	/* the nation's one name in each language, outside CSV (data keeps the file's) */
	cell[C_KOMMUNE] = textfmt_escape_dup(o->code == AK_NATIONAL_CODE && f != FORMAT_CSV
						     ? peers_national_name()
					     : m ? m->name
						 : "?");
	cell[C_AREA] = xstrdup(f == FORMAT_CSV ? area_id(o->area) : area_label(o->area));
	cell[C_CASES] = count_cell(fig.cases, dk);
	cell[C_UPHELD] = count_cell(fig.upheld, dk);
	cell[C_REMANDED] = count_cell(fig.remanded, dk);
	cell[C_CHANGED] = count_cell(fig.changed, dk);
	cell[C_RATE] = val_cell(fig.rate, f);
	cell[C_REM_PCT] = val_cell(fig.remanded_pct, f);
	cell[C_CHG_PCT] = val_cell(fig.changed_pct, f);
	cell[C_NAT] = val_cell(natrate, f);
	cell[C_DIFF] = o->code == AK_NATIONAL_CODE ? xstrdup("") : diff_cell(x, f);
	/* the exact binomial test against the national rate: is the difference
	 * beyond chance? */
	cell[C_P] = o->code != AK_NATIONAL_CODE && x->tested
			    ? funnel_p_cell(x->p, f == FORMAT_CSV, dk)
			    : xstrdup("");
	if (fig.has_ci) {
		char lo[32], hi[32];
		textfmt_number(lo, sizeof lo, fig.ci_low, 1, dk);
		textfmt_number(hi, sizeof hi, fig.ci_high, 1, dk);
		cell[C_CI_LOW] =
			f == FORMAT_CSV ? xstrdup(lo) : xasprintf("%s\xE2\x80\x93%s", lo, hi);
		cell[C_CI_HIGH] = f == FORMAT_CSV ? xstrdup(hi) : xstrdup("");
	} else {
		cell[C_CI_LOW] = xstrdup("");
		cell[C_CI_HIGH] = xstrdup("");
	}
	figtext_flag_words(x->flags, f == FORMAT_CSV, f == FORMAT_CSV ? ";" : ", ", buf,
			   sizeof buf);
	cell[C_FLAGS] = xstrdup(buf);
	/* beside the rate, never in it: not decided on the merits */
	cell[C_DISMISSED] =
		o->dismissed.present ? count_cell((long)o->dismissed.value, dk) : xstrdup("");
	cell[C_REG] =
		ds->reg && o->code != AK_NATIONAL_CODE
			? xasprintf("%zu", register_count(ds->reg, o->code, o->year, (int)o->area))
			: xstrdup("");
	cell[C_SOURCE] = textfmt_escape_dup(o->source.text);
	for (int c = C_GROUP; c < C_COUNT; c++) /* a municipality's: no group's */
		cell[c] = xstrdup("");
}

/* ---- a group's averages (--peers) --------------------------------------------- */

/* One of the group's two averages for a year and area as a row: named as
 * what it is ("6-byer, pooled (4 of 6)"; in CSV the group's name and
 * group_average pooled or unweighted_mean), with the cases it is made of
 * where pooled; every cell the municipalities' rows have and it has not
 * empty. Without two members that have what it needs it has no value. */
static void fill_group_row(char **cell, const struct ak_dataset *ds, const struct peer_set *p,
			   int year, enum ak_area area, const struct group_avg *g, bool pooled,
			   enum report_format f)
{
	bool csv = f == FORMAT_CSV;
	size_t of = pooled ? g->n_pooled : g->n_mean;
	struct ak_val v = of >= 2 ? (pooled ? g->pooled : g->mean) : (struct ak_val){0};
	for (int c = 0; c < C_COUNT; c++)
		cell[c] = NULL;
	cell[C_YEAR] = xasprintf("%d", year);
	char *what = csv ? xstrdup(p->label)
			 : xasprintf(pooled ? _("%s, pooled") : _("%s, unweighted mean"), p->label);
	char *named = csv ? xstrdup(what) : xasprintf(_("%s (%zu of %zu)"), what, of, g->n);
	cell[C_KOMMUNE] = textfmt_escape_dup(named);
	free(named);
	free(what);
	cell[C_AREA] = xstrdup(csv ? area_id(area) : area_label(area));
	cell[C_CASES] = count_cell(pooled && v.present ? g->cases : -1, !csv);
	cell[C_RATE] = val_cell(v, f);
	const struct ak_facts *nat = facts_find(ds, year, AK_NATIONAL_CODE, area);
	cell[C_NAT] = val_cell(nat ? nat->fig.rate : (struct ak_val){0}, f);
	cell[C_GROUP] = xstrdup(pooled ? "pooled" : "unweighted_mean");
	cell[C_GROUP_COUNTED] = xasprintf("%zu", of);
	cell[C_GROUP_MEMBERS] = xasprintf("%zu", g->n);
	for (int c = 0; c < C_COUNT; c++)
		if (!cell[c])
			cell[c] = xstrdup("");
}

bool report_wants(const struct print_query *q, int code)
{
	if (!q->codes)
		return true;
	for (size_t i = 0; i < q->n_codes; i++)
		if (q->codes[i] == code)
			return true;
	return false;
}

/* Room for one more row. */
static char **add_row(struct table *t, size_t *cap, int year, int code, enum ak_area area)
{
	if (t->rows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->cells = xreallocarray(t->cells, *cap * C_COUNT, sizeof(char *));
		t->keys = xreallocarray(t->keys, *cap, sizeof *t->keys);
	}
	t->keys[t->rows] = (struct row_key){year, code, area};
	return t->cells + t->rows++ * C_COUNT;
}

/* The group's pooled rate and unweighted mean for each area of the year
 * where a member has a figure. */
static void add_group_rows(struct table *t, size_t *cap, const struct ak_dataset *ds,
			   const struct print_query *q, int year)
{
	for (int a = 0; a < AREA_COUNT; a++) {
		if (q->area >= 0 && a != q->area)
			continue;
		struct group_avg g;
		group_average(ds, year, (enum ak_area)a, q->peers->codes, q->peers->n, &g);
		if (!g.n_pooled && !g.n_mean)
			continue;
		for (int pooled = 1; pooled >= 0; pooled--)
			fill_group_row(add_row(t, cap, year, -1, (enum ak_area)a), ds, q->peers,
				       year, (enum ak_area)a, &g, pooled, q->format);
	}
}

static void build(struct table *t, const struct ak_dataset *ds, const struct print_query *q)
{
	t->has_reg = ds->reg != NULL;
	t->has_group = q->peers != NULL;
	size_t cap = 0;
	for (size_t y = 0; y < ds->n_years; y++) {
		if (q->year && ds->years[y] != q->year)
			continue;
		for (size_t m = 0; m < ds->n_munis; m++) {
			if (!report_wants(q, ds->munis[m].code))
				continue;
			for (int a = 0; a < AREA_COUNT; a++) {
				if (q->area >= 0 && a != q->area)
					continue;
				const struct ak_obs *o = dataset_find(
					ds, ds->years[y], ds->munis[m].code, (enum ak_area)a);
				if (!o)
					continue;
				t->has_dismissed |= o->dismissed.present;
				fill_row(add_row(t, &cap, o->year, o->code, o->area), ds, o,
					 q->format);
			}
		}
		if (q->peers)
			add_group_rows(t, &cap, ds, q, ds->years[y]);
	}
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->rows * C_COUNT; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->keys);
}

/* ---- writers ---------------------------------------------------------------- */

static void write_csv(FILE *out, const struct table *t)
{
	int nc = t->has_group ? C_COUNT : C_GROUP; /* the group's columns with --peers */
	for (int c = 0; c < nc; c++)
		fprintf(out, "%s%s", c ? "," : "", csv_names[c]);
	fputc('\n', out);
	for (size_t r = 0; r < t->rows; r++) {
		for (int c = 0; c < nc; c++) {
			if (c)
				fputc(',', out);
			doc_csv_field(out, t->cells[r * C_COUNT + c]);
		}
		fputc('\n', out);
	}
}

/* Columns shown as text: the interval's two ends are one column; the
 * register's count only when there is a register, the dismissed appeals
 * only when a row gives them. */
static bool text_col_shown(const struct table *t, int c)
{
	return c != C_CI_HIGH && c < C_GROUP && (c != C_REG || t->has_reg) &&
	       (c != C_DISMISSED || t->has_dismissed);
}

static bool right_aligned(int c)
{
	return c != C_KOMMUNE && c != C_AREA && c != C_FLAGS && c != C_SOURCE;
}

static void write_text(FILE *out, const struct table *t)
{
	size_t width[C_COUNT];
	for (int c = 0; c < C_COUNT; c++) {
		width[c] = textfmt_width(_(text_names[c]));
		for (size_t r = 0; r < t->rows; r++) {
			size_t w = textfmt_width(t->cells[r * C_COUNT + c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t r = 0; r <= t->rows; r++) {
		struct sbuf line = {0};
		for (int c = 0; c < C_COUNT; c++) {
			if (!text_col_shown(t, c))
				continue;
			const char *s = r == 0 ? _(text_names[c]) : t->cells[(r - 1) * C_COUNT + c];
			size_t pad = width[c] - textfmt_width(s);
			if (c > 0)
				sbuf_puts(&line, "  ");
			if (right_aligned(c))
				sbuf_spaces(&line, pad);
			sbuf_puts(&line, s);
			if (!right_aligned(c) && c != C_SOURCE)
				sbuf_spaces(&line, pad);
		}
		while (line.len && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		fprintf(out, "%s\n", sbuf_str(&line));
		sbuf_free(&line);
	}
}

/* One page with the table (cells as in text, escaped for HTML). */
static bool write_register_doc(struct doc *d, const struct table *t, const struct ak_dataset *ds);
static bool write_group_doc(struct doc *d, const struct table *t);

static void write_html(FILE *out, const struct table *t, const struct ak_dataset *ds,
		       const struct print_query *q)
{
	size_t nc = 0;
	const char *head[C_COUNT];
	bool right[C_COUNT];
	for (int c = 0; c < C_COUNT; c++)
		if (text_col_shown(t, c)) {
			right[nc] = right_aligned(c);
			head[nc++] = _(text_names[c]);
		}
	char **cells = xcalloc(t->rows * nc + 1, sizeof *cells);
	for (size_t r = 0; r < t->rows; r++)
		for (int c = 0, k = 0; c < C_COUNT; c++)
			if (text_col_shown(t, c))
				cells[r * nc + (size_t)k++] = t->cells[r * C_COUNT + c];
	struct doc d;
	doc_begin(&d, out, FORMAT_HTML);
	doc_heading(&d, 1, _("Reversal rates"));
	struct doc_table dt = {
		.head = head, .ncols = nc, .cells = cells, .nrows = t->rows, .right = right};
	doc_table(&d, &dt);
	write_group_doc(&d, t);
	write_register_doc(&d, t, ds);
	printevents_notes(&d, ds, q->codes, q->n_codes, q->year, false);
	doc_end(&d);
	free(cells);
}

static void write_md(FILE *out, const struct table *t)
{
	fputs("|", out);
	for (int c = 0; c < C_COUNT; c++)
		if (text_col_shown(t, c))
			doc_md_cell(out, _(text_names[c]));
	fputs("\n|", out);
	for (int c = 0; c < C_COUNT; c++)
		if (text_col_shown(t, c))
			fputs(right_aligned(c) ? " ---: |" : " --- |", out);
	fputc('\n', out);
	for (size_t r = 0; r < t->rows; r++) {
		fputs("|", out);
		for (int c = 0; c < C_COUNT; c++)
			if (text_col_shown(t, c))
				doc_md_cell(out, t->cells[r * C_COUNT + c]);
		fputc('\n', out);
	}
}

/* The register's tally for every row that has entries, by outcome, reason
 * and paragraph (register.h); nothing when none has. True when it wrote. */
static bool write_register_doc(struct doc *d, const struct table *t, const struct ak_dataset *ds)
{
	char today[16];
	register_today(today, sizeof today);
	bool started = false;
	for (size_t r = 0; ds->reg && r < t->rows; r++) {
		const struct row_key *k = &t->keys[r];
		if (k->code < 0) /* a group's average */
			continue;
		const struct ak_facts *x = facts_find(ds, k->year, k->code, k->area);
		long published = x && x->fig.remanded >= 0 ? x->fig.remanded : -1;
		char **lines;
		size_t n = register_describe(ds->reg, k->code, k->year, k->area, published, today,
					     &lines);
		for (size_t i = 0; i < n; i++) {
			if (!started) {
				if (d->fmt != FORMAT_HTML)
					fputc('\n', d->out); /* after the table as printed */
				doc_para(d, _("From the local register of remanded cases:"));
			}
			started = true;
			const struct ak_municipality *m = dataset_muni(ds, k->code);
			char *line =
				i == 0 ? xasprintf("%s, %s", m ? m->name : "?", lines[i]) : NULL;
			doc_bullet(d, line ? line : lines[i]);
			free(line);
			free(lines[i]);
		}
		free(lines);
	}
	if (started)
		doc_end_list(d);
	return started;
}

/* What a group's two averages are, when their rows are in the table. True
 * when it wrote. */
static bool write_group_doc(struct doc *d, const struct table *t)
{
	if (!t->has_group)
		return false;
	if (d->fmt != FORMAT_HTML)
		fputc('\n', d->out); /* after the table as printed */
	doc_para(d, peers_averages_said());
	return true;
}

/* The same after a text or Markdown table, and the events of its years. */
static void write_after_table(FILE *out, const struct table *t, const struct ak_dataset *ds,
			      const struct print_query *q)
{
	struct doc d;
	doc_begin(&d, out, q->format);
	bool wrote = write_group_doc(&d, t);
	/* the register's and the events' first line is apart from what is above */
	wrote |= write_register_doc(&d, t, ds);
	printevents_notes(&d, ds, q->codes, q->n_codes, q->year, !wrote);
	doc_end(&d);
}

/* Where the figures come from: "Sources: your data: ... · shipped: ...". */
static void write_provenance(FILE *out, const struct ak_dataset *ds)
{
	struct sbuf from = {0}, esc = {0};
	layers_describe(ds, &from);
	if (from.len) {
		textfmt_escape(&esc, sbuf_str(&from));
		fprintf(out, _("\nSources: %s\n"), sbuf_str(&esc));
	}
	sbuf_free(&from);
	sbuf_free(&esc);
}

size_t report_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q)
{
	struct table t = {0};
	build(&t, ds, q);
	if (q->format == FORMAT_CSV)
		write_csv(out, &t);
	else if (q->format == FORMAT_MD)
		write_md(out, &t);
	else if (q->format == FORMAT_HTML)
		write_html(out, &t, ds, q);
	else
		write_text(out, &t);
	if (q->format == FORMAT_TEXT || q->format == FORMAT_MD)
		write_after_table(out, &t, ds, q);
	cycletext_print_due(out, q->format, ds, q->codes, q->n_codes);
	if (q->format == FORMAT_TEXT)
		write_provenance(out, ds);
	size_t n = t.rows;
	table_free(&t);
	return n;
}

void report_check(FILE *out, const struct diag_list *load, const struct diag_list *findings)
{
	size_t warnings = 0;
	for (size_t i = 0; i < load->count; i++) {
		diag_print(&load->items[i], out);
		warnings += load->items[i].severity == DIAG_WARNING;
	}
	diag_list_print(findings, out);
	size_t w = warnings + findings->count;
	fprintf(out, ngettext("%zu error, ", "%zu errors, ", load->errors), load->errors);
	fprintf(out, ngettext("%zu warning ", "%zu warnings ", w), w);
	fprintf(out,
		ngettext("(%zu inconsistency or disagreement in the figures)\n",
			 "(%zu inconsistencies or disagreements in the figures)\n",
			 findings->count),
		findings->count);
}
