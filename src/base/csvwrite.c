/* csvwrite.c - one CSV field, quoted only when it must be. */
#include <string.h>

#include "ankekort/base/csvwrite.h"

void csv_put_field(struct sbuf *b, const char *s, char delim)
{
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n") && s[0] != ' ') {
		sbuf_puts(b, s);
		return;
	}
	sbuf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			sbuf_putc(b, '"');
		sbuf_putc(b, *s);
	}
	sbuf_putc(b, '"');
}
