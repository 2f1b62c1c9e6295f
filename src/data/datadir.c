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

char *datadir_default(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *rel[] = {"/../datasets", "/datasets", "/../share/ankekort/datasets"};
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			char *cand = xasprintf("%s%s", exe, rel[i]);
			char *real = realpath(cand, NULL);
			free(cand);
			if (real && holds_datasets(real))
				return real;
			free(real);
		}
	}
	if (holds_datasets(ANKEKORT_INSTALL_DATADIR))
		return xstrdup(ANKEKORT_INSTALL_DATADIR);
	return NULL;
}
