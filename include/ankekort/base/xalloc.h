/* xalloc.h - allocation that never returns NULL.
 *
 * On exhaustion the registered hook runs (the UI uses it to restore the
 * terminal), a message goes to stderr and the program exits with status 1.
 * Every returned pointer is owned by the caller and released with free(). */
#ifndef ANKEKORT_XALLOC_H
#define ANKEKORT_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void xalloc_set_fail_hook(void (*hook)(void));
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
/* The array ptr of *n elements of size bytes, grown so that index i is in
 * it: to twice *n (first when *n is 0) and on doubling until it holds i;
 * the new elements zeroed, *n set. The array's contents move with it. */
void *xgrow_zeroed(void *ptr, size_t *n, size_t i, size_t size, size_t first);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
