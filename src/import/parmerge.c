/* parmerge.c - add imported rows below law level to DIR/paragraphs.csv,
 * as merge.c adds figures to the year files: nothing destroyed, identical
 * rows skipped, a differing row from the same source kept as a conflict. */
#include "ankekort/import/parmerge.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/csvwrite.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/parload.h"
#include "ankekort/import/csvappend.h"

static const char *const canonical[] = {
	"year",	  "quarter",	 "code",	"kommune",    "law",	 "label",    "paragraphs",
	"areas",  "cases",	 "upheld",	"remanded",   "changed", "reversed", "dismissed",
	"source", "source_kind", "source_date", "source_url", "note"};
#define N_CANONICAL (sizeof canonical / sizeof canonical[0])

static void put_count(struct sbuf *b, struct ak_num n)
{
	if (n.present)
		sbuf_printf(b, "%.0f", n.value);
}

static void column_value(struct sbuf *b, const struct ak_par *p, const struct ak_dataset *ds,
			 const char *col, char delim)
{
	static const char *const counts[] = {"cases",	"upheld",   "remanded",
					     "changed", "reversed", "dismissed"};
	const struct ak_num nums[] = {p->cases,	  p->upheld,   p->remanded,
				      p->changed, p->reversed, p->dismissed};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strcasecmp(col, counts[i]) == 0) {
			put_count(b, nums[i]);
			return;
		}
	if (strcasecmp(col, "year") == 0) {
		sbuf_printf(b, "%d", p->year);
	} else if (strcasecmp(col, "quarter") == 0) {
		if (p->quarter)
			sbuf_printf(b, "%d", p->quarter);
	} else if (strcasecmp(col, "code") == 0) {
		sbuf_printf(b, "%d", p->code);
	} else if (strcasecmp(col, "areas") == 0) {
		char *a = par_areas_text(p->areas);
		sbuf_puts(b, a);
		free(a);
	} else if (strcasecmp(col, "source_kind") == 0) {
		sbuf_puts(b, source_kind_id(p->source.kind));
	} else {
		const struct ak_municipality *m = dataset_muni(ds, p->code);
		const char *text = strcasecmp(col, "kommune") == 0	 ? (m ? m->name : "")
				   : strcasecmp(col, "law") == 0	 ? p->law
				   : strcasecmp(col, "label") == 0	 ? p->label
				   : strcasecmp(col, "paragraphs") == 0	 ? p->paragraphs
				   : strcasecmp(col, "source") == 0	 ? p->source.text
				   : strcasecmp(col, "source_date") == 0 ? p->source.date
				   : strcasecmp(col, "source_url") == 0	 ? p->source.url
				   : strcasecmp(col, "note") == 0	 ? p->note
									 : "";
		csv_put_field(b, text, delim);
	}
}

static bool same_num(struct ak_num a, struct ak_num b)
{
	return a.present == b.present && (!a.present || a.value == b.value);
}

static bool same_counts(const struct ak_par *a, const struct ak_par *b)
{
	return same_num(a->cases, b->cases) && same_num(a->upheld, b->upheld) &&
	       same_num(a->remanded, b->remanded) && same_num(a->changed, b->changed) &&
	       same_num(a->reversed, b->reversed) && same_num(a->dismissed, b->dismissed);
}

/* The target's row for the same paragraph, period and source (the target
 * is loaded as the user's layer, without the shipped figures). */
static const struct ak_par *find_row(const struct ak_dataset *ds, const struct hashtab *index,
				     const struct ak_par *p, const char *source)
{
	size_t pos = 0;
	uint64_t i;
	while (hashtab_next(index, par_identity(p, source), &pos, &i))
		if (par_same_identity(&ds->pars[i], p, source))
			return &ds->pars[i];
	return NULL;
}

/* The source a differing row is kept under: naming the row it conflicts
 * with, the last of a chain; NULL when an identical version is there. */
static char *conflict_source(const struct ak_dataset *ds, const struct hashtab *index,
			     const struct ak_par *p, const struct ak_par *e)
{
	for (;;) {
		char *s = xasprintf("%s (conflicts with paragraphs.csv line %d)", p->source.text,
				    e->line);
		const struct ak_par *again = find_row(ds, index, p, s);
		if (!again || again == e)
			return s;
		if (same_counts(again, p)) {
			free(s);
			return NULL;
		}
		free(s);
		e = again;
	}
}

