/* report.c - print and check outputs. */
#include "ankekort/output/report.h"
#include "ankekort/output/reporttable.h"
#include "ankekort/output/peers.h"
#include "ankekort/data/layers.h"
#include "ankekort/base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/output/doc.h"
#include "ankekort/output/printevents.h"
#include "ankekort/data/groupavg.h"
#include "ankekort/data/regtally.h"
#include "ankekort/output/cycletext.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/cycledue.h"
#include "ankekort/data/facts.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

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

bool report_wants(const struct print_query *q, int code)
{
	if (!q->codes)
		return true;
	for (size_t i = 0; i < q->n_codes; i++)
		if (q->codes[i] == code)
			return true;
	return false;
}

/* The group's pooled rate and unweighted mean for each area of the year
 * where a member has a figure. */
static void add_group_rows(struct report_table *t, const struct ak_dataset *ds,
			   const struct print_query *q, int year)
{
	for (int a = 0; a < AREA_COUNT; a++) {
		if (q->area >= 0 && a != q->area)
			continue;
		struct group_avg g;
		group_average(ds, year, (enum ak_area)a, q->peers->codes, q->peers->n, &g);
		if (!g.n_pooled && !g.n_mean)
			continue;
		for (int pooled = 1; pooled >= 0; pooled--) {
			struct report_cell *row = reporttable_add_row(t, year, -1, (enum ak_area)a);
			reporttable_fill_group_row(t, row, ds, q->peers, year, (enum ak_area)a, &g,
						   pooled, q->format);
		}
	}
}

/* Room for every row q can ask for, at once: the table is not copied as
 * it grows (pages never written take no memory). */
static size_t rows_asked(const struct ak_dataset *ds, const struct print_query *q)
{
	size_t years = q->year ? 1 : ds->n_years, areas = q->area >= 0 ? 1 : AREA_COUNT;
	size_t munis = q->codes ? q->n_codes : ds->n_munis;
	return years * areas * (munis + (q->peers ? 2 : 0));
}

static void build(struct report_table *t, const struct ak_dataset *ds, const struct print_query *q)
{
	t->has_reg = ds->reg != NULL;
	t->has_group = q->peers != NULL;
	reporttable_start(t, rows_asked(ds, q));
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
				struct report_cell *row =
					reporttable_add_row(t, o->year, o->code, o->area);
				reporttable_fill_row(t, row, ds, o, q->format);
			}
		}
		if (q->peers)
			add_group_rows(t, ds, q, ds->years[y]);
	}
}

/* ---- writers ---------------------------------------------------------------- */

static void write_csv(FILE *out, const struct report_table *t)
{
	int nc = t->has_group ? C_COUNT : C_GROUP; /* the group's columns with --peers */
	for (int c = 0; c < nc; c++)
		fprintf(out, "%s%s", c ? "," : "", csv_names[c]);
	fputc('\n', out);
	for (size_t r = 0; r < t->rows; r++) {
		for (int c = 0; c < nc; c++) {
			if (c)
				fputc(',', out);
			doc_csv_field(out, reporttable_str(t, t->cells[r * C_COUNT + c]));
		}
		fputc('\n', out);
	}
}

/* Columns shown as text: the interval's two ends are one column; the
 * register's count only when there is a register, the dismissed appeals
 * only when a row gives them. */
static bool text_col_shown(const struct report_table *t, int c)
{
	return c != C_CI_HIGH && c < C_GROUP && (c != C_REG || t->has_reg) &&
	       (c != C_DISMISSED || t->has_dismissed);
}

static bool right_aligned(int c)
{
	return c != C_KOMMUNE && c != C_AREA && c != C_FLAGS && c != C_SOURCE;
}

/* A cell of a text line: the header's or a row's. */
struct span {
	const char *s;
	size_t len, width;
};

/* One line of the text table into line (room for the widest): the shown
 * columns padded to their widths, without blanks at the end. */
static void write_text_line(FILE *out, char *line, const struct report_table *t,
			    const struct span *col, const size_t *width)
{
	size_t n = 0;
	for (int c = 0; c < C_COUNT; c++) {
		if (!text_col_shown(t, c))
			continue;
		size_t pad = width[c] - col[c].width;
		bool right = right_aligned(c);
		if (c > 0) {
			memcpy(line + n, "  ", 2);
			n += 2;
		}
		if (right) {
			memset(line + n, ' ', pad);
			n += pad;
		}
		memcpy(line + n, col[c].s, col[c].len);
		n += col[c].len;
		if (!right && c != C_SOURCE) {
			memset(line + n, ' ', pad);
			n += pad;
		}
	}
	while (n && line[n - 1] == ' ')
		n--;
	line[n++] = '\n';
	fwrite(line, 1, n, out);
}

