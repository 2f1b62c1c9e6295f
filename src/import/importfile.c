/* importfile.c - Statistikbanken, Talportal and spreadsheet files into
 * canonical rows: decodes the text, detects the format, runs its reader
 * and reports what was passed over. The stages, each with its header
 * beside it: decode.c, columns.c, detect.c, read.c, values.c, cells.c
 * (with parcells.c and quartercells.c), sharing the state of importer.h;
 * the Talportal's Excel export through xlsx.c and xlsxpivot.c into the
 * Talportal reader. */
#include "ankekort/import/import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/encoding.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/xlsx.h"
#include "ankekort/import/xlsxpivot.h"
#include "cells.h"
#include "decode.h"
#include "detect.h"
#include "importer.h"
#include "quartercells.h"
#include "read.h"
#include "values.h"

static void report_n(struct importer *im, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	diag_add(&im->res->report, DIAG_WARNING, im->path, line, 0, "%s", text);
	free(text);
}

static void summarise(struct importer *im)
{
	size_t n;
	if ((n = im->suppressed))
		report_n(im, im->first_suppressed,
			 ngettext("%zu value is suppressed (\"..\"); it is left out, not taken as "
				  "zero",
				  "%zu values are suppressed (\"..\"); they are left out, not "
				  "taken as zero",
				  n),
			 n);
	if ((n = im->dismissed))
		report_n(im, im->first_dismissed,
			 ngettext("%zu row of dismissed or referred appeals is not a case decided "
				  "on the merits: kept as a count of its own (dismissed), never "
				  "among the cases or in the rate",
				  "%zu rows of dismissed or referred appeals are not cases decided "
				  "on the merits: kept as a count of their own (dismissed), never "
				  "among the cases or in the rate",
				  n),
			 n);
	if ((n = im->not_merits))
		report_n(im, im->first_not_merits,
			 ngettext("%zu row of lapsed appeals (bortfald) is not a case decided on "
				  "the merits; not used",
				  "%zu rows of lapsed appeals (bortfald) are not cases decided on "
				  "the merits; not used",
				  n),
			 n);
	if ((n = im->totals))
		report_n(im, im->first_total,
			 ngettext("%zu total or region row (I alt, regions) is not used, so "
				  "nothing is "
				  "counted twice",
				  "%zu total or region rows (I alt, regions) are not used, so "
				  "nothing is "
				  "counted twice",
				  n),
			 n);
	if ((n = im->n_unknown))
		report_n(im, 0,
			 ngettext("%zu municipality name or code is unknown and its rows not used: "
				  "%s",
				  "%zu municipality names or codes are unknown and their rows not "
				  "used: %s",
				  n),
			 n, sbuf_str(&im->unknown_names));
	if (im->n_unmatched && (n = im->no_area))
		report_n(im, 0,
			 ngettext("%zu row matches no area (see datasets/areas.csv) and is not "
				  "used; the "
				  "texts: %s",
				  "%zu rows match no area (see datasets/areas.csv) and are not "
				  "used; the "
				  "texts: %s",
				  n),
			 n, sbuf_str(&im->unmatched));
	if ((n = im->parts_over) > IMP_PARTS_OVER_LISTED)
		report_n(im, im->first_parts_over,
			 ngettext("%zu figure has paragraphs that add up to more than the law's "
				  "own row (the first %d are listed); the law's row is the figure",
				  "%zu figures have paragraphs that add up to more than the law's "
				  "own row (the first %d are listed); the law's row is the figure",
				  n),
			 n, IMP_PARTS_OVER_LISTED);
	if ((n = im->repeats))
		report_n(im, 0,
			 ngettext("%zu row repeats an earlier row with the same value; it was "
				  "counted once",
				  "%zu rows repeat an earlier row with the same value; each was "
				  "counted once",
				  n),
			 n);
	if ((n = im->conflicts))
		report_n(
			im, 0,
			ngettext("%zu row repeats an earlier row with another value; the figure it "
				 "belongs to is not imported (never summed)",
				 "%zu rows repeat an earlier row with another value; the figures "
				 "they "
				 "belong to are not imported (never summed)",
				 n),
			n);
}

static bool run_reader(struct importer *im, const struct text_src *src)
{
	struct reader r = {.im = im};
	csv_row_fn fn = im->res->format == IMPORT_DST	      ? imp_dst_row
			: im->res->format == IMPORT_TALPORTAL ? imp_talportal_row
							      : imp_sheet_row;
	/* the Statistikbanken reader converts what it reads (csv_row_utf8) */
	bool raw = im->res->format == IMPORT_DST;
	bool ok = imp_read_csv(src, im->path, &im->res->report, fn, &r, raw);
	imp_reader_free(&r);
	return ok && !r.failed;
}

