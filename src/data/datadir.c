/* datadir.c - locate the shipped datasets. */
#include "ankekort/data/datadir.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/base/xalloc.h"

#ifndef ANKEKORT_INSTALL_DATADIR
#define ANKEKORT_INSTALL_DATADIR "/usr/local/share/ankekort/datasets"
#endif

static bool holds_datasets(const char *dir)
{
	char *probe = xasprintf("%s/municipalities.csv", dir);
	bool ok = access(probe, R_OK) == 0;
	free(probe);
	return ok;
}

/* The datasets of an installed tree, found from the executable: prefix/bin
 * -> prefix/share/ankekort/datasets (a moved or DESTDIR install). */
static char *beside_install(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	char *cand = xasprintf("%s/../share/ankekort/datasets", exe);
	char *real = realpath(cand, NULL);
	free(cand);
	if (real && holds_datasets(real))
		return real;
	free(real);
	return NULL;
}

char *datadir_default(void)
{
	const char *env = getenv("ANKEKORT_DATASETS");
	if (env && env[0])
		return xstrdup(env);
	char *found = beside_install();
	if (found)
		return found;
#ifdef ANKEKORT_SOURCE_DATADIR
	/* a build that is not installed: the source tree it was built from */
	if (holds_datasets(ANKEKORT_SOURCE_DATADIR))
		return xstrdup(ANKEKORT_SOURCE_DATADIR);
#endif
	if (holds_datasets(ANKEKORT_INSTALL_DATADIR))
		return xstrdup(ANKEKORT_INSTALL_DATADIR);
	return NULL;
}
