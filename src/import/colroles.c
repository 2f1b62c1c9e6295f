/* colroles.c - the column roles of a long-format file, from what the
 * columns hold. */
#include "ankekort/import/colroles.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

/* A strong role (period, decision, municipality, value) needs this share of
 * a column's values; a law column names a law or § in half of them. */
#define STRONG 0.9
#define WEAK 0.5

void colroles_init(struct col_samples *s, const char *const *headers, size_t n, const int *hints)
{
	s->n = n;
	s->cols = xcalloc(n + 1, sizeof *s->cols);
	for (size_t i = 0; i < n; i++) {
		s->cols[i].header = xstrdup(headers[i]);
		s->cols[i].hint = hints ? hints[i] : -1;
	}
}

void colroles_add(struct col_samples *s, size_t col, const char *value, unsigned looks)
{
	if (col >= s->n || !value[0])
		return;
	struct col_sample *c = &s->cols[col];
	c->n++;
	for (int r = 0; r < COL_CONTENT_ROLES; r++)
		if (looks & COL_LOOKS(r))
			c->hits[r]++;
	if (c->n_examples == sizeof c->examples / sizeof c->examples[0])
		return;
	for (size_t k = 0; k < c->n_examples; k++)
		if (strcmp(c->examples[k], value) == 0)
			return;
	c->examples[c->n_examples++] = xstrdup(value);
}

void colroles_free(struct col_samples *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->cols[i].header);
		for (size_t k = 0; k < s->cols[i].n_examples; k++)
			free(s->cols[i].examples[k]);
	}
	free(s->cols);
	s->cols = NULL;
	s->n = 0;
}

const char *colroles_name(enum col_role r)
{
	static const char *const names[COL_CONTENT_ROLES] = {"municipality", "law",    "paragraph",
							     "decision",     "period", "value"};
	return r < COL_CONTENT_ROLES ? names[r] : "?";
}

/* The share of a column's values that look like the role; a column with no
 * values at all goes by its header. */
static double share(const struct col_sample *c, enum col_role r)
{
	if (c->n == 0)
		return c->hint == (int)r ? 1.0 : 0.0;
	return (double)c->hits[r] / (double)c->n;
}

static char *describe(const struct col_samples *s, size_t col)
{
	return xasprintf("%zu (%s)", col + 1, s->cols[col].header);
}

/* The one column for a strong role: the only candidate, or the only one
 * whose header names the role. */
static bool assign_strong(const struct col_samples *s, enum col_role r, bool *taken, int *plan,
			  char **why)
{
	int first = -1, second = -1, hinted = -1, n_hinted = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (taken[i] || share(&s->cols[i], r) < STRONG)
			continue;
		if (first < 0)
			first = (int)i;
		else if (second < 0)
			second = (int)i;
		if (s->cols[i].hint == (int)r) {
			hinted = (int)i;
			n_hinted++;
		}
	}
	if (first < 0) {
		/* a header that names the role still counts: its bad values are
		 * then reported row by row */
		for (size_t i = 0; i < s->n && first < 0; i++)
			if (!taken[i] && s->cols[i].hint == (int)r)
				first = (int)i;
		if (first < 0) {
			*why = xasprintf(_("no column holds what a %s column holds"),
					 colroles_name(r));
			return false;
		}
	}
	int pick = second < 0 ? first : n_hinted == 1 ? hinted : -1;
	if (pick < 0) {
		char *a = describe(s, (size_t)first), *b = describe(s, (size_t)second);
		*why = xasprintf(_("columns %s and %s could both be the %s"), a, b,
				 colroles_name(r));
		free(a);
		free(b);
		return false;
	}
	plan[r] = pick;
	taken[pick] = true;
	return true;
}

/* Law and paragraph: what is left and names a law or a §. Two such
 * columns: the one with more § (or named so) is the paragraph. */
