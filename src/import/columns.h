/* columns.h - private to src/import: which column of a file is which, by
 * its header (columns.c): each format's header aliases, a header mapped to
 * column roles (enum col_role: colroles.h, which tells the roles of a
 * Statistikbanken file from its content), and a row's field by column. */
#ifndef ANKEKORT_IMPORT_COLUMNS_H
#define ANKEKORT_IMPORT_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "ankekort/base/csvread.h"
#include "ankekort/import/colroles.h"
#include "values.h"

struct importer;

struct alias {
	const char *name; /* folded */
	enum col_role role;
	int meas; /* for COL_MEASURE */
};

struct header_map {
	int col[COL_ROLES]; /* first column of each role, -1 when none */
	int meas_col[M_COUNT];
	bool unknown;
};

/* the header aliases of each format (columns.c) */
struct alias_table {
	const struct alias *a;
	size_t n;
};
extern const struct alias_table imp_dst_aliases, imp_talportal_aliases, imp_sheet_aliases;

const struct alias *imp_find_alias(const struct alias *a, size_t n, const char *name);
void imp_map_header(const struct csv_row *row, const struct alias *a, size_t n,
		    struct header_map *m, struct importer *im);
static inline const char *imp_field(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->fields[col] : "";
}
static inline size_t imp_field_len(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->lens[col] : 0;
}
char *imp_header_text(const struct csv_row *row);
bool imp_any_measure(const struct header_map *m);

#endif
