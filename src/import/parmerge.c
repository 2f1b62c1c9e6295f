/* parmerge.c - add imported rows below law level to DIR/paragraphs.csv,
 * as merge.c adds figures to the year files: nothing destroyed, identical
 * rows skipped, a differing row from the same source kept as a conflict. */
#include "ankekort/import/parmerge.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/parload.h"

static const char *const canonical[] = {
	"year",	  "quarter",	 "code",	"kommune",    "law",	 "label",    "paragraphs",
	"areas",  "cases",	 "upheld",	"remanded",   "changed", "reversed", "dismissed",
	"source", "source_kind", "source_date", "source_url", "note"};
#define N_CANONICAL (sizeof canonical / sizeof canonical[0])

struct parfile {
	char *text; /* the old file, or NULL */
	size_t len;
	char **header;
	size_t ncols;
	char delim;
	bool crlf;
};

static bool header_row(void *ctx, const struct csv_row *row)
{
	struct parfile *f = ctx;
	if (f->header)
		return true;
	f->header = xcalloc(row->n + 1, sizeof *f->header);
	for (size_t i = 0; i < row->n; i++)
		f->header[i] = xstrdup(row->fields[i]);
	f->ncols = row->n;
	f->delim = row->delim;
	return true;
}

static void parfile_free(struct parfile *f)
{
	for (size_t i = 0; i < f->ncols; i++)
		free(f->header[i]);
	free(f->header);
	free(f->text);
	memset(f, 0, sizeof *f);
}

/* The old file: never added to when it cannot be read cleanly. */
static bool parfile_open(struct parfile *pf, const char *path, char **err)
{
	memset(pf, 0, sizeof *pf);
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_TABLE, &why);
	if (!f && errno != ENOENT) {
		*err = xasprintf(_("cannot add rows to %s: %s"), path, why ? why : strerror(errno));
		free(why);
		return false;
	}
	free(why);
	if (f) {
		pf->text = fileio_read_all(f, &pf->len);
		pf->crlf = strstr(pf->text, "\r\n") != NULL;
		struct diag_list d = {0};
		csv_read_buffer(pf->text, pf->len, path, &d, header_row, pf);
		for (size_t i = 0; i < d.count && !*err; i++)
			if (d.items[i].severity == DIAG_ERROR)
				*err = xasprintf(_("cannot add rows to %s: line %d, column %d: %s; "
						   "fix the file first (ankekort check shows every "
						   "problem)"),
						 path, d.items[i].line, d.items[i].col,
						 d.items[i].msg);
		diag_list_free(&d);
		if (*err)
			return false;
		if (!pf->header) {
			*err = xasprintf(_("cannot add rows to %s: it has no header line"), path);
			return false;
		}
	}
	if (!pf->header) {
		pf->ncols = N_CANONICAL;
		pf->header = xcalloc(N_CANONICAL, sizeof *pf->header);
		for (size_t i = 0; i < N_CANONICAL; i++)
			pf->header[i] = xstrdup(canonical[i]);
		pf->delim = ',';
	}
	return true;
}

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

/* The rows, in the file's column order, to f: a block at a time (a failed
 * write leaves f's error set, which atomic_commit() reports). */
static bool write_rows(FILE *f, const struct parfile *pf, const struct ak_dataset *existing,
		       const struct ak_par *pars, size_t n, const unsigned char *add,
		       char *const *sources)
{
	struct sbuf rows = {0};
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		if (!add[i])
			continue;
		struct ak_par row = pars[i];
		if (sources[i])
			row.source.text = sources[i];
		for (size_t c = 0; c < pf->ncols; c++) {
			if (c)
				sbuf_putc(&rows, pf->delim);
			column_value(&rows, &row, existing, pf->header[c], pf->delim);
		}
		sbuf_puts(&rows, pf->crlf ? "\r\n" : "\n");
		if (rows.len >= 1u << 16) {
			ok = fwrite(sbuf_str(&rows), 1, rows.len, f) == rows.len;
			sbuf_reset(&rows);
		}
	}
	if (ok && rows.len)
		ok = fwrite(sbuf_str(&rows), 1, rows.len, f) == rows.len;
	sbuf_free(&rows);
	return ok;
}

bool parmerge_into(const char *dir, const struct ak_dataset *existing, const struct ak_par *pars,
		   size_t n, bool dry_run, FILE *report, struct parmerge_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (n == 0)
		return true;
	char *path = xasprintf("%s/paragraphs.csv", dir);
	struct parfile pf;
	bool ok = parfile_open(&pf, path, err);
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
		if (!dry_run) {
			struct atomicfile af;
			ok = atomic_open(&af, path, true, err);
			if (ok) {
				const char *nl = pf.crlf ? "\r\n" : "\n";
				if (pf.text) {
					fwrite(pf.text, 1, pf.len, af.f);
					if (pf.len && pf.text[pf.len - 1] != '\n')
						fputs(nl, af.f);
				} else {
					for (size_t c = 0; c < pf.ncols; c++)
						fprintf(af.f, "%s%s", c ? "," : "", pf.header[c]);
					fputs(nl, af.f);
				}
				write_rows(af.f, &pf, existing, pars, n, add, sources);
				ok = atomic_commit(&af, err); /* a failed write fails here */
			}
		}
	}
	if (!ok)
		st->added = 0;
	for (size_t i = 0; i < n; i++)
		free(sources[i]);
	free(sources);
	free(add);
	hashtab_free(&index);
	parfile_free(&pf);
	free(path);
	return ok;
}
