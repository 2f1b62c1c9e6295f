/* dochtml.c - fact sheets and exports as one self-contained HTML page. */
#include "ankekort/output/dochtml.h"

#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* Plain and print-friendly; the tables' borders and alignment are also
 * given as attributes and inline styles, which word processors keep when
 * the page is opened or pasted (they drop style sheets). */
static const char style[] =
	"body { font-family: Calibri, Arial, Helvetica, sans-serif; font-size: 11pt; color: #000;\n"
	"       max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.35; }\n"
	"h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.4em; }\n"
	"table { border-collapse: collapse; margin: 0.4em 0 1em; }\n"
	"th, td { border: 1px solid #808080; padding: 2pt 6pt; vertical-align: top; }\n"
	"th { background: #e8e8e8; }\n"
	"a { color: #00e; }\n"
	"@media print { body { margin: 0; max-width: none; } a { color: #000; } }\n";

/* Writes s escaped for HTML text and attributes. */
static void dochtml_text(FILE *out, const char *s)
{
	char *e = textfmt_escape_dup(s);
	for (const char *p = e; *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*p, out); break;
		}
	}
	free(e);
}

/* The page's head, once, before the first element; the first heading is
 * its title. */
static void start(struct doc *d, const char *title)
{
	if (d->html_started)
		return;
	d->html_started = true;
	fprintf(d->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		i18n_danish() ? "da" : "en");
	fputs("<meta name=\"generator\" content=\"ankekort\">\n<title>", d->out);
	dochtml_text(d->out, title ? title : "ankekort");
	fprintf(d->out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

void dochtml_end_list(struct doc *d)
{
	if (d->html_list) {
		fputs("</ul>\n", d->out);
		d->html_list = false;
	}
}

void dochtml_heading(struct doc *d, int level, const char *text)
{
	start(d, text);
	dochtml_end_list(d);
	int h = level < 1 ? 1 : level > 6 ? 6 : level;
	fprintf(d->out, "<h%d>", h);
	dochtml_text(d->out, text);
	fprintf(d->out, "</h%d>\n", h);
}

void dochtml_para(struct doc *d, const char *text)
{
	start(d, NULL);
	dochtml_end_list(d);
	fputs("<p>", d->out);
	dochtml_text(d->out, text);
	fputs("</p>\n", d->out);
}

void dochtml_bullet(struct doc *d, const char *text)
{
	start(d, NULL);
	if (!d->html_list) {
		fputs("<ul>\n", d->out);
		d->html_list = true;
	}
	fputs("<li>", d->out);
	dochtml_text(d->out, text);
	fputs("</li>\n", d->out);
}

static void cell(FILE *out, const char *tag, const char *s, bool right)
{
	fprintf(out, "<%s style=\"border: 1px solid #808080; padding: 2pt 6pt; text-align: %s\">",
		tag, right ? "right" : "left");
	dochtml_text(out, s);
	fprintf(out, "</%s>", tag);
}

void dochtml_table(struct doc *d, const struct doc_table *t)
{
	start(d, NULL);
	dochtml_end_list(d);
	fputs("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
	      "style=\"border-collapse: collapse\">\n<thead>\n<tr>",
	      d->out);
	for (size_t c = 0; c < t->ncols; c++)
		cell(d->out, "th", t->head[c], t->right && t->right[c]);
	fputs("</tr>\n</thead>\n<tbody>\n", d->out);
	for (size_t r = 0; r < t->nrows; r++) {
		fputs("<tr>", d->out);
		for (size_t c = 0; c < t->ncols; c++)
			cell(d->out, "td", t->cells[r * t->ncols + c], t->right && t->right[c]);
		fputs("</tr>\n", d->out);
	}
	fputs("</tbody>\n</table>\n", d->out);
}

bool dochtml_linkable(const char *url)
{
	bool web = strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
	return web && !textfmt_needs_escape(url) && !strpbrk(url, " \"'<>()[]\\`");
}

void dochtml_link(struct doc *d, const char *text, const char *url)
{
	start(d, NULL);
	if (!d->html_list) {
		fputs("<ul>\n", d->out);
		d->html_list = true;
	}
	fputs("<li>", d->out);
	if (dochtml_linkable(url)) {
		/* the address printed, not hidden behind the text: a printed
		 * agenda keeps it */
		dochtml_text(d->out, text);
		fputs(": <a href=\"", d->out);
		dochtml_text(d->out, url);
		fputs("\">", d->out);
		dochtml_text(d->out, url);
		fputs("</a>", d->out);
	} else {
		dochtml_text(d->out, text);
		fputs(": ", d->out);
		dochtml_text(d->out, url);
	}
	fputs("</li>\n", d->out);
}

void dochtml_end(struct doc *d)
{
	start(d, NULL);
	dochtml_end_list(d);
	fputs("</body>\n</html>\n", d->out);
}
