/* datadir.c - locate the shipped datasets and the user's data directory. */
#include "ankekort/data/datadir.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

char *datadir_user_default(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ankekort/data", xdg);
	return home && home[0] ? xasprintf("%s/.local/share/ankekort/data", home) : NULL;
}

bool datadir_same(const char *a, const char *b)
{
	struct stat sa, sb;
	if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool datadir_make(const char *dir)
{
	char *path = xstrdup(dir);
	bool ok = true;
	for (char *p = path + 1; ok && *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		ok = mkdir(path, 0777) == 0 || errno == EEXIST;
		*p = '/';
	}
	if (ok)
		ok = mkdir(path, 0777) == 0 || errno == EEXIST;
	int saved = errno;
	free(path);
	errno = saved;
	if (!ok)
		return false;
	struct stat st;
	if (stat(dir, &st) != 0)
		return false;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return false;
	}
	return true;
}
