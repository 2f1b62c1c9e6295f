/* maplayout.c - projection, slot assignment and geographic neighbours. */
#include "ankekort/data/maplayout.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

#define COS_LAT 0.559 /* cos(56°): east-west degrees are shorter up here */

static double px(const struct ak_municipality *m)
{
	return m->lon * COS_LAT;
}

static double py(const struct ak_municipality *m)
{
	return -m->lat;
}

/* A unique three-letter abbreviation: the first letter, then the first
 * pair of later letters not yet taken (AAR, KOE, ODE ...). */
static void abbreviate(const char *name, struct map_tile *tiles, size_t n, char *out)
{
	struct sbuf f = {0};
	textfmt_fold(&f, name);
	char letters[64];
	size_t k = 0;
	for (const char *p = sbuf_str(&f); *p && k + 1 < sizeof letters; p++)
		if (isalpha((unsigned char)*p))
			letters[k++] = (char)toupper((unsigned char)*p);
	letters[k] = '\0';
	sbuf_free(&f);
	while (k < 3)
		letters[k++] = 'X', letters[k] = '\0';
	for (size_t i = 1; i < k; i++) {
		for (size_t j = i + 1; j < k; j++) {
			char cand[4] = {letters[0], letters[i], letters[j], '\0'};
			bool taken = false;
			for (size_t t = 0; t < n && !taken; t++)
				taken = strcmp(tiles[t].abbr, cand) == 0;
			if (!taken) {
				memcpy(out, cand, 4);
				return;
			}
		}
	}
	snprintf(out, 4, "%c%02zu", letters[0], n % 100); /* never reached with real names */
}

struct bounds {
	double x0, x1, y0, y1;
};

static bool mapped(const struct ak_municipality *m)
{
	return m->code != AK_NATIONAL_CODE && m->has_centroid;
}

static struct bounds bounds_of(const struct ak_dataset *ds)
{
	struct bounds b = {INFINITY, -INFINITY, INFINITY, -INFINITY};
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *m = &ds->munis[i];
		if (!mapped(m) || m->code == MAP_BORNHOLM)
			continue;
		b.x0 = fmin(b.x0, px(m));
		b.x1 = fmax(b.x1, px(m));
		b.y0 = fmin(b.y0, py(m));
		b.y1 = fmax(b.y1, py(m));
	}
	return b;
}

/* The free slot nearest (in screen proportions: a slot is MAP_SLOT_W wide
 * and two units tall) to (tx, ty), within columns [x0, x1). */
static bool nearest_free(const bool *used, int cols, int rows, int x0, int x1, double tx, double ty,
			 int *ox, int *oy)
{
	double best = INFINITY;
	for (int y = 0; y < rows; y++) {
		for (int x = x0; x < x1; x++) {
			if (used[y * cols + x])
				continue;
			double dx = (x - tx) * MAP_SLOT_W, dy = (y - ty) * 2.0;
			double d = dx * dx + dy * dy;
			if (d < best) {
				best = d;
				*ox = x;
				*oy = y;
			}
		}
	}
	return best < INFINITY;
}

struct target {
	int code;
	double tx, ty, crowd;
};