static void say_added(FILE *report, size_t n, const char *path, bool dry_run)
{
	diag_sayf(report,
		  dry_run ? ngettext("would add %zu paragraph row to %s\n",
				     "would add %zu paragraph rows to %s\n", n)
			  : ngettext("adding %zu paragraph row to %s\n",
				     "adding %zu paragraph rows to %s\n", n),
		  n, path);
}

void parmerge_say_counted(const char *dir, size_t n, FILE *report, struct parmerge_stats *st)
{
	memset(st, 0, sizeof *st);
	st->added = n;
	if (!n)
		return;
	char *path = xasprintf("%s/paragraphs.csv", dir);
	say_added(report, n, path, true);
	free(path);
}

/* What the rows added are: which (a byte each), under what source a
 * conflicting one is, in the file's columns. */
struct new_rows {
	const struct csv_append *pf;
	const struct ak_dataset *existing;
	const struct ak_par *pars;
	size_t n;
	const unsigned char *add;
	char *const *sources;
};

/* The rows, in the file's column order, to f: a block at a time (a failed
 * write leaves f's error set, which the commit reports). */
static void write_rows(const void *ctx, FILE *f)
{
	const struct new_rows *w = ctx;
	const struct csv_append *pf = w->pf;
	struct sbuf rows = {0};
	bool ok = true;
	for (size_t i = 0; i < w->n && ok; i++) {
		if (!w->add[i])
			continue;
		struct ak_par row = w->pars[i];
		if (w->sources[i])
			row.source.text = w->sources[i];
		for (size_t c = 0; c < pf->ncols; c++) {
			if (c)
				sbuf_putc(&rows, pf->delim);
			column_value(&rows, &row, w->existing, pf->header[c], pf->delim);
		}
		sbuf_puts(&rows, pf->crlf ? "\r\n" : "\n");
		if (rows.len >= 1u << 16) {
			ok = fwrite(sbuf_str(&rows), 1, rows.len, f) == rows.len;
			sbuf_reset(&rows);
		}
	}
	if (ok && rows.len)
		fwrite(sbuf_str(&rows), 1, rows.len, f);
	sbuf_free(&rows);
}

bool parmerge_into(const char *dir, const struct ak_dataset *existing, const struct ak_par *pars,
		   size_t n, bool dry_run, FILE *report, struct parmerge_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (n == 0)
		return true;
	char *path = xasprintf("%s/paragraphs.csv", dir);
	struct csv_append pf; /* never added to when it cannot be read cleanly */
	bool ok = csv_append_open(&pf, path, canonical, N_CANONICAL, NULL, 0, err);
	struct hashtab index = {0}; /* the target's rows by their identity */
	for (size_t i = 0; i < existing->n_pars; i++)
		if (existing->pars[i].layer == LAYER_USER)
			hashtab_add(&index,
				    par_identity(&existing->pars[i], existing->pars[i].source.text),
				    i);
	/* which rows are added (a byte each), and under what source a
	 * conflicting one is; nothing to compare with when the target has none */
	unsigned char *add = xcalloc(n, 1);
	char **sources = xcalloc(n, sizeof *sources);
	for (size_t i = 0; ok && i < n; i++) {
		const struct ak_par *e =
			index.used ? find_row(existing, &index, &pars[i], pars[i].source.text)
				   : NULL;
		if (e && same_counts(e, &pars[i])) {
			st->identical++;
			continue;
		}
		if (e) {
			sources[i] = conflict_source(existing, &index, &pars[i], e);
			if (!sources[i]) {
				st->identical++;
				continue;
			}
			st->conflicts++;
			diag_sayf(report,
				  _("conflict: %d code %d \"%s\": %s:%d has other figures from the "
				    "same source; the import is kept as a row of its own\n"),
				  pars[i].year, pars[i].code, pars[i].label, e->path, e->line);
		}
		add[i] = 1;
		st->added++;
	}
	if (ok && st->added) {
		say_added(report, st->added, path, dry_run);
		const struct new_rows w = {&pf, existing, pars, n, add, sources};
		if (!dry_run)
			ok = csv_append_write_with(&pf, path, write_rows, &w, err);
	}
	if (!ok)
		st->added = 0;
	for (size_t i = 0; i < n; i++)
		free(sources[i]);
	free(sources);
	free(add);
	hashtab_free(&index);
	csv_append_free(&pf);
	free(path);
	return ok;
}
