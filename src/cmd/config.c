/* config.c - the optional defaults file. */
#include "ankekort/cmd/config.h"
#include "ankekort/base/fileio.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

char *config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ankekort/config", xdg);
	if (home && home[0])
		return xasprintf("%s/.config/ankekort/config", home);
	return NULL;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int on_off(const char *v)
{
	static const char *const on[] = {"on", "yes", "true", "1"};
	static const char *const off[] = {"off", "no", "false", "0"};
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(v, on[i]) == 0)
			return 1;
		if (strcasecmp(v, off[i]) == 0)
			return 0;
	}
	return -1;
}

static void set_text(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

/* One "key = value" line; returns false (with a diag) when it is bad. */
static bool setting(struct ak_config *c, char *line, const char *path, int lineno,
		    struct diag_list *diags)
{
	char *eq = strchr(line, '=');
	if (!eq) {
		diag_add(diags, DIAG_ERROR, path, lineno, 1,
			 "expected \"key = value\", found \"%s\"", trim(line));
		return false;
	}
	*eq = '\0';
	char *key = trim(line), *value = trim(eq + 1);
	int col = (int)(value - line) + 1;
	if (strcmp(key, "data") == 0 || strcmp(key, "peers") == 0) {
		set_text(key[0] == 'd' ? &c->data : &c->peers, value);
	} else if (strcmp(key, "kommune") == 0) {
		set_text(&c->kommune, value); /* resolved against the data when used */
	} else if (strcmp(key, "statbank") == 0) {
		set_text(&c->statbank, value); /* fetch's API, e.g. a hosted databank */
	} else if (strcmp(key, "lang") == 0) {
		if (strcmp(value, "da") != 0 && strcmp(value, "en") != 0) {
			diag_add(diags, DIAG_ERROR, path, lineno, col,
				 "lang: expected da or en, found \"%s\"", value);
			return false;
		}
		set_text(&c->lang, value);
	} else if (strcmp(key, "color") == 0 || strcmp(key, "mouse") == 0) {
		int v = on_off(value);
		if (v < 0) {
			diag_add(diags, DIAG_ERROR, path, lineno, col,
				 "%s: expected on or off, found \"%s\"", key, value);
			return false;
		}
		*(key[0] == 'c' ? &c->color : &c->mouse) = v;
	} else {
		diag_add(
			diags, DIAG_ERROR, path, lineno, 1,
			"unknown setting \"%s\" (expected data, kommune, peers, color, lang, mouse "
			"or statbank)",
			key);
		return false;
	}
	return true;
}

bool config_load(const char *path, struct ak_config *c, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->color = c->mouse = -1;
	if (!path)
		return true;
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_CONFIG, &why);
	if (!f) {
		bool missing = errno == ENOENT || errno == ENOTDIR;
		if (!missing)
			diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the configuration: %s",
				 why ? why : strerror(errno));
		free(why);
		return missing;
	}
	bool ok = config_read(f, path, c, diags);
	fclose(f);
	return ok;
}

bool config_read(FILE *f, const char *path, struct ak_config *c, struct diag_list *diags)
{
	/* whole lines, however long: a long comment never spills into a setting */
	char *buf = NULL;
	size_t cap = 0;
	bool ok = true;
	ssize_t n;
	for (int lineno = 1; (n = getline(&buf, &cap, f)) >= 0; lineno++) {
		if (strlen(buf) != (size_t)n) {
			diag_add(diags, DIAG_ERROR, path, lineno, 1,
				 "expected text, found a NUL byte");
			ok = false;
			continue;
		}
		char *hash = strchr(buf, '#');
		if (hash)
			*hash = '\0';
		char *line = buf;
		while (isspace((unsigned char)*line))
			line++;
		if (*line)
			ok &= setting(c, buf, path, lineno, diags);
	}
	free(buf);
	return ok;
}

void config_free(struct ak_config *c)
{
	free(c->data);
	free(c->kommune);
	free(c->peers);
	free(c->lang);
	free(c->statbank);
	memset(c, 0, sizeof *c);
}
