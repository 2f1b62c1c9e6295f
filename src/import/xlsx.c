/* xlsx.c - one sheet of an XLSX workbook into a grid of cells: the archive
 * through libzip, each XML part streamed through expat, never more than
 * XLSX_MAX_PART inflated of a part.
 *
 * The parts read: xl/workbook.xml (the sheets' names) and its relations
 * xl/_rels/workbook.xml.rels (which part each sheet is, and where the
 * shared strings and styles are), the shared strings, the styles (only
 * which cell formats show a percentage) and the sheet itself. */
#include "ankekort/import/xlsx.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/import/xlsxpart.h"

#define XLSX_MAX_SHEETS 4096
#define XLSX_MAX_STYLES 65536

bool xlsx_is_zip(const void *buf, size_t len)
{
	return len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0;
}

/* ---- xl/workbook.xml and its relations ---------------------------------------------------- */

struct sheet_ref {
	char *name, *rel;
};

struct workbook_state {
	struct xlsx_part pr; /* first: the parser's user data is the state */
	struct sheet_ref *sheets;
	size_t n;
};

static void XMLCALL workbook_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
	struct workbook_state *w = ctx;
	if (strcmp(xlsx_local(el), "sheet") != 0)
		return;
	const char *name = xlsx_attr(atts, "name"), *rel = xlsx_attr(atts, "id");
	if (!name || !rel)
		return;
	if (w->n == XLSX_MAX_SHEETS) {
		xlsx_part_fail(&w->pr, "%s: more than %d sheets", w->pr.part, XLSX_MAX_SHEETS);
		return;
	}
	w->sheets = xreallocarray(w->sheets, w->n + 1, sizeof *w->sheets);
	w->sheets[w->n++] = (struct sheet_ref){xstrdup(name), xstrdup(rel)};
}

struct rel {
	char *id, *type, *target;
};

struct rels_state {
	struct xlsx_part pr;
	struct rel *rels;
	size_t n;
};

static void XMLCALL rels_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
	struct rels_state *r = ctx;
	if (strcmp(xlsx_local(el), "Relationship") != 0)
		return;
	const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type"),
		   *target = xlsx_attr(atts, "Target");
	if (!id || !target)
		return;
	if (r->n == XLSX_MAX_SHEETS * 2) {
		xlsx_part_fail(&r->pr, "%s: more than %d relations", r->pr.part,
			       XLSX_MAX_SHEETS * 2);
		return;
	}
	r->rels = xreallocarray(r->rels, r->n + 1, sizeof *r->rels);
	r->rels[r->n++] = (struct rel){xstrdup(id), xstrdup(type ? type : ""), xstrdup(target)};
}

/* The part a relation's target names, relative to xl/ unless absolute. */
static char *target_part(const char *target)
{
	return target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
}

/* The part of the relation with the id; NULL when there is none. */
static char *rel_part(const struct rels_state *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->rels[i].id, id) == 0)
			return target_part(r->rels[i].target);
	return NULL;
}

/* The part of the first relation whose type ends with type_end, else the
 * part usually there (fallback). */
static char *rel_part_of_type(const struct rels_state *r, const char *type_end,
			      const char *fallback)
{
	size_t el = strlen(type_end);
	for (size_t i = 0; i < r->n; i++) {
		const struct rel *x = &r->rels[i];
		size_t tl = strlen(x->type);
		if (tl >= el && strcmp(x->type + tl - el, type_end) == 0)
			return target_part(x->target);
	}
	return xstrdup(fallback);
}

/* ---- the shared strings ----------------------------------------------------------------- */

struct strings_state {
	struct xlsx_part pr;
	struct xlsx_sheet *s;
	uint32_t *offs; /* each string's place in the sheet's pool */
	size_t n;
	int phonetic; /* inside <rPh>: a reading aid, not the text */
};

static void XMLCALL strings_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
	(void)atts;
	struct strings_state *st = ctx;
	const char *n = xlsx_local(el);
	if (strcmp(n, "si") == 0)
		sbuf_reset(&st->pr.text);
	else if (strcmp(n, "rPh") == 0)
		st->phonetic++;
	else if (strcmp(n, "t") == 0 && !st->phonetic)
		st->pr.collecting = true;
}