/* Reads src as the format asked for, or the one its header shows. With
 * enc (a stream deciding its encoding as it is read), the encoding is known
 * once the rows are read; *again is set when the text must be read again
 * as Windows-1252. */
static bool import_text(const struct text_src *src, struct encoding_auto *enc, bool *again,
			const char *path, const struct ak_dataset *ds,
			const struct import_options *o, struct import_result *res)
{
	struct importer im = {.ds = ds, .o = o, .res = res, .path = path};
	for (size_t i = 0; i < o->n_law_values; i++)
		imp_note_law(im.law_names, o->law_values[i]);
	res->format = imp_detect(&im, src);
	bool ok = res->format != IMPORT_AUTO && run_reader(&im, src);
	dupkeys_free(&im.keys); /* every row is read: not held while the rows are made */
	enum text_encoding e;
	if (enc && !encoding_auto_result(enc, &e)) {
		*again = true;
		ok = false;
	} else if (enc) {
		res->encoding = encoding_name(e);
	}
	if (ok) {
		imp_quarters(&im); /* before imp_finish, which makes the cells figures */
		imp_finish(&im);
		summarise(&im);
	}
	diag_list_flush(&res->report);
	imp_clear_caches(&im);
	sbuf_free(&im.unknown_names);
	sbuf_free(&im.unmatched);
	imp_cells_free(&im);
	hashtab_free(&im.cell_index);
	return ok;
}

/* ---- the Talportal's Excel export ------------------------------------------------------ */

static bool pivot_rows(const void *pivot, csv_row_fn fn, void *ctx)
{
	return xlsx_pivot_rows(pivot, fn, ctx);
}

/* The rows of a sheet carry its row and column numbers: the messages the
 * reader gave them name the cell ("sheet "Som tabel" C7: ..."). */
static void name_cells(struct diag_list *report, size_t from, const char *path, const char *sheet)
{
	for (size_t i = from; i < report->count; i++) {
		struct diag *d = &report->items[i];
		if (d->line <= 0 || strcmp(d->path, path) != 0)
			continue;
		char ref[16];
		char *msg = d->col > 0 ? xasprintf(_("sheet \"%s\" %s: %s"), sheet,
						   xlsx_cell_name((uint32_t)d->line,
								  (uint32_t)d->col, ref),
						   d->msg)
				       : xasprintf(_("sheet \"%s\" row %d: %s"), sheet, d->line,
						   d->msg);
		free(d->msg);
		d->msg = msg;
		d->line = d->col = 0;
	}
}

static bool import_sheet(const struct xlsx_sheet *s, const char *path, const struct ak_dataset *ds,
			 const struct import_options *o, struct import_result *res)
{
	if (o->format != IMPORT_AUTO && o->format != IMPORT_TALPORTAL) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0,
			 "an Excel workbook is read as the Talportal's export; --format %s does "
			 "not apply",
			 import_format_name(o->format));
		return false;
	}
	struct xlsx_pivot p;
	if (!xlsx_pivot_plan(&p, s, path, &res->report)) {
		xlsx_pivot_free(&p);
		return false;
	}
	if (p.zeros)
		diag_add(&res->report, DIAG_WARNING, path, 0, 0,
			 ngettext("sheet \"%s\": %zu row has 0 cases and is left out (%s): 0 in a "
				  "Talportal Excel file may be a missing value; the CSV download "
				  "keeps NA",
				  "sheet \"%s\": %zu rows have 0 cases and are left out (%s): 0 in "
				  "a Talportal Excel file may be a missing value; the CSV download "
				  "keeps NA",
				  p.zeros),
			 s->name, p.zeros, sbuf_str(&p.zero_examples));
	struct import_options xo = *o;
	xo.format = IMPORT_TALPORTAL;
	char *source = NULL;
	if (!o->source) {
		const char *base = strrchr(path, '/');
		char year[32] = "";
		if (p.footer_year)
			snprintf(year, sizeof year, "; Kilde: Ankestyrelsen (%d)", p.footer_year);
		xo.source = source = xasprintf("Ankestyrelsen, Talportal (Excel-eksport%s), fil %s",
					       year, base ? base + 1 : path);
	}
	size_t from = res->report.count;
	struct text_src src = {.rows = pivot_rows, .rows_ctx = &p};
	bool ok = import_text(&src, NULL, NULL, path, ds, &xo, res);
	name_cells(&res->report, from, path, s->name);
	free(source);
	xlsx_pivot_free(&p);
	return ok;
}

