/* colroles.h - which column of a long-format file (one observation a row,
 * as Statistikbanken writes them) plays which role. The content decides,
 * the header only breaks ties: real downloads name their columns by ids or
 * texts, Danish or English, in any case.
 *
 * The caller samples rows, says for each value what it looks like (a bit
 * per role), and asks for the assignment. Pure: no I/O. */
#ifndef ANKEKORT_COLROLES_H
#define ANKEKORT_COLROLES_H

#include <stdbool.h>
#include <stddef.h>

enum col_role { COL_MUNI, COL_LAW, COL_PAR, COL_DECISION, COL_PERIOD, COL_VALUE, COL_ROLE_COUNT };

/* What one value looks like: bits (1u << enum col_role). COL_LAW means it
 * names a law or a paragraph; COL_PAR that it names a paragraph (§). */
#define COL_LOOKS(role) (1u << (role))

struct col_sample {
	char *header;
	int hint; /* the role the header names (enum col_role), or -1 */
	size_t n; /* non-empty values seen */
	size_t hits[COL_ROLE_COUNT];
	char *examples[3]; /* the first different values, for messages */
	size_t n_examples;
};

struct col_samples {
	struct col_sample *cols;
	size_t n;
};

/* Starts a sample of n columns; hints[i] is the role header i names, or -1. */
void colroles_init(struct col_samples *s, const char *const *headers, size_t n, const int *hints);
void colroles_add(struct col_samples *s, size_t col, const char *value, unsigned looks);
void colroles_free(struct col_samples *s);

/* Assigns the roles: forced[role] is a column the user named, or -1.
 * plan[role] gets a column or -1 (only COL_PAR may stay -1). Returns false
 * with *why set (caller frees) when a role has no column or two columns
 * could play it. */
bool colroles_assign(const struct col_samples *s, const int *forced, int *plan, char **why);

/* "municipality", "law", "paragraph", "decision", "period", "value". */
const char *colroles_name(enum col_role r);
/* Reads "municipality=3,law=Lovgrundlag,...": a role's English or Danish
 * name, then a 1-based column number or a header. Sets forced[] (-1 for the
 * roles not named). False with *err set (caller frees). */
bool colroles_parse_spec(const char *spec, const struct col_samples *s, int *forced, char **err);

#endif