static int cmp_crowd(const void *pa, const void *pb)
{
	const struct target *a = pa, *b = pb;
	/* Bornholm first: the inset claims its corner before the sea fills up */
	if ((a->code == MAP_BORNHOLM) != (b->code == MAP_BORNHOLM))
		return a->code == MAP_BORNHOLM ? -1 : 1;
	if (a->crowd != b->crowd)
		return a->crowd > b->crowd ? -1 : 1; /* the crowded first: they need the room */
	return (a->code > b->code) - (a->code < b->code);
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* Where v stands among sorted[0..n): 0 for the least, 1 for the greatest. */
static double rank_of(const double *sorted, size_t n, double v)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (sorted[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n > 1 ? (double)lo / (double)(n - 1) : 0.5;
}

/* Where each municipality would like to be, and how crowded it is there.
 * The position blends the true projection with the municipality's rank
 * east-west and north-south: order is kept, and dense areas get room. */
static size_t targets(const struct ak_dataset *ds, int cols, int rows, struct target *t)
{
	struct bounds b = bounds_of(ds);
	double w = (cols - 1.5) * MAP_SLOT_W, h = (rows - 1) * 2.0;
	double sx = w / fmax(b.x1 - b.x0, 1e-9), sy = h / fmax(b.y1 - b.y0, 1e-9);
	double s = fmin(sx, sy);
	double offx = (w - (b.x1 - b.x0) * s) / 2, offy = (h - (b.y1 - b.y0) * s) / 2;
	double *xs = xcalloc(ds->n_munis + 1, sizeof *xs),
	       *ys = xcalloc(ds->n_munis + 1, sizeof *ys);
	size_t m = 0;
	for (size_t i = 0; i < ds->n_munis; i++) {
		if (mapped(&ds->munis[i]) && ds->munis[i].code != MAP_BORNHOLM) {
			xs[m] = px(&ds->munis[i]);
			ys[m++] = py(&ds->munis[i]);
		}
	}
	qsort(xs, m, sizeof *xs, cmp_double);
	qsort(ys, m, sizeof *ys, cmp_double);
	size_t n = 0;
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *mu = &ds->munis[i];
		if (!mapped(mu))
			continue;
		double lx = offx + (px(mu) - b.x0) * s, ly = offy + (py(mu) - b.y0) * s;
		double rx = offx + rank_of(xs, m, px(mu)) * (b.x1 - b.x0) * s;
		double ry = offy + rank_of(ys, m, py(mu)) * (b.y1 - b.y0) * s;
		t[n].code = mu->code;
		t[n].tx = (0.6 * lx + 0.4 * rx) / MAP_SLOT_W;
		t[n].ty = (0.6 * ly + 0.4 * ry) / 2.0;
		n++;
	}
	free(xs);
	free(ys);
	for (size_t i = 0; i < n; i++) {
		t[i].crowd = 0;
		for (size_t j = 0; j < n; j++) {
			double dx = (t[i].tx - t[j].tx) * MAP_SLOT_W, dy = (t[i].ty - t[j].ty) * 2;
			if (i != j && dx * dx + dy * dy < 36)
				t[i].crowd++;
		}
	}
	return n;
}

bool map_layout_compute(const struct ak_dataset *ds, int cols, int rows, struct map_layout *out)
{
	memset(out, 0, sizeof *out);
	if (cols < 3 || rows < 3)
		return false;
	struct target *t = xcalloc(ds->n_munis + 1, sizeof *t);
	size_t n = targets(ds, cols, rows, t);
	if (n > (size_t)((cols - 1) * rows)) {
		free(t);
		return false;
	}
	/* abbreviations in code order, so a municipality keeps its letters at
	 * every size */
	struct map_tile *names = xcalloc(n + 1, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		names[i].code = t[i].code;
		abbreviate(dataset_muni(ds, t[i].code)->name, names, i, names[i].abbr);
	}
	qsort(t, n, sizeof *t, cmp_crowd);
	bool *used = xcalloc((size_t)(cols * rows), sizeof *used);
	out->tiles = xcalloc(n + 1, sizeof *out->tiles);
	out->cols = cols;
	out->rows = rows;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		struct map_tile *tile = &out->tiles[out->n];
		bool inset = t[i].code == MAP_BORNHOLM;
		int x = 0, y = 0;
		/* Bornholm sits in the last column, below the middle, as an inset */
		ok = nearest_free(used, cols, rows, inset ? cols - 1 : 0, cols,
				  inset ? cols - 1 : t[i].tx, inset ? rows * 0.8 : t[i].ty, &x, &y);
		if (!ok)
			break;
		used[y * cols + x] = true;
		tile->code = t[i].code;
		tile->x = x;
		tile->y = y;
		for (size_t k = 0; k < n; k++)
			if (names[k].code == t[i].code)
				memcpy(tile->abbr, names[k].abbr, sizeof tile->abbr);
		out->n++;
	}
	free(names);
	free(used);
	free(t);
	if (!ok)
		map_layout_free(out);
	return ok;
}

void map_layout_free(struct map_layout *m)
{
	free(m->tiles);
	memset(m, 0, sizeof *m);
}

const struct map_tile *map_tile_at(const struct map_layout *m, int x, int y)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->tiles[i].x == x && m->tiles[i].y == y)
			return &m->tiles[i];
	return NULL;
}

const struct map_tile *map_tile_of(const struct map_layout *m, int code)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->tiles[i].code == code)
			return &m->tiles[i];
	return NULL;
}

int map_neighbour(const struct ak_dataset *ds, int code, int dx, int dy)
{
	const struct ak_municipality *from = dataset_muni(ds, code);
	if (!from || !mapped(from))
		return -1;
	double best = INFINITY;
	int found = -1;
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *m = &ds->munis[i];
		if (!mapped(m) || m->code == code)
			continue;
		double vx = px(m) - px(from), vy = py(m) - py(from);
		double along = vx * dx + vy * dy;
		double across = fabs(vx * dy - vy * dx);
		if (along <= 0 || across > 2.0 * along)
			continue; /* not that way (wider than about 63° off the direction) */
		double score = along + 2.0 * across;
		if (score < best) {
			best = score;
			found = m->code;
		}
	}
	return found;
}

int map_rate_class(double rate)
{
	return rate < 20 ? 1 : rate < 30 ? 2 : rate < 40 ? 3 : rate < 50 ? 4 : 5;
}

int map_grid_step(const struct map_layout *m, int code, int dx, int dy)
{
	const struct map_tile *from = map_tile_of(m, code);
	if (!from || (dx == 0) == (dy == 0))
		return -1;
	if (dx) { /* the next tile on the same row */
		for (int x = from->x + dx; x >= 0 && x < m->cols; x += dx) {
			const struct map_tile *t = map_tile_at(m, x, from->y);
			if (t)
				return t->code;
		}
		return -1;
	}
	/* the nearest row that way with a tile in this column or beside it */
	for (int y = from->y + dy; y >= 0 && y < m->rows; y += dy) {
		static const int offsets[] = {0, -1, 1};
		for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
			const struct map_tile *t = map_tile_at(m, from->x + offsets[k], y);
			if (t)
				return t->code;
		}
	}
	return -1;
}
