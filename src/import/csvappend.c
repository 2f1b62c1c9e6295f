/* csvappend.c - a data file read, checked and written again with rows
 * added. */
#include "ankekort/import/csvappend.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

static bool header_row(void *ctx, const struct csv_row *row)
{
	struct csv_append *y = ctx;
	if (y->header)
		return true; /* the rest is read only to find a broken file */
	y->header = xcalloc(row->n + 1, sizeof *y->header);
	for (size_t i = 0; i < row->n; i++)
		y->header[i] = xstrdup(row->fields[i]);
	y->ncols = row->n;
	y->delim = row->delim;
	return true;
}

void csv_append_free(struct csv_append *y)
{
	for (size_t i = 0; i < y->ncols; i++)
		free(y->header[i]);
	free(y->header);
	free(y->text);
	memset(y, 0, sizeof *y);
}

/* Rows added after a broken line could be swallowed by it (a file that
 * ends inside an open quote takes every appended row into one field), so
 * a file that does not read cleanly is never added to. */
static bool first_error(const struct diag_list *d, const char *path, char **err)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *e = &d->items[i];
		if (e->severity != DIAG_ERROR)
			continue;
		*err = xasprintf(_("cannot add rows to %s: line %d, column %d: %s; fix the file "
				   "first (ankekort check shows every problem)"),
				 path, e->line, e->col, e->msg);
		return true;
	}
	return false;
}

bool csv_append_open(struct csv_append *y, const char *path, const char *const *canonical,
		     size_t n_canonical, const char *const *needed, size_t n_needed, char **err)
{
	memset(y, 0, sizeof *y);
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_TABLE, &why);
	if (!f && errno != ENOENT) {
		/* a file that cannot be read is never replaced by a new one */
		*err = xasprintf(_("cannot add rows to %s: %s"), path, why ? why : strerror(errno));
		free(why);
		return false;
	}
	free(why);
	if (f) {
		y->text = fileio_read_all(f, &y->len);
		y->crlf = strstr(y->text, "\r\n") != NULL;
		struct diag_list d = {0};
		csv_read_buffer(y->text, y->len, path, &d, header_row, y);
		bool broken = first_error(&d, path, err);
		diag_list_free(&d);
		if (broken)
			return false;
	}
	if (!y->header && y->text) {
		/* an empty (or BOM-only) file gets the header, never bare rows */
		const char *t = y->text;
		if (y->len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
			t += 3;
		t += strspn(t, " \t\r\n");
		if (*t) {
			*err = xasprintf(_("cannot add rows to %s: it has no header line"), path);
			return false;
		}
		free(y->text);
		y->text = NULL;
		y->len = 0;
		y->crlf = false;
	}
	if (!y->header) {
		y->ncols = n_canonical;
		y->header = xcalloc(n_canonical, sizeof *y->header);
		for (size_t i = 0; i < n_canonical; i++)
			y->header[i] = xstrdup(canonical[i]);
		y->delim = ',';
	}
	for (size_t k = 0; k < n_needed; k++) {
		bool found = false;
		for (size_t i = 0; i < y->ncols && !found; i++)
			found = strcasecmp(y->header[i], needed[k]) == 0;
		if (!found) {
			*err = xasprintf(_("cannot add rows to %s: it has no column \"%s\""), path,
					 needed[k]);
			return false;
		}
	}
	return true;
}

bool csv_append_write_with(const struct csv_append *y, const char *path,
			   void (*rows)(const void *ctx, FILE *out), const void *ctx, char **err)
{
	struct atomicfile af;
	if (!atomic_open(&af, path, true, err))
		return false;
	const char *nl = y->crlf ? "\r\n" : "\n";
	if (y->text) {
		fwrite(y->text, 1, y->len, af.f);
		if (y->len && y->text[y->len - 1] != '\n')
			fputs(nl, af.f);
	} else {
		for (size_t i = 0; i < y->ncols; i++)
			fprintf(af.f, "%s%s", i ? "," : "", y->header[i]);
		fputs(nl, af.f);
	}
	rows(ctx, af.f);
	return atomic_commit(&af, err); /* a failed write fails here */
}

static void put_rows(const void *ctx, FILE *out)
{
	const struct sbuf *rows = ctx;
	fwrite(rows->data ? rows->data : "", 1, rows->len, out);
}

bool csv_append_write(const struct csv_append *y, const char *path, const struct sbuf *rows,
		      char **err)
{
	return csv_append_write_with(y, path, put_rows, rows, err);
}
