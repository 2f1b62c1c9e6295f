/* detect.h - private to src/import: which format a file is, from its
 * header and a sample of its rows, and which Statistikbanken column is
 * which (detect.c). */
#ifndef ANKEKORT_IMPORT_DETECT_H
#define ANKEKORT_IMPORT_DETECT_H

#include "ankekort/import/import.h"
#include "decode.h"

struct importer;

/* The format (IMPORT_AUTO when it cannot be told, with the reasons in the
 * report); for Statistikbanken im->plan gets the column of each role. */
enum import_format imp_detect(struct importer *im, const struct text_src *src);

#endif
