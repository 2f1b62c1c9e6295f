/* parload.h - the rows below law level: paragraphs.csv (a paragraph or
 * topic per row, as a source publishes it) and units.csv (the user's
 * mapping of paragraphs to the municipality's own units). docs/DATA.md.
 *
 * Rows go into ds->pars and ds->units (dataset.h owns them); problems into
 * diags with file:line:column, a row with an error is left out and counted
 * in res->skipped_rows. */
#ifndef ANKEKORT_PARLOAD_H
#define ANKEKORT_PARLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/data/csvtable.h"
#include "ankekort/data/dataset.h"

/* The §§ a label names, space-separated into out: "§§ 52, stk. 3 og 55"
 * gives "52 55", "§§32, 32a, 36, 39-40" "32 32a 36 39 40", "1.9 Børn -
 * §§ 68 og 76" "68 76". With need_section false the text is a bare list
 * ("41 43 44-45", as units.csv writes it). A range is written out (up to
 * 50 paragraphs); a number after "stk." or "nr." is no paragraph. */
void par_numbers(const char *text, bool need_section, struct sbuf *out);
/* Whether the space-separated list names the paragraph ("32a"). */
bool par_list_has(const char *list, const char *paragraph);
/* The areas of a row as data: "generelt|boernehandicap". Caller frees. */
char *par_areas_text(unsigned areas);

/* The §§ the area rules (ds->area_pars, loaded with the data) count for
 * an area in a year, law by law: "servicelov §§ 32, 32a, 36 ...; barnets
 * lov §§ 82, 83 ..."; a law counted as a whole: "servicelov (every
 * paragraph)". Empty when no rules are loaded. */
void par_area_rules_text(const struct ak_dataset *ds, enum ak_area area, int year,
			 struct sbuf *out);

/* A row's identity (paragraph label, law, period, municipality) under a
 * source, as a hash key (never 0); and whether b is a's row under it. */
uint64_t par_identity(const struct ak_par *p, const char *source);
bool par_same_identity(const struct ak_par *a, const struct ak_par *b, const char *source);

/* paragraphs.csv; the rows are marked as of the layer. */
void csvload_paragraphs(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
			const char *display, enum ak_layer layer, struct diag_list *diags,
			struct load_result *res);
/* units.csv. */
void csvload_units(struct ak_dataset *ds, const char *path, const char *buf, size_t len,
		   const char *display, struct diag_list *diags, struct load_result *res);

#endif
