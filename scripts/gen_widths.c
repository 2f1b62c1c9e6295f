/* gen_widths.c - writes src/widths.inc, the display widths of code points
 * as the C library's wcwidth() gives them under C.UTF-8, as two sorted
 * range lists (width 0 and width 2; everything else is 1). ankekort keeps
 * the table instead of calling wcwidth() so that no locale is consulted;
 * test/unit/test_textfmt.c checks it against wcwidth() on every code point.
 *
 *   cc -o /tmp/gen_widths scripts/gen_widths.c && /tmp/gen_widths > src/widths.inc
 */
#define _XOPEN_SOURCE 700
#include <gnu/libc-version.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

static int width_of(unsigned cp)
{
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 1;
	int w = wcwidth((wchar_t)cp);
	return w == 0 || w == 2 ? w : 1; /* unassigned (-1) is drawn as one cell */
}

static void ranges(int want, const char *name)
{
	printf("static const struct width_range %s[] = {\n", name);
	unsigned lo = 0;
	int in = 0;
	for (unsigned cp = 0; cp <= 0x110000; cp++) {
		int hit = cp < 0x110000 && width_of(cp) == want;
		if (hit && !in)
			lo = cp;
		if (!hit && in)
			printf("\t{0x%04X, 0x%04X},\n", lo, cp - 1);
		in = hit;
	}
	printf("};\n");
}

int main(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		fputs("gen_widths: no C.UTF-8 locale\n", stderr);
		return 1;
	}
	printf("/* widths.inc - made by scripts/gen_widths.c from wcwidth() of glibc %s;\n"
	       " * do not edit. */\n",
	       gnu_get_libc_version());
	ranges(0, "zero_width");
	ranges(2, "double_width");
	return ferror(stdout) ? 1 : 0;
}
