/* arearules.h - private to src/import: how the law texts of a download
 * are read (arearules.c), beside the area rules of import.h: the numbering
 * before a law value and whether a text names a law. */
#ifndef ANKEKORT_IMPORT_AREARULES_H
#define ANKEKORT_IMPORT_AREARULES_H

#include <stdbool.h>

/* True when w stands in s as a word of its own. */
bool imp_word_in(const char *s, const char *w);
/* The numbering before a law value: "6 Barnets lov" -> 6, "6.1 Merudgifter"
 * -> 6 with *sub set, "110 1.9 Børn" (code and text) -> 1 with *sub; -1
 * when there is none. *rest (when not NULL) points after it. */
int imp_law_number(const char *s, bool *sub, const char **rest);
/* True when the folded text names some law ("lov", "act", "SEL"). */
bool imp_names_a_law(const char *folded);

#endif