static void XMLCALL strings_end(void *ctx, const XML_Char *el)
{
	struct strings_state *st = ctx;
	const char *n = xlsx_local(el);
	if (strcmp(n, "t") == 0) {
		st->pr.collecting = false;
	} else if (strcmp(n, "rPh") == 0) {
		st->phonetic--;
	} else if (strcmp(n, "si") == 0) {
		if (st->n == XLSX_MAX_CELLS) {
			xlsx_part_fail(&st->pr, "%s: more than %zu strings", st->pr.part,
				       XLSX_MAX_CELLS);
			return;
		}
		if (!(st->n & (st->n + 1))) /* at 0, 1, 3, 7 ...: room for twice as many */
			st->offs = xreallocarray(st->offs, 2 * st->n + 1, sizeof *st->offs);
		st->offs[st->n++] = xlsx_sheet_pool_add(st->s, st->pr.text.data, st->pr.text.len);
	}
}

/* ---- the styles: which cell formats show a percentage ------------------------------------- */

struct styles_state {
	struct xlsx_part pr;
	unsigned *pct_fmts; /* custom number formats with a % */
	size_t n_pct;
	bool *xf_percent; /* per cell format (the s attribute of a cell) */
	size_t n_xf;
	bool in_cell_xfs;
};

static bool fmt_is_percent(const struct styles_state *st, unsigned id)
{
	if (id == 9 || id == 10) /* Excel's built-in 0% and 0.00% */
		return true;
	for (size_t i = 0; i < st->n_pct; i++)
		if (st->pct_fmts[i] == id)
			return true;
	return false;
}

static void XMLCALL styles_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
	struct styles_state *st = ctx;
	const char *n = xlsx_local(el);
	if (strcmp(n, "cellXfs") == 0) {
		st->in_cell_xfs = true;
	} else if (strcmp(n, "numFmt") == 0) {
		const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
		if (id && code && strchr(code, '%') && st->n_pct < XLSX_MAX_STYLES) {
			st->pct_fmts =
				xreallocarray(st->pct_fmts, st->n_pct + 1, sizeof *st->pct_fmts);
			st->pct_fmts[st->n_pct++] = (unsigned)strtoul(id, NULL, 10);
		}
	} else if (strcmp(n, "xf") == 0 && st->in_cell_xfs) {
		if (st->n_xf == XLSX_MAX_STYLES) {
			xlsx_part_fail(&st->pr, "%s: more than %d cell formats", st->pr.part,
				       XLSX_MAX_STYLES);
			return;
		}
		const char *id = xlsx_attr(atts, "numFmtId");
		st->xf_percent =
			xreallocarray(st->xf_percent, st->n_xf + 1, sizeof *st->xf_percent);
		st->xf_percent[st->n_xf++] =
			id && fmt_is_percent(st, (unsigned)strtoul(id, NULL, 10));
	}
}

static void XMLCALL styles_end(void *ctx, const XML_Char *el)
{
	struct styles_state *st = ctx;
	if (strcmp(xlsx_local(el), "cellXfs") == 0)
		st->in_cell_xfs = false;
}

/* ---- the sheet ---------------------------------------------------------------------------- */

struct sheet_state {
	struct xlsx_part pr;
	struct xlsx_sheet *s;
	const struct strings_state *strings;
	const struct styles_state *styles;
	bool in_data, in_cell, in_inline;
	int phonetic;
	uint32_t row, col;
	char type[12];
	unsigned style;
	bool has_value;
};

static void sheet_fail_at(struct sheet_state *sh, const char *what)
{
	char ref[16];
	xlsx_part_fail(&sh->pr, "sheet \"%s\" %s: %s", sh->s->name,
		       xlsx_cell_name(sh->row, sh->col, ref), what);
}

