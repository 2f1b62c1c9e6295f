/* xlsxlib.c - libxlsxwriter opened when a workbook is first written (see
 * xlsxlib.h). */
#include "ankekort/output/xlsxlib.h"

#include "ankekort/base/dynlib.h"
#include "ankekort/base/i18n.h"

static struct xlsxlib fns;

#define XLSXLIB_SYMBOL(f) DYNLIB_FN(struct xlsxlib, f, #f)
static const struct dynlib_fn symbols[] = {XLSXLIB_FUNCTIONS(XLSXLIB_SYMBOL)};
#undef XLSXLIB_SYMBOL

/* the soname of the libxlsxwriter whose headers ankekort is built with */
static const char *const sonames[] = {"libxlsxwriter.so.4", NULL};

static struct dynlib lib = {
	.sonames = sonames,
	.needs = N_("writing an Excel workbook needs libxlsxwriter (Debian: libxlsxwriter4): %s"),
	.fns = symbols,
	.n_fns = sizeof symbols / sizeof symbols[0],
	.table = &fns,
};

const struct xlsxlib *xlsxlib_open(char **err)
{
	return dynlib_open(&lib, err) ? &fns : NULL;
}
