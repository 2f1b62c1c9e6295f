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

/* Which column is which: the one list of the roles a column can play.
 * The first COL_CONTENT_ROLES are told from the content (here) as well as
 * from a header; the rest only a header names (the aliases of the
 * Talportal's and a spreadsheet's columns, src/import/columns.c). */
enum col_role {
	COL_MUNI,     /* the municipality, by name, code or both */
	COL_LAW,      /* the law (or law and paragraph in one text) */
	COL_PAR,      /* the paragraph or topic */
	COL_DECISION, /* Statistikbanken's decision type */
	COL_PERIOD,   /* the year or quarter (Statistikbanken's TID) */
	COL_VALUE,    /* the one figure of a row (Statistikbanken's INDHOLD) */
	COL_CODE,     /* a spreadsheet's municipality code beside its name */
	COL_YEAR,     /* a spreadsheet's year */
	COL_AREA,     /* a spreadsheet's area */
	COL_MEASURE,  /* one measure a column (Talportal, spreadsheet) */
	COL_ROLES
};
/* The roles told from the content: COL_MUNI .. COL_VALUE. */
#define COL_CONTENT_ROLES (COL_VALUE + 1)

/* What one value looks like: bits (1u << enum col_role) of the content
 * roles. COL_LAW means it names a law or a paragraph; COL_PAR that it
 * names a paragraph (§). */
#define COL_LOOKS(role) (1u << (role))

struct col_sample {
	char *header;
	int hint; /* the content role the header names (enum col_role), or -1 */
	size_t n; /* non-empty values seen */
	size_t hits[COL_CONTENT_ROLES];
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
