/* i18n.c - locale and message catalogue set-up. */
#include "ankekort/i18n.h"

#include <locale.h>

#ifndef ANKEKORT_LOCALEDIR
#define ANKEKORT_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("ankekort", ANKEKORT_LOCALEDIR);
	bind_textdomain_codeset("ankekort", "UTF-8");
	textdomain("ankekort");
}
