/* userfile.c - a user's own file beside the data: where it is, its lock,
 * its complete write, its format line and its entry numbers. */
#include "ankekort/base/userfile.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/xalloc.h"

char *userfile_default_path(const char *name)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ankekort/%s", xdg, name);
	return home && home[0] ? xasprintf("%s/.local/share/ankekort/%s", home, name) : NULL;
}

/* path's directory part ("." when it has none). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xasprintf("%.*s", (int)(slash == path ? 1 : slash - path), path)
		     : xstrdup(".");
}

static bool make_dirs(const char *path, char **err)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			*err = xasprintf(_("cannot create %s: %s"), dir, strerror(errno));
			free(dir);
			return false;
		}
		*p = '/';
	}
	free(dir);
	return true;
}

/* Where the file really is (caller frees): links followed, to a file not
 * written yet too, in its directory's real place, that directory made
 * first; NULL (*err set) when it cannot be. */
static char *real_path(const char *path, char **err)
{
	char *p = xstrdup(path);
	for (int hops = 0; hops < 16; hops++) {
		char *real = realpath(p, NULL), link[PATH_MAX];
		if (real) {
			free(p);
			return real;
		}
		ssize_t n = readlink(p, link, sizeof link - 1);
		if (n <= 0)
			break;
		link[n] = '\0';
		char *dir = dir_of(p);
		char *next = link[0] == '/' ? xstrdup(link) : xasprintf("%s/%s", dir, link);
		free(dir);
		free(p);
		p = next;
	}
	if (!make_dirs(p, err)) {
		free(p);
		return NULL;
	}
	char *dir = dir_of(p), *rdir = realpath(dir, NULL);
	if (!rdir)
		*err = xasprintf(_("cannot write %s: %s"), dir, strerror(errno));
	const char *slash = strrchr(p, '/');
	char *out =
		rdir ? xasprintf("%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, slash ? slash + 1 : p)
		     : NULL;
	free(rdir);
	free(dir);
	free(p);
	return out;
}

bool userfile_write(const char *path, const char *text, size_t len, char **err)
{
	*err = NULL;
	char *real = real_path(path, err); /* a link: the file it names */
	struct atomicfile af;
	bool opened = real && atomic_open(&af, real, true, err);
	free(real);
	if (!opened)
		return false;
	fwrite(text, 1, len, af.f);
	return atomic_commit(&af, err);
}

/* The directory is made first, so the first use is locked too; a directory
 * removed while this one waited for its lock (an import that wrote
 * nothing) is made and locked again. */
int userfile_lock(const char *path, char **err)
{
	*err = NULL;
	for (int tries = 0; tries < 100; tries++) {
		char *real = real_path(path, err);
		if (!real)
			return -1;
		char *dir = dir_of(real);
		free(real);
		int fd = fileio_lock_dir(dir, NULL);
		struct stat held, now;
		bool same = fd >= 0 && fstat(fd, &held) == 0 && stat(dir, &now) == 0 &&
			    held.st_ino == now.st_ino && held.st_dev == now.st_dev;
		if (fd < 0)
			*err = xasprintf(_("cannot lock %s: %s"), path, strerror(errno));
		free(dir);
		if (fd < 0 || same)
			return fd;
		close(fd); /* locked a directory that is gone: again */
	}
	*err = xasprintf(_("cannot lock %s: its directory keeps being removed"), path);
	return -1;
}

size_t userfile_format_line(const char *text, size_t len, const char *magic, const char *old_magic,
			    int max_id, int *last)
{
	*last = 0;
	size_t n1 = old_magic ? strlen(old_magic) : 0, n2 = strlen(magic);
	if (old_magic && len >= n1 && strncmp(text, old_magic, n1) == 0 &&
	    (text[n1] == '\n' || text[n1] == '\r'))
		return n1;
	const char *tag = " last_id=";
	size_t nt = strlen(tag);
	if (len < n2 + nt || strncmp(text, magic, n2) != 0 || strncmp(text + n2, tag, nt) != 0)
		return 0;
	size_t k = n2 + nt, start = k;
	long v = 0;
	while (k < len && k - start < 10 && isdigit((unsigned char)text[k]))
		v = v * 10 + (text[k++] - '0');
	if (k == start || v > max_id || (text[k] != '\n' && text[k] != '\r'))
		return 0;
	*last = (int)v;
	return k;
}

bool userfile_number(int *next, int max_id, int *id)
{
	if (*next < 1)
		*next = 1;
	if (*id <= 0) {
		if (*next > max_id)
			return false;
		*id = *next;
	}
	if (*id >= *next)
		*next = *id + 1;
	return true;
}
