/* cells.h - private to src/import: the aggregation (cells.c): every used
 * value lands in a cell (year, municipality, area) at paragraph or law
 * level; repeated keys are caught; the cells become canonical rows. */
#ifndef ANKEKORT_IMPORT_CELLS_H
#define ANKEKORT_IMPORT_CELLS_H

#include <stdbool.h>
#include <stdint.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/data/dataset.h"
#include "values.h"

struct importer;

enum level { LVL_PARAGRAPH, LVL_LAW, LVL_COUNT };

struct part {
	struct ak_num v[M_COUNT];
	bool suppressed[M_COUNT]; /* a ".." went into the value */
	bool missing[M_COUNT];	  /* an empty or NA cell went into the value */
	size_t rows;
};

struct cell {
	int year, code;
	enum ak_area area;
	struct part p[LVL_COUNT];	  /* [level]: the annual rows */
	struct part *quarters[LVL_COUNT]; /* [level][0-3]: made at a level's first quarter */
	int first_line;
	int level_line[LVL_COUNT]; /* the first row at each level */
	unsigned laws;		   /* the laws (area rule law_id bits) its rows came under */
	int conflict_line;	   /* a row repeated with another value: no figure */
};

struct cell *imp_cell_at(struct importer *im, int year, int code, enum ak_area area, int line);
/* Adds a value: counts sum, percentages keep the last (they only stand
 * when one row makes the cell). */
static inline void imp_put(struct part *p, enum meas m, struct ak_num v, bool suppressed)
{
	if (suppressed) {
		p->suppressed[m] = true;
		return;
	}
	if (!v.present) {
		p->missing[m] = true;
		return;
	}
	if (m >= M_RATE || !p->v[m].present)
		p->v[m] = v;
	else
		p->v[m].value += v.value;
}
/* imp_put() of a plain count, present and not suppressed. */
static inline void imp_put_count(struct part *p, enum meas m, double n)
{
	struct ak_num *x = &p->v[m];
	if (m < M_RATE && x->present)
		x->value += n;
	else
		*x = (struct ak_num){.value = n, .present = true};
}
/* A cell's part at a level for the year (quarter 0) or a quarter (1-4);
 * imp_part_get() gives an empty part for quarters never read. */
struct part *imp_part(struct cell *c, enum level lvl, int quarter);
const struct part *imp_part_get(const struct cell *c, enum level lvl, int quarter);
void imp_cells_free(struct importer *im);
/* A row's key: what it is a figure of without its period (group), the
 * decision type or reader (sub) and the period, numbered so that the next
 * period is one more (dupkeys.h). */
struct row_key {
	uint64_t group;
	unsigned sub, period;
};
static inline struct row_key imp_row_key(int year, int quarter, int code, int text, int decision)
{
	return (struct row_key){.group = 1ull << 63 | (uint64_t)(code & 0x3FF) << 35 |
					 (uint64_t)(text & 0xFFFFFFF) << 7,
				.sub = (unsigned)(decision & 0x7F) | (quarter ? 0x80u : 0u),
				.period = quarter ? (unsigned)(year * 4 + quarter - 1)
						  : (unsigned)year};
}
/* A count from 0 to 254 written plainly ("7", "42", "120") is its own
 * value identity for dupkeys; DUPKEYS_SMALL for anything else. */
static inline uint32_t imp_count_id(const char *s, size_t len)
{
	unsigned d0 = (unsigned)(unsigned char)s[0] - '0';
	unsigned d1 = len >= 2 ? (unsigned)(unsigned char)s[1] - '0' : 10;
	if (len == 1 && d0 < 10)
		return d0;
	if (len == 2 && d0 - 1 < 9 && d1 < 10)
		return d0 * 10 + d1;
	unsigned d2 = len == 3 ? (unsigned)(unsigned char)s[2] - '0' : 10;
	if (len == 3 && d0 - 1 < 2 && d1 < 10 && d2 < 10) {
		unsigned v = d0 * 100 + d1 * 10 + d2;
		if (v < DUPKEYS_SMALL)
			return v;
	}
	return DUPKEYS_SMALL;
}
/* The value columns' identity for dupkeys (imp_count_id, else a hash of
 * the texts, never below DUPKEYS_SMALL). */
uint32_t imp_value_id(const struct csv_row *row, const int *cols, size_t n);
/* True when the row's key is new. A repeat is never added again: with the
 * same value it is counted once, with another value the figure is stopped. */
bool imp_first_time(struct importer *im, const struct csv_row *row, struct row_key key,
		    const int *key_cols, size_t n_key, const int *val_cols, size_t n_val, int year,
		    int code, unsigned mask);
/* What imp_first_time() does for a repeat (dupkeys_put() gave first and
 * same): the warning, and for a conflict the figure stopped. */
void imp_repeated(struct importer *im, const struct csv_row *row, struct row_key key, int first,
		  bool same, const int *key_cols, size_t n_key, int year, int code, unsigned mask);
/* Figures whose paragraphs exceed the law's row: listed one by one up to
 * this many, then counted (importfile.c's summary). */
#define IMP_PARTS_OVER_LISTED 5
/* The cells become the figures (res->obs) and the rows below law level:
 * no cell is left afterwards. */
void imp_finish(struct importer *im);
/* The rows' source: --source, else named from the format and the file. */
char *imp_source_text(const struct importer *im);

#endif
