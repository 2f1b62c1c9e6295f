/* dochtml.h - the HTML half of doc.h: one self-contained page (inline CSS,
 * no scripts, no external resources) whose tables keep their shape when
 * the file is opened in a word processor or pasted from a browser into an
 * agenda system. Every text is escaped: control characters as for the
 * terminal, then & < > " ' as entities. Called by doc.c only. */
#ifndef ANKEKORT_DOCHTML_H
#define ANKEKORT_DOCHTML_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/output/docstruct.h"

void dochtml_heading(struct doc *d, int level, const char *text);
void dochtml_para(struct doc *d, const char *text);
void dochtml_bullet(struct doc *d, const char *text);
void dochtml_end_list(struct doc *d);
void dochtml_table(struct doc *d, const struct doc_table *t);
void dochtml_link(struct doc *d, const char *text, const char *url);
/* An address that may become a link, in HTML and Markdown alike: http://
 * or https:// only (never javascript: or data:), with nothing that could
 * end the link early or hide in it. */
bool dochtml_linkable(const char *url);
void dochtml_end(struct doc *d);

#endif