static void write_text(FILE *out, const struct report_table *t)
{
	struct span col[C_COUNT];
	size_t width[C_COUNT], len[C_COUNT];
	for (int c = 0; c < C_COUNT; c++) {
		const char *h = _(text_names[c]);
		col[c] = (struct span){h, strlen(h), textfmt_width(h)};
		width[c] = col[c].width;
		len[c] = col[c].len;
	}
	for (const struct report_cell *row = t->cells; row < t->cells + t->rows * C_COUNT;
	     row += C_COUNT)
		for (int c = 0; c < C_COUNT; c++) {
			width[c] = row[c].width > width[c] ? row[c].width : width[c];
			len[c] = row[c].len > len[c] ? row[c].len : len[c];
		}
	size_t room = 1;
	for (int c = 0; c < C_COUNT; c++)
		room += 2 + width[c] + len[c];
	char *line = xmalloc(room);
	write_text_line(out, line, t, col, width);
	for (size_t r = 0; r < t->rows; r++) {
		for (int c = 0; c < C_COUNT; c++) {
			struct report_cell x = t->cells[r * C_COUNT + (size_t)c];
			col[c] = (struct span){reporttable_str(t, x), x.len, x.width};
		}
		write_text_line(out, line, t, col, width);
	}
	free(line);
}

/* One page with the table (cells as in text, escaped for HTML). */
static void write_register_doc(struct doc *d, const struct report_table *t,
			       const struct ak_dataset *ds);
static void write_group_doc(struct doc *d, const struct report_table *t);

static void write_html(FILE *out, const struct report_table *t, const struct ak_dataset *ds,
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
				cells[r * nc + (size_t)k++] =
					t->text.data + t->cells[r * C_COUNT + (size_t)c].at;
	struct doc d;
	doc_begin(&d, out, FORMAT_HTML);
	doc_heading(&d, 1, _("Reversal rates"));
	struct doc_table dt = {
		.head = head, .ncols = nc, .cells = cells, .nrows = t->rows, .right = right};
	doc_table(&d, &dt);
	write_group_doc(&d, t);
	write_register_doc(&d, t, ds);
	printevents_notes(&d, ds, q->codes, q->n_codes, q->year);
	doc_end(&d);
	free(cells);
}

static void write_md(FILE *out, const struct report_table *t)
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
				doc_md_cell(out, reporttable_str(t, t->cells[r * C_COUNT + c]));
		fputc('\n', out);
	}
}

/* The register's tally for every row that has entries, by outcome, reason
 * and paragraph (register.h); nothing when none has. */
static void write_register_doc(struct doc *d, const struct report_table *t,
			       const struct ak_dataset *ds)
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
				doc_gap(d);
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
}

/* What a group's two averages are, when their rows are in the table. */
static void write_group_doc(struct doc *d, const struct report_table *t)
{
	if (!t->has_group)
		return;
	doc_gap(d);
	doc_para(d, peers_averages_said());
}

/* Where the figures come from: "Sources: your data: ... · shipped: ...". */
static void write_provenance(struct doc *d, const struct ak_dataset *ds)
{
	struct sbuf from = {0}, esc = {0};
	layers_describe(ds, &from);
	if (from.len) {
		textfmt_escape(&esc, sbuf_str(&from));
		doc_gap(d);
		fprintf(d->out, _("Sources: %s\n"), sbuf_str(&esc));
	}
	sbuf_free(&from);
	sbuf_free(&esc);
}

/* What follows a text or Markdown table as printed: the groups' averages,
 * the register, the events of its years, what the cycle record shows due,
 * and (text) where the figures come from; a blank line between each. */
static void write_after_table(FILE *out, const struct report_table *t, const struct ak_dataset *ds,
			      const struct print_query *q)
{
	struct doc d;
	doc_begin(&d, out, q->format);
	write_group_doc(&d, t);
	write_register_doc(&d, t, ds);
	printevents_notes(&d, ds, q->codes, q->n_codes, q->year);
	char today[11];
	cycle_today(today);
	cycletext_write_due(&d, ds, q->codes, q->n_codes, today);
	if (q->format == FORMAT_TEXT)
		write_provenance(&d, ds);
	doc_end(&d);
}

size_t report_print(FILE *out, const struct ak_dataset *ds, const struct print_query *q)
{
	struct report_table t = {0};
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
	size_t n = t.rows;
	reporttable_free(&t);
	return n;
}

void report_check(FILE *out, const struct diag_list *load, const struct diag_list *findings)
{
	diag_list_print(load, out);
	diag_list_print(findings, out);
	/* every one, those only counted too; not the lines that sum them */
	size_t found = findings->warnings + findings->errors, w = load->warnings + found;
	fprintf(out, ngettext("%zu error, ", "%zu errors, ", load->errors), load->errors);
	fprintf(out, ngettext("%zu warning ", "%zu warnings ", w), w);
	fprintf(out,
		ngettext("(%zu inconsistency or disagreement in the figures)\n",
			 "(%zu inconsistencies or disagreements in the figures)\n", found),
		found);
}
