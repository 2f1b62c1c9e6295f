/* import.h - read the official files as downloaded (Statistikbanken CSV,
 * Ankestyrelsen's Talportal export, a spreadsheet saved from Danish Excel)
 * into canonical rows, one per (year, municipality, area).
 *
 * Nothing is dropped silently: every row that is not used is counted in the
 * report with a reason, and unknown municipalities and paragraphs are listed
 * with their line numbers. See docs/IMPORT.md. */
#ifndef ANKEKORT_IMPORT_H
#define ANKEKORT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ankekort/data/dataset.h"
#include "ankekort/base/diag.h"

enum import_format { IMPORT_AUTO, IMPORT_DST, IMPORT_TALPORTAL, IMPORT_SHEET };

/* The paragraph -> area table (datasets/areas.csv). */
struct area_rule {
	char *law;	 /* folded keyword, e.g. "servicelov" */
	char *paragraph; /* "41", "32a", "*" (any paragraph) or "" (the law as a whole) */
	enum ak_area area;
	int from, to; /* the years the rule is in force, inclusive; 0 = open */
	int law_id;   /* the same number for every rule of the same law (0-31) */
};

struct area_rules {
	struct area_rule *rules;
	size_t n;
};

/* What an import does with the rows below law level. */
enum import_pars {
	IMPORT_PARS_KEEP,  /* into res->pars */
	IMPORT_PARS_COUNT, /* only counted, into res->pars_counted; a file whose
			      groups are not together is marked res->pars_inexact */
	IMPORT_PARS_NONE,  /* left out (what reads the figures only) */
};

struct import_options {
	enum import_format format;
	enum import_pars pars;
	const char *source;	 /* overrides the source text, or NULL */
	const char *source_url;	 /* the rows' source address, or NULL */
	const char *source_date; /* the rows' source date (YYYY-MM-DD), or NULL */
	int year;		 /* sheet without a year column: 0 = required from the file */
	int area;		 /* sheet without an area column: -1 = required from the file */
	const struct area_rules *rules;
	const char *columns; /* Statistikbanken: "municipality=1,law=2,..." or NULL */
	/* law values known before reading (an API table's value list), or
	 * NULL: a numbered law among them ("6 Barnets lov") is the law of
	 * the numbered parts ("6.1 ...") wherever they come in the file */
	const char *const *law_values;
	size_t n_law_values;
};

struct import_result {
	enum import_format format;
	const char *encoding;
	struct ak_obs *obs; /* canonical rows; their strings are shared (strings) */
	size_t n_obs;
	/* the quarters of a quarterly table, kept as they are (quarters.h);
	 * strings owned */
	struct ak_quarter *quarters;
	size_t n_quarters;
	/* the rows below law level (paragraphs.csv); their strings are
	 * shared (strings) */
	struct ak_par *pars;
	size_t n_pars;
	/* the strings the figures (ak_obs.shared_texts) and the rows below
	 * law level point to, owned by the result */
	char **strings;
	size_t n_strings, cap_strings;
	size_t pars_counted;	 /* IMPORT_PARS_COUNT: the rows there would be */
	bool pars_inexact;	 /* IMPORT_PARS_COUNT: not counted, read with KEEP */
	struct diag_list report; /* warnings: what was skipped and why; errors: what failed */
	size_t rows_read, rows_used;
};

/* Loads datasets/areas.csv (or the built-in rules when path is NULL or
 * missing). Problems go to diags with file:line:column; with an error the
 * rules are incomplete and must not be used (import and fetch refuse). */
void area_rules_load(struct area_rules *r, const char *path, struct diag_list *diags);
void area_rules_free(struct area_rules *r);
/* Which areas a law/paragraph text counts for in a year (0: any year): a
 * bit per enum ak_area. *law_level is set when the text names a law without
 * a paragraph; *laws (when not NULL) gets a bit per law_id of the rules that
 * matched. */
unsigned area_rules_match(const struct area_rules *r, const char *law, const char *paragraph,
			  int year, bool *law_level, unsigned *laws);
/* What a law/paragraph text matches in the rules in some year, worked out
 * once (area_text_of); a year's areas then take no new reading of the text
 * (area_text_in): area_rules_match() is the two. */
struct area_text {
	uint64_t one;	/* a bit per rule (by index) when there are at most 64 */
	uint64_t *more; /* else (r->n + 63) / 64 words of them, owned */
	bool law_level; /* as area_rules_match() sets it */
};
/* Fills t (freed first: zero it before the first call). */
void area_text_of(const struct area_rules *r, const char *law, const char *paragraph,
		  struct area_text *t);
/* The areas (a bit per enum ak_area) of t's rules in force in the year (0:
 * any); *laws as in area_rules_match(). */
unsigned area_text_in(const struct area_rules *r, const struct area_text *t, int year,
		      unsigned *laws);
void area_text_free(struct area_text *t);
/* A number that is the same for two years exactly when the same rules are
 * in force in both (for caching what a text means in a year). */
int area_rules_epoch(const struct area_rules *r, int year);
/* The laws (bits per law_id) with rules for the area in force in the year. */
unsigned area_rules_laws(const struct area_rules *r, enum ak_area area, int year);
/* The law's first name in the rules, e.g. "servicelov", into buf. */
const char *area_rules_law_name(const struct area_rules *r, int law_id, char *buf, size_t size);

const char *import_format_name(enum import_format f);
bool import_format_parse(const char *s, enum import_format *out);
/* Reads one file; ds supplies the municipalities for name matching. Returns
 * false when the file could not be read or understood (see res->report). */
bool import_file(const char *path, const struct ak_dataset *ds, const struct import_options *o,
		 struct import_result *res);
/* The same for bytes already in memory, named path in the report. */
bool import_buffer(const char *buf, size_t len, const char *path, const struct ak_dataset *ds,
		   const struct import_options *o, struct import_result *res);
void import_result_free(struct import_result *res);
/* What a value looks like, for telling columns (or an API's variables)
 * apart: COL_LOOKS() bits of enum col_role (see colroles.h). */
unsigned import_value_looks(const struct ak_dataset *ds, const struct area_rules *rules,
			    const char *value);
/* True for a total label: "I alt", "Total" (any case). */
bool import_is_total(const char *label);
/* The year a period label names ("2024", "2024K3", "2024 - 3. kvartal"), or 0. */
int import_period_year(const char *label);

#endif
