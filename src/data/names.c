/* names.c - Danish-folded municipality name matching. */
#include "ankekort/data/names.h"
#include "ankekort/base/i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* Folded, without a trailing " kommune". Caller frees. */
static char *fold_name(const char *s)
{
	struct sbuf b = {0};
	textfmt_fold(&b, s);
	char *f = sbuf_take(&b);
	size_t n = strlen(f);
	const char *suffix = " kommune";
	size_t k = strlen(suffix);
	if (n > k && strcmp(f + n - k, suffix) == 0)
		f[n - k] = '\0';
	return f;
}

/* A query folded, the usual abbreviations written out: "KBH" and "Kbh."
 * are København, as Danish papers write it. Caller frees. */
static char *fold_query(const char *s)
{
	static const struct {
		const char *abbrev, *name;
	} abbrevs[] = {{"kbh", "k\xC3\xB8"
			       "benhavn"},
		       {"kbh.", "k\xC3\xB8"
				"benhavn"}};
	char *f = fold_name(s);
	for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (strcmp(f, abbrevs[i].abbrev) == 0) {
			free(f);
			return fold_name(abbrevs[i].name);
		}
	return f;
}

/* A looser form for people typing without Danish letters: "kobenhavn". */
static void loosen(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if ((r[0] == 'a' && (r[1] == 'a' || r[1] == 'e')) || (r[0] == 'o' && r[1] == 'e')) {
			*w++ = r[0];
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static bool is_national(const char *folded)
{
	static const char *const aliases[] = {"hele landet", "danmark",	 "danmark i alt",
					      "landsplan",   "national", "denmark"};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(folded, aliases[i]) == 0)
			return true;
	return false;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t *row = xmalloc((m + 1) * sizeof *row);
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[m];
	free(row);
	return d;
}

static char *closest_hint(const struct ak_dataset *ds, const char *q, const char *query)
{
	size_t best[3] = {(size_t)-1, (size_t)-1, (size_t)-1};
	int codes[3] = {-1, -1, -1};
	for (size_t i = 0; i < ds->n_munis; i++) {
		char *f = fold_name(ds->munis[i].name);
		size_t d = edit_distance(q, f);
		free(f);
		for (int k = 0; k < 3; k++) {
			if (d < best[k]) {
				for (int j = 2; j > k; j--) {
					best[j] = best[j - 1];
					codes[j] = codes[j - 1];
				}
				best[k] = d;
				codes[k] = ds->munis[i].code;
				break;
			}
		}
	}
	struct sbuf b = {0};
	sbuf_printf(&b, _("no municipality is called \"%s\""), query);
	for (int k = 0; k < 3 && codes[k] >= 0; k++)
		sbuf_printf(&b, "%s%s", k ? ", " : _("; closest: "),
			    dataset_muni(ds, codes[k])->name);
	return sbuf_take(&b);
}

static enum names_result by_code(const struct ak_dataset *ds, const char *query, int *code,
				 char **hint)
{
	long c = strtol(query, NULL, 10);
	if (strlen(query) <= 3 && dataset_muni(ds, (int)c)) {
		*code = (int)c;
		return NAMES_OK;
	}
	*hint = xasprintf(_("no municipality has the code %s"), query);
	return NAMES_UNKNOWN;
}

/* Exact, then loose, then prefix matches; -1 when none, -2 when several. */
static int match_stage(const struct ak_dataset *ds, const char *q, int stage, struct sbuf *names)
{
	int found = -1, count = 0;
	size_t qlen = strlen(q);
	for (size_t i = 0; i < ds->n_munis; i++) {
		const struct ak_municipality *m = &ds->munis[i];
		char *made = NULL; /* for a municipality not folded at load */
		const char *f = stage == 1 ? m->loose : m->folded;
		if (!f) {
			f = made = fold_name(m->name);
			if (stage == 1)
				loosen(made);
		}
		bool hit = stage == 2 ? strncmp(f, q, qlen) == 0 : strcmp(f, q) == 0;
		free(made);
		if (!hit)
			continue;
		sbuf_printf(names, "%s%s", count ? ", " : "", ds->munis[i].name);
		found = ds->munis[i].code;
		count++;
	}
	return count > 1 ? -2 : found;
}

/* True when the name ends in " Kommune" (any case). */
static bool names_kommune_form(const char *query)
{
	struct sbuf b = {0};
	textfmt_fold(&b, query);
	size_t n = b.len;
	bool yes = n > 8 && strcmp(sbuf_str(&b) + n - 8, " kommune") == 0;
	sbuf_free(&b);
	return yes;
}

/* The three stages (as typed, loosened, prefix) for a folded name. */
static enum names_result match_all(const struct ak_dataset *ds, const char *q, const char *query,
				   int *code, char **hint)
{
	for (int stage = 0; stage < 3 && q[0]; stage++) {
		struct sbuf names = {0};
		char *qs = xstrdup(q);
		if (stage == 1)
			loosen(qs);
		int found = match_stage(ds, qs, stage, &names);
		free(qs);
		enum names_result res = found >= 0    ? NAMES_OK
					: found == -2 ? NAMES_AMBIGUOUS
						      : NAMES_UNKNOWN;
		if (found >= 0)
			*code = found;
		else if (found == -2 && hint)
			*hint = xasprintf(_("\"%s\" could be %s"), query, sbuf_str(&names));
		sbuf_free(&names);
		if (found != -1)
			return res;
	}
	return NAMES_UNKNOWN;
}

/* The lookup, with the "closest:" hint only when asked for (it costs a
 * comparison with every name). */
static enum names_result lookup(const struct ak_dataset *ds, const char *query, int *code,
				char **hint)
{
	if (hint)
		*hint = NULL;
	if (strlen(query) > 200) {
		if (hint)
			*hint = xstrdup(
				_("a municipality name is not that long (more than 200 bytes)"));
		return NAMES_UNKNOWN;
	}
	if (all_digits(query)) {
		char *ignored = NULL;
		enum names_result r = by_code(ds, query, code, hint ? hint : &ignored);
		free(ignored);
		return r;
	}
	char *q = fold_query(query);
	enum names_result res = NAMES_UNKNOWN;
	if (is_national(q) && dataset_muni(ds, AK_NATIONAL_CODE)) {
		*code = AK_NATIONAL_CODE;
		free(q);
		return NAMES_OK;
	}
	res = match_all(ds, q, query, code, hint);
	/* "Københavns Kommune", the form the sources use: the genitive s */
	size_t qn = strlen(q);
	if (res == NAMES_UNKNOWN && qn > 1 && q[qn - 1] == 's' && names_kommune_form(query)) {
		q[qn - 1] = '\0';
		res = match_all(ds, q, query, code, hint);
		q[qn - 1] = 's';
	}
	if (res == NAMES_UNKNOWN && hint)
		*hint = closest_hint(ds, q, query);
	free(q);
	return res;
}

enum names_result names_resolve(const struct ak_dataset *ds, const char *query, int *code,
				char **hint)
{
	return lookup(ds, query, code, hint);
}

enum names_result names_lookup(const struct ak_dataset *ds, const char *query, int *code)
{
	return lookup(ds, query, code, NULL);
}

void names_fold_municipality(struct ak_municipality *m)
{
	free(m->folded);
	free(m->loose);
	m->folded = fold_name(m->name);
	m->loose = xstrdup(m->folded);
	loosen(m->loose);
}

void names_index_build(struct name_index *ix, const struct ak_dataset *ds)
{
	ix->n = ds->n_munis;
	ix->codes = xcalloc(ix->n + 1, sizeof *ix->codes);
	ix->folded = xcalloc(ix->n + 1, sizeof *ix->folded);
	ix->loose = xcalloc(ix->n + 1, sizeof *ix->loose);
	for (size_t i = 0; i < ix->n; i++) {
		ix->codes[i] = ds->munis[i].code;
		ix->folded[i] = fold_name(ds->munis[i].name);
		ix->loose[i] = xstrdup(ix->folded[i]);
		loosen(ix->loose[i]);
	}
}

void names_index_free(struct name_index *ix)
{
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->folded[i]);
		free(ix->loose[i]);
	}
	free(ix->codes);
	free(ix->folded);
	free(ix->loose);
	memset(ix, 0, sizeof *ix);
}

void names_fold_query(const char *query, char **folded, char **loose)
{
	*folded = fold_query(query);
	*loose = xstrdup(*folded);
	loosen(*loose);
}

bool names_index_contains(const struct name_index *ix, int code, const char *folded,
			  const char *loose)
{
	/* a code ("751") finds its municipality */
	if (all_digits(folded)) {
		char digits[16];
		snprintf(digits, sizeof digits, "%d", code);
		return code != AK_NATIONAL_CODE &&
		       strcmp(digits, folded + strspn(folded, "0")) == 0;
	}
	for (size_t i = 0; i < ix->n; i++)
		if (ix->codes[i] == code)
			return strstr(ix->folded[i], folded) || strstr(ix->loose[i], loose);
	return false;
}
