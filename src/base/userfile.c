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
#include "ankekort/base/fileio.h"
#include "ankekort/base/i18n.h"
#include "ankekort/base/textfmt.h"
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

/* ---- reading a file of numbered entries ------------------------------------------ */

char *userfile_read(const char *path, size_t *len, bool *missing, struct diag_list *diags)
{
	char *why = NULL;
	*missing = false;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_DATA, &why);
	if (!f) {
		*missing = errno == ENOENT;
		if (!*missing)
			diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the file: %s",
				 why ? why : strerror(errno));
		free(why);
		return NULL;
	}
	return fileio_read_all(f, len);
}

static bool header(struct userfile_table *t, const struct csv_row *row)
{
	for (int c = 0; c < t->ncols; c++) {
		t->map[c] = -1;
		for (size_t i = 0; i < row->n; i++)
			if (strcmp(row->fields[i], t->cols[c]) == 0)
				t->map[c] = (int)i;
		if (t->map[c] < 0) {
			diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1,
				 "expected a column named \"%s\" in the header", t->cols[c]);
			return false;
		}
	}
	return true;
}

static bool on_row(void *ctx, const struct csv_row *row)
{
	struct userfile_table *t = ctx;
	if (row->row == 0)
		return header(t, row);
	if (row->n == 1 && !row->fields[0][0])
		return true; /* a blank line */
	t->entry(t, row, t->ctx);
	return true;
}

void userfile_parse(struct userfile_table *t, const char *text, size_t len, const char *magic,
		    const char *old_magic, int max_id, bool *format_ok, int *last)
{
	size_t n = userfile_format_line(text, len, magic, old_magic, max_id, last);
	*format_ok = n > 0;
	if (!n)
		return;
	size_t skip = n + (text[n] == '\r');
	if (skip < len && text[skip] == '\n')
		skip++; /* "\r" alone ends the line too, at the end of the text */
	size_t before = t->diags->count;
	csv_read_buffer(text + skip, len - skip, t->path, t->diags, on_row, t);
	hashtab_free(&t->seen);
	/* lines were counted from the header: the format line comes first */
	for (size_t i = before; i < t->diags->count; i++)
		if (t->diags->items[i].line > 0)
			t->diags->items[i].line++;
}

const char *userfile_cell(const struct userfile_table *t, const struct csv_row *row, int col)
{
	int i = t->map[col];
	return i >= 0 && (size_t)i < row->n ? row->fields[i] : "";
}

bool userfile_bad(struct userfile_table *t, const struct csv_row *row, int col, const char *what)
{
	int line, c;
	csv_row_pos(row, (size_t)t->map[col], &line, &c);
	char *shown = textfmt_escape_dup(userfile_cell(t, row, col));
	diag_add(t->diags, DIAG_ERROR, t->path, line, c, "%s: expected %s, found \"%s\"",
		 t->cols[col], _(what), shown);
	free(shown);
	return false;
}

bool userfile_whole(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!s[0] || *end || errno || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* An id as a key of the hash table: spread over the bits, never 0. */
static uint64_t id_key(int id)
{
	return (uint64_t)(unsigned)id * 0x9E3779B97F4A7C15u;
}

bool userfile_new_id(struct userfile_table *t, const struct csv_row *row, int id)
{
	size_t pos = 0;
	uint64_t v;
	if (hashtab_next(&t->seen, id_key(id), &pos, &v)) {
		diag_add(t->diags, DIAG_ERROR, t->path, row->line, 1, "id %d is used twice", id);
		return false;
	}
	hashtab_add(&t->seen, id_key(id), 1);
	return true;
}
