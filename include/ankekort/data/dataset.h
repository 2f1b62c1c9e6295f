/* dataset.h - the figures in memory: municipalities, observations (one per
 * municipality, area, year and source) and remanded-case records.
 *
 * A struct dataset owns every array and string it points to; free it with
 * dataset_free(). Nothing here is derived: values are kept as published, with
 * the number of decimals they were printed with. */
#ifndef ANKEKORT_DATASET_H
#define ANKEKORT_DATASET_H

#include <stdbool.h>
#include <stddef.h>

#define AK_NATIONAL_CODE 0

enum ak_area { AREA_GENERELT, AREA_BOERNEHANDICAP, AREA_VOKSENHANDICAP, AREA_COUNT };

/* Publisher kinds in the order the default row is chosen (first wins): the
 * figures published on the map (by the ministry, or quoted from it by a
 * municipality's paper or the press) before figures worked out from counts
 * downloaded later (Statistikbanken, the Talportal: "statistics"), which
 * Ankestyrelsen revises. docs/DATA.md has the rule. */
enum ak_source_kind {
	SOURCE_MINISTRY,
	SOURCE_MUNICIPALITY,
	SOURCE_PRESS,
	SOURCE_STATISTICS,
	SOURCE_KIND_COUNT
};

/* Where a row was read: the shipped datasets (read-only reference data) or
 * the user's own data directory (what import, fetch and comments wrote). */
enum ak_layer { LAYER_SHIPPED, LAYER_USER, LAYER_COUNT };

enum ak_outcome {
	OUTCOME_NONE, /* no outcome stated (a summary record) */
	OUTCOME_NEW_DECISION,
	OUTCOME_UPHELD,
	OUTCOME_WITHDRAWN,
	OUTCOME_APPEALED_AGAIN,
	OUTCOME_UNKNOWN,
	OUTCOME_COUNT
};

enum ak_record_kind { RECORD_STORY, RECORD_TALLY, RECORD_SUMMARY, RECORD_KIND_COUNT };

/* A published number, exactly as printed: 38.5 has decimals 1, 39 has 0. */
struct ak_num {
	double value;
	int decimals;
	bool present;
};

struct ak_municipality {
	int code;
	char *name;
	char *region; /* "" for the national row */
	/* the name folded once for matching (names_fold_municipality), or NULL */
	char *folded, *loose;
	double lat, lon;
	bool has_centroid;
};

struct ak_source {
	char *text; /* publisher: document */
	enum ak_source_kind kind;
	char *date; /* YYYY, YYYY-MM or YYYY-MM-DD; "" when unknown */
	char *url;  /* "" when none */
};

/* The published numbers of a row, defined once, in the order of the year
 * files' columns (each column is named as its field): X(field, kind) with
 * kind COUNT (cases), PCT (a percentage) or YEAR (the year another figure
 * is for). dismissed counts the appeals dismissed or referred (afvist,
 * henvist): not decided on the merits, never part of cases or the rate.
 * struct ak_obs, the loader, the merge writer, the comparisons
 * and the disagreement check all follow this list (ak_obs_numbers). */
/* clang-format off */
#define AK_OBS_NUMBERS(X)                                                                   \
	X(cases, COUNT) X(upheld, COUNT) X(remanded, COUNT) X(changed, COUNT)              \
	X(reversed, COUNT) X(rate_pct, PCT) X(remanded_pct, PCT) X(changed_pct, PCT)       \
	X(upheld_pct, PCT) X(decisions_total, COUNT) X(dst_benefits, COUNT)                \
	X(dst_benefits_year, YEAR) X(dismissed, COUNT)
/* clang-format on */

enum ak_num_kind { AK_NUM_COUNT, AK_NUM_PCT, AK_NUM_YEAR };

struct ak_obs {
	int year;
	int code;
	enum ak_area area;
	char *scope; /* "" = the whole municipality; else the part the figure covers */
#define AK_OBS_NUM_FIELD(field, kind) struct ak_num field;
	AK_OBS_NUMBERS(AK_OBS_NUM_FIELD)
#undef AK_OBS_NUM_FIELD
	struct ak_source source;
	char *note;
	const char *path; /* where the row was read: one of ds->files */
	int line;
	enum ak_layer layer;
	bool is_default;   /* the row shown for (year, code, area); see dataset_choose_defaults */
	bool inconsistent; /* set by stats_analyse: its figures do not add up */
	bool disagrees;	   /* set by stats_analyse: the sources for this figure publish different
			      figures (set on every row of the figure) */
	bool other_inconsistent; /* set by stats_analyse: another source's row for this figure
				    does not add up */
};

/* The numbers of AK_OBS_NUMBERS as a table, for code that walks them. */
struct ak_obs_field {
	const char *name; /* the column's name */
	size_t offset;	  /* of its struct ak_num in struct ak_obs */
	enum ak_num_kind kind;
};
#define AK_OBS_NUM_COUNT_(field, kind) +1
enum { AK_OBS_N_NUMBERS = 0 AK_OBS_NUMBERS(AK_OBS_NUM_COUNT_) };
#undef AK_OBS_NUM_COUNT_
extern const struct ak_obs_field ak_obs_numbers[AK_OBS_N_NUMBERS];
/* Number i of row o (i < AK_OBS_N_NUMBERS). */
/* Number i in words, in the interface language ("the reversal rate"), for
 * messages; the column name (rate_pct) stays for data files. */
const char *ak_obs_number_words(size_t i);
struct ak_num ak_obs_num(const struct ak_obs *o, size_t i);
struct ak_record;
/* The strings a row owns, the text fields of AK_OBS_TEXTS and its source:
 * ak_obs_copy() duplicates them, ak_obs_free() frees them. */
