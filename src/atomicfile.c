/* atomicfile.c - temporary file + rename. */
#include "ankekort/atomicfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/i18n.h"
#include "ankekort/xalloc.h"

bool atomic_open(struct atomicfile *a, const char *path, bool overwrite, char **err)
{
	memset(a, 0, sizeof *a);
	*err = NULL;
	struct stat st;
	if (!overwrite && lstat(path, &st) == 0) {
		*err = xasprintf(_("%s already exists; not overwritten (choose another name or confirm "
				   "overwriting)"),
				 path);
		return false;
	}
	a->tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		free(a->tmp);
		a->tmp = NULL;
		return false;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* keep mkstemp's 0600: safe, only less convenient */
	}
	a->f = fdopen(fd, "w");
	if (!a->f) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		close(fd);
		unlink(a->tmp);
		free(a->tmp);
		a->tmp = NULL;
		return false;
	}
	a->path = xstrdup(path);
	return true;
}

void atomic_abort(struct atomicfile *a)
{
	if (a->f)
		fclose(a->f);
	if (a->tmp)
		unlink(a->tmp);
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof *a);
}

bool atomic_commit(struct atomicfile *a, char **err)
{
	*err = NULL;
	bool ok = fflush(a->f) == 0 && !ferror(a->f) && fsync(fileno(a->f)) == 0;
	int saved = errno;
	if (fclose(a->f) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	a->f = NULL;
	if (ok && rename(a->tmp, a->path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		*err = xasprintf(_("cannot write %s: %s; the old file is untouched"), a->path,
				 strerror(saved ? saved : EIO));
		unlink(a->tmp);
	}
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof *a);
	return ok;
}
