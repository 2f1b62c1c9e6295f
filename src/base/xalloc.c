/* xalloc.c - checked allocation. */
#include "ankekort/base/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fail_hook)(void);

void xalloc_set_fail_hook(void (*hook)(void))
{
	fail_hook = hook;
}

static void out_of_memory(void)
{
	if (fail_hook)
		fail_hook();
	fputs("ankekort: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xreallocarray(void *ptr, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory();
	size_t bytes = n * size;
	void *p = realloc(ptr, bytes > 0 ? bytes : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xgrow_zeroed(void *ptr, size_t *n, size_t i, size_t size, size_t first)
{
	if (i < *n)
		return ptr;
	size_t grown = *n ? *n : first ? first : 1;
	while (grown <= i) {
		if (grown > SIZE_MAX / 2)
			out_of_memory();
		grown *= 2;
	}
	char *p = xreallocarray(ptr, grown, size);
	memset(p + *n * size, 0, (grown - *n) * size);
	*n = grown;
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n >= 0 && (size_t)n < sizeof small)
		return xstrndup(small, (size_t)n);
	if (n < 0)
		return xstrdup("(unformattable message)");
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
