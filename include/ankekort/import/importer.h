/* importer.h - private to the import layer: the importer's state shared by
 * its parts (importvalues.c, importcells.c, importread.c, importdetect.c
 * and the driver import.c). Nothing outside src/import includes it. */
#ifndef ANKEKORT_IMPORTER_H
#define ANKEKORT_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/import/colroles.h"
#include "ankekort/import/import.h"

/* ---- the aggregation --------------------------------------------------------------- */

enum meas {
	M_UPHELD,
	M_REMANDED,
	M_CHANGED,
	M_CASES,
	M_REVERSED,
	M_DISMISSED, /* dismissed or referred: beside the cases, never among them */
	M_RATE,
	M_REM_PCT,
	M_CHG_PCT,
	M_COUNT
};
enum level { LVL_PARAGRAPH, LVL_LAW, LVL_COUNT };

struct part {
	struct ak_num v[M_COUNT];
	bool suppressed[M_COUNT]; /* a ".." went into the value */
	bool missing[M_COUNT];	  /* an empty or NA cell went into the value */
	size_t rows;
};

struct cell {
	int year, code;
	enum ak_area area;
	struct part p[LVL_COUNT];	  /* [level]: the annual rows */
	struct part *quarters[LVL_COUNT]; /* [level][0-3]: made at a level's first quarter */
	int first_line;
	int level_line[LVL_COUNT]; /* the first row at each level */
	unsigned laws;		   /* the laws (area rule law_id bits) its rows came under */
	int conflict_line;	   /* a row repeated with another value: no figure */
};

/* A figure below law level (a paragraph or a Talportal topic): one per
 * period of its group (importpars.c), kept as a row of paragraphs.csv.
 * Small: a whole export holds a great many (32 bytes each). */
struct parcell {
	uint32_t v[M_RATE];	  /* the counts, by enum meas */
	uint8_t present, unknown; /* bits by enum meas: given; a ".." or NA went in */
	uint8_t mask;		  /* the areas of its text in its year; 0: no row came */
	bool conflict;		  /* a row repeated with another value: not imported */
	uint32_t first_line;
};
/* The figures of one municipality and law/paragraph text, annual or by
 * quarter: the files put the period innermost, so a group's rows come
 * together and its cells are one array by period. */
struct pargroup {
	uint64_t key;	       /* code, quarterly, text id (par_group_key) */
	struct parcell *cells; /* [period - lo] */
	uint32_t lo, n, cap;   /* the periods held: year, or year * 4 + quarter - 1 */
	uint8_t law;	       /* the first law (area rule law_id) of its text */
};
/* The texts a text id stands for: the law and the label as published;
 * the law as shown and the §§ named, worked out once at the end (not
 * when counting: importpars.c). */
struct partext {
	char *law, *label;
	char *law_shown, *paragraphs;
	uint32_t first_line; /* the first row of its first group */
	bool known;	     /* a text of the file */
	bool kept;	     /* a row of it is kept */
};

/* What long files repeat, looked up once: value -> result. Consecutive rows
 * mostly repeat one of the last few values (a run of decision types, say),
 * so those are checked first. */
#define IMP_MEMO_RECENT 4
struct memo {
	struct strmap map;
	struct memo_recent {
		char *key;
		size_t len;
		int value;
	} recent[IMP_MEMO_RECENT];
	unsigned next; /* the recent slot to replace */
};

#define IMP_LAST_EPOCHS 8
#define IMP_CELL_MEMO 64