static void cell_start(struct sheet_state *sh, const XML_Char **atts)
{
	const char *r = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t"),
		   *style = xlsx_attr(atts, "s");
	uint32_t row, col;
	if (r && !xlsx_parse_ref(r, &row, &col)) {
		xlsx_part_fail(&sh->pr,
			       "sheet \"%s\" row %u: a cell named \"%.20s\", which is no cell",
			       sh->s->name, (unsigned)sh->row, r);
		return;
	}
	if (!r) { /* without a name: the next cell of the row */
		row = sh->row ? sh->row : 1;
		col = sh->col + 1;
		if (col > XLSX_MAX_COL) {
			xlsx_part_fail(&sh->pr, "sheet \"%s\" row %u: more than %u columns",
				       sh->s->name, (unsigned)row, XLSX_MAX_COL);
			return;
		}
	}
	sh->row = row;
	sh->col = col;
	snprintf(sh->type, sizeof sh->type, "%s", t ? t : "n");
	sh->style = style ? (unsigned)strtoul(style, NULL, 10) : 0;
	sh->in_cell = true;
	sh->has_value = false;
	sbuf_reset(&sh->pr.text);
}

static void XMLCALL sheet_start(void *ctx, const XML_Char *el, const XML_Char **atts)
{
	struct sheet_state *sh = ctx;
	const char *n = xlsx_local(el);
	if (strcmp(n, "sheetData") == 0) {
		sh->in_data = true;
	} else if (sh->in_data && strcmp(n, "row") == 0) {
		const char *r = xlsx_attr(atts, "r");
		unsigned long v = r ? strtoul(r, NULL, 10) : sh->row + 1ul;
		if (v < 1 || v > XLSX_MAX_ROW) {
			xlsx_part_fail(&sh->pr, "sheet \"%s\": a row numbered \"%.20s\"",
				       sh->s->name, r ? r : "");
			return;
		}
		sh->row = (uint32_t)v;
		sh->col = 0;
	} else if (sh->in_data && strcmp(n, "c") == 0) {
		cell_start(sh, atts);
	} else if (sh->in_cell && strcmp(n, "v") == 0) {
		sh->pr.collecting = true;
		sh->has_value = true;
	} else if (sh->in_cell && strcmp(n, "is") == 0) {
		sh->in_inline = true;
	} else if (sh->in_inline && strcmp(n, "rPh") == 0) {
		sh->phonetic++;
	} else if (sh->in_inline && !sh->phonetic && strcmp(n, "t") == 0) {
		sh->pr.collecting = true;
		sh->has_value = true;
	} else if (strcmp(n, "mergeCell") == 0) {
		const char *ref = xlsx_attr(atts, "ref");
		char a[24] = "", b[24] = "";
		struct xlsx_range m;
		if (!ref || sscanf(ref, "%23[A-Z0-9]:%23[A-Z0-9]", a, b) != 2 ||
		    !xlsx_parse_ref(a, &m.r1, &m.c1) || !xlsx_parse_ref(b, &m.r2, &m.c2) ||
		    m.r2 < m.r1 || m.c2 < m.c1) {
			xlsx_part_fail(&sh->pr,
				       "sheet \"%s\": a merged range \"%.40s\", which is none",
				       sh->s->name, ref ? ref : "");
			return;
		}
		if (sh->s->n_merges == XLSX_MAX_CELLS) {
			xlsx_part_fail(&sh->pr, "sheet \"%s\": more than %zu merged ranges",
				       sh->s->name, XLSX_MAX_CELLS);
			return;
		}
		xlsx_sheet_merge(sh->s, m);
	}
}

static void cell_end(struct sheet_state *sh)
{
	sh->in_cell = sh->in_inline = false;
	const char *text = sh->pr.text.data ? sh->pr.text.data : "";
	size_t len = sh->pr.text.len;
	if (!sh->has_value || !len)
		return; /* a blank cell (perhaps only formatted) */
	if (sh->s->n_cells == XLSX_MAX_CELLS) {
		sheet_fail_at(sh, _("more cells than the most read of a sheet"));
		return;
	}
	const char *t = sh->type;
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(text, &end, 10);
		if (*end || end == text || i >= sh->strings->n) {
			char *msg = xasprintf(_("shared string \"%.20s\" does not exist (the "
						"workbook has %zu)"),
					      text, sh->strings->n);
			sheet_fail_at(sh, msg);
			free(msg);
			return;
		}
		xlsx_sheet_put_at(sh->s, sh->row, sh->col, XLSX_TEXT, false, sh->strings->offs[i]);
	} else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
		xlsx_sheet_put(sh->s, sh->row, sh->col, XLSX_TEXT, false, text, len);
	} else if (strcmp(t, "b") == 0 || strcmp(t, "e") == 0) {
		xlsx_sheet_put(sh->s, sh->row, sh->col, t[0] == 'b' ? XLSX_BOOL : XLSX_ERROR, false,
			       text, len);
	} else {
		bool pct = sh->style < sh->styles->n_xf && sh->styles->xf_percent[sh->style];
		xlsx_sheet_put(sh->s, sh->row, sh->col, XLSX_NUMBER, pct, text, len);
	}
}

