/* xlsxpart.c - one part of an XLSX archive through expat: inflated in
 * blocks by libzip, counted against XLSX_MAX_PART as it comes (a size the
 * archive states is checked first, but never trusted), no document type
 * declarations (no entities to expand). */
#include "ankekort/import/xlsxpart.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

/* The local name of an element or attribute: expat gives "namespace|name". */
const char *xlsx_local(const XML_Char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

const char *xlsx_attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(xlsx_local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

void xlsx_part_fail(struct xlsx_part *pr, const char *fmt, ...)
{
	if (pr->failed)
		return;
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(pr->diags, DIAG_ERROR, pr->path, 0, 0, fmt, ap); /* translates fmt */
	va_end(ap);
	pr->failed = true;
	pr->x->XML_StopParser(pr->parser, XML_FALSE);
}

static void XMLCALL on_text(void *ctx, const XML_Char *s, int len)
{
	struct xlsx_part *pr = ctx;
	if (!pr->collecting)
		return;
	if (pr->text.len + (size_t)len > XLSX_MAX_STRING) {
		xlsx_part_fail(pr, "%s: a text of more than %zu bytes; not read", pr->part,
			       XLSX_MAX_STRING);
		return;
	}
	sbuf_putn(&pr->text, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	struct xlsx_part *pr = ctx;
	xlsx_part_fail(pr, "%s: a document type declaration, which no workbook part has; not read",
		       pr->part);
}

static bool zip_says(const struct ziplib *z, struct xlsx_part *pr, zip_error_t *ze,
		     const char *what)
{
	diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0, "%s %s: %s", what, pr->part,
		 z->zip_error_strerror(ze));
	return false;
}

/* Streams the named part through the parser pr->parser was set up with.
 * A missing part is false without a message when quiet. */
bool xlsx_part_read(const struct xlsx_zip *ar, struct xlsx_part *pr, bool quiet)
{
	const struct ziplib *z = ar->z;
	zip_t *za = ar->za;
	zip_int64_t idx = z->zip_name_locate(za, pr->part, 0);
	if (idx < 0) {
		if (!quiet)
			diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0,
				 "not an Excel workbook: the archive has no %s", pr->part);
		return false;
	}
	zip_stat_t st;
	if (z->zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0)
		return zip_says(z, pr, z->zip_get_error(za), _("cannot read"));
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_PART) {
		diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0,
			 "%s inflates to %llu bytes, more than the %llu read of one part; not read",
			 pr->part, (unsigned long long)st.size, (unsigned long long)XLSX_MAX_PART);
		return false;
	}
	zip_file_t *zf = z->zip_fopen_index(za, (zip_uint64_t)idx, 0);
	if (!zf)
		return zip_says(z, pr, z->zip_get_error(za), _("cannot open"));
	char chunk[65536];
	uint64_t total = 0;
	bool ok = true;
	for (;;) {
		zip_int64_t n = z->zip_fread(zf, chunk, sizeof chunk);
		if (n < 0) {
			ok = zip_says(z, pr, z->zip_file_get_error(zf), _("cannot inflate"));
			break;
		}
		total += (uint64_t)n;
		if ((st.valid & ZIP_STAT_SIZE) && total > st.size) {
			diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0,
				 "%s inflates to more than the %llu bytes the archive says; the "
				 "archive is damaged",
				 pr->part, (unsigned long long)st.size);
			ok = false;
			break;
		}
		if (total > XLSX_MAX_PART) {
			diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0,
				 "%s inflates to more than the %llu bytes read of one part; not "
				 "read",
				 pr->part, (unsigned long long)XLSX_MAX_PART);
			ok = false;
			break;
		}
		const struct expatlib *x = pr->x;
		if (x->XML_Parse(pr->parser, chunk, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (!pr->failed)
				diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0,
					 "%s line %lu column %lu: %s", pr->part,
					 (unsigned long)x->XML_GetCurrentLineNumber(pr->parser),
					 (unsigned long)x->XML_GetCurrentColumnNumber(pr->parser) +
						 1,
					 x->XML_ErrorString(x->XML_GetErrorCode(pr->parser)));
			ok = false;
			break;
		}
		if (n == 0)
			break;
	}
	z->zip_fclose(zf);
	return ok && !pr->failed;
}

/* ctx is the reader's state, whose first member is pr. */
bool xlsx_part_begin(const struct xlsx_zip *ar, struct xlsx_part *pr, void *ctx,
		     XML_StartElementHandler start, XML_EndElementHandler end)
{
	pr->x = ar->x;
	pr->parser = pr->x->XML_ParserCreateNS(NULL, '|');
	if (!pr->parser) {
		diag_add(pr->diags, DIAG_ERROR, pr->path, 0, 0, "cannot read %s: %s", pr->part,
			 strerror(ENOMEM));
		return false;
	}
	pr->x->XML_SetUserData(pr->parser, ctx);
	pr->x->XML_SetElementHandler(pr->parser, start, end);
	pr->x->XML_SetCharacterDataHandler(pr->parser, on_text);
	pr->x->XML_SetStartDoctypeDeclHandler(pr->parser, on_doctype);
	pr->failed = false;
	pr->collecting = false;
	sbuf_reset(&pr->text);
	return true;
}

void xlsx_part_end(struct xlsx_part *pr)
{
	if (pr->parser)
		pr->x->XML_ParserFree(pr->parser);
	pr->parser = NULL;
	sbuf_free(&pr->text);
}

struct xlsx_part xlsx_part_for(const char *path, const char *part, struct diag_list *d)
{
	return (struct xlsx_part){.path = path, .part = part, .diags = d};
}
