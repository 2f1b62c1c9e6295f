/* xlsxpart.h - private to xlsx.c: one part of an XLSX archive streamed
 * through expat, at most XLSX_MAX_PART inflated, the XML's problems said
 * with the part's name, line and column. */
#ifndef ANKEKORT_XLSXPART_H
#define ANKEKORT_XLSXPART_H

#include <expat.h>
#include <stdbool.h>
#include <stdint.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/import/expatlib.h"
#include "ankekort/import/ziplib.h"

/* The most that is inflated of one part of the archive: 256 MiB, some
 * hundred times a Talportal export's sheet. */
#define XLSX_MAX_PART ((uint64_t)256 << 20)
/* the longest text kept of one string (Excel's own limit is 32767 characters) */
#define XLSX_MAX_STRING ((size_t)1 << 20)

/* A workbook's archive, open, and the libraries that read it. */
struct xlsx_zip {
	const struct ziplib *z;	  /* libzip's functions (ziplib_open) */
	const struct expatlib *x; /* expat's (expatlib_open) */
	zip_t *za;
};

/* The first member of a part's state: the parser's user data is the
 * state, and the text handler takes it for this. */
struct xlsx_part {
	const char *path; /* the file, for messages */
	const char *part; /* the part's name in the archive */
	struct diag_list *diags;
	const struct expatlib *x; /* the archive's, from xlsx_part_begin */
	XML_Parser parser;
	bool failed; /* a handler found a problem (and said so) */
	struct sbuf text;
	bool collecting;
};

/* Sets up the parser for a part of ar (ctx: the state pr is the first
 * member of); false (and said) when it cannot be made. */
bool xlsx_part_begin(const struct xlsx_zip *ar, struct xlsx_part *pr, void *ctx,
		     XML_StartElementHandler start, XML_EndElementHandler end);
/* Streams the part named pr->part through the parser; a missing part is
 * an error unless quiet (then false without a message). */
bool xlsx_part_read(const struct xlsx_zip *ar, struct xlsx_part *pr, bool quiet);
void xlsx_part_end(struct xlsx_part *pr);
/* Says the problem (once) and stops the parser. */
void xlsx_part_fail(struct xlsx_part *pr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
struct xlsx_part xlsx_part_for(const char *path, const char *part, struct diag_list *d);
/* The local name of an element or attribute ("namespace|name"), and an
 * attribute's value by its local name (NULL when absent). */
const char *xlsx_local(const XML_Char *name);
const char *xlsx_attr(const XML_Char **atts, const char *name);

#endif
