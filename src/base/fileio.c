/* fileio.c - open only regular files: the check is made on the open file
 * (fstat), so nothing can swap the file in between, and the open does not
 * block on a FIFO (O_NONBLOCK, cleared afterwards). */
#include "ankekort/base/fileio.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/diag.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

int fileio_lock_dir(const char *dir, FILE *say)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (say)
			diag_sayf(say,
				  _("ankekort: %s is being written by another ankekort; waiting\n"),
				  dir);
		if (flock(fd, LOCK_EX) != 0) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

char *fileio_read_all(FILE *f, size_t *len)
{
	struct sbuf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_putn(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return sbuf_take(&b);
}

FILE *fileio_open_regular(const char *path, long long max, char **why)
{
	if (why)
		*why = NULL;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (why)
			*why = xstrdup(strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int saved = errno;
		close(fd);
		if (why)
			*why = xstrdup(strerror(saved));
		errno = saved;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (why)
			*why = xstrdup(
				_("not a regular file (a pipe, a device or a directory); ankekort "
				  "reads only files"));
		errno = ENODEV;
		return NULL;
	}
	if ((long long)st.st_size > max) {
		close(fd);
		if (why)
			*why = xasprintf(
				_("the file is %lld MiB; ankekort reads files of at most %lld MiB"),
				(long long)(st.st_size >> 20), max >> 20);
		errno = EFBIG;
		return NULL;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		if (why)
			*why = xstrdup(strerror(errno));
		close(fd);
	}
	return f;
}
