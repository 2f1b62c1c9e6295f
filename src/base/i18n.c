/* i18n.c - locale, language and message catalogue set-up. */
#include "ankekort/base/i18n.h"

#include <limits.h>
#include <stdio.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/textfmt.h"

#ifndef ANKEKORT_LOCALEDIR
#define ANKEKORT_LOCALEDIR "/usr/local/share/locale"
#endif

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The catalogues beside the program (build tree: build/locale; a moved
 * install: bin/../share/locale), else where it was installed. */
static void bind_catalogue(void)
{
	char exe[PATH_MAX], path[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *rel[] = {"/locale", "/../share/locale"};
		for (size_t i = 0; i < 2; i++) {
			snprintf(path, sizeof path, "%s%s/da", exe, rel[i]);
			if (is_dir(path)) {
				snprintf(path, sizeof path, "%s%s", exe, rel[i]);
				bindtextdomain("ankekort", path);
				return;
			}
		}
	}
	bindtextdomain("ankekort", ANKEKORT_LOCALEDIR);
}

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* i18n_literal's memo: a literal's translation, in the slot of its address */
#define LITERAL_SLOTS 256
static struct {
	const char *literal, *text;
} literals[LITERAL_SLOTS];

const char *i18n_literal(const char *literal)
{
	uintptr_t p = (uintptr_t)literal;
	size_t slot = (size_t)((p ^ p >> 8) % LITERAL_SLOTS);
	if (literals[slot].literal != literal) {
		literals[slot].literal = literal;
		literals[slot].text = gettext(literal);
	}
	return literals[slot].text;
}

/* -1 until worked out: asked for in every frame, and the environment only
 * changes in i18n_init() */
static int danish = -1;

bool i18n_danish(void)
{
	if (danish < 0) {
		const char *language = getenv("LANGUAGE");
		const char *messages = setlocale(LC_MESSAGES, NULL);
		danish = language && language[0] ? starts_with(language, "da")
						 : starts_with(messages, "da");
	}
	return danish;
}

/* The language the environment asks for, by the usual precedence. */
static const char *wanted_locale(void)
{
	const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		if (v && v[0])
			return v;
	}
	return NULL;
}

/* Only the categories ankekort uses are set: characters (UTF-8, widths,
 * case) and messages. Numbers stay in the C locale, and nothing collates,
 * formats money or names a month; loading those categories cost a tenth
 * of a start. */
static bool set_locale(const char *name)
{
	return setlocale(LC_CTYPE, name) && setlocale(LC_MESSAGES, name);
}

void i18n_init(const char *lang)
{
	if (!set_locale("")) {
		/* the locale asked for is not installed (a minimal Debian has
		 * no da_DK.UTF-8): keep its language, and UTF-8 */
		set_locale("C.UTF-8");
		if (!lang && starts_with(wanted_locale(), "da"))
			lang = "da";
	}
	if (lang) {
		setenv("LANGUAGE", lang, 1);
		/* gettext ignores LANGUAGE in the C locale: use C.UTF-8 then */
		const char *messages = setlocale(LC_MESSAGES, NULL);
		if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	bind_catalogue();
	bind_textdomain_codeset("ankekort", "UTF-8");
	textdomain("ankekort");
	danish = -1;
	memset(literals, 0, sizeof literals);
	textfmt_set_decimal_comma(i18n_danish());
}
