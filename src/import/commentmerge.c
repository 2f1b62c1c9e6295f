/* commentmerge.c - adding a comments file to a datasets directory. */
#include "ankekort/import/commentmerge.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/data/csvload.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/import/merge.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

static const char header[] = "year,code,area,comment,source,source_date,source_url\n";

bool commentmerge_is_comments(const char *path)
{
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, NULL);
	if (!f)
		return false;
	char line[4096];
	bool yes = fgets(line, sizeof line, f) && strcasestr(line, "comment") != NULL;
	fclose(f);
	return yes;
}

static bool same(const struct ak_comment *a, const struct ak_comment *b)
{
	return a->year == b->year && a->code == b->code && a->area == b->area &&
	       strcmp(a->text, b->text) == 0 && strcmp(a->source.text, b->source.text) == 0;
}

static void format_row(struct sbuf *b, const struct ak_comment *c)
{
	sbuf_printf(b, "%d,%d,%s,", c->year, c->code,
		    c->area >= 0 ? area_id((enum ak_area)c->area) : "");
	csv_put_field(b, c->text, ',');
	sbuf_putc(b, ',');
	csv_put_field(b, c->source.text, ',');
	sbuf_putc(b, ',');
	csv_put_field(b, c->source.date, ',');
	sbuf_putc(b, ',');
	csv_put_field(b, c->source.url, ',');
	sbuf_putc(b, '\n');
}

/* The comments already in dir (a file with errors is never added to). */
static bool load_existing(const char *target, const struct ak_dataset *known,
			  struct ak_dataset *have, char **old_text, char **err)
{
	*old_text = NULL;
	have->munis = known->munis; /* codes are checked against these; borrowed */
	have->n_munis = known->n_munis;
	FILE *f = fileio_open_regular(target, FILEIO_MAX_DATA, NULL);
	if (!f)
		return errno == ENOENT ? true
				       : (*err = xasprintf(_("cannot add comments to %s: %s"),
							   target, strerror(errno)),
					  false);
	size_t len;
	*old_text = fileio_read_all(f, &len);
	struct diag_list d = {0};
	struct load_result r = {0};
	csvload_comments(have, target, target, &d, &r);
	bool ok = d.errors == 0;
	if (!ok)
		*err = xasprintf(_("cannot add comments to %s: it has errors; fix the file first "
				   "(ankekort check shows every problem)"),
				 target);
	diag_list_free(&d);
	return ok;
}

static void forget_munis(struct ak_dataset *ds)
{
	ds->munis = NULL; /* borrowed */
	ds->n_munis = 0;
	dataset_free(ds);
}

bool commentmerge_import(const char *path, const char *dir, const struct ak_dataset *known,
			 bool dry_run, FILE *report, struct diag_list *diags, size_t *added,
			 size_t *identical, char **err)
{
	*added = *identical = 0;
	*err = NULL;
	struct ak_dataset in = {.munis = known->munis, .n_munis = known->n_munis};
	struct load_result r = {0};
	size_t errors_before = diags->errors;
	csvload_comments(&in, path, path, diags, &r);
	if (diags->errors > errors_before) {
		forget_munis(&in);
		return false;
	}
	char *target = xasprintf("%s/comments.csv", dir);
	struct ak_dataset have = {0};
	char *old_text = NULL;
	bool ok = load_existing(target, known, &have, &old_text, err);
	struct sbuf rows = {0};
	for (size_t i = 0; ok && i < in.n_comments; i++) {
		bool dup = false;
		for (size_t k = 0; k < have.n_comments && !dup; k++)
			dup = same(&in.comments[i], &have.comments[k]);
		for (size_t k = 0; k < i && !dup; k++)
			dup = same(&in.comments[i], &in.comments[k]);
		if (dup) {
			(*identical)++;
			continue;
		}
		format_row(&rows, &in.comments[i]);
		(*added)++;
	}
	if (ok && *added) {
		diag_sayf(report,
			  dry_run ? ngettext("would add %zu comment to %s\n",
					     "would add %zu comments to %s\n", *added)
				  : ngettext("adding %zu comment to %s\n",
					     "adding %zu comments to %s\n", *added),
			  *added, target);
	}
	if (ok && *added && !dry_run) {
		struct atomicfile af;
		ok = merge_ensure_municipalities(dir, known, dry_run, err) &&
		     atomic_open(&af, target, true, err);
		if (ok) {
			if (old_text && old_text[0]) {
				fputs(old_text, af.f);
				if (old_text[strlen(old_text) - 1] != '\n')
					fputc('\n', af.f);
			} else {
				fputs(header, af.f);
			}
			fputs(sbuf_str(&rows), af.f);
			ok = atomic_commit(&af, err);
		}
	}
	if (!ok)
		*added = 0;
	sbuf_free(&rows);
	free(old_text);
	free(target);
	forget_munis(&have);
	forget_munis(&in);
	return ok;
}
