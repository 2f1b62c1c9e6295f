/* groups.c - a comparison group of the user's own, read from a file. */
#include "ankekort/data/groups.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ankekort/base/csvread.h"
#include "ankekort/base/xalloc.h"
#include "ankekort/data/names.h"

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);
	return n >= k && strcmp(s + n - k, end) == 0;
}

char *groups_find(const struct ak_dataset *ds, const char *spec)
{
	if (strchr(spec, '/') || ends_with(spec, ".txt") || ends_with(spec, ".csv"))
		return xstrdup(spec); /* read, or said why not */
	if (!ds->user_dir || !spec[0] || strchr(spec, ','))
		return NULL;
	static const char *const endings[] = {".txt", ".csv"};
	for (size_t i = 0; i < 2; i++) {
		char *path = xasprintf("%s/groups/%s%s", ds->user_dir, spec, endings[i]);
		if (is_file(path))
			return path;
		free(path);
	}
	return NULL;
}

char *groups_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	return xasprintf("%.*s", (int)(dot && dot > base ? dot - base : (long)strlen(base)), base);
}

/* s without blanks around it (caller frees). */
static char *trimmed(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xasprintf("%.*s", (int)n, s);
}

struct reader {
	const struct ak_dataset *ds;
	const char *path;
	struct diag_list *diags;
	int *codes;
	size_t n;
	bool past_first; /* a line that is not blank or a comment was read */
};

static void member(struct reader *rd, int code)
{
	for (size_t i = 0; i < rd->n; i++)
		if (rd->codes[i] == code)
			return;
	rd->codes = xreallocarray(rd->codes, rd->n + 1, sizeof *rd->codes);
	rd->codes[rd->n++] = code;
}

static bool on_row(void *ctx, const struct csv_row *row)
{
	struct reader *rd = ctx;
	char *name = trimmed(row->n ? row->fields[0] : "");
	int code;
	char *hint = NULL;
	if (!name[0] || name[0] == '#') {
		free(name);
		return true;
	}
	if (names_resolve(rd->ds, name, &code, &hint) == NAMES_OK) {
		if (code != AK_NATIONAL_CODE)
			member(rd, code);
	} else if (rd->past_first) { /* the first line may be a header */
		int line, col;
		csv_row_pos(row, 0, &line, &col);
		diag_add(rd->diags, DIAG_ERROR, rd->path, line, col, "%s", hint);
	}
	rd->past_first = true;
	free(hint);
	free(name);
	return true;
}

bool groups_read(const struct ak_dataset *ds, const char *path, int **codes, size_t *n,
		 struct diag_list *diags)
{
	struct reader rd = {.ds = ds, .path = path, .diags = diags};
	size_t errors = diags->errors;
	csv_read_file(path, path, diags, on_row, &rd);
	if (rd.n == 0 && diags->errors == errors)
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "expected municipality names or codes, one a line; found none");
	diag_list_flush(diags);
	*codes = rd.codes;
	*n = rd.n;
	return diags->errors == errors;
}
