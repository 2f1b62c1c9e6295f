/* Text tests: UTF-8, widths, escaping, cutting without breaking letters,
 * Danish folding and numbers. */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <wchar.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/bytecmp.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"

static void test_decode(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("\xC3\xB8", 2, &cp), 2);
	assert_int_equal(cp, 0xF8);
	assert_int_equal(utf8_decode("\xC3", 1, &cp), 0);	  /* truncated */
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);	  /* overlong */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0); /* surrogate */
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(textfmt_width("København"), 9);
	assert_int_equal(textfmt_width("Børnehandicap"), 13);
	assert_int_equal(textfmt_width("日本"), 4);
	assert_int_equal(textfmt_width("e\xCC\x81"), 1); /* e + combining acute */
}

static void test_escape(void **state)
{
	(void)state;
	struct sbuf b = {0};
	textfmt_escape(&b, "a\x1B]0;title\x07"
			   "b\x1B[2Jc\rd\xFF"
			   "æ");
	assert_string_equal(sbuf_str(&b), "a\\x1B]0;title\\x07b\\x1B[2Jc\\rd\\xFFæ");
	sbuf_reset(&b);
	textfmt_escape(&b, "\xC2\x9B"
			   "x"); /* C1 CSI */
	assert_string_equal(sbuf_str(&b), "\\x9Bx");
	sbuf_reset(&b);
	textfmt_escape(&b, "a\xE2\x80\xAE"
			   "b"); /* right-to-left override */
	assert_string_equal(sbuf_str(&b), "a\\u202Eb");
	sbuf_reset(&b);
	/* Arabic letter mark, line and paragraph separators */
	textfmt_escape(&b, "a\xD8\x9C"
			   "b\xE2\x80\xA8"
			   "c\xE2\x80\xA9"
			   "d");
	assert_string_equal(sbuf_str(&b), "a\\u061Cb\\u2028c\\u2029d");
	char *dup = textfmt_escape_dup("x\x1B[31m");
	assert_string_equal(dup, "x\\x1B[31m");
	free(dup);
	assert_true(textfmt_needs_escape("a\tb"));
	assert_false(textfmt_needs_escape("Ærø"));
	sbuf_free(&b);
}

/* Every code point has the width the C library gives it (issue 16.12):
 * names with U+2060 left stale cells and emoji pushed markers before. */
static void test_widths_match_wcwidth(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	size_t wrong = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || textfmt_is_control(cp))
			continue; /* never shown raw: escaped first */
		int want = wcwidth((wchar_t)cp);
		if (want < 0)
			want = 1;
		if (textfmt_cp_width(cp) != want && wrong++ < 5)
			print_message("U+%04X: %d, wcwidth %d\n", (unsigned)cp,
				      textfmt_cp_width(cp), want);
	}
	setlocale(LC_CTYPE, "C");
	assert_int_equal(wrong, 0);
	assert_int_equal(textfmt_width("a\xE2\x81\xA0"
				       "b"),
			 2); /* U+2060 word joiner */
	assert_int_equal(textfmt_width("\xF0\x9F\x98\x80"
				       "x"),
			 3); /* an emoji: two cells */
}

static void test_fit_never_splits_letters(void **state)
{
	(void)state;
	struct sbuf b = {0};
	textfmt_fit(&b, "Ærøskøbing", 5, false, false);
	assert_string_equal(sbuf_str(&b), "Ærøs…");
	sbuf_reset(&b);
	textfmt_fit(&b, "Ærø", 6, true, false);
	assert_string_equal(sbuf_str(&b), "Ærø   ");
	sbuf_reset(&b);
	textfmt_fit(&b, "日本語", 4, true, false);
	assert_string_equal(sbuf_str(&b), "日… "); /* a wide letter never half-drawn */
	sbuf_reset(&b);
	textfmt_fit(&b, "abc", 0, false, false);
	assert_string_equal(sbuf_str(&b), "");
	sbuf_reset(&b);
	textfmt_fit(&b,
		    "a\x1B"
		    "b",
		    10, false, true);
	assert_string_equal(sbuf_str(&b), "a\\x1Bb");
	sbuf_free(&b);
}

/* Without UTF-8 (LANG=C) names are transliterated before they are fitted,
 * so columns stay aligned (issue 13, 11). */
static void test_fit_ascii_transliterates(void **state)
{
	(void)state;
	struct sbuf b = {0};
	textfmt_fit_ascii(&b, "Brøndby", 10, true);
	assert_string_equal(sbuf_str(&b), "Broendby  ");
	sbuf_reset(&b);
	textfmt_fit_ascii(&b, "Ærø", 6, true);
	assert_string_equal(sbuf_str(&b), "Aeroe ");
	sbuf_reset(&b);
	textfmt_fit_ascii(&b, "Århus", 8, true);
	assert_string_equal(sbuf_str(&b), "Aarhus  ");
	sbuf_reset(&b);
	textfmt_fit_ascii(&b, "Lyngby-Taarbæk", 10, true); /* cut: ASCII marker */
	assert_string_equal(sbuf_str(&b), "Lyngby-Ta~");
	sbuf_reset(&b);
	textfmt_fit_ascii(&b, "Høje-Taastrup", 20, true);
	assert_int_equal(b.len, 20);
	assert_string_equal(sbuf_str(&b), "Hoeje-Taastrup      ");
	sbuf_free(&b);
}