static void XMLCALL sheet_end(void *ctx, const XML_Char *el)
{
	struct sheet_state *sh = ctx;
	const char *n = xlsx_local(el);
	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		sh->pr.collecting = false;
	else if (strcmp(n, "rPh") == 0 && sh->phonetic)
		sh->phonetic--;
	else if (strcmp(n, "is") == 0)
		sh->in_inline = false;
	else if (strcmp(n, "c") == 0 && sh->in_cell)
		cell_end(sh);
	else if (strcmp(n, "sheetData") == 0)
		sh->in_data = false;
}

/* ---- the workbook ------------------------------------------------------------------------- */

static const struct sheet_ref *choose_sheet(const struct workbook_state *w, const char *want,
					    const char *path, struct diag_list *diags)
{
	for (size_t i = 0; i < w->n; i++)
		if (want && strcasecmp(w->sheets[i].name, want) == 0)
			return &w->sheets[i];
	if (want)
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "the workbook has no sheet \"%s\"; the first sheet, \"%s\", is read", want,
			 w->sheets[0].name);
	return &w->sheets[0];
}

/* The shared strings and the styles, where the workbook has them. */
/* A part the workbook may have (the shared strings, the styles): read when
 * it is in the archive. */
static bool read_optional(const struct xlsx_zip *ar, struct xlsx_part *pr, void *state,
			  const char *part, XML_StartElementHandler start,
			  XML_EndElementHandler end)
{
	pr->part = part;
	bool ok = xlsx_part_begin(ar, pr, state, start, end);
	if (ok && ar->z->zip_name_locate(ar->za, part, 0) >= 0)
		ok = xlsx_part_read(ar, pr, false);
	xlsx_part_end(pr);
	pr->part = NULL;
	return ok;
}

static bool read_extras(const struct xlsx_zip *ar, const struct rels_state *rels,
			struct strings_state *strings, struct styles_state *styles)
{
	char *part = rel_part_of_type(rels, "/sharedStrings", "xl/sharedStrings.xml");
	bool ok = read_optional(ar, &strings->pr, strings, part, strings_start, strings_end);
	free(part);
	if (!ok)
		return false;
	part = rel_part_of_type(rels, "/styles", "xl/styles.xml");
	ok = read_optional(ar, &styles->pr, styles, part, styles_start, styles_end);
	free(part);
	return ok;
}

