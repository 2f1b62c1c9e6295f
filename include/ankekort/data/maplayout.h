/* maplayout.h - a tile cartogram of the municipalities for the terminal.
 *
 * Each municipality gets one slot of a grid (a slot is MAP_SLOT_W columns
 * by one row) near where its centroid projects, no two in the same slot:
 * crowded areas (Copenhagen) spread into free slots around them. Bornholm
 * sits in the rightmost column, as an inset. Pure: unit-tested, no curses. */
#ifndef ANKEKORT_MAPLAYOUT_H
#define ANKEKORT_MAPLAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/data/dataset.h"

#define MAP_SLOT_W 4 /* three letters and the rate class */
#define MAP_BORNHOLM 400

struct map_tile {
	int code;
	int x, y;     /* slot column and row */
	char abbr[4]; /* three upper-case ASCII letters, unique */
};

struct map_layout {
	struct map_tile *tiles; /* owned */
	size_t n;
	int cols, rows; /* slots */
};

/* Lays out every municipality with a centroid in cols x rows slots. Returns
 * false (and an empty layout) when they cannot all fit. */
bool map_layout_compute(const struct ak_dataset *ds, int cols, int rows, struct map_layout *out);
void map_layout_free(struct map_layout *m);
const struct map_tile *map_tile_at(const struct map_layout *m, int x, int y);
const struct map_tile *map_tile_of(const struct map_layout *m, int code);
/* The municipality geographically nearest to code in the direction (dx, dy)
 * (east = +x, south = +y), by centroid; -1 when there is none that way. */
int map_neighbour(const struct ak_dataset *ds, int code, int dx, int dy);
/* The tile the arrow keys reach on the screen's grid from code: left and
 * right the next tile on the same row, up and down the nearest row that way
 * with a tile in the same column or one beside it; -1 when there is none
 * (the caller then goes by geography). */
int map_grid_step(const struct map_layout *m, int code, int dx, int dy);
/* Rate class 1..5: under 20 %, 20-30, 30-40, 40-50, 50 and over. */
int map_rate_class(double rate);

#endif
