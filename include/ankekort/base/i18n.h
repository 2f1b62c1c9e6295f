/* i18n.h - user-facing strings go through _() (GNU gettext, in glibc), so a
 * translation can be added without touching the code. English is the source
 * language. N_() marks strings in tables that are translated where used. */
#ifndef ANKEKORT_I18N_H
#define ANKEKORT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* _(literal) for a string literal (a format the compiler checks, or an N_()
 * table's entry), remembered by its address until the language changes:
 * gettext costs about 1 500 instructions a call even when it finds nothing,
 * and a frame asks for the same few dozen formats every time. Never for
 * text in a buffer, whose address may later hold other text. */
const char *i18n_literal(const char *literal);

#include <stdbool.h>

/* Sets the locale from the environment (numbers stay in the C locale, so
 * CSV output never gets a decimal comma by accident), picks the language
 * (lang "da" or "en" overrides the environment; NULL keeps it), binds the
 * message catalogue, and under the Danish interface makes decimal commas
 * the rule for numbers on screen and in fact sheets. */
void i18n_init(const char *lang);
/* True when the interface speaks Danish. */
bool i18n_danish(void);

#endif