static bool read_sheet(const struct xlsx_zip *ar, const char *path, const char *want,
		       struct xlsx_sheet *s, struct diag_list *diags)
{
	struct workbook_state wb = {.pr = xlsx_part_for(path, "xl/workbook.xml", diags)};
	struct rels_state rels = {.pr = xlsx_part_for(path, "xl/_rels/workbook.xml.rels", diags)};
	struct strings_state strings = {.pr = xlsx_part_for(path, NULL, diags), .s = s};
	struct styles_state styles = {.pr = xlsx_part_for(path, NULL, diags)};
	char *part = NULL;
	bool ok = xlsx_part_begin(ar, &wb.pr, &wb, workbook_start, NULL) &&
		  xlsx_part_read(ar, &wb.pr, false);
	xlsx_part_end(&wb.pr);
	if (ok && (!wb.n || !wb.sheets)) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "the workbook names no sheet");
		ok = false;
	}
	if (ok) {
		ok = xlsx_part_begin(ar, &rels.pr, &rels, rels_start, NULL) &&
		     xlsx_part_read(ar, &rels.pr, false);
		xlsx_part_end(&rels.pr);
	}
	const struct sheet_ref *ref = ok ? choose_sheet(&wb, want, path, diags) : NULL;
	if (ref && !(part = rel_part(&rels, ref->rel))) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "the workbook's relations name no part for the sheet \"%s\"", ref->name);
		ok = false;
	}
	if (ok && ref) {
		s->name = xstrdup(ref->name);
		ok = read_extras(ar, &rels, &strings, &styles);
	}
	if (ok && ref) {
		struct sheet_state sh = {.pr = xlsx_part_for(path, part, diags),
					 .s = s,
					 .strings = &strings,
					 .styles = &styles};
		ok = xlsx_part_begin(ar, &sh.pr, &sh, sheet_start, sheet_end) &&
		     xlsx_part_read(ar, &sh.pr, false);
		xlsx_part_end(&sh.pr);
	}
	const struct xlsx_cell *dup;
	if (ok && !xlsx_sheet_sort(s, &dup)) {
		char ref_name[16];
		diag_add(diags, DIAG_ERROR, path, 0, 0, "sheet \"%s\" %s: the cell comes twice",
			 s->name, xlsx_cell_name(dup->row, dup->col, ref_name));
		ok = false;
	}
	for (size_t i = 0; wb.sheets && i < wb.n; i++) {
		free(wb.sheets[i].name);
		free(wb.sheets[i].rel);
	}
	free(wb.sheets);
	for (size_t i = 0; rels.rels && i < rels.n; i++) {
		free(rels.rels[i].id);
		free(rels.rels[i].type);
		free(rels.rels[i].target);
	}
	free(rels.rels);
	free(strings.offs);
	free(styles.pct_fmts);
	free(styles.xf_percent);
	free(part);
	if (!ok)
		xlsx_sheet_free(s);
	return ok;
}

/* libzip and expat, or false with the reason said (the libraries are
 * opened when the first workbook is read). */
static bool open_libs(const char *path, struct xlsx_sheet *s, struct diag_list *diags,
		      struct xlsx_zip *ar)
{
	char *err = NULL;
	*ar = (struct xlsx_zip){.z = ziplib_open(&err)};
	if (ar->z)
		ar->x = expatlib_open(&err);
	if (!ar->x) {
		memset(s, 0, sizeof *s);
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s", err);
		free(err);
	}
	return ar->x != NULL;
}

/* The sheet from the archive src is (ar: the libraries, open). */
static bool read_source(struct xlsx_zip *ar, zip_source_t *src, zip_error_t *ze, const char *path,
			const char *want, struct xlsx_sheet *s, struct diag_list *diags)
{
	const struct ziplib *z = ar->z;
	memset(s, 0, sizeof *s);
	ar->za = src ? z->zip_open_from_source(src, ZIP_RDONLY, ze) : NULL;
	if (!ar->za) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "not a readable ZIP archive, which an Excel workbook (XLSX) is: %s",
			 z->zip_error_strerror(ze));
		if (src)
			z->zip_source_free(src);
		return false;
	}
	bool ok = read_sheet(ar, path, want, s, diags);
	z->zip_discard(ar->za);
	return ok;
}

bool xlsx_read_file(FILE *f, const char *path, const char *want, struct xlsx_sheet *s,
		    struct diag_list *diags)
{
	struct xlsx_zip ar;
	if (!open_libs(path, s, diags, &ar)) {
		fclose(f); /* taken over, as on every path */
		return false;
	}
	zip_error_t ze;
	ar.z->zip_error_init(&ze);
	zip_source_t *src = ar.z->zip_source_filep_create(f, 0, -1, &ze);
	if (!src)
		fclose(f); /* not taken over */
	bool ok = read_source(&ar, src, &ze, path, want, s, diags);
	ar.z->zip_error_fini(&ze);
	return ok;
}

bool xlsx_read_buffer(const void *buf, size_t len, const char *path, const char *want,
		      struct xlsx_sheet *s, struct diag_list *diags)
{
	struct xlsx_zip ar;
	if (!open_libs(path, s, diags, &ar))
		return false;
	zip_error_t ze;
	ar.z->zip_error_init(&ze);
	zip_source_t *src = ar.z->zip_source_buffer_create(buf, len, 0, &ze);
	bool ok = read_source(&ar, src, &ze, path, want, s, diags);
	ar.z->zip_error_fini(&ze);
	return ok;
}
