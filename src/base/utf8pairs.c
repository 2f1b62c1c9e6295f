/* utf8pairs.c - the UTF-8 check's long steps (utf8pairs.h). */
#include "ankekort/base/utf8pairs.h"

#include <stdint.h>

struct pair_masks {
	uint64_t lead, cont, high;
};

/* Whether the masks are ASCII and whole pairs, the first continuation's
 * lead (carry) ending the 64 bytes before. */
static inline bool pairs_ok(struct pair_masks m, uint64_t carry)
{
	return (m.lead | m.cont) == m.high && m.cont == ((m.lead << 1) | carry);
}

#if defined(__GNUC__) && defined(__x86_64__)
#define HAVE_AVX2_PATH 1
#include <immintrin.h>

__attribute__((target("avx2"))) static inline struct pair_masks masks32(const unsigned char *s)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)s);
	__m256i lead = _mm256_cmpgt_epi8(_mm256_set1_epi8(-98),
					 _mm256_sub_epi8(v, _mm256_set1_epi8(0x42)));
	__m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v);
	return (struct pair_masks){(uint64_t)(uint32_t)_mm256_movemask_epi8(lead),
				   (uint64_t)(uint32_t)_mm256_movemask_epi8(cont),
				   (uint64_t)(uint32_t)_mm256_movemask_epi8(v)};
}

/* From i on, the 64-byte steps that are ASCII and whole pairs (32 bytes a
 * compare); returns where the exact path goes on. */
__attribute__((target("avx2"))) static size_t pairs_run_avx2(const unsigned char *s, size_t i,
							     size_t len, bool *beyond_ascii)
{
	uint64_t carry = 0, passed = 0; /* the high bytes passed */
	for (; i + 64 <= len; i += 64) {
		struct pair_masks a = masks32(s + i), b = masks32(s + i + 32);
		struct pair_masks m = {a.lead | b.lead << 32, a.cont | b.cont << 32,
				       a.high | b.high << 32};
		if (!pairs_ok(m, carry))
			break;
		carry = m.lead >> 63;
		passed |= m.high & ~(carry << 63);
	}
	*beyond_ascii |= passed != 0;
	return i - carry; /* a lead whose continuation was not checked: the exact path's */
}
#endif

typedef size_t pairs_run_fn(const unsigned char *s, size_t i, size_t len, bool *beyond_ascii);

size_t utf8pairs_run(const unsigned char *s, size_t i, size_t len, bool *beyond_ascii)
{
	static pairs_run_fn *fn;
	static bool chosen;
	if (!chosen) {
#ifdef HAVE_AVX2_PATH
		__builtin_cpu_init();
		if (__builtin_cpu_supports("avx2"))
			fn = pairs_run_avx2;
#endif
		chosen = true;
	}
	return fn ? fn(s, i, len, beyond_ascii) : i;
}
