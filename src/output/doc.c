/* doc.c - Markdown, text and long-CSV writers for fact sheets and exports. */
#include "ankekort/output/doc.h"

#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "ankekort/output/dochtml.h"
#include "ankekort/output/docxlsx.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* A plain number as the writers write one: an optional sign, digits, and
 * a decimal part after a point or a comma. Never nan, inf, hex or an
 * exponent, which strtod takes and a spreadsheet may read otherwise. */
static bool plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	size_t digits = strspn(s, "0123456789");
	if (!digits)
		return false;
	s += digits;
	if (*s == '.' || *s == ',')
		s++, digits = strspn(s, "0123456789"), s += digits;
	return *s == '\0' && digits > 0;
}

/* A cell a spreadsheet would run as a formula: it starts with = + - @ (or
 * a tab or CR) and is not a plain number such as -6.0 or +3 (-inf,
 * -nan(...) and -1e5 are not). */
static bool formula_like(const char *s)
{
	return s[0] && strchr("=+-@\t\r", s[0]) && !plain_number(s);
}

void doc_csv_field(FILE *out, const char *s)
{
	/* one rule for every CSV cell: control characters, bidi marks and
	 * invalid UTF-8 escaped; formulas neutralised with a leading ' */
	struct sbuf e = {0};
	if (textfmt_needs_escape(s)) {
		textfmt_escape(&e, s);
		s = sbuf_str(&e);
	}
	bool formula = formula_like(s);
	if (!formula && !strpbrk(s, ",\"\r\n") && s[0] != ' ') {
		fputs(s, out);
		sbuf_free(&e);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
	sbuf_free(&e);
}

static void csv_row(struct doc *d, const char *row, const char *col, const char *value)
{
	char *v = textfmt_escape_dup(value);
	doc_csv_field(d->out, d->section);
	fputc(',', d->out);
	doc_csv_field(d->out, row);
	fputc(',', d->out);
	doc_csv_field(d->out, col);
	fputc(',', d->out);
	doc_csv_field(d->out, v);
	fputc('\n', d->out);
	free(v);
}

/* Text for Markdown, already escaped for the terminal: what a renderer
 * would take for HTML (< > &) or for a link ([ ] and the backslash that
 * would undo an escape) is written as text, as the HTML writer does. In a
 * table cell | too. Caller frees. */
static char *md_escape(const char *s, bool cell)
{
	struct sbuf b = {0};
	for (; *s; s++) {
		switch (*s) {
		case '<': sbuf_puts(&b, "&lt;"); break;
		case '>': sbuf_puts(&b, "&gt;"); break;
		case '&': sbuf_puts(&b, "&amp;"); break; /* untranslated: markup */
		case '[':
		case ']':
		case '\\':
			sbuf_putc(&b, '\\');
			sbuf_putc(&b, *s);
			break;
		case '|':
			if (cell)
				sbuf_putc(&b, '\\');
			sbuf_putc(&b, *s);
			break;
		default: sbuf_putc(&b, *s);
		}
	}
	return sbuf_take(&b);
}

/* The same for text not yet escaped for the terminal. */
static char *md_text(const char *s)
{
	char *t = textfmt_escape_dup(s);
	char *m = md_escape(t, false);
	free(t);
	return m;
}

void doc_begin(struct doc *d, FILE *out, enum report_format fmt)
{
	memset(d, 0, sizeof *d);
	d->out = out;
	d->fmt = fmt;
	if (fmt == FORMAT_CSV)
		fputs("section,row,column,value\n", out);
	else if (fmt == FORMAT_XLSX)
		docxlsx_begin(d);
}

static void wrap_line(void *ctx, const char *line, size_t len)
{
	struct doc *d = ctx;
	fprintf(d->out, "%.*s\n", (int)len, line);
}

static void wrap_bullet(void *ctx, const char *line, size_t len)
{
	struct doc *d = ctx;
	fprintf(d->out, "%s%.*s\n", d->bullets++ ? "  " : "- ", (int)len, line);
}

void doc_heading(struct doc *d, int level, const char *text)
{
	snprintf(d->section, sizeof d->section, "%s", text);
	d->bullets = 0;
	if (d->fmt == FORMAT_HTML || d->fmt == FORMAT_XLSX) {
		(d->fmt == FORMAT_HTML ? dochtml_heading : docxlsx_heading)(d, level, text);
		return;
	}
	char *t = d->fmt == FORMAT_MD ? md_text(text) : textfmt_escape_dup(text);
	if (d->fmt == FORMAT_MD) {
		fprintf(d->out, "%.*s %s\n\n", level, "######", t);
	} else if (d->fmt == FORMAT_TEXT) {
		size_t w = textfmt_width(t);
		fprintf(d->out, "%s\n", t);
		for (size_t i = 0; i < w; i++)
			fputs(level == 1 ? "=" : "-", d->out);
		fputs("\n\n", d->out);
	}
	d->blank = true;
	free(t);
}

void doc_para(struct doc *d, const char *text)
{
	if (d->fmt == FORMAT_HTML || d->fmt == FORMAT_XLSX) {
		(d->fmt == FORMAT_HTML ? dochtml_para : docxlsx_text)(d, text);
		return;
	}
	char *t = d->fmt == FORMAT_MD ? md_text(text) : textfmt_escape_dup(text);
	if (d->fmt == FORMAT_MD)
		fprintf(d->out, "%s\n\n", t);
	else if (d->fmt == FORMAT_TEXT) {
		textfmt_wrap_words(t, DOC_TEXT_WIDTH, wrap_line, d);
		fputc('\n', d->out);
	} else {
		csv_row(d, "", "text", text);
	}
	d->blank = true;
	free(t);
}

void doc_bullet(struct doc *d, const char *text)
{
	if (d->fmt == FORMAT_HTML || d->fmt == FORMAT_XLSX) {
		(d->fmt == FORMAT_HTML ? dochtml_bullet : docxlsx_text)(d, text);
		return;
	}
	char *t = d->fmt == FORMAT_MD ? md_text(text) : textfmt_escape_dup(text);
	d->listing = true;
	d->blank = false;
	if (d->fmt == FORMAT_MD) {
		fprintf(d->out, "- %s\n", t);
	} else if (d->fmt == FORMAT_TEXT) {
		size_t keep = d->bullets;
		d->bullets = 0;
		textfmt_wrap_words(t, DOC_TEXT_WIDTH - 2, wrap_bullet, d);
		d->bullets = keep + 1;
	} else {
		char row[32];
		snprintf(row, sizeof row, "%zu", ++d->bullets);
		csv_row(d, row, "text", text);
	}
	free(t);
}

void doc_md_cell(FILE *out, const char *s)
{
	char *m = md_escape(s, true);
	fprintf(out, " %s |", m);
	free(m);
}

static void table_md(struct doc *d, const struct doc_table *t, char **cells)
{
	fputc('|', d->out);
	for (size_t c = 0; c < t->ncols; c++)
		doc_md_cell(d->out, t->head[c]);
	fputs("\n|", d->out);
	for (size_t c = 0; c < t->ncols; c++)
		fputs(t->right && t->right[c] ? " ---: |" : " --- |", d->out);
	fputc('\n', d->out);
	for (size_t r = 0; r < t->nrows; r++) {
		fputc('|', d->out);
		for (size_t c = 0; c < t->ncols; c++)
			doc_md_cell(d->out, cells[r * t->ncols + c]);
		fputc('\n', d->out);
	}
	fputc('\n', d->out);
	d->blank = true;
}

static void table_text(struct doc *d, const struct doc_table *t, char **cells)
{
	size_t *w = xcalloc(t->ncols, sizeof *w);
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = textfmt_width(t->head[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = textfmt_width(cells[r * t->ncols + c]);
			w[c] = cw > w[c] ? cw : w[c];
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		struct sbuf line = {0};
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r == 0 ? t->head[c] : cells[(r - 1) * t->ncols + c];
			int pad = (int)(w[c] - textfmt_width(s));
			bool right = t->right && t->right[c];
			sbuf_printf(&line, "%s%*s%s%*s", c ? "  " : "", right ? pad : 0, "", s,
				    right ? 0 : pad, "");
		}
		while (line.len && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		fprintf(d->out, "%s\n", sbuf_str(&line));
		sbuf_free(&line);
	}
	fputc('\n', d->out);
	d->blank = true;
	free(w);
}

void doc_table(struct doc *d, const struct doc_table *t)
{
	if (d->fmt == FORMAT_HTML || d->fmt == FORMAT_XLSX) {
		(d->fmt == FORMAT_HTML ? dochtml_table : docxlsx_table)(d, t);
		return;
	}
	size_t n = t->nrows * t->ncols;
	char **cells = xcalloc(n ? n : 1, sizeof *cells);
	for (size_t i = 0; i < n; i++)
		cells[i] = textfmt_escape_dup(t->cells[i]);
	if (d->fmt == FORMAT_MD) {
		table_md(d, t, cells);
	} else if (d->fmt == FORMAT_TEXT) {
		table_text(d, t, cells);
	} else {
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 1; c < t->ncols; c++)
				csv_row(d, t->cells[r * t->ncols], t->head[c],
					t->cells[r * t->ncols + c]);
	}
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

void doc_end_list(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		dochtml_end_list(d);
	else if (d->fmt != FORMAT_CSV && d->fmt != FORMAT_XLSX && d->listing)
		fputc('\n', d->out);
	d->blank = d->blank || d->listing;
	d->listing = false;
}

void doc_gap(struct doc *d)
{
	if ((d->fmt == FORMAT_TEXT || d->fmt == FORMAT_MD) && !d->blank)
		fputc('\n', d->out);
	d->blank = true;
}

/* A bullet that names a web address: a link in Markdown and HTML. */
void doc_link_item(struct doc *d, const char *text, const char *url)
{
	if (d->fmt == FORMAT_HTML) {
		dochtml_link(d, text, url);
	} else if (d->fmt == FORMAT_XLSX) {
		char *line = xasprintf("%s: %s", text, url);
		docxlsx_text(d, line);
		free(line);
	} else if (d->fmt == FORMAT_CSV) {
		char row[32];
		snprintf(row, sizeof row, "%zu", ++d->bullets);
		csv_row(d, row, text, url);
	} else if (d->fmt == FORMAT_MD && dochtml_linkable(url)) {
		char *t = md_text(text);
		d->listing = true;
		d->blank = false;
		fprintf(d->out, "- [%s](%s)\n", t, url);
		free(t);
	} else {
		/* the address on a line of its own, never wrapped: it must still work */
		char *label = xasprintf("%s:", text);
		doc_bullet(d, label);
		free(label);
		char *u = d->fmt == FORMAT_MD ? md_text(url) : textfmt_escape_dup(url);
		fprintf(d->out, "  %s\n", u);
		free(u);
	}
}

void doc_sources_add(struct doc_sources *s, const struct ak_source *src)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->src[i]->text, src->text) == 0)
			return;
	s->src = xreallocarray(s->src, s->n + 1, sizeof *s->src);
	s->src[s->n++] = src;
}

