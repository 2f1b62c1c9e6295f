/* reporttable.h - print's table (report.c writes it): one row per year,
 * municipality and area with a figure, and with --peers the group's
 * averages; every cell is made once, into one buffer, with its display
 * width, so that no cell is a string of its own and none is measured
 * twice. */
#ifndef ANKEKORT_REPORTTABLE_H
#define ANKEKORT_REPORTTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/data/dataset.h"
#include "ankekort/output/format.h"

struct peer_set;
struct group_avg;

enum report_col {
	C_YEAR,
	C_CODE,
	C_KOMMUNE,
	C_AREA,
	C_CASES,
	C_UPHELD,
	C_REMANDED,
	C_CHANGED,
	C_RATE,
	C_REM_PCT,
	C_CHG_PCT,
	C_NAT,
	C_DIFF,
	C_P,
	C_CI_LOW,
	C_CI_HIGH,
	C_DISMISSED,
	C_FLAGS,
	C_REG,
	C_SOURCE,
	C_GROUP,	 /* --peers: pooled or unweighted_mean, CSV only */
	C_GROUP_COUNTED, /* the members it is of */
	C_GROUP_MEMBERS, /* the members asked for */
	C_COUNT
};

/* A cell: its text in the table's one buffer (NUL-terminated, so writers
 * can take it as a string), its length and its display width, measured
 * once when it is made. A zeroed cell is the empty one (the buffer's first
 * byte is a NUL). */
struct report_cell {
	size_t at;
	uint32_t len, width; /* a cell is a field of a row, never gigabytes */
};

struct report_table {
	struct sbuf text;	   /* every cell's text, one after another */
	struct report_cell *cells; /* rows * C_COUNT */
	size_t rows, cap;
	bool has_reg;	    /* a register of remanded cases is loaded */
	bool has_dismissed; /* a row gives appeals dismissed or referred */
	bool has_group;	    /* --peers: the group's rows follow each year's */
	struct row_key {
		int year, code;
		enum ak_area area;
	} * keys; /* rows */
	/* what rows repeat, made once: the texts of the last row that rows in
	 * a run repeat (escaped), the areas' names, the last flags' words */
	const char *name_of, *source_of;
	struct report_cell name, source, area[AREA_COUNT], flags;
	unsigned flags_of;
	bool flags_made;
};

static inline const char *reporttable_str(const struct report_table *t, struct report_cell c)
{
	return t->text.data + c.at;
}

/* Starts t (zeroed) with room for rows rows, which it can outgrow. */
void reporttable_start(struct report_table *t, size_t rows);
/* A new row, every cell empty; its cells are t's until reporttable_free(). */
struct report_cell *reporttable_add_row(struct report_table *t, int year, int code,
					enum ak_area area);
/* The cells of row o (its facts worked out: facts.h) in format f. */
void reporttable_fill_row(struct report_table *t, struct report_cell *cell,
			  const struct ak_dataset *ds, const struct ak_obs *o,
			  enum report_format f);
/* One of the group's two averages for a year and area as a row: named as
 * what it is ("6-byer, pooled (4 of 6)"; in CSV the group's name and
 * group_average pooled or unweighted_mean), with the cases it is made of
 * where pooled; every cell the municipalities' rows have and it has not
 * empty. Without two members that have what it needs it has no value. */
void reporttable_fill_group_row(struct report_table *t, struct report_cell *cell,
				const struct ak_dataset *ds, const struct peer_set *p, int year,
				enum ak_area area, const struct group_avg *g, bool pooled,
				enum report_format f);
void reporttable_free(struct report_table *t);

#endif
