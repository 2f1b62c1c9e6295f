/* factsheet.h - the committee fact sheet ("faktaark") for one municipality
 * and year: headline rates, national comparison, peer table, trend,
 * remanded-case follow-up, caveats and sources, as Markdown, text or CSV. */
#ifndef ANKEKORT_FACTSHEET_H
#define ANKEKORT_FACTSHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/data/dataset.h"
#include "ankekort/output/report.h"

struct peer_set {
	int *codes; /* owned; in table order */
	size_t n;
	char *label; /* owned: "6-byer", "Region Midtjylland", "chosen" */
};

/* The six largest cities in the committee papers' order. */
extern const int factsheet_6byer[6];

/* Resolves a --peers value: "6byer", "region" (the municipality's region) or
 * a comma list of names or codes. The municipality itself is moved to the
 * end of the list. On failure returns false and sets *err (caller frees). */
bool peers_resolve(const struct ak_dataset *ds, const char *spec, int code, struct peer_set *out,
		   char **err);
void peers_free(struct peer_set *p);

/* The peer table: one row per peer, then "Danmark i alt"; columns the three
 * areas; cells "rate (remanded / changed)". Cells are allocated into
 * *cells (rows * 4, row label first); returns the number of rows. */
/* How a peer cell is written: "39 (33 / 6)", or as the committee papers
 * write it: "39 pct. (heraf 33 pct. hjemviste og 6 pct. ændrede)". */
enum peer_cells { CELLS_COMPACT, CELLS_PAPERS };
bool peer_cells_parse(const char *s, enum peer_cells *out);
size_t factsheet_peer_cells(const struct ak_dataset *ds, const struct peer_set *p, int year,
			    enum peer_cells style, char ***cells);
void factsheet_write(FILE *out, const struct ak_dataset *ds, int code, int year,
		     const struct peer_set *peers, enum report_format fmt, enum peer_cells style);

#endif