struct importer {
	struct memo muni_cache, decision_cache, area_cache;
	struct memo text_ids; /* law and paragraph text, whatever the year -> number */
	int n_text_ids;
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
	struct lawpar *lawpars;	   /* what each law/paragraph text (and year) means */
	unsigned char epochs[256]; /* [year - 1900]: the area rules' epoch + 1, or 0 */
	struct last_lawpar {
		struct sbuf text; /* law then paragraph */
		size_t law_len, par_len;
		unsigned char epochs[IMP_LAST_EPOCHS]; /* [epoch % N]: epoch + 1, 0: none */
		int ids[IMP_LAST_EPOCHS];
	} last_lawpar;
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
	/* the figures below law level (importpars.c): groups of cells */
	struct pargroup *pgroups;
	size_t n_pgroups, cap_pgroups, last_pgroup; /* last_pgroup: index + 1 */
	struct hashtab pgroup_index;		    /* key -> index into pgroups */
	unsigned char *pseen;  /* counting: a row of pseen_bytes a text id (importpars.c) */
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

/* ---- header aliases ----------------------------------------------------------------- */

struct alias {
	const char *name; /* folded */
	enum col_role role;
	int meas; /* for COL_MEASURE */
};

struct header_map {
	int col[COL_ROLES]; /* first column of each role, -1 when none */
	int meas_col[M_COUNT];
	bool unknown;
};

/* ---- decision types (Statistikbanken) ---------------------------------------------------- */

enum decision {
	D_UNKNOWN,
	D_UPHELD,
	D_REMANDED,
	D_CHANGED,
	D_REVERSED,
	D_CASES,
	D_DISMISSED,  /* afvisning: kept as a count beside the rate (M_DISMISSED) */
	D_REFERRED,   /* henvisning: likewise, a key of its own */
	D_NOT_MERITS, /* bortfald: not decided on the merits, not used */
	D_TOTAL
};

/* ---- one used row ------------------------------------------------------------------------------ */

/* What a row's law and paragraph texts mean in a year (cached: files
 * repeat them): the areas, whether it is the law as a whole or the total of
 * all laws, and the laws whose rules matched. Each text pair has a number,
 * part of the row's key. */
struct lawpar {
	unsigned mask, laws;
	int text_id; /* the texts' number in every year: part of the row's key */
	bool law_level, all_laws;
};

/* ---- the three readers ------------------------------------------------------------------------------ */

/* Statistikbanken: the key columns before the period (municipality, law,
 * paragraph, decision) as the last row had them, one after another as
 * csvread stores a row's fields, with what they meant: a sorted file
 * repeats them for a run of periods, and one memcmp tells. */
struct dst_run {
	int lo, hi;  /* the first and last key column; lo > hi: not usable */
	bool usable; /* the period and the value are outside lo..hi */
	char *text;  /* the fields lo..hi with their NULs */
	size_t len, cap;
	enum decision d;
	int code;
	bool d_ok, code_ok, lawpar_ok; /* worked out for this text */
	unsigned char lp_epoch;	       /* lp_id's epoch + 1 (0: none): a used law/paragraph */
	int lp_id;
};

struct reader {
	struct importer *im;
	struct header_map map;
	bool failed;
	struct dst_run run;
};

/* ---- detection ------------------------------------------------------------------------------------- */

/* Where the text comes from: an open stream of UTF-8, read in blocks, a
 * buffer already in UTF-8, or rows made by rows(rows_ctx, ...) (an Excel
 * sheet unpivoted: xlsxpivot.h), each time it is read. */
struct text_src {
	FILE *f;
	const char *buf;
	size_t len;
	bool (*rows)(const void *rows_ctx, csv_row_fn fn, void *ctx);
	const void *rows_ctx;
};

/* the header aliases of each format (importvalues.c) */
struct alias_table {
	const struct alias *a;
	size_t n;
};
extern const struct alias_table imp_dst_aliases, imp_talportal_aliases, imp_sheet_aliases;

bool imp_word_in(const char *s, const char *w);
/* The numbering before a law value: "6 Barnets lov" -> 6, "6.1 Merudgifter"
 * -> 6 with *sub set, "110 1.9 Børn" (code and text) -> 1 with *sub; -1
 * when there is none. *rest (when not NULL) points after it. */
int imp_law_number(const char *s, bool *sub, const char **rest);
/* True when the folded text names some law ("lov", "act", "SEL"). */
bool imp_names_a_law(const char *folded);
/* Law values numbered "N text" that name a law, as met in the file: the
 * law a numbered part ("N.M text") belongs to when its text names none. */
#define IMP_LAW_NUMBERS 256
void imp_note_law(struct importer *im, const char *label);
int imp_municipality_of(struct importer *im, const char *value, size_t len, int line);
int imp_muni_resolve(const struct ak_dataset *ds, const char *value);
bool imp_period_text(const char *s, int *year, int *quarter);
/* A period: "2024", "2024K1", "2024 1. kvartal", "2024 2024" (code and
 * label); the common "2024" without a call. */
static inline bool imp_period_of(const char *s, int *year, int *quarter)
{
	/* each byte read only when the one before is a digit: s may be "" */
	if ((unsigned)(unsigned char)s[0] - '0' < 10 && (unsigned)(unsigned char)s[1] - '0' < 10 &&
	    (unsigned)(unsigned char)s[2] - '0' < 10 && (unsigned)(unsigned char)s[3] - '0' < 10 &&
	    s[4] == '\0') {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		*year = y;
		*quarter = 0;
		return y >= 1900 && y <= 2199; /* "0007" is no period */
	}
	return imp_period_text(s, year, quarter);
}
bool imp_value_text(const char *s, bool count, struct ak_num *out, bool *suppressed);
/* A plain count ("123", nothing else): true with *ok (false above what the
 * loader takes, csvload.c) and *out set; false when s is anything else. */
static inline bool imp_plain_count(const char *s, struct ak_num *out, bool *ok)
{
	if (*s < '0' || *s > '9')
		return false;
	long long v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && p - s < 12)
		v = v * 10 + (*p++ - '0');
	if (*p != '\0')
		return false;
	*out = (struct ak_num){.value = (double)v, .present = true};
	*ok = v <= 1000000000;
	return true;
}
/* A number as the files write it (imp_value_text); a plain count without a
 * call. */