static void test_fold(void **state)
{
	(void)state;
	struct sbuf b = {0};
	textfmt_fold(&b, "  Århus ");
	assert_string_equal(sbuf_str(&b), "aarhus");
	sbuf_reset(&b);
	textfmt_fold(&b, "Lyngby-Taarbæk");
	assert_string_equal(sbuf_str(&b), "lyngby taarbaek");
	sbuf_reset(&b);
	textfmt_fold(&b, "KØBENHAVN");
	assert_string_equal(sbuf_str(&b), "koebenhavn");
	sbuf_reset(&b); /* ASCII words longer than the 64 bytes folded at once */
	textfmt_fold(&b, "\tABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz"
			 "ABCDEFGHIJ-\xC3\x89n  To\xC2\xA0");
	assert_string_equal(sbuf_str(&b),
			    "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"
			    "abcdefghij en to");
	sbuf_free(&b);
}

static void test_numbers(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(textfmt_number(buf, sizeof buf, 38.5, 1, true), "38,5");
	assert_string_equal(textfmt_number(buf, sizeof buf, 38.5, 1, false), "38.5");
	assert_string_equal(textfmt_number(buf, sizeof buf, 8631, 0, true), "8.631");
	assert_string_equal(textfmt_number(buf, sizeof buf, 1234567.25, 2, true), "1.234.567,25");
	assert_string_equal(textfmt_number(buf, sizeof buf, -6.0, 1, true), "-6,0");
	assert_string_equal(textfmt_number(buf, sizeof buf, -0.01, 1, true), "0,0");
	assert_string_equal(textfmt_number(buf, sizeof buf, 39, 0, true), "39");
	assert_string_equal(textfmt_number(buf, sizeof buf, -0.0, 1, true), "0,0");
	assert_string_equal(textfmt_number(buf, sizeof buf, -1234567, 2, true), "-1.234.567,00");
	assert_string_equal(textfmt_number(buf, sizeof buf, 1e15, 0, true),
			    "1.000.000.000.000.000");
	assert_string_equal(textfmt_number(buf, 6, 1234567, 0, true), "1.234");
	assert_string_equal(textfmt_number(buf, sizeof buf, 100, 3, false), "100.000");
	/* just under half a unit, negative: zero without a sign, at every
	 * number of decimals (a table up to 15, pow() beyond), and just over
	 * it a unit */
	for (int d = 0; d <= 18; d++) {
		char want[64];
		snprintf(want, sizeof want, "%.*f", d, 0.0);
		assert_string_equal(
			textfmt_number(buf, sizeof buf, -0.49 * pow(10.0, -d), d, false), want);
		snprintf(want, sizeof want, "%.*f", d, -0.51 * pow(10.0, -d));
		assert_string_equal(
			textfmt_number(buf, sizeof buf, -0.51 * pow(10.0, -d), d, false), want);
	}
	/* numbers with decimals (mostly written without printf) as printf
	 * writes them, ties and near-ties included */
	for (long long i = -300000; i <= 300000; i += 7) {
		const double vs[] = {(double)i / 1000.0, (double)i / 3.0, (double)i * 0.1,
				     (double)i / 1000.0 + 0.0005, (double)i / 100.0 + 0.005};
		for (size_t k = 0; k < sizeof vs / sizeof vs[0]; k++) {
			for (int d = 1; d <= 3; d++) {
				char want[64];
				double v = fabs(vs[k]) < 0.5 * pow(10.0, -d) ? 0.0 : vs[k];
				snprintf(want, sizeof want, "%.*f", d, v);
				assert_string_equal(
					textfmt_number(buf, sizeof buf, vs[k], d, false), want);
			}
		}
	}
	/* whole numbers (written without printf) as printf writes them */
	for (long long i = -2000000; i <= 2000000; i += 997) {
		for (int d = 0; d <= 3; d++) {
			char want[64];
			snprintf(want, sizeof want, "%.*f", d, (double)i);
			assert_string_equal(textfmt_number(buf, sizeof buf, (double)i, d, false),
					    want);
		}
	}
}

/* sbuf_printf writes into the room left and grows when it must: at the
 * edge of the room, past it, and with nothing to write. */
