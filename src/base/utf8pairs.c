/* utf8pairs.c - the UTF-8 check's long steps (utf8pairs.h). */
#include "ankekort/base/utf8pairs.h"

#include <stdint.h>

#if defined(__GNUC__) && defined(__x86_64__)
#define HAVE_AVX2_PATH 1
#include <immintrin.h>
#if defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
/* what the C library found at start: __builtin_cpu_supports() would ask
 * the processor again in a constructor of every run (CPUID, which a
 * virtual machine traps: ~60 us a start here) */
#include <sys/platform/x86.h>
#define HAVE_LIBC_CPU_FEATURES 1
#endif
#endif

/* The bytes of v that lead a two-byte character (0xC2-0xDF), as 0xFF. */
__attribute__((target("avx2"))) static inline __m256i leads32(__m256i v)
{
	return _mm256_cmpgt_epi8(_mm256_set1_epi8(-98), _mm256_sub_epi8(v, _mm256_set1_epi8(0x42)));
}

/* Byte k of the 64 bytes a, b that are not as a step needs, as a set sign
 * bit: a continuation (0x80-0xBF) where the byte before is no lead, a byte
 * after a lead that is no continuation, a byte above 0x7F that is
 * neither; lead_before: the 32 bytes' leads before a. */
__attribute__((target("avx2"))) static inline __m256i wrong64(__m256i a, __m256i b, __m256i la,
							      __m256i lb, __m256i lead_before)
{
	__m256i ca = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), a);
	__m256i cb = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), b);
	/* each byte's lead moved onto the byte after it */
	__m256i pa = _mm256_alignr_epi8(la, _mm256_permute2x128_si256(lead_before, la, 0x21), 15);
	__m256i pb = _mm256_alignr_epi8(lb, _mm256_permute2x128_si256(la, lb, 0x21), 15);
	__m256i unpaired = _mm256_or_si256(_mm256_xor_si256(ca, pa), _mm256_xor_si256(cb, pb));
	__m256i other = _mm256_or_si256(_mm256_andnot_si256(_mm256_or_si256(la, ca), a),
					_mm256_andnot_si256(_mm256_or_si256(lb, cb), b));
	return _mm256_or_si256(unpaired, other);
}

/* From i on, the 64-byte steps that are ASCII and whole pairs; returns
 * where the exact path goes on. */
__attribute__((target("avx2"))) static size_t pairs_run_avx2(const unsigned char *s, size_t i,
							     size_t len, bool *beyond_ascii)
{
	__m256i lead_before = _mm256_setzero_si256();
	/* the high bytes passed, but the last of each step: a lead there is
	 * counted with its continuation, or left to the exact path */
	__m256i passed = _mm256_setzero_si256();
	const __m256i not_last =
		_mm256_set_epi8(0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
				-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
	for (; i + 64 <= len; i += 64) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 32));
		__m256i la = leads32(a), lb = leads32(b);
		if (_mm256_movemask_epi8(wrong64(a, b, la, lb, lead_before)))
			break;
		passed = _mm256_or_si256(passed, _mm256_or_si256(a, _mm256_and_si256(b, not_last)));
		lead_before = lb;
	}
	*beyond_ascii |= _mm256_movemask_epi8(passed) != 0;
	/* a lead whose continuation was not checked: the exact path's */
	return i - ((unsigned)_mm256_movemask_epi8(lead_before) >> 31);
}
#endif

typedef size_t pairs_run_fn(const unsigned char *s, size_t i, size_t len, bool *beyond_ascii);

size_t utf8pairs_run(const unsigned char *s, size_t i, size_t len, bool *beyond_ascii)
{
	static pairs_run_fn *fn;
	static bool chosen;
	if (!chosen) {
#if defined(HAVE_LIBC_CPU_FEATURES)
		if (CPU_FEATURE_ACTIVE(AVX2))
			fn = pairs_run_avx2;
#elif defined(HAVE_AVX2_PATH)
		__builtin_cpu_init();
		if (__builtin_cpu_supports("avx2"))
			fn = pairs_run_avx2;
#endif
		chosen = true;
	}
	return fn ? fn(s, i, len, beyond_ascii) : i;
}
