/* values.h - private to src/import: what the cells of a download mean
 * (values.c): the measures and decision types, periods, numbers (".." and
 * NA), municipality names, the laws numbered in a file, and the memos that
 * keep what a text was found to mean. The lowest stage: it includes no
 * other. The small helpers the reading calls for every row are inline. */
#ifndef ANKEKORT_IMPORT_VALUES_H
#define ANKEKORT_IMPORT_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ankekort/base/bytecmp.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/data/dataset.h"

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

/* What a row's law and paragraph texts mean in a year (cached: files
 * repeat them): the areas, whether it is the law as a whole or the total of
 * all laws, and the laws whose rules matched. Each text pair has a number,
 * part of the row's key. */
struct lawpar {
	unsigned mask, laws;
	int text_id; /* the texts' number in every year: part of the row's key */
	bool law_level, all_laws;
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

/* Law values numbered "N text" that name a law, as met in the file: the
 * law a numbered part ("N.M text") belongs to when its text names none.
 * law_names[N] (IMP_LAW_NUMBERS of them) gets a copy of the first. */
#define IMP_LAW_NUMBERS 256
void imp_note_law(char **law_names, const char *label);
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
enum decision imp_decision_of(const char *value);
enum meas imp_meas_of_decision(enum decision d);
bool imp_memo_find(struct memo *m, const char *key, size_t len, int *value);
/* key is len bytes long (and NUL-terminated): the value before, else the map */
static inline bool imp_memo_get(struct memo *m, const char *key, size_t len, int *value)
{
	for (int i = 0; i < IMP_MEMO_RECENT; i++) {
		const struct memo_recent *r = &m->recent[i];
		if (r->key && r->len == len && bytecmp_same(r->key, key, len)) {
			*value = r->value;
			return true;
		}
	}
	return imp_memo_find(m, key, len, value);
}
void imp_memo_put(struct memo *m, const char *key, size_t len, int value);
void imp_memo_free(struct memo *m);
void imp_note_once(struct sbuf *list, size_t *n, const char *what, int line);

#endif
