/* sheet.h - the fact sheet being written, shared by its sections:
 * factsheet.c (the driver, notes, remanded cases, caveats, sources),
 * fsyears.c (the committee tables, one per year, and the facts under
 * them) and fscompare.c (the peers and the trend). */
#ifndef ANKEKORT_SHEET_H
#define ANKEKORT_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/docstruct.h"
#include "ankekort/output/peers.h"

struct sheet {
	const struct ak_dataset *ds;
	struct doc doc;
	int code;
	int year;      /* the newest year: the peers, notes and remanded cases are of it */
	int year_from; /* the oldest year with a table (year itself for one) */
	int area;      /* -1: every area; else the only one shown */
	const char *name;
	enum peer_cells style;
	const char *peer_caption;      /* the note of every peer figure: said under that table */
	bool counted, uncounted;       /* a figure shown has (has no) case count: the caveats */
	const struct ak_obs **sources; /* rows whose sources are listed at the end */
	size_t n_sources;
};

/* Lists o's source at the end of the sheet (each source once); NULL is
 * ignored. */
void sheet_used(struct sheet *s, const struct ak_obs *o);
/* Every note of the rows of a table once, under it (a note the importer
 * writes is a file's history, not what a source says): a note of every
 * row as the caption, else with the labels of the rows it is of. The
 * peer table's caption is said under it only. */
void sheet_caption_notes(struct sheet *s, const struct ak_obs **rows, char **labels, size_t n);
/* Whether the sheet shows area a (--area). */
bool sheet_area_on(const struct sheet *s, enum ak_area a);
#endif
