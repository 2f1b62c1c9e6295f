/* peers.h - the municipalities a fact sheet compares with, and the peer
 * table's cells (peers.c). */
#ifndef ANKEKORT_PEERS_H
#define ANKEKORT_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"
#include "ankekort/data/stats.h"

struct peer_set {
	int *codes; /* owned; in table order */
	size_t n;
	char *label; /* owned: "6-byer", "Region Midtjylland", "chosen" */
};

/* The six largest cities in the committee papers' order. */
extern const int factsheet_6byer[6];

/* Resolves a --peers value: "6byer", "region" (the municipality's region) or
 * a comma list of names or codes; NULL: the 6-byer for a 6-by, else the
 * region. Sorted by name (Danish order), the municipality itself moved to
 * the end of the list. On failure returns false and sets *err (caller frees). */
bool peers_resolve(const struct ak_dataset *ds, const char *spec, int code, struct peer_set *out,
		   char **err);
void peers_free(struct peer_set *p);
/* The national row's one name in the interface's language ("Danmark i
 * alt"). */
const char *peers_national_name(void);

/* How a peer cell is written: "39 (33 / 6)", or as the committee papers
 * write it: "39 pct. (heraf 33 pct. hjemviste og 6 pct. ændrede)". */
enum peer_cells { CELLS_COMPACT, CELLS_PAPERS };
bool peer_cells_parse(const char *s, enum peer_cells *out);
/* The peer table: one row per peer, then "Danmark i alt"; columns the three
 * areas; cells "rate (remanded / changed)" with the counts where they are
 * known (*counted: some cell has one). Cells are allocated into *cells
 * (rows * 4, row label first); returns the number of rows. */
size_t factsheet_peer_cells(const struct ak_dataset *ds, const struct peer_set *p, int year,
			    enum peer_cells style, char ***cells, bool *counted);
/* The group's two averages (groupavg.h) as two rows of 4 cells, label
 * first: the pooled rate ("37,3 (2 of 4)": of how many members' counts)
 * and the unweighted mean of rates ("33,3 (3 of 4)"); each cell the dash
 * when fewer than two members have what it needs. Returns 2. */
size_t peers_average_cells(const struct ak_dataset *ds, const struct peer_set *p, int year,
			   char ***cells);
/* What the two averages are, in a sentence for under a table. */
const char *peers_averages_said(void);
/* Cells as the fact sheet writes them (caller frees each): a number with
 * the interface's decimal separator; a percentage, or the dash. */
char *cell_num(double v, int decimals);
char *cell_pct(struct ak_val v);
/* A share as the row publishes it ("40" stays 40, as the papers print
 * it), else v (worked out from the counts). */
struct ak_val cell_shown(struct ak_num published, struct ak_val v);
/* A figure with its split borrowed from another source where the row
 * shown has none (see stats_borrow_split); false when it has no rate. */
bool cell_figures(const struct ak_dataset *ds, int year, int code, enum ak_area area,
		  struct ak_figures *f);
/* Frees n cells and the array. */
void cells_free(char **cells, size_t n);

#endif