#define AK_OBS_TEXTS(X) X(scope) X(note)
void ak_obs_copy(struct ak_obs *to, const struct ak_obs *from);
void ak_obs_free(struct ak_obs *o);
void ak_record_free(struct ak_record *r);
/* Whether two rows publish the same numbers, every one of them. */
bool ak_obs_same_numbers(const struct ak_obs *a, const struct ak_obs *b);
/* The same, but for the numbers i whose bit (1u << i) is set in skip. */
bool ak_obs_same_numbers_but(const struct ak_obs *a, const struct ak_obs *b, unsigned skip);

struct ak_record {
	int year;
	int code;
	int area; /* enum ak_area, or -1 for all areas */
	char *scope;
	enum ak_record_kind kind;
	struct ak_num count;
	enum ak_outcome outcome;
	char *summary, *reason, *note;
	struct ak_source source;
	const char *path; /* one of ds->files */
	int line;
};

/* A link to the ministry's danmarkskort for one area and year, as a
 * source document cites it (maps.csv). */
struct ak_maplink {
	int year;
	enum ak_area area;
	char *url;
	char *source;	  /* the document that cites the address */
	const char *path; /* one of ds->files */
	int line;
};

/* A municipality's own comment on its figures, as published beside the
 * ministry's maps (comments.csv). */
struct ak_comment {
	int year;
	int code;
	int area; /* enum ak_area, or -1 for every area */
	char *text;
	struct ak_source source; /* kind: municipality; date and url "" when unknown */
	const char *path;	 /* one of ds->files */
	int line;
};

/* One quarter's counts between the maps (quarters.csv in the user's data,
 * from imports of quarterly tables): preliminary, kept apart from the year
 * files' figures and never summed into them. */
struct ak_quarter {
	int year, quarter; /* quarter 1-4 */
	int code;
	enum ak_area area;
	struct ak_num cases, upheld, remanded, changed, reversed, dismissed;
	struct ak_source source;
	char *note;
	const char *path; /* one of ds->files */
	int line;
};
void ak_quarter_free(struct ak_quarter *q);

struct reg;

struct ak_dataset {
	char *shipped_dir;     /* the shipped datasets loaded, or NULL (--no-shipped, none found) */
	char *user_dir;	       /* the user's data (a directory or one file) loaded, or NULL */
	const struct reg *reg; /* the register of remanded cases (register.h): borrowed, or NULL */
	char **files;	       /* every file read, as named in messages */
	size_t n_files;
	struct ak_municipality *munis; /* sorted by code; the national row (code 0) first */
	size_t n_munis;
	struct ak_obs *obs; /* in file order: by year, then line */
	size_t n_obs, cap_obs;
	struct ak_record *records;
	size_t n_records, cap_records;
	struct ak_maplink *maps;
	size_t n_maps, cap_maps;
	struct ak_comment *comments;
	size_t n_comments, cap_comments;
	struct ak_quarter *quarters; /* in file order */
	size_t n_quarters, cap_quarters;
	int *years; /* ascending, one per loaded year file */
	size_t n_years;
	int *index; /* [year slot][code][area] -> default obs, or -1; built by dataset_choose_defaults */
};

#define AK_MAX_CODE 999

/* The importer's note on a figure whose area spans two laws in its year
 * (børnehandicap from 2024: serviceloven and barnets lov) when the file had
 * rows under only one of them: "... filen har ingen efter barnets lov ...".
 * stats_flags() turns it into FLAG_ONE_LAW_ONLY. */
#define AK_NOTE_ONE_LAW "filen har ingen efter"
/* How the importer's note on every row it makes begins ("Importeret fra
 * FILE (...)"); a row of kind "ministry" with it was written by ankekort
 * 0.1 and is read as "statistics" (counts downloaded, not the map). */
#define AK_NOTE_IMPORTED "Importeret fra "

const char *area_id(enum ak_area area);	   /* "generelt" ... */
const char *area_label(enum ak_area area); /* "Generelt", "Børnehandicap" ... */
bool area_parse(const char *s, enum ak_area *out);
/* An area as people write it: the id, the Danish name in any case and
 * with or without Danish letters ("Børnehandicap", "boernehandicap",
 * "Socialområdet generelt"), or 1-3. */
bool area_parse_name(const char *s, enum ak_area *out);
const char *source_kind_id(enum ak_source_kind kind);
bool source_kind_parse(const char *s, enum ak_source_kind *out);
const char *outcome_label(enum ak_outcome o);
bool outcome_parse(const char *s, enum ak_outcome *out);
bool record_kind_parse(const char *s, enum ak_record_kind *out);

const struct ak_municipality *dataset_muni(const struct ak_dataset *ds, int code);
/* The default row for (year, code, area), or NULL when nothing is published. */
const struct ak_obs *dataset_find(const struct ak_dataset *ds, int year, int code,
				  enum ak_area area);
/* Every whole-municipality row for the key, default first; returns the count
 * stored into out (at most max). */
size_t dataset_find_all(const struct ak_dataset *ds, int year, int code, enum ak_area area,
			const struct ak_obs **out, size_t max);
bool dataset_has_year(const struct ak_dataset *ds, int year);
/* Adds a year to ds->years (kept ascending) unless it is there. */
void dataset_add_year(struct ak_dataset *ds, int year);
/* Marks one default row per (year, code, area) among rows without scope:
 * ministry before municipality before press, then the newer source date, then
 * the earlier row in the file. */
void dataset_choose_defaults(struct ak_dataset *ds);
void dataset_free(struct ak_dataset *ds);

#endif