static bool assign_law(const struct col_samples *s, bool *taken, int *plan, char **why)
{
	int cand[2] = {-1, -1}, n = 0;
	for (size_t i = 0; i < s->n && n < 2; i++) {
		const struct col_sample *c = &s->cols[i];
		bool hinted = c->hint == COL_LAW || c->hint == COL_PAR;
		if (!taken[i] && (hinted || share(c, COL_LAW) >= WEAK))
			cand[n++] = (int)i;
	}
	if (plan[COL_LAW] >= 0) { /* named by the user: at most a paragraph is left */
		if (plan[COL_PAR] < 0 && n > 0 && share(&s->cols[cand[0]], COL_PAR) >= WEAK)
			plan[COL_PAR] = cand[0];
		return true;
	}
	if (n == 0) {
		*why = xstrdup(_("no column names a law or a paragraph (§)"));
		return false;
	}
	if (plan[COL_PAR] >= 0 || n == 1) {
		plan[COL_LAW] = cand[0];
		return true;
	}
	const struct col_sample *a = &s->cols[cand[0]], *b = &s->cols[cand[1]];
	bool b_is_par =
		b->hint == COL_PAR || a->hint == COL_LAW ||
		(a->hint != COL_PAR && b->hint != COL_LAW && share(b, COL_PAR) > share(a, COL_PAR));
	plan[COL_LAW] = b_is_par ? cand[0] : cand[1];
	plan[COL_PAR] = b_is_par ? cand[1] : cand[0];
	return true;
}

bool colroles_assign(const struct col_samples *s, const int *forced, int *plan, char **why)
{
	*why = NULL;
	bool *taken = xcalloc(s->n + 1, sizeof *taken);
	for (int r = 0; r < COL_CONTENT_ROLES; r++) {
		plan[r] = forced ? forced[r] : -1;
		if (plan[r] >= 0 && (size_t)plan[r] < s->n)
			taken[plan[r]] = true;
	}
	static const enum col_role strong[] = {COL_PERIOD, COL_DECISION, COL_MUNI, COL_VALUE};
	bool ok = true;
	for (size_t k = 0; k < sizeof strong / sizeof strong[0] && ok; k++)
		if (plan[strong[k]] < 0)
			ok = assign_strong(s, strong[k], taken, plan, why);
	if (ok)
		ok = assign_law(s, taken, plan, why);
	free(taken);
	return ok;
}

/* ---- --columns ------------------------------------------------------------------------------- */

static bool role_of_name(const char *name, enum col_role *r)
{
	static const struct textfmt_name names[] = {
		{"municipality", COL_MUNI}, {"kommune", COL_MUNI},
		{"omraade", COL_MUNI},	    {"law", COL_LAW},
		{"lov", COL_LAW},	    {"lovgrundlag", COL_LAW},
		{"paragraph", COL_PAR},	    {"paragraf", COL_PAR},
		{"decision", COL_DECISION}, {"afgoerelse", COL_DECISION},
		{"period", COL_PERIOD},	    {"time", COL_PERIOD},
		{"tid", COL_PERIOD},	    {"periode", COL_PERIOD},
		{"value", COL_VALUE},	    {"indhold", COL_VALUE},
		{"count", COL_VALUE},	    {"antal", COL_VALUE},
	};
	int v;
	if (!textfmt_fold_lookup(name, names, sizeof names / sizeof names[0], &v))
		return false;
	*r = (enum col_role)v;
	return true;
}

static int column_of(const struct col_samples *s, const char *what)
{
	char *end;
	long n = strtol(what, &end, 10);
	if (end != what && *end == '\0')
		return n >= 1 && (size_t)n <= s->n ? (int)n - 1 : -1;
	for (size_t i = 0; i < s->n; i++)
		if (strcasecmp(s->cols[i].header, what) == 0)
			return (int)i;
	return -1;
}

bool colroles_parse_spec(const char *spec, const struct col_samples *s, int *forced, char **err)
{
	for (int r = 0; r < COL_CONTENT_ROLES; r++)
		forced[r] = -1;
	char *copy = xstrdup(spec), *save = NULL;
	bool ok = true;
	for (char *item = strtok_r(copy, ",", &save); item && ok;
	     item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		enum col_role r;
		if (!eq) {
			*err = xasprintf(_("--columns: expected ROLE=COLUMN, found \"%s\""), item);
			ok = false;
			break;
		}
		*eq = '\0';
		if (!role_of_name(item, &r)) {
			*err = xasprintf(_("--columns: unknown role \"%s\"; the roles are "
					   "municipality, law, "
					   "paragraph, decision, period and value"),
					 item);
			ok = false;
		} else if ((forced[r] = column_of(s, eq + 1)) < 0) {
			*err = xasprintf(
				_("--columns: %s=%s: the file has no such column (it has %zu)"),
				item, eq + 1, s->n);
			ok = false;
		}
	}
	free(copy);
	return ok;
}
