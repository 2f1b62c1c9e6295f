/* entries.c - what the register and cycle commands share: the
 * municipalities loaded, the record's lock and load, --kommune, and the
 * list printed. */
#include "ankekort/cmd/entries.h"

#include <stdlib.h>
#include <unistd.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/userfile.h"
#include "ankekort/cmd/load.h"
#include "ankekort/data/names.h"
#include "ankekort/output/doc.h"

int entries_run(const struct cli_options *o,
		int (*body)(const struct cli_options *o, const struct ak_dataset *ds, FILE *out,
			    FILE *err))
{
	struct ak_dataset ds = {0};
	struct diag_list diags = {0};
	int status = load_data(o, LOAD_MUNICIPALITIES, &ds, &diags);
	if (status == 0)
		status = body(o, &ds, stdout, stderr);
	diag_list_free(&diags);
	dataset_free(&ds);
	return status;
}

int entries_open(struct entries_file *f, char *path, bool writes, FILE *err)
{
	*f = (struct entries_file){.path = path, .writes = writes, .lock = -1};
	char *lock_err = NULL;
	if (writes && (f->lock = userfile_lock(path, &lock_err)) < 0) {
		diag_say(err, lock_err);
		free(lock_err);
		free(path);
		f->path = NULL;
		return 1;
	}
	return 0;
}

bool entries_loaded(struct entries_file *f, bool ok, FILE *err)
{
	diag_list_print(&f->diags, err);
	if (ok || !f->writes)
		return true;
	diag_sayf(err, _("ankekort: %s is damaged; it is not written (fix the lines named)\n"),
		  f->path);
	return false;
}

void entries_close(struct entries_file *f)
{
	if (f->lock >= 0)
		close(f->lock);
	diag_list_free(&f->diags);
	free(f->path);
	*f = (struct entries_file){.lock = -1};
}

bool entries_kommune(const struct cli_options *o, const struct ak_dataset *ds, int *code, FILE *err)
{
	if (!o->n_kommuner)
		return true;
	char *hint = NULL;
	int found;
	if (names_resolve(ds, o->kommuner[0], &found, &hint) != NAMES_OK) {
		diag_say(err, hint);
		free(hint);
		return false;
	}
	*code = found;
	return true;
}

bool entries_other_kommune(const struct cli_options *o, const struct ak_dataset *ds, int code)
{
	int named = 0;
	char *hint = NULL;
	bool other = o->n_kommuner &&
		     names_resolve(ds, o->kommuner[0], &named, &hint) == NAMES_OK && named != code;
	free(hint);
	return other;
}

static void csv_line(FILE *out, const char *const *cells, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (k)
			fputc(',', out);
		doc_csv_field(out, cells[k]);
	}
	fputc('\n', out);
}

void entries_list(FILE *out, const char *const *head, size_t ncols, char **cells, size_t rows,
		  bool csv, const char *path)
{
	if (csv) {
		csv_line(out, head, ncols);
		for (size_t i = 0; i < rows; i++)
			csv_line(out, (const char *const *)(cells + i * ncols), ncols);
	} else {
		struct doc d;
		doc_begin(&d, out, FORMAT_TEXT);
		struct doc_table t = {.head = head, .ncols = ncols, .cells = cells, .nrows = rows};
		doc_table(&d, &t);
		doc_end(&d);
		diag_sayf(out, ngettext("%zu entry in %s\n", "%zu entries in %s\n", rows), rows,
			  path);
	}
	for (size_t i = 0; i < rows * ncols; i++)
		free(cells[i]);
	free(cells);
}
