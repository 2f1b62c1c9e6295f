/* dynlib.h - a shared library opened the first time a command needs it
 * (dlopen), its functions resolved into a struct of pointers. The
 * libraries only some commands use are opened this way: libcurl (fetch),
 * libzip and expat (reading an Excel workbook) and libxlsxwriter (writing
 * one).
 * Linked, they and what they bring (libcrypto above all) made every start
 * slower, the browser's included (docs/HACKING.md).
 *
 * The struct's members are declared with the library's own prototypes
 * (__typeof__ of the function its header declares), so every call through
 * them is checked by the compiler; the list of functions is one X-macro
 * that makes both the members and the table of symbols (DYNLIB_FN). */
#ifndef ANKEKORT_DYNLIB_H
#define ANKEKORT_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

/* One function: its symbol, and where its pointer goes in the struct. */
struct dynlib_fn {
	const char *symbol;
	size_t offset;
};
/* The table entry for member `member` of `type`, the library's `symbol`. */
#define DYNLIB_FN(type, member, symbol) {symbol, offsetof(type, member)},

struct dynlib {
	const char *const *sonames; /* tried in order (at least one); NULL ends */
	/* the sentence when it cannot be opened, marked N_(): what needs the
	 * library, the Debian package to install, and %s for the loader's words */
	const char *needs;
	const struct dynlib_fn *fns;
	size_t n_fns;
	void *table;  /* the struct the pointers are written into */
	void *handle; /* the library once open, else NULL */
};

/* Opens the library and fills its table, the first time; true once it is
 * open. False when no soname opens or a function is missing: *err is the
 * sentence of `needs` (caller frees), every pointer of the table NULL, and
 * a later call tries again. The library stays open to the end. */
bool dynlib_open(struct dynlib *l, char **err);

#endif
