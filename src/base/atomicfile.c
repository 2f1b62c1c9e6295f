/* atomicfile.c - an unnamed temporary file, linked and renamed into place.
 *
 * The text is written to a file without a name (O_TMPFILE) in the target's
 * directory, so a process killed while writing (kill -9, a full disk's
 * SIGXFSZ, a power cut) leaves nothing behind. Only once everything is
 * written and synced does it get a temporary name and is renamed over the
 * target, a step of microseconds. Where the file system has no O_TMPFILE, a
 * named temporary file (mkstemp) is used as before. */
#include "ankekort/base/atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

/* The target itself: a link is followed to the file it names, which is
 * replaced (follow), or the link itself is replaced by the file (!follow:
 * an output never writes through a link into what it names); and only a
 * regular file is ever replaced (never /dev/null, a pipe, a socket).
 * Returns the path to write (caller frees) or NULL. */
static char *target_of(const char *path, bool overwrite, bool follow, char **err)
{
	struct stat st;
	if (!overwrite && lstat(path, &st) == 0) {
		*err = xasprintf(
			_("%s already exists; not overwritten (choose another name or confirm "
			  "overwriting)"),
			path);
		return NULL;
	}
	char *target = NULL;
	bool link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (link && !follow)
		return xstrdup(path); /* the link is replaced, whatever it names */
	if (link) {
		target = realpath(path, NULL);
		if (!target) {
			*err = xasprintf(_("cannot write %s: it is a link to %s"), path,
					 errno == ENOENT ? _("nothing (a dangling link)")
							 : strerror(errno));
			return NULL;
		}
	} else {
		target = xstrdup(path);
	}
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		*err = xasprintf(_("cannot write %s: not a regular file (a device, a pipe or a "
				   "directory); ankekort writes only files"),
				 target);
		free(target);
		return NULL;
	}
	return target;
}

/* Removes what a writer killed between naming its file and renaming it
 * (kill -9) left beside the target: NAME.tmpPID.N of a process that is
 * gone. A live writer's file is left alone. */
static void remove_leftovers(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash == target ? 1 : slash - target), target)
			  : xstrdup(".");
	const char *base = slash ? slash + 1 : target;
	size_t n = strlen(base);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		const char *p = e->d_name;
		if (strncmp(p, base, n) != 0 || strncmp(p + n, ".tmp", 4) != 0)
			continue;
		char *end;
		long pid = strtol(p + n + 4, &end, 10);
		if (end == p + n + 4 || *end != '.' || pid <= 0 || end[1] == '\0' ||
		    strspn(end + 1, "0123456789") != strlen(end + 1))
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* its writer is alive (or not ours to judge) */
		char *path = xasprintf("%s/%s", dir, p);
		unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* An unnamed file in path's directory, or -1 when the file system cannot
 * make one (then a named one is used). */
static int open_unnamed(const char *path)
{
#ifdef O_TMPFILE
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash == path ? 1 : slash - path), path)
			  : xstrdup(".");
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	free(dir);
	return fd;
#else
	(void)path;
	return -1;
#endif
}

static int open_named(const char *path, char **tmp)
{
	*tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* keep mkstemp's 0600: safe, only less convenient */
	}
	return fd;
}

static bool open_target(struct atomicfile *a, const char *path, bool overwrite, bool follow,
			char **err)
{
	memset(a, 0, sizeof *a);
	*err = NULL;
	char *target = target_of(path, overwrite, follow, err);
	if (!target)
		return false;
	remove_leftovers(target);
	int fd = open_unnamed(target);
	if (fd < 0)
		fd = open_named(target, &a->tmp);
	if (fd < 0 || !(a->f = fdopen(fd, "w"))) {
		*err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		if (a->tmp)
			unlink(a->tmp);
		free(a->tmp);
		free(target);
		memset(a, 0, sizeof *a);
		return false;
	}
	a->path = target;
	return true;
}

bool atomic_open(struct atomicfile *a, const char *path, bool overwrite, char **err)
{
	return open_target(a, path, overwrite, true, err);
}

bool atomic_open_output(struct atomicfile *a, const char *path, bool overwrite, char **err)
{
	return open_target(a, path, overwrite, false, err);
}

/* Gives the unnamed file a temporary name beside the target (a->tmp). */
static bool name_unnamed(struct atomicfile *a)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(a->f));
	for (unsigned n = 0; n < 100; n++) {
		free(a->tmp);
		a->tmp = xasprintf("%s.tmp%ld.%u", a->path, (long)getpid(), n);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, a->tmp, AT_SYMLINK_FOLLOW) == 0)
			return true;
		if (errno != EEXIST)
			break;
	}
	int saved = errno;
	free(a->tmp);
	a->tmp = NULL;
	errno = saved;
	return false;
}

bool atomic_commit(struct atomicfile *a, char **err)
{
	*err = NULL;
	bool ok = fflush(a->f) == 0 && !ferror(a->f) && fsync(fileno(a->f)) == 0;
	int saved = errno;
	if (ok && !a->tmp && !name_unnamed(a)) {
		ok = false;
		saved = errno;
	}
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
		if (a->tmp)
			unlink(a->tmp);
	}
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof *a);
	return ok;
}