static bool ends_with_xlsx(const char *path)
{
	size_t n = strlen(path);
	return n >= 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

/* An archive (f, taken over) or bytes (buf) that begin like a ZIP archive. */
static bool import_xlsx(FILE *f, const char *buf, size_t len, const char *path,
			const struct ak_dataset *ds, const struct import_options *o,
			struct import_result *res)
{
	res->encoding = "XLSX";
	struct xlsx_sheet s;
	bool ok = f ? xlsx_read_file(f, path, XLSX_TALPORTAL_SHEET, &s, &res->report)
		    : xlsx_read_buffer(buf, len, path, XLSX_TALPORTAL_SHEET, &s, &res->report);
	if (ok)
		ok = import_sheet(&s, path, ds, o, res);
	xlsx_sheet_free(&s);
	diag_list_flush(&res->report);
	return ok;
}

/* ---- the entry points ----------------------------------------------------------------------- */

bool import_file(const char *path, const struct ak_dataset *ds, const struct import_options *o,
		 struct import_result *res)
{
	memset(res, 0, sizeof *res);
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, &why);
	if (!f) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
			 why ? why : strerror(errno));
		free(why);
		return false;
	}
	unsigned char magic[4] = {0};
	size_t got = fread(magic, 1, sizeof magic, f);
	rewind(f);
	if (xlsx_is_zip(magic, got))
		return import_xlsx(f, NULL, 0, path, ds, o, res);
	if (got == 4 && memcmp(magic, "\xD0\xCF\x11\xE0", 4) == 0) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0,
			 "an Excel 97-2003 workbook (.xls), which ankekort does not read: save it "
			 "as an Excel workbook (.xlsx), or download the Talportal's CSV");
		fclose(f);
		return false;
	}
	if (ends_with_xlsx(path)) {
		diag_add(&res->report, DIAG_ERROR, path, 0, 0,
			 "not an Excel workbook: an .xlsx file is a ZIP archive, and this one does "
			 "not begin like one");
		fclose(f);
		return false;
	}
	/* every encoding is read once, in blocks: a byte-order mark says
	 * UTF-8; otherwise the reading tells UTF-8 from Windows-1252 as it
	 * goes, and from the first byte that is not UTF-8 gives Windows-1252
	 * as it is, for csvread to convert (read again as Windows-1252 only
	 * when UTF-8 beyond ASCII came before it) */
	bool bom = got >= 3 && memcmp(magic, "\xEF\xBB\xBF", 3) == 0, again = false;
	struct encoding_auto *enc = NULL;
	FILE *text = bom ? f : encoding_auto_stream(f, &enc);
	res->encoding = encoding_name(bom ? ENC_UTF8_BOM : ENC_UTF8);
	bool ok = false;
	if (text) {
		struct text_src src = {.f = text};
		ok = import_text(&src, enc, &again, path, ds, o, res);
	}
	if (text && text != f)
		fclose(text);
	if (again) {
		import_result_free(res);
		res->encoding = encoding_name(ENC_CP1252);
		text = encoding_cp1252_raw_stream(f); /* csvread converts the fields */
		if (text) {
			struct text_src src = {.f = text};
			ok = import_text(&src, NULL, NULL, path, ds, o, res);
			fclose(text);
		}
	}
	if (!text)
		diag_add(&res->report, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
			 strerror(errno));
	fclose(f);
	return ok;
}

bool import_buffer(const char *raw, size_t raw_len, const char *path, const struct ak_dataset *ds,
		   const struct import_options *o, struct import_result *res)
{
	memset(res, 0, sizeof *res);
	if (xlsx_is_zip(raw, raw_len))
		return import_xlsx(NULL, raw, raw_len, path, ds, o, res);
	char *owned = NULL;
	size_t len;
	const char *text = encoding_view(raw, raw_len, &len, &res->encoding, &owned);
	struct text_src src = {.buf = text, .len = len};
	bool ok = import_text(&src, NULL, NULL, path, ds, o, res);
	free(owned);
	return ok;
}

void import_result_free(struct import_result *res)
{
	for (size_t i = 0; i < res->n_obs; i++) {
		ak_obs_free(&res->obs[i]);
	}
	free(res->obs);
	for (size_t i = 0; i < res->n_quarters; i++)
		ak_quarter_free(&res->quarters[i]);
	free(res->quarters);
	for (size_t i = 0; i < res->n_strings; i++)
		free(res->strings[i]);
	free(res->strings);
	free(res->pars);
	diag_list_free(&res->report);
	memset(res, 0, sizeof *res);
}