static void test_sbuf_printf(void **state)
{
	(void)state;
	struct sbuf b = {0};
	char want[1024] = "";
	sbuf_printf(&b, "%s", "");
	assert_int_equal(b.len, 0);
	for (int i = 0; i < 200; i++) {
		sbuf_printf(&b, "%d,", i);
		snprintf(want + strlen(want), sizeof want - strlen(want), "%d,", i);
		assert_string_equal(sbuf_str(&b), want);
		assert_int_equal(b.len, strlen(want));
		sbuf_printf(&b, "%s", "");
		assert_string_equal(sbuf_str(&b), want);
	}
	sbuf_reset(&b);
	sbuf_spaces(&b, 0);
	sbuf_puts(&b, "a");
	sbuf_spaces(&b, 100);
	sbuf_puts(&b, "b");
	assert_int_equal(b.len, 102);
	assert_int_equal(strspn(sbuf_str(&b) + 1, " "), 100);
	assert_string_equal(sbuf_str(&b) + 101, "b");
	/* a glyph of three bytes repeated, past the first capacity */
	sbuf_reset(&b);
	sbuf_repeat(&b, "\xE2\x96\x88", 0);
	sbuf_repeat(&b, "", 5);
	assert_int_equal(b.len, 0);
	sbuf_repeat(&b, "\xE2\x96\x88", 40);
	assert_int_equal(b.len, 120);
	for (size_t i = 0; i < 40; i++)
		assert_memory_equal(sbuf_str(&b) + i * 3, "\xE2\x96\x88", 3);
	assert_int_equal(sbuf_str(&b)[120], '\0');
	sbuf_free(&b);
}

/* The lines a wrap emits, joined by '|'. */
static void join_line(void *ctx, const char *line, size_t len)
{
	char *out = ctx;
	if (*out)
		strcat(out, "|");
	strncat(out, line, len);
}

static void test_wrap_keeps_addresses_whole(void **state)
{
	(void)state;
	const char *s = "see https://www.ft.dk/ripdf/l151.pdf) and more";
	char cut[200] = "", whole[200] = "";
	textfmt_wrap(s, 12, join_line, cut);
	assert_string_equal(cut, "see|https://www.|ft.dk/ripdf/|l151.pdf)|and more");
	textfmt_wrap_words(s, 12, join_line, whole);
	assert_string_equal(whole, "see|https://www.ft.dk/ripdf/l151.pdf)|and more");
	char short_words[200] = "";
	textfmt_wrap_words("æøå æøå æøå", 7, join_line, short_words);
	assert_string_equal(short_words, "æøå æøå|æøå");
}

/* bytecmp_same() (and bytecmp_same_short() from 4 to 15 bytes) is
 * memcmp() == 0 for every length, each of its ways, and every place of a
 * difference, reading nothing outside the strings (ASan would say). */
static void test_bytecmp(void **state)
{
	(void)state;
	for (size_t len = 0; len <= 70; len++) {
		char *a = malloc(len ? len : 1), *b = malloc(len ? len : 1); /* exact: ASan */
		for (size_t i = 0; i < len; i++)
			a[i] = b[i] = (char)('a' + i % 26);
		bool short_len = len >= 4 && len < 16; /* bytecmp_same_short's */
		assert_true(bytecmp_same(a, b, len));
		assert_true(!short_len || bytecmp_same_short(a, b, len));
		for (size_t at = 0; at < len; at++) {
			b[at] ^= 0x20;
			assert_false(bytecmp_same(a, b, len));
			assert_false(bytecmp_same(b, a, len));
			assert_false(short_len && bytecmp_same_short(a, b, len));
			assert_false(short_len && bytecmp_same_short(b, a, len));
			b[at] ^= 0x20;
		}
		free(a);
		free(b);
	}
}

/* xgrow_zeroed(): first when empty, doubling until the index is in, the
 * elements kept and the new ones zero; an index inside leaves it alone. */
static void test_grow_zeroed(void **state)
{
	(void)state;
	size_t n = 0;
	int *a = xgrow_zeroed(NULL, &n, 5, sizeof *a, 4);
	assert_int_equal(n, 8); /* 4 does not hold index 5: 8 */
	for (size_t i = 0; i < n; i++)
		assert_int_equal(a[i], 0);
	a[7] = 7;
	int *same = xgrow_zeroed(a, &n, 7, sizeof *a, 4);
	assert_ptr_equal(same, a);
	assert_int_equal(n, 8);
	a = xgrow_zeroed(a, &n, 40, sizeof *a, 4);
	assert_int_equal(n, 64);
	assert_int_equal(a[7], 7);
	for (size_t i = 8; i < n; i++)
		assert_int_equal(a[i], 0);
	free(a);
	size_t m = 0;
	char *b = xgrow_zeroed(NULL, &m, 0, 3, 0); /* no first: one element */
	assert_int_equal(m, 1);
	assert_int_equal(b[0] | b[1] | b[2], 0);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_widths_match_wcwidth),
		cmocka_unit_test(test_fit_never_splits_letters),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_sbuf_printf),
		cmocka_unit_test(test_fit_ascii_transliterates),
		cmocka_unit_test(test_wrap_keeps_addresses_whole),
		cmocka_unit_test(test_bytecmp),
		cmocka_unit_test(test_grow_zeroed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
