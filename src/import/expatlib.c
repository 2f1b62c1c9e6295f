/* expatlib.c - expat opened when an Excel workbook is first read (see
 * expatlib.h). */
#include "ankekort/import/expatlib.h"

#include "ankekort/base/dynlib.h"
#include "ankekort/base/i18n.h"

static struct expatlib fns;

#define EXPATLIB_SYMBOL(f) DYNLIB_FN(struct expatlib, f, #f)
static const struct dynlib_fn symbols[] = {EXPATLIB_FUNCTIONS(EXPATLIB_SYMBOL)};
#undef EXPATLIB_SYMBOL

/* the soname of the expat whose headers ankekort is built with */
static const char *const sonames[] = {"libexpat.so.1", NULL};

static struct dynlib lib = {
	.sonames = sonames,
	.needs = N_("reading an Excel workbook needs expat (Debian: libexpat1): %s"),
	.fns = symbols,
	.n_fns = sizeof symbols / sizeof symbols[0],
	.table = &fns,
};

const struct expatlib *expatlib_open(char **err)
{
	return dynlib_open(&lib, err) ? &fns : NULL;
}
