/* bytecmp.h - comparing short byte strings inline, 16 bytes at a time: for
 * a key compared once a row, where the call to memcmp costs more than the
 * compare itself. */
#ifndef ANKEKORT_BYTECMP_H
#define ANKEKORT_BYTECMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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

static inline uint32_t bytecmp_load4(const char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* memcmp(a, b, len) == 0 for 4 to 15 bytes without a loop or a jump: four
 * overlapping 4-byte pieces, the first 8 and the last 8 (the first 4 and
 * the last 4 twice under 8). */
static inline bool bytecmp_same_short(const char *x, const char *y, size_t len)
{
	size_t second = len >= 8 ? 4 : 0, third = len >= 8 ? len - 8 : len - 4;
	uint32_t d = (bytecmp_load4(x) ^ bytecmp_load4(y)) |
		     (bytecmp_load4(x + second) ^ bytecmp_load4(y + second)) |
		     (bytecmp_load4(x + third) ^ bytecmp_load4(y + third)) |
		     (bytecmp_load4(x + len - 4) ^ bytecmp_load4(y + len - 4));
	return d == 0;
}

/* memcmp(a, b, len) == 0; reads no byte outside either string. Inline
 * below 65 bytes (with SSE2; below 16 without). */
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
	if (len - 4 < 12) /* a decision, a municipality's name */
		return bytecmp_same_short(a, b, len);
	if (len < 4) {
		unsigned differ = 0;
		for (size_t i = 0; i < len; i++)
			differ |= (unsigned)(((const unsigned char *)a)[i] ^
					     ((const unsigned char *)b)[i]);
		return !differ;
	}
	return memcmp(a, b, len) == 0;
}

#endif