void doc_sources_add_map(struct doc_sources *s, const struct ak_maplink *m)
{
	for (size_t i = 0; i < s->n_maps; i++)
		if (s->maps[i] == m)
			return;
	s->maps = xreallocarray(s->maps, s->n_maps + 1, sizeof *s->maps);
	s->maps[s->n_maps++] = m;
}

void doc_sources_free(struct doc_sources *s)
{
	free(s->src);
	free(s->maps);
	memset(s, 0, sizeof *s);
}

/* The maps as the papers name them: "Danmarkskort for
 * børnehandicapområdet". */
static const char *const map_names[AREA_COUNT] = {
	N_("Danmarkskort for the social area in general"),
	N_("Danmarkskort for the disabled children's area"),
	N_("Danmarkskort for the disabled adults' area")};

/* The maps' links as the papers give them ("Link til Danmarkskortet for
 * 2024: ... generelt: URL"), then the documents that cite them and are not
 * among the sources, each once. */
static void write_maps(struct doc *d, const struct doc_sources *s)
{
	int year = s->n_maps ? s->maps[0]->year : s->page_years[0];
	bool one_year = s->n_maps + s->n_page_years > 0;
	for (size_t i = 0; i < s->n_maps && one_year; i++)
		one_year = s->maps[i]->year == year;
	for (size_t i = 0; i < s->n_page_years && one_year; i++)
		one_year = s->page_years[i] == year;
	char *title = one_year ? xasprintf(_("Links to the danmarkskort for %d"), year)
			       : xstrdup(_("Links to the danmarkskort"));
	doc_heading(d, 2, title);
	free(title);
	struct sbuf cited = {0};
	for (size_t i = 0; i < s->n_maps; i++) {
		const struct ak_maplink *m = s->maps[i];
		const char *name = m->area < AREA_COUNT ? _(map_names[m->area]) : "?";
		char *label = one_year ? xstrdup(name) : xasprintf("%s %d", name, m->year);
		doc_link_item(d, label, m->url);
		free(label);
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = strcmp(s->maps[k]->source, m->source) == 0;
		for (size_t k = 0; k < s->n && !seen; k++)
			seen = strcmp(s->src[k]->text, m->source) == 0;
		if (!seen)
			sbuf_printf(&cited, "%s%s", cited.len ? "; " : "", m->source);
	}
	for (size_t i = 0; i < s->n_page_years; i++) {
		char *label = xasprintf(_("Danmarkskort %d: the ministry's page for the maps"),
					s->page_years[i]);
		doc_link_item(d, label, s->page_url);
		free(label);
	}
	doc_end_list(d);
	if (cited.len) {
		char *para = xasprintf(_("The addresses as cited in: %s."), sbuf_str(&cited));
		doc_para(d, para);
		free(para);
	}
	sbuf_free(&cited);
}

void doc_write_sources(struct doc *d, const struct doc_sources *s)
{
	if (d->fmt == FORMAT_XLSX && (s->n || s->n_maps || s->n_page_years))
		docxlsx_sources_sheet(d, _("Sources"));
	if (s->n) {
		doc_heading(d, 2, _("Sources"));
		for (size_t i = 0; i < s->n; i++) {
			const struct ak_source *src = s->src[i];
			char *line =
				xasprintf("%s%s%s", src->text, src->date[0] ? ", " : "", src->date);
			if (src->url[0])
				doc_link_item(d, line, src->url);
			else
				doc_bullet(d, line);
			free(line);
		}
		doc_end_list(d);
	}
	if (s->n_maps || s->n_page_years)
		write_maps(d, s);
}

bool doc_end(struct doc *d)
{
	if (d->fmt == FORMAT_HTML)
		dochtml_end(d);
	else if (d->fmt == FORMAT_XLSX)
		docxlsx_end(d);
	return !d->failed;
}
