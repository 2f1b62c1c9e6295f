/* bytecmp.h - comparing short byte strings inline, 16 bytes at a time: for
 * a key compared once a row, where the call to memcmp costs more than the
 * compare itself. */
#ifndef ANKEKORT_BYTECMP_H
#define ANKEKORT_BYTECMP_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifdef __SSE2__
/* The bytes of the 16 at a and b that are equal, as 0xFF each. */
static inline __m128i bytecmp_eq16(const char *a, const char *b)
{
	return _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)a),
			      _mm_loadu_si128((const __m128i *)(const void *)b));
}
#endif

/* The mask of the bytes that differ among the 16 at a and b. */
static inline unsigned bytecmp_differ16(const char *a, const char *b)
{
#ifdef __SSE2__
	return (unsigned)_mm_movemask_epi8(bytecmp_eq16(a, b)) ^ 0xFFFFu;
#else
	unsigned m = 0;
	for (unsigned k = 0; k < 16; k++)
		m |= (unsigned)(a[k] != b[k]) << k;
	return m;
#endif
}

/* memcmp(a, b, len) == 0; reads no byte outside either string. */
static inline bool bytecmp_same(const void *a, const void *b, size_t len)
{
#ifdef __SSE2__
	const char *x = a, *y = b;
	if (len - 16 <= 48) {
		/* 16 to 64 bytes (a run's key): four overlapping pieces that
		 * cover them, tested together, without a loop or a jump: the
		 * first 32 and the last 32 (the first 16 and the last 16 twice
		 * under 32) */
		size_t second = len < 32 ? len - 16 : 16, third = len < 32 ? 0 : len - 32;
		__m128i e = _mm_and_si128(bytecmp_eq16(x, y), bytecmp_eq16(x + second, y + second));
		e = _mm_and_si128(e, bytecmp_eq16(x + third, y + third));
		e = _mm_and_si128(e, bytecmp_eq16(x + len - 16, y + len - 16));
		return _mm_movemask_epi8(e) == 0xFFFF;
	}
	if (len > 64) {
		for (size_t i = 0; i + 16 < len; i += 16)
			if (bytecmp_differ16(x + i, y + i))
				return false;
		/* the last 16 bytes, overlapping the ones before */
		return !bytecmp_differ16(x + len - 16, y + len - 16);
	}
#endif
	return memcmp(a, b, len) == 0;
}

#endif
