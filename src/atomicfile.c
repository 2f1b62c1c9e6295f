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
	/* a link is followed to the file it names, which is replaced; and only
	 * a regular file is ever replaced (never /dev/null, a pipe, a socket) */
	char *target = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		target = realpath(path, NULL);
		if (!target) {
			*err = xasprintf(_("cannot write %s: it is a link to %s"), path,
					 errno == ENOENT ? _("nothing (a dangling link)") : strerror(errno));
			return false;
		}
		path = target;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("cannot write %s: not a regular file (a device, a pipe or a "
				   "directory); ankekort writes only files"),
				 path);
		free(target);
		return false;
	}
	a->tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		free(a->tmp);
		a->tmp = NULL;
		free(target);
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
		free(target);
		return false;
	}
	a->path = xstrdup(path);
	free(target);
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