static inline bool imp_value_of(const char *s, bool count, struct ak_num *out, bool *suppressed)
{
	bool ok;
	if (count && imp_plain_count(s, out, &ok)) {
		*suppressed = false;
		return ok;
	}
	return imp_value_text(s, count, out, suppressed);
}
const struct alias *imp_find_alias(const struct alias *a, size_t n, const char *name);
void imp_map_header(const struct csv_row *row, const struct alias *a, size_t n,
		    struct header_map *m, struct importer *im);
static inline const char *imp_field(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->fields[col] : "";
}
static inline size_t imp_field_len(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->lens[col] : 0;
}
char *imp_header_text(const struct csv_row *row);
enum decision imp_decision_of(const char *value);
enum meas imp_meas_of_decision(enum decision d);
bool imp_memo_find(struct memo *m, const char *key, size_t len, int *value);
/* key is len bytes long (and NUL-terminated): the value before, else the map */
static inline bool imp_memo_get(struct memo *m, const char *key, size_t len, int *value)
{
	for (int i = 0; i < IMP_MEMO_RECENT; i++) {
		const struct memo_recent *r = &m->recent[i];
		if (r->key && r->len == len && memcmp(r->key, key, len) == 0) {
			*value = r->value;
			return true;
		}
	}
	return imp_memo_find(m, key, len, value);
}
void imp_memo_put(struct memo *m, const char *key, size_t len, int value);
void imp_memo_free(struct memo *m);
struct cell *imp_cell_at(struct importer *im, int year, int code, enum ak_area area, int line);
void imp_put(struct part *p, enum meas m, struct ak_num v, bool suppressed);
/* A cell's part at a level for the year (quarter 0) or a quarter (1-4);
 * imp_part_get() gives an empty part for quarters never read. */
struct part *imp_part(struct cell *c, enum level lvl, int quarter);
const struct part *imp_part_get(const struct cell *c, enum level lvl, int quarter);
void imp_cells_free(struct importer *im);
void imp_note_once(struct sbuf *list, size_t *n, const char *what, int line);
/* A row's key: what it is a figure of without its period (group), the
 * decision type or reader (sub) and the period, numbered so that the next
 * period is one more (dupkeys.h). */
struct row_key {
	uint64_t group;
	unsigned sub, period;
};
static inline struct row_key imp_row_key(int year, int quarter, int code, int text, int decision)
{
	return (struct row_key){.group = 1ull << 63 | (uint64_t)(code & 0x3FF) << 35 |
					 (uint64_t)(text & 0xFFFFFFF) << 7,
				.sub = (unsigned)(decision & 0x7F) | (quarter ? 0x80u : 0u),
				.period = quarter ? (unsigned)(year * 4 + quarter - 1)
						  : (unsigned)year};
}
bool imp_first_time(struct importer *im, const struct csv_row *row, struct row_key key,
		    const int *key_cols, size_t n_key, const int *val_cols, size_t n_val, int year,
		    int code, unsigned mask);
/* ---- the figures below law level (importpars.c) ---------------------------------------------- */

/* The texts of a new text id: the law (or the law a numbered part belongs
 * to) and the part's label. */
void imp_par_texts(struct importer *im, int text_id, const char *law, const char *label);
/* The figure a row below law level adds to, or NULL when none is kept. */
struct parcell *imp_par_cell(struct importer *im, int year, int quarter, int code,
			     const struct lawpar *lp, int line);
/* Adds a count (measures from M_RATE on are not kept). */
static inline void imp_par_put(struct parcell *c, enum meas m, struct ak_num v, bool suppressed)
{
	if (!c || m >= M_RATE)
		return;
	if (suppressed || !v.present || (double)c->v[m] + v.value > 4e9) {
		c->unknown |= (uint8_t)(1u << m);
		return;
	}
	c->v[m] += (uint32_t)v.value;
	c->present |= (uint8_t)(1u << m);
}
/* A key repeated with another value: its row below law level is not kept. */
void imp_par_conflict(struct importer *im, int year, int quarter, int code, int text_id);
/* The rows below law level into res->pars, with the source and note of the
 * figures. */
void imp_pars_finish(struct importer *im, const char *source, const char *note);
void imp_pars_free(struct importer *im);

/* Figures whose paragraphs exceed the law's row: listed one by one up to
 * this many, then counted (importfile.c's summary). */
#define IMP_PARTS_OVER_LISTED 5
void imp_finish(struct importer *im);
/* The rows' source: --source, else named from the format and the file. */
char *imp_source_text(const struct importer *im);
/* The quarters of every cell that has them, as read (importquarters.c):
 * res->quarters, beside the years they are summed to. */
void imp_quarters(struct importer *im);
void imp_clear_caches(struct importer *im);
bool imp_dst_row(void *ctx, const struct csv_row *row);
void imp_reader_free(struct reader *r);
bool imp_any_measure(const struct header_map *m);
bool imp_talportal_row(void *ctx, const struct csv_row *row);
bool imp_sheet_row(void *ctx, const struct csv_row *row);
bool imp_read_csv(const struct text_src *src, const char *path, struct diag_list *diags,
		  csv_row_fn fn, void *ctx);
enum import_format imp_detect(struct importer *im, const struct text_src *src);

#endif
