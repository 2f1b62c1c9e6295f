/* dynlib.c - a library opened when first needed (see dynlib.h). */
#include "ankekort/base/dynlib.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

/* POSIX has dlsym's object pointer hold a function's address. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "a function pointer is a data pointer");

static void clear(struct dynlib *l)
{
	void *none = NULL;
	for (size_t i = 0; i < l->n_fns; i++)
		memcpy((char *)l->table + l->fns[i].offset, &none, sizeof none);
}

static bool resolve(struct dynlib *l)
{
	for (size_t i = 0; i < l->n_fns; i++) {
		void *fn = dlsym(l->handle, l->fns[i].symbol);
		if (!fn)
			return false;
		memcpy((char *)l->table + l->fns[i].offset, &fn, sizeof fn);
	}
	return true;
}

bool dynlib_open(struct dynlib *l, char **err)
{
	if (l->handle)
		return true;
	char *why = NULL; /* the first name's: the one meant */
	for (const char *const *s = l->sonames; *s && !l->handle; s++) {
		l->handle = dlopen(*s, RTLD_NOW | RTLD_LOCAL);
		if (!l->handle && !why)
			why = xstrdup(dlerror());
	}
	if (l->handle && !resolve(l)) {
		free(why);
		why = xstrdup(dlerror());
		dlclose(l->handle);
		l->handle = NULL;
	}
	if (!l->handle) {
		clear(l);
		*err = xasprintf(_(l->needs), why ? why : "");
	}
	free(why);
	return l->handle != NULL;
}
