/* quartercells.h - private to src/import: the quarters of a quarterly table
 * kept as they are (quartercells.c). */
#ifndef ANKEKORT_IMPORT_QUARTERCELLS_H
#define ANKEKORT_IMPORT_QUARTERCELLS_H

struct importer;

/* The quarters of every cell that has them, as read (quartercells.c):
 * res->quarters, beside the years they are summed to. */
void imp_quarters(struct importer *im);

#endif
