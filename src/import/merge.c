/* merge.c - write imported rows into YYYY.csv files. */
#include "ankekort/import/merge.h"
#include "ankekort/import/csvappend.h"
#include "ankekort/base/fileio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/csvread.h"
#include "ankekort/base/csvwrite.h"
#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

#define NUM_COLUMN(field, kind) #field,
static const char *const canonical[] = {
	"code",	       "kommune",     "area",	    "scope", AK_OBS_NUMBERS(NUM_COLUMN) "source",
	"source_kind", "source_date", "source_url", "note"};
#undef NUM_COLUMN
#define N_CANONICAL (sizeof canonical / sizeof canonical[0])

static void put_num(struct sbuf *b, struct ak_num n)
{
	if (n.present)
		sbuf_printf(b, "%.*f", n.decimals, n.value);
}

static void column_value(struct sbuf *b, const struct ak_obs *o, const struct ak_dataset *ds,
			 const char *col, char delim)
{
	const struct ak_municipality *m = dataset_muni(ds, o->code);
	for (size_t i = 0; i < AK_OBS_N_NUMBERS; i++) {
		if (strcasecmp(col, ak_obs_numbers[i].name) == 0) {
			put_num(b, ak_obs_num(o, i));
			return;
		}
	}
	const char *text = "";
	if (strcasecmp(col, "code") == 0) {
		sbuf_printf(b, "%d", o->code);
		return;
	}
	if (strcasecmp(col, "kommune") == 0)
		text = m ? m->name : "";
	else if (strcasecmp(col, "area") == 0)
		text = area_id(o->area);
	else if (strcasecmp(col, "scope") == 0)
		text = o->scope;
	else if (strcasecmp(col, "source") == 0)
		text = o->source.text;
	else if (strcasecmp(col, "source_kind") == 0)
		text = source_kind_id(o->source.kind);
	else if (strcasecmp(col, "source_date") == 0)
		text = o->source.date;
	else if (strcasecmp(col, "source_url") == 0)
		text = o->source.url;
	else if (strcasecmp(col, "note") == 0)
		text = o->note;
	csv_put_field(b, text, delim);
}

char *merge_format_row(const struct ak_obs *o, const struct ak_dataset *ds,
		       const char *const *header, size_t ncols, char delim)
{
	struct sbuf b = {0};
	for (size_t c = 0; c < ncols; c++) {
		if (c)
			sbuf_putc(&b, delim);
		column_value(&b, o, ds, header[c], delim);
	}
	return sbuf_take(&b);
}

/* ---- one year file ------------------------------------------------------------ */

/* ---- a number column the file lacks ------------------------------------------- */

/* The number columns (bits of ak_obs_numbers) that y lacks and a row of
 * year to add has a value in. */
static unsigned lacking_columns(const struct csv_append *y, const struct ak_obs *obs, size_t n,
				int year)
{
	unsigned lacking = 0;
	for (size_t k = 0; k < AK_OBS_N_NUMBERS; k++) {
		bool have = false;
		for (size_t c = 0; c < y->ncols && !have; c++)
			have = strcasecmp(y->header[c], ak_obs_numbers[k].name) == 0;
		for (size_t i = 0; i < n && !have; i++)
			if (obs[i].year == year && ak_obs_num(&obs[i], k).present)
				lacking |= 1u << k;
	}
	return lacking;
}

static bool has_value_in(const struct ak_obs *o, unsigned cols)
{
	for (size_t k = 0; k < AK_OBS_N_NUMBERS; k++)
		if (cols & 1u << k && ak_obs_num(o, k).present)
			return true;
	return false;
}

/* An old row that gets the values of a new one in the added columns. */
struct fill {
	int line;
	const struct ak_obs *from;
};

struct extend {
	struct sbuf out;
	unsigned cols;
	const struct fill *fills;
	size_t n_fills;
	const char *nl;
};

static bool extend_row(void *ctx, const struct csv_row *row)
{
	struct extend *x = ctx;
	bool blank = row->n == 1 && row->lens[0] == 0;
	if (!blank) {
		const struct ak_obs *from = NULL;
		for (size_t i = 0; i < x->n_fills && row->row; i++)
			if (x->fills[i].line == row->line)
				from = x->fills[i].from;
		for (size_t c = 0; c < row->n; c++) {
			if (c)
				sbuf_putc(&x->out, row->delim);
			csv_put_field(&x->out, row->fields[c], row->delim);
		}
		for (size_t k = 0; k < AK_OBS_N_NUMBERS; k++) {
			if (!(x->cols & 1u << k))
				continue;
			sbuf_putc(&x->out, row->delim);
			if (row->row == 0)
				sbuf_puts(&x->out, ak_obs_numbers[k].name);
			else if (from)
				put_num(&x->out, ak_obs_num(from, k));
		}
	}
	sbuf_puts(&x->out, x->nl);
	return true;
}

