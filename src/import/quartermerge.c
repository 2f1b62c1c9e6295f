/* quartermerge.c - write imported quarters into quarters.csv. */
#include "ankekort/import/quartermerge.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/csvwrite.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/quarters.h"
#include "ankekort/import/csvappend.h"

static const char *const canonical[] = {"year",	       "quarter",     "code",	    "kommune",
					"area",	       "cases",	      "upheld",	    "remanded",
					"changed",     "reversed",    "dismissed",  "source",
					"source_kind", "source_date", "source_url", "note"};
#define N_CANONICAL (sizeof canonical / sizeof canonical[0])

static void put_num(struct sbuf *b, struct ak_num n)
{
	if (n.present)
		sbuf_printf(b, "%.*f", n.decimals, n.value);
}

static void column_value(struct sbuf *b, const struct ak_quarter *q, const char *source,
			 const struct ak_dataset *ds, const char *col, char delim)
{
	const struct ak_num *nums[] = {&q->cases,   &q->upheld,	  &q->remanded,
				       &q->changed, &q->reversed, &q->dismissed};
	for (size_t i = 0; i < 6; i++)
		if (strcasecmp(col, canonical[5 + i]) == 0) {
			put_num(b, *nums[i]);
			return;
		}
	if (strcasecmp(col, "year") == 0 || strcasecmp(col, "quarter") == 0 ||
	    strcasecmp(col, "code") == 0) {
		sbuf_printf(b, "%d",
			    tolower((unsigned char)col[0]) == 'y'   ? q->year
			    : tolower((unsigned char)col[0]) == 'q' ? q->quarter
								    : q->code);
		return;
	}
	const struct ak_municipality *m = dataset_muni(ds, q->code);
	const char *text = strcasecmp(col, "kommune") == 0	 ? (m ? m->name : "")
			   : strcasecmp(col, "area") == 0	 ? area_id(q->area)
			   : strcasecmp(col, "source") == 0	 ? source
			   : strcasecmp(col, "source_kind") == 0 ? source_kind_id(q->source.kind)
			   : strcasecmp(col, "source_date") == 0 ? q->source.date
			   : strcasecmp(col, "source_url") == 0	 ? q->source.url
			   : strcasecmp(col, "note") == 0	 ? q->note
								 : "";
	csv_put_field(b, text, delim);
}

static bool same_counts(const struct ak_quarter *a, const struct ak_quarter *b)
{
	const struct ak_num *x[] = {&a->cases,	 &a->upheld,   &a->remanded,
				    &a->changed, &a->reversed, &a->dismissed};
	const struct ak_num *y[] = {&b->cases,	 &b->upheld,   &b->remanded,
				    &b->changed, &b->reversed, &b->dismissed};
	for (size_t i = 0; i < 6; i++)
		if (x[i]->present != y[i]->present || (x[i]->present && x[i]->value != y[i]->value))
			return false;
	return true;
}

static const struct ak_quarter *same_key(const struct ak_dataset *ds, const struct ak_quarter *q,
					 const char *source)
{
	for (size_t i = 0; i < ds->n_quarters; i++) {
		const struct ak_quarter *e = &ds->quarters[i];
		if (e->year == q->year && e->quarter == q->quarter && e->code == q->code &&
		    e->area == q->area && strcmp(e->source.text, source) == 0)
			return e;
	}
	return NULL;
}

/* The source a new quarter is written under: its own, or, when the file
 * has other counts from it, one naming the line it conflicts with (a
 * third version the second, and so on). NULL: identical to one there. */
static char *source_for(const struct ak_dataset *ds, const struct ak_quarter *q, bool *conflict)
{
	*conflict = false;
	const struct ak_quarter *e = same_key(ds, q, q->source.text);
	if (!e)
		return xstrdup(q->source.text);
	if (same_counts(e, q))
		return NULL;
	*conflict = true;
	char *src = NULL;
	for (int guard = 0; guard < 1000; guard++) {
		free(src);
		src = xasprintf("%s (conflicts with " QUARTERS_FILE " line %d)", q->source.text,
				e->line);
		const struct ak_quarter *again = same_key(ds, q, src);
		if (!again)
			return src;
		if (same_counts(again, q)) {
			free(src);
			*conflict = false;
			return NULL;
		}
		e = again;
	}
	return src;
}

bool quartermerge_into(const char *dir, const struct ak_dataset *existing,
		       const struct ak_quarter *q, size_t n, bool dry_run, FILE *report,
		       struct quartermerge_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (!n)
		return true;
	char *path = xasprintf("%s/" QUARTERS_FILE, dir);
	static const char *const needed[] = {"year", "quarter", "code",
					     "area", "source",	"source_kind"};
	struct csv_append f;
	bool ok = csv_append_open(&f, path, canonical, N_CANONICAL, needed,
				  sizeof needed / sizeof needed[0], err);
	struct sbuf rows = {0};
	const char *nl = f.crlf ? "\r\n" : "\n";
	for (size_t i = 0; ok && i < n; i++) {
		bool conflict;
		char *source = source_for(existing, &q[i], &conflict);
		if (!source) {
			st->identical++;
			continue;
		}
		st->conflicts += conflict;
		st->added++;
		for (size_t c = 0; c < f.ncols; c++) {
			if (c)
				sbuf_putc(&rows, f.delim);
			column_value(&rows, &q[i], source, existing, f.header[c], f.delim);
		}
		sbuf_puts(&rows, nl);
		free(source);
	}
	if (ok && st->added) {
		diag_sayf(
			report,
			dry_run ? ngettext("would add %zu quarterly row to %s (preliminary "
					   "figures, kept apart from the year files)\n",
					   "would add %zu quarterly rows to %s (preliminary "
					   "figures, kept apart from the year files)\n",
					   st->added)
				: ngettext("adding %zu quarterly row to %s (preliminary figures, "
					   "kept apart from the year files)\n",
					   "adding %zu quarterly rows to %s (preliminary figures, "
					   "kept apart from the year files)\n",
					   st->added),
			st->added, path);
		if (st->conflicts)
			diag_sayf(report,
				  ngettext("%zu quarterly row has other counts than the same "
					   "source's row there: kept as a row of its own\n",
					   "%zu quarterly rows have other counts than the same "
					   "source's rows there: kept as rows of their own\n",
					   st->conflicts),
				  st->conflicts);
	}
	if (ok && st->added && !dry_run)
		ok = csv_append_write(&f, path, &rows, err);
	sbuf_free(&rows);
	csv_append_free(&f);
	free(path);
	return ok;
}
