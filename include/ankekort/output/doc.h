/* doc.h - write a simple document (headings, paragraphs, bullets, tables,
 * links) as Markdown, plain text, CSV or HTML (dochtml.c). Every string is escaped for the terminal
 * (control characters) and for the format (| in Markdown tables, quotes in
 * CSV). CSV output is long format: section,row,column,value. */
#ifndef ANKEKORT_DOC_H
#define ANKEKORT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/docstruct.h"

void doc_begin(struct doc *d, FILE *out, enum report_format fmt);
void doc_heading(struct doc *d, int level, const char *text);
void doc_para(struct doc *d, const char *text);
void doc_bullet(struct doc *d, const char *text);
void doc_table(struct doc *d, const struct doc_table *t);
/* A bullet naming a web address: a link in Markdown, the address printed
 * beside its text in HTML (a printed agenda keeps it), on a line of its own
 * in text. */
void doc_link_item(struct doc *d, const char *text, const char *url);
/* Ends a run of bullets (a blank line in Markdown and text). */
void doc_end_list(struct doc *d);
/* A blank line in text and Markdown before what follows, unless what is
 * written so far ends with one (each block does; a table printed outside
 * the doc, before doc_begin, does not). */
void doc_gap(struct doc *d);
/* The sources an export names, each once (by its text), in the order met,
 * and the ministry's maps for what it shows. Owned; free with
 * doc_sources_free(). */
struct doc_sources {
	const struct ak_source **src; /* borrowed from the dataset */
	size_t n;
	const struct ak_maplink **maps;
	size_t n_maps;
	/* years whose maps are not known: the ministry's page for each */
	const int *page_years;
	size_t n_page_years;
	const char *page_url;
};
void doc_sources_add(struct doc_sources *s, const struct ak_source *src);
void doc_sources_add_map(struct doc_sources *s, const struct ak_maplink *m);
void doc_sources_free(struct doc_sources *s);
/* What every export ends with: its sources (a link where one has a web
 * address), then the maps, with the documents that cite them. */
void doc_write_sources(struct doc *d, const struct doc_sources *s);
/* Ends the document (HTML closes its page, XLSX writes its workbook).
 * Every doc_begin needs one. False when the document could not be made
 * (a workbook's temporary file); the stream's own errors are the
 * caller's to check. */
bool doc_end(struct doc *d);
/* Writes a CSV field, quoted when needed. */
void doc_csv_field(FILE *out, const char *s);
/* Writes " s |" for a Markdown table row, with | escaped. */
void doc_md_cell(FILE *out, const char *s);

#endif
