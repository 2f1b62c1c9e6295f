/* csvwrite.h - one CSV field as the dataset files write it. */
#ifndef ANKEKORT_CSVWRITE_H
#define ANKEKORT_CSVWRITE_H

#include "ankekort/base/sbuf.h"

/* Appends s as one field: quoted (quotes doubled) only when it holds the
 * delimiter, a quote, a line break or starts with a space, so plain files
 * stay plain and diff line by line. */
void csv_put_field(struct sbuf *b, const char *s, char delim);

#endif