/* Adds the columns cols to y's header: the new rows are written with them. */
static void extend_header(struct csv_append *y, unsigned cols)
{
	y->header = xreallocarray(y->header, y->ncols + AK_OBS_N_NUMBERS + 1, sizeof *y->header);
	for (size_t k = 0; k < AK_OBS_N_NUMBERS; k++)
		if (cols & 1u << k)
			y->header[y->ncols++] = xstrdup(ak_obs_numbers[k].name);
}

/* Adds the columns cols to every line of the old file, filling the rows
 * named in fills; the values already there are kept. */
static void extend_text(struct csv_append *y, const char *path, unsigned cols,
			const struct fill *fills, size_t n_fills)
{
	struct extend x = {
		.cols = cols, .fills = fills, .n_fills = n_fills, .nl = y->crlf ? "\r\n" : "\n"};
	if (y->len >= 3 && memcmp(y->text, "\xEF\xBB\xBF", 3) == 0)
		sbuf_puts(&x.out, "\xEF\xBB\xBF");
	struct diag_list d = {0};
	csv_read_buffer(y->text, y->len, path, &d, extend_row, &x);
	diag_list_free(&d);
	free(y->text);
	y->len = x.out.len;
	y->text = sbuf_take(&x.out);
}

/* ---- the merge --------------------------------------------------------------------- */

static const struct ak_obs *same_source(const struct ak_dataset *ds, const struct ak_obs *o,
					const char *source)
{
	for (size_t i = 0; i < ds->n_obs; i++) {
		const struct ak_obs *e = &ds->obs[i];
		if (e->year == o->year && e->code == o->code && e->area == o->area &&
		    !e->scope[0] && strcmp(e->source.text, source) == 0)
			return e;
	}
	return NULL;
}

bool merge_ensure_municipalities(const char *dir, const struct ak_dataset *ds, bool dry_run,
				 char **err)
{
	char *path = xasprintf("%s/municipalities.csv", dir);
	struct stat st;
	bool ok = true;
	if (stat(path, &st) != 0 && !dry_run) {
		struct atomicfile af;
		ok = atomic_open(&af, path, false, err);
		if (ok) {
			fputs("code,name,region,centroid_lat,centroid_lon\n", af.f);
			for (size_t i = 0; i < ds->n_munis; i++) {
				const struct ak_municipality *m = &ds->munis[i];
				struct sbuf row = {0};
				sbuf_printf(&row, "%d,", m->code);
				csv_put_field(&row, m->name, ',');
				sbuf_putc(&row, ',');
				csv_put_field(&row, m->region, ',');
				sbuf_putc(&row, ',');
				fputs(sbuf_str(&row), af.f);
				sbuf_free(&row);
				if (m->has_centroid)
					fprintf(af.f, "%.4f,%.4f", m->lat, m->lon);
				else
					fputc(',', af.f);
				fputc('\n', af.f);
			}
			ok = atomic_commit(&af, err);
		}
	}
	free(path);
	return ok;
}

