/* utf8pairs.h - the long steps of encoding.c's UTF-8 check.
 *
 * A Danish text's bytes above ASCII are two-byte characters (æ, ø, å, §):
 * the check goes 64 bytes at a time while every byte is ASCII, a lead of
 * two (0xC2-0xDF) or its continuation (0x80-0xBF) right after it, each
 * byte compared in 32-byte vectors with the lead mark of the byte before
 * it (one test a step); anything else (a longer sequence, a byte that is
 * not UTF-8) is left to the exact path.
 * With AVX2 only (chosen at run time): with SSE2 alone, encoding.c's
 * 16-byte steps are faster. */
#ifndef ANKEKORT_UTF8PAIRS_H
#define ANKEKORT_UTF8PAIRS_H

#include <stdbool.h>
#include <stddef.h>

/* From s[i] on, the 64-byte steps that are ASCII and whole two-byte
 * characters; returns where the exact check goes on (i without AVX2), and
 * sets *beyond_ascii when a byte above 0x7F was passed. */
size_t utf8pairs_run(const unsigned char *s, size_t i, size_t len, bool *beyond_ascii);

#endif
