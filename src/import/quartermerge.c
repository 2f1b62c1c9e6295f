/* quartermerge.c - write imported quarters into quarters.csv. */
#include "ankekort/import/quartermerge.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/quarters.h"

static const char *const canonical[] = {"year",	       "quarter",     "code",	    "kommune",
					"area",	       "cases",	      "upheld",	    "remanded",
					"changed",     "reversed",    "dismissed",  "source",
					"source_kind", "source_date", "source_url", "note"};
#define N_CANONICAL (sizeof canonical / sizeof canonical[0])

struct qfile {
	char *text; /* the old file, or NULL */
	size_t len;
	char **header;
	size_t ncols;
	char delim;
	bool crlf;
};

static bool header_row(void *ctx, const struct csv_row *row)
{
	struct qfile *f = ctx;
	if (f->header)
		return true;
	f->header = xcalloc(row->n + 1, sizeof *f->header);
	for (size_t i = 0; i < row->n; i++)
		f->header[i] = xstrdup(row->fields[i]);
	f->ncols = row->n;
	f->delim = row->delim;
	return true;
}

static void qfile_free(struct qfile *f)
{
	for (size_t i = 0; i < f->ncols; i++)
		free(f->header[i]);
	free(f->header);
	free(f->text);
	memset(f, 0, sizeof *f);
}

/* Reads the old file; a file that does not read cleanly or lacks a key
 * column is never added to. */
static bool qfile_open(struct qfile *f, const char *path, char **err)
{
	memset(f, 0, sizeof *f);
	char *why = NULL;
	FILE *in = fileio_open_regular(path, FILEIO_MAX_TABLE, &why);
	if (!in && errno != ENOENT) {
		*err = xasprintf(_("cannot add rows to %s: %s"), path, why ? why : strerror(errno));
		free(why);
		return false;
	}
	free(why);
	if (in) {
		f->text = fileio_read_all(in, &f->len);
		f->crlf = strstr(f->text, "\r\n") != NULL;
		struct diag_list d = {0};
		csv_read_buffer(f->text, f->len, path, &d, header_row, f);
		bool broken = d.errors > 0;
		diag_list_free(&d);
		if (broken) {
			*err = xasprintf(
				_("cannot add rows to %s: it does not read cleanly; fix the "
				  "file first (ankekort check shows every problem)"),
				path);
			return false;
		}
	}
	if (!f->header) {
		free(f->text);
		f->text = NULL;
		f->len = 0;
		f->ncols = N_CANONICAL;
		f->header = xcalloc(N_CANONICAL, sizeof *f->header);
		for (size_t i = 0; i < N_CANONICAL; i++)
			f->header[i] = xstrdup(canonical[i]);
		f->delim = ',';
		return true;
	}
	static const char *const needed[] = {"year", "quarter", "code",
					     "area", "source",	"source_kind"};
	for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) {
		bool found = false;
		for (size_t i = 0; i < f->ncols; i++)
			found |= strcasecmp(f->header[i], needed[k]) == 0;
		if (!found) {
			*err = xasprintf(_("cannot add rows to %s: it has no column \"%s\""), path,
					 needed[k]);
			return false;
		}
	}
	return true;
}

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
	struct qfile f;
	bool ok = qfile_open(&f, path, err);
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
	if (ok && st->added && !dry_run) {
		struct atomicfile af;
		ok = atomic_open(&af, path, true, err);
		if (ok) {
			if (f.text) {
				fwrite(f.text, 1, f.len, af.f);
				if (f.len && f.text[f.len - 1] != '\n')
					fputs(nl, af.f);
			} else {
				for (size_t c = 0; c < f.ncols; c++)
					fprintf(af.f, "%s%s", c ? "," : "", f.header[c]);
				fputs(nl, af.f);
			}
			fwrite(rows.data, 1, rows.len, af.f);
			ok = atomic_commit(&af, err);
		}
	}
	sbuf_free(&rows);
	qfile_free(&f);
	free(path);
	return ok;
}