static bool merge_year(const char *dir, const struct ak_dataset *existing, const struct ak_obs *obs,
		       size_t n, int year, bool dry_run, FILE *report, struct merge_stats *st,
		       char **err)
{
	char *path = xasprintf("%s/%d.csv", dir, year);
	struct csv_append y;
	static const char *const needed[] = {"code",	    "area",    "source",
					     "source_kind", "cases",   "upheld",
					     "remanded",    "changed", "note"};
	bool ok = csv_append_open(&y, path, canonical, N_CANONICAL, needed,
				  sizeof needed / sizeof needed[0], err);
	struct sbuf rows = {0};
	size_t added = 0, n_fills = 0;
	/* a file from before a number column existed: the column is added */
	unsigned lacking = ok && y.text ? lacking_columns(&y, obs, n, year) : 0;
	struct fill *fills = lacking ? xcalloc(n, sizeof *fills) : NULL;
	if (lacking)
		extend_header(&y, lacking);
	for (size_t i = 0; ok && i < n; i++) {
		const struct ak_obs *o = &obs[i];
		if (o->year != year)
			continue;
		const struct ak_obs *e = same_source(existing, o, o->source.text);
		struct ak_obs row = *o;
		char *conflict_source = NULL;
		if (e && ak_obs_same_numbers(e, o)) {
			st->identical++;
			continue;
		}
		if (e && lacking && ak_obs_same_numbers_but(e, o, lacking) &&
		    !has_value_in(e, lacking) && has_value_in(o, lacking)) {
			fills[n_fills++] = (struct fill){e->line, o};
			continue;
		}
		if (e) {
			/* a source of its own, naming the row it conflicts with; a
			 * third version conflicts with the second, and so on, so no
			 * two rows ever share a source. Data, so never translated. */
			const struct ak_obs *against = e, *again;
			bool identical = false;
			for (;;) {
				const char *base = strrchr(against->path, '/');
				free(conflict_source);
				conflict_source =
					xasprintf("%s (conflicts with %s line %d)", o->source.text,
						  base ? base + 1 : against->path, against->line);
				again = same_source(existing, o, conflict_source);
				if (!again || (identical = ak_obs_same_numbers(again, o)) ||
				    again == against)
					break;
				against = again;
			}
			if (identical) {
				st->identical++;
				free(conflict_source);
				continue;
			}
			row.source.text = conflict_source;
			st->conflicts++;
			/* the same source on another day: the source revised its figures */
			if (o->source.date && e->source.date && o->source.date[0] &&
			    e->source.date[0] && strcmp(o->source.date, e->source.date) != 0)
				diag_sayf(report,
					  _("revision: %d %s code %d: the source's figures of %s "
					    "(%s:%d) differ from those of %s; the new ones are "
					    "kept as "
					    "a row of their own\n"),
					  year, area_id(o->area), o->code, e->source.date, e->path,
					  e->line, o->source.date);
			else
				diag_sayf(report,
					  _("conflict: %d %s code %d: %s:%d has other figures from "
					    "the same source; the import is kept as a row of its "
					    "own\n"),
					  year, area_id(o->area), o->code, e->path, e->line);
		}
		if (!dry_run) {
			char *line = merge_format_row(&row, existing, (const char *const *)y.header,
						      y.ncols, y.delim);
			sbuf_puts(&rows, line);
			sbuf_puts(&rows, y.crlf ? "\r\n" : "\n");
			free(line);
		}
		free(conflict_source);
		added++;
	}
	if (ok && (added || n_fills) && lacking) {
		struct sbuf names = {0};
		for (size_t k = 0; k < AK_OBS_N_NUMBERS; k++)
			if (lacking & 1u << k)
				sbuf_printf(&names, "%s%s", names.len ? ", " : "",
					    ak_obs_numbers[k].name);
		diag_sayf(report,
			  dry_run ? _("would add the column %s to %s (the file was written before "
				      "it existed; its values are kept)\n")
				  : _("adding the column %s to %s (the file was written before it "
				      "existed; its values are kept)\n"),
			  sbuf_str(&names), path);
		if (n_fills)
			diag_sayf(report,
				  dry_run ? ngettext("would fill it in for %zu row from the same "
						     "source with the same figures\n",
						     "would fill it in for %zu rows from the same "
						     "source with the same figures\n",
						     n_fills)
					  : ngettext("filling it in for %zu row from the same "
						     "source with the same figures\n",
						     "filling it in for %zu rows from the same "
						     "source with the same figures\n",
						     n_fills),
				  n_fills);
		sbuf_free(&names);
		if (!dry_run)
			extend_text(&y, path, lacking, fills, n_fills);
	}
	if (ok && (added || n_fills)) {
		if (added)
			diag_sayf(report,
				  dry_run ? ngettext("would add %zu row to %s\n",
						     "would add %zu rows to %s\n", added)
					  : ngettext("adding %zu row to %s\n",
						     "adding %zu rows to %s\n", added),
				  added, path);
		if (!dry_run) {
			ok = csv_append_write(&y, path, &rows, err);
			st->files_written += ok;
		}
	}
	if (ok) /* rows count as added once their file is written */
		st->added += added;
	sbuf_free(&rows);
	free(fills);
	csv_append_free(&y);
	free(path);
	return ok;
}

bool merge_into(const char *dir, const struct ak_dataset *existing, const struct ak_obs *obs,
		size_t n, bool dry_run, FILE *report, struct merge_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (!merge_ensure_municipalities(dir, existing, dry_run, err))
		return false;
	int *years = xcalloc(n + 1, sizeof *years);
	size_t ny = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < ny && years[k] != obs[i].year)
			k++;
		if (k == ny)
			years[ny++] = obs[i].year;
	}
	bool ok = true;
	for (size_t k = 0; k < ny && ok; k++)
		ok = merge_year(dir, existing, obs, n, years[k], dry_run, report, st, err);
	free(years);
	return ok;
}

void merge_say_totals(FILE *out, const struct merge_stats *st, bool dry_run)
{
	if (dry_run)
		fprintf(out,
			ngettext("dry run: %zu row would be added",
				 "dry run: %zu rows would be added", st->added),
			st->added);
	else
		fprintf(out, ngettext("%zu row added", "%zu rows added", st->added), st->added);
	fprintf(out,
		ngettext(", %zu identical row skipped", ", %zu identical rows skipped",
			 st->identical),
		st->identical);
	fprintf(out, ngettext(", %zu conflict\n", ", %zu conflicts\n", st->conflicts),
		st->conflicts);
}
