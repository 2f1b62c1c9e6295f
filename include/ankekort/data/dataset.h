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
#include <stdint.h>

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
	bool one_law_only; /* its area spans two laws, its rows came under one (AK_NOTE_ONE_LAW) */
	/* scope, note and source belong to the rows' file, not to the row: an
	 * import's (import_result.strings), then its dataset's (texts) */
	bool shared_texts;
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
 * ak_obs_free() frees them (a row moved keeps them: dataload.c), unless
 * they are shared_texts. */
#define AK_OBS_TEXTS(X) X(scope) X(note)
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

/* One row below law level (paragraphs.csv): a paragraph, or a topic of
 * the Talportal (sagsemne), as a source publishes it. A row may give only
 * some counts (Norddjurs 2023 publishes reversed cases only). */
struct ak_par {
	int year;
	int quarter; /* 1-4, or 0 for the year */
	int code;
	char *law;	  /* the law as the source names it: "Serviceloven" */
	char *label;	  /* the paragraph or topic as published: "§§ 52, stk. 3 og 55" */
	char *paragraphs; /* the §§ it names, space-separated ("52 55", "44 45"); "" none */
	unsigned areas;	  /* bits of enum ak_area the row counts for */
	struct ak_num cases, upheld, remanded, changed, reversed, dismissed;
	struct ak_source source;
	char *note;
	const char *path; /* one of ds->files */
	int line;
	enum ak_layer layer;
};

/* A municipality's own unit (forvaltning, center, område) and the §§ it
 * handles (units.csv, the user's data only). */
struct ak_unit {
	int code;	  /* the municipality, or -1 for every one */
	char *name;	  /* "Sundhed & Omsorg" */
	char *law;	  /* folded law name to match, "" for any law */
	char *paragraphs; /* space-separated, as struct ak_par's; "" for none */
	const char *path;
	int line;
};

/* A rule of the area table (areas.csv) as the data knows it: which
 * paragraph of which law counts for an area in which years. */
struct ak_area_par {
	char *law;	 /* the law's first name in the rules: "servicelov" */
	char *paragraph; /* "41", "*" (any) or "" (the law as a whole) */
	enum ak_area area;
	int from, to; /* 0 = open */
};

/* A rule of the § 79 b cycle (cycle_rules.csv): what the law asks of the
 * council after the maps are published, from when to when. cyclerules.h
 * says which rule binds which year's maps. */
enum ak_rule_kind {
	RULE_DISCUSS,	   /* stk. 1: discuss the maps at a meeting */
	RULE_DECIDE_PLAN,  /* stk. 2, 1. pkt.: decide whether an action plan is needed */
	RULE_TELL_NO_PLAN, /* stk. 2, 2. pkt.: no plan: tell Ankestyrelsen */
	RULE_ORDER_PLAN,   /* stk. 3: Ankestyrelsen may order a plan, with a deadline */
	RULE_KIND_COUNT
};

enum ak_deadline {
	DEADLINE_YEAR_END, /* by the end of the year the maps are published */
	DEADLINE_NONE,	   /* the law sets no date */
	DEADLINE_SET,	   /* Ankestyrelsen sets it */
	DEADLINE_COUNT
};

struct ak_rule {
	enum ak_rule_kind kind;
	char *provision;     /* "retssikkerhedsloven § 79 b, stk. 1" */
	char valid_from[11]; /* YYYY-MM-DD; "" in force before the table's first map */
	char valid_to[11];   /* YYYY-MM-DD, the last day; "" still in force */
	enum ak_deadline deadline;
	struct ak_source source;
	char *note;
	const char *path; /* one of ds->files */
	int line;
};

/* Something that happened which a reader of the figures should know
 * (events.csv): a law in force, a principle decision, a reorganisation. */
