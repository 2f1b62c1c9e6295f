/* importer.h - private to src/import: the state of one import, which the
 * stages fill in turn (docs/HACKING.md, "The importer"): what they have
 * read, counted and kept. The state only: each stage's types and functions
 * are in its own header beside its file (decode.h, columns.h, detect.h,
 * read.h, values.h, cells.h, parcells.h, quartercells.h). Above values.h
 * (the memos it holds), below every other stage. */
#ifndef ANKEKORT_IMPORT_IMPORTER_H
#define ANKEKORT_IMPORT_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/base/dupkeys.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/colroles.h"
#include "ankekort/import/import.h"
#include "values.h"

struct cell;	 /* cells.h */
struct pargroup; /* parcells.h */
struct partext;	 /* parcells.h */

#define IMP_LAST_EPOCHS 8
#define IMP_LAST_TEXTS 512
#define IMP_CELL_MEMO 64

struct importer {
	struct memo muni_cache, decision_cache, area_cache;
	struct memo text_ids; /* law and paragraph text, whatever the year -> number */
	int n_text_ids;
	struct text_rules {
		struct area_text t; /* what the texts match in the rules in any year */
		const char *parent; /* the law of a numbered part they were read under */
		bool made;
	} * text_rules; /* [text number] */
	size_t cap_text_rules;
	const struct ak_dataset *ds;
	const struct import_options *o;
	struct import_result *res;
	const char *path;
	struct cell *cells;
	size_t n_cells, cap_cells;
	struct hashtab cell_index; /* (year, code, area) -> index into cells */
	/* what was passed over, for the report */
	size_t suppressed, not_merits, totals, no_area, bad_values, regions, dismissed;
	int first_suppressed, first_not_merits, first_total, first_no_area, first_dismissed;
	struct sbuf unknown_names; /* "name (line N)" list */
	size_t n_unknown;
	struct sbuf unmatched; /* paragraph texts without an area */
	size_t n_unmatched;
	struct lawpar *lawpars; /* what each law/paragraph text (and year) means */
	/* [year - 1900]: the area rules' epoch + 1, or 0; never cut short (in a
	 * byte, a year 200 rule boundaries on took another year's meanings) */
	unsigned epochs[256];
	/* law and paragraph texts met lately, by a hash of them: what they
	 * mean in an epoch, without the memo's look-up */
	struct last_lawpar {
		struct sbuf text; /* law then paragraph */
		size_t law_len, par_len;
		unsigned epochs[IMP_LAST_EPOCHS]; /* [slot of the epoch]: epoch + 1, 0: none */
		int ids[IMP_LAST_EPOCHS];
	} * last_lawpar;	       /* [IMP_LAST_TEXTS], made at the first texts */
	struct last_lawpar *last_text; /* the last call's texts (area_info) */
	struct cell_memo {
		uint64_t key;
		size_t i;
	} cell_memo[IMP_CELL_MEMO]; /* recent cells by key: a sorted file cycles years */
	size_t n_lawpar, cap_lawpar;
	struct dupkeys keys;	   /* every key seen, to catch repeats */
	size_t repeats, conflicts; /* repeated keys: identical, and differing */
	size_t parts_over;	   /* figures whose paragraphs exceed the law's row */
	int first_parts_over;
	int plan[COL_CONTENT_ROLES]; /* Statistikbanken: the column of each role */
	/* the figures below law level (parcells.c): groups of cells */
	struct pargroup *pgroups;
	size_t n_pgroups, cap_pgroups, last_pgroup; /* last_pgroup: index + 1 */
	struct hashtab pgroup_index;		    /* key -> index into pgroups */
	unsigned char *pseen;  /* counting: a row of pseen_bytes a text id (parcells.c) */
	uint16_t *pseen_index; /* counting: [code] -> municipality number + 1 (0: none) */
	size_t n_pseen, pseen_bytes;
	char **plabels; /* counting: [text id] the label of a text naming no § */
	size_t n_plabels;
	size_t pcells_counted;	/* counting: cells with a figure of the groups done */
	bool pcount_inexact;	/* counting: a group came again after it was done */
	struct partext *ptexts; /* [text id] */
	size_t n_ptexts;
	char *law_names[256]; /* [N]: the law value numbered N (imp_note_law) */
};

/* s, made with malloc, given to the result: its rows may share it
 * (import_result.strings). Returns s. */
static inline char *imp_keep(struct import_result *res, char *s)
{
	if (res->n_strings == res->cap_strings) {
		res->cap_strings = res->cap_strings ? res->cap_strings * 2 : 16;
		res->strings = xreallocarray(res->strings, res->cap_strings, sizeof *res->strings);
	}
	res->strings[res->n_strings++] = s;
	return s;
}
/* What every figure and row below law level of a file says alike, made
 * once (imp_finish) and kept by the result. */
struct file_texts {
	char *source, *date, *url;
	char *note;  /* the note every figure's begins with */
	char *empty; /* "": scope, and date or url when not given */
};

#endif
