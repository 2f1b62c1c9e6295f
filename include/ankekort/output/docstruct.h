/* docstruct.h - the document being written and a table in it: shared by
 * doc.c and the HTML writer it hands HTML to (dochtml.c), so that neither
 * includes the other. */
#ifndef ANKEKORT_DOCSTRUCT_H
#define ANKEKORT_DOCSTRUCT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/output/format.h"

#define DOC_TEXT_WIDTH 78

struct doc {
	FILE *out;
	enum report_format fmt;
	char section[128];
	size_t bullets;		      /* numbering of bullets in CSV within a section */
	bool html_started, html_list; /* HTML: the head is written; a <ul> is open */
};

struct doc_table {
	const char *const *head; /* ncols column titles */
	size_t ncols;
	char **cells; /* nrows * ncols, row-major; borrowed */
	size_t nrows;
	const bool *right; /* ncols: right-align (text), or NULL */
};

#endif