enum ak_event_kind {
	EVENT_LAW,	/* a law or provision in force */
	EVENT_DECISION, /* a principle decision (principafgørelse) */
	EVENT_REORG,	/* a reorganisation */
	EVENT_TASKFORCE,
	EVENT_DATA_BREAK, /* the figures before and after are not comparable */
	EVENT_OTHER,
	EVENT_KIND_COUNT
};

struct ak_event {
	int code; /* AK_NATIONAL_CODE: every municipality */
	char date[11];
	enum ak_event_kind kind;
	char *text;
	struct ak_source source;
	const char *path; /* one of ds->files */
	int line;
	enum ak_layer layer;
};

struct reg;
struct cycle;
struct ak_facts;

struct ak_dataset {
	char *shipped_dir;     /* the shipped datasets loaded, or NULL (--no-shipped, none found) */
	char *user_dir;	       /* the user's data (a directory or one file) loaded, or NULL */
	const struct reg *reg; /* the register of remanded cases (register.h): borrowed, or NULL */
	const struct cycle *cycle; /* the § 79 b cycle record (cycle.h): borrowed, or NULL */
	char **files;		   /* every file read, as named in messages */
	size_t n_files;
	char **texts; /* what rows with shared_texts point to: an import's strings (dataload.c) */
	size_t n_texts;
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
	struct ak_quarter *quarters; /* quarters.csv, in file order */
	size_t n_quarters, cap_quarters;
	struct ak_par *pars; /* paragraphs.csv rows, both layers, in file order */
	bool pars_unread;    /* set before loading: paragraphs.csv is not read (print) */
	size_t n_pars, cap_pars;
	struct ak_unit *units; /* units.csv */
	size_t n_units, cap_units;
	struct ak_area_par *area_pars; /* the area rules in force (dataload), or none */
	size_t n_area_pars;
	struct ak_rule *rules; /* the § 79 b cycle's rules (shipped) */
	size_t n_rules, cap_rules;
	struct ak_event *events; /* in file order, the shipped first */
	size_t n_events, cap_events;
	int *years; /* ascending, one per loaded year file */
	size_t n_years;
	/* [year slot][code's column][area] -> default obs, or -1; built by
	 * dataset_choose_defaults, with a column for each code a row has
	 * (code_col: by code, the column, or -1) */
	int *index;
	int16_t *code_col;
	size_t n_code_cols;
	struct ak_facts *facts; /* every figure's facts (data/facts.h), or NULL */
	size_t n_facts;
	int *facts_at; /* [slot] -> facts, or -1 */
};

#define AK_MAX_CODE 999

/* The importer's note on a figure whose area spans two laws in its year
 * (børnehandicap from 2024: serviceloven and barnets lov) when the file had
 * rows under only one of them: "... filen har ingen efter barnets lov ...".
 * The importer and the loader set the row's one_law_only with it. */
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
const char *rule_kind_id(enum ak_rule_kind k);
bool rule_kind_parse(const char *s, enum ak_rule_kind *out);
bool deadline_parse(const char *s, enum ak_deadline *out);
const char *event_kind_id(enum ak_event_kind k);
const char *event_kind_label(enum ak_event_kind k); /* translated */
bool event_kind_parse(const char *s, enum ak_event_kind *out);
const char *source_kind_id(enum ak_source_kind kind);
bool source_kind_parse(const char *s, enum ak_source_kind *out);
const char *outcome_label(enum ak_outcome o);
bool outcome_parse(const char *s, enum ak_outcome *out);
bool record_kind_parse(const char *s, enum ak_record_kind *out);

const struct ak_municipality *dataset_muni(const struct ak_dataset *ds, int code);
/* The default row for (year, code, area), or NULL when nothing is published. */
const struct ak_obs *dataset_find(const struct ak_dataset *ds, int year, int code,
				  enum ak_area area);
/* Where (year, code, area) is in the index: from 0 to dataset_slots(), or
 * -1 for a year not loaded, a code without a row or a key out of range. */
long dataset_slot(const struct ak_dataset *ds, int year, int code, enum ak_area area);
size_t dataset_slots(const struct ak_dataset *ds);
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
