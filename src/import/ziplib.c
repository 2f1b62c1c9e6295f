/* ziplib.c - libzip opened when an Excel workbook is first read (see
 * ziplib.h). */
#include "ankekort/import/ziplib.h"

#include "ankekort/base/dynlib.h"
#include "ankekort/base/i18n.h"

static struct ziplib fns;

#define ZIPLIB_SYMBOL(f) DYNLIB_FN(struct ziplib, f, #f)
static const struct dynlib_fn symbols[] = {ZIPLIB_FUNCTIONS(ZIPLIB_SYMBOL)};
#undef ZIPLIB_SYMBOL

/* the soname of the libzip whose headers ankekort is built with */
static const char *const sonames[] = {"libzip.so.4", NULL};

static struct dynlib lib = {
	.sonames = sonames,
	.needs = N_("reading an Excel workbook needs libzip (Debian: libzip4): %s"),
	.fns = symbols,
	.n_fns = sizeof symbols / sizeof symbols[0],
	.table = &fns,
};

const struct ziplib *ziplib_open(char **err)
{
	return dynlib_open(&lib, err) ? &fns : NULL;
}
