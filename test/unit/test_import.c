/* Import: the paragraph -> area rules, encodings, and each format read from
 * its fixture into the right counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ankekort/import/colroles.h"
#include "ankekort/base/dupkeys.h"
#include "ankekort/base/hashtab.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/strmap.h"
#include "ankekort/base/encoding.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/import/import.h"
#include "test_rules.h"
#include "test_streams.h"

#define G (1u << AREA_GENERELT)
#define B (1u << AREA_BOERNEHANDICAP)
#define V (1u << AREA_VOKSENHANDICAP)

static void test_area_rules(void **state)
{
	(void)state;
	bool law;
	assert_int_equal(
		area_rules_match(&rules, "Serviceloven", "§ 41 Merudgifter", 0, &law, NULL), G | B);
	assert_false(law);
	assert_int_equal(area_rules_match(&rules, "", "SEL § 32 a Pasning", 0, &law, NULL), G | B);
	assert_int_equal(area_rules_match(&rules, "", "SEL § 32 Pasning", 0, &law, NULL), G | B);
	assert_int_equal(area_rules_match(&rules, "Serviceloven",
					  "§§ 42-43 Tabt arbejdsfortjeneste", 0, &law, NULL),
			 G | B);
	assert_int_equal(area_rules_match(&rules, "", "§ 96 BPA", 0, &law, NULL),
			 G | V); /* bare paragraph */
	assert_int_equal(area_rules_match(&rules, "", "§ 100", 0, &law, NULL), G | V);
	assert_int_equal(area_rules_match(&rules, "", "§ 85 Bostøtte", 0, &law, NULL), G);
	assert_int_equal(area_rules_match(&rules, "Serviceloven", "", 0, &law, NULL), G);
	assert_true(law);
	assert_int_equal(area_rules_match(&rules, "Social Services Act total", "", 0, &law, NULL),
			 G);
	assert_true(law);
	assert_int_equal(
		area_rules_match(&rules, "Lov om aktiv socialpolitik", "§ 12", 0, &law, NULL), 0);
	assert_int_equal(area_rules_match(&rules, "Barnets lov", "§ 3", 0, &law, NULL), 0);
	assert_int_equal(area_rules_match(&rules, "", "Selskabsret", 0, &law, NULL),
			 0); /* "sel" only as a word */
}

static void test_encodings(void **state)
{
	(void)state;
	size_t n;
	const char *name;
	char *s = encoding_to_utf8("\xC6gir \xE5 \xF8", 8, &n, &name);
	assert_string_equal(name, "Windows-1252");
	assert_string_equal(s, "Ægir å ø");
	free(s);
	s = encoding_to_utf8("\x80 \x96 \x81", 5, &n, &name); /* euro, en dash, undefined */
	assert_string_equal(s, "€ – \xC2\x81");
	free(s);
	s = encoding_to_utf8("\xEF\xBB\xBFÅr", 6, &n, &name);
	assert_string_equal(name, "UTF-8 with BOM");
	assert_string_equal(s, "År");
	free(s);
	s = encoding_to_utf8("Århus", 6, &n, &name);
	assert_string_equal(name, "UTF-8");
	free(s);
}

/* A text read once (area_text_of) answers for every year (area_text_in)
 * what area_rules_match() answered for the year before the two were split
 * (the expected figures are that function's, at commit 7cbbb2a), and so
 * does area_rules_match() now; with more than 64 rules too. */
static void test_area_text_every_year(void **state)
{
	(void)state;
	static const int years[] = {0, 2013, 2023, 2024, 2030};
	static const struct {
		const char *law, *par;
		/* [year]; laws: a bit per law (servicelov 1, barnets lov 2) */
		unsigned mask[5], laws[5];
		bool law_level;
	} cases[] = {
		{"Barnets lov", "§ 86 Merudgifter", {B, 0, 0, B, B}, {2, 0, 0, 2, 2}, false},
		{"Serviceloven",
		 "§ 41",
		 {G | B, G | B, G | B, G | B, G | B},
		 {1, 1, 1, 1, 1},
		 false},
		{"1 Serviceloven", "", {G, G, G, G, G}, {1, 1, 1, 1, 1}, true},
		{"", "Selskabsret", {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, false},
		{"Social Services Act total", "", {G, G, G, G, G}, {1, 1, 1, 1, 1}, true},
		{"", "§ 100", {G | V, G | V, G | V, G | V, G | V}, {1, 1, 1, 1, 1}, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct area_text t = {0};
		area_text_of(&rules, cases[i].law, cases[i].par, &t);
		assert_int_equal(t.law_level, cases[i].law_level);
		for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
			unsigned laws = 9;
			assert_int_equal(area_text_in(&rules, &t, years[y], &laws),
					 cases[i].mask[y]);
			assert_int_equal(laws, cases[i].laws[y]);
			bool law = !cases[i].law_level;
			laws = 7;
			assert_int_equal(area_rules_match(&rules, cases[i].law, cases[i].par,
							  years[y], &law, &laws),
					 cases[i].mask[y]);
			assert_int_equal(laws, cases[i].laws[y]);
			assert_int_equal(law, cases[i].law_level);
		}
		area_text_free(&t);
	}
	/* 70 rules: the last, in force from 2024, is the one § 41 matches */
	static char law[] = "servicelov", other[] = "999", par[] = "41";
	struct area_rule many[70];
	for (size_t i = 0; i < 70; i++)
		many[i] = (struct area_rule){.law = law, .paragraph = other, .area = AREA_GENERELT};
	many[69] = (struct area_rule){
		.law = law, .paragraph = par, .area = AREA_BOERNEHANDICAP, .from = 2024};
	struct area_rules r = {many, 70};
	struct area_text t = {0};
	area_text_of(&r, "Serviceloven", "§ 41", &t);
	assert_non_null(t.more);
	assert_int_equal(area_text_in(&r, &t, 2024, NULL), B);
	assert_int_equal(area_text_in(&r, &t, 2023, NULL), 0);
	area_text_of(&r, "Serviceloven", "§ 42", &t); /* again: the first is freed */
	assert_int_equal(area_text_in(&r, &t, 2024, NULL), 0);
	area_text_free(&t);
}

/* Barnets lov's disability provisions count from 2024 only; serviceloven's
 * stay in force (cases decided on older decisions). */
static void test_area_rules_by_year(void **state)
{
	(void)state;
	bool law;
	unsigned laws;
	assert_int_equal(
		area_rules_match(&rules, "Barnets lov", "§ 86 Merudgifter", 2024, &law, &laws), B);
	assert_int_equal(
		area_rules_match(&rules, "Barnets lov", "§ 86 Merudgifter", 2023, &law, &laws), 0);
	assert_int_equal(
		area_rules_match(&rules, "", "Barnets lov § 89 Ledsagelse", 2025, &law, NULL), B);
	assert_int_equal(area_rules_match(&rules, "Serviceloven", "§ 41", 2024, &law, &laws),
			 G | B);
	unsigned both = area_rules_laws(&rules, AREA_BOERNEHANDICAP, 2024);
	assert_int_equal(__builtin_popcount(both), 2);
	assert_int_equal(__builtin_popcount(area_rules_laws(&rules, AREA_BOERNEHANDICAP, 2023)), 1);
	assert_true(laws & both);
	char name[64];
	area_rules_match(&rules, "Barnets lov", "§ 87", 2024, &law, &laws);
	assert_string_equal(area_rules_law_name(&rules, __builtin_ctz(laws), name, sizeof name),
			    "barnets lov");
	/* numbered labels: the numbering is never a paragraph */
	assert_int_equal(area_rules_match(&rules, "1 Serviceloven", "", 2023, &law, NULL), G);
	assert_true(law);
	assert_int_equal(area_rules_match(&rules, "1.9 Børn - efterværn - §§ 68 og 76", "", 2023,
					  &law, NULL),
			 G);
	assert_false(law);
	assert_int_equal(area_rules_match(&rules, "1.3 Børn med handicap - §§32, 32a, 36, 39-40",
					  "", 2023, &law, NULL),
			 G | B);
}

/* A Windows-1252 file read through the raw stream gives its bytes as they
 * are (csvread converts the fields), also a byte at a time and after a
 * rewind; the stream says it gives Windows-1252. (How a file's encoding
 * is found while it is read: test_encoding_auto.) */
static void test_encoding_stream(void **state)
{
	(void)state;
	static char text[] = "K\xF8"
			     "benhavn;\xC6ndret/oph\xE6vet;\x80;\x96\n\xC5rhus;12\n";
	FILE *raw = fmemopen(text, sizeof text - 1, "rb");
	assert_non_null(raw);
	FILE *f = encoding_cp1252_raw_stream(raw);
	assert_non_null(f);
	assert_true(encoding_stream_cp1252(f));
	setvbuf(f, NULL, _IONBF, 0); /* every read goes to the stream */
	for (int pass = 0; pass < 2; pass++) {
		char got[256];
		size_t k = 0;
		int c;
		while ((c = fgetc(f)) != EOF && k + 1 < sizeof got)
			got[k++] = (char)c;
		got[k] = '\0';
		assert_string_equal(got, text);
		rewind(f);
	}
	fclose(f);
	fclose(raw);
}

/* encoding_read() reads a stream just opened or rewound past the C
 * library's buffer, and through it once something was read so: in every
 * mix of the two the text comes out whole and in order, for an auto stream
 * and a raw Windows-1252 one. */
static void test_encoding_read(void **state)
{
	(void)state;
	struct sbuf text = {0};
	for (int i = 0; i < 30000; i++)
		sbuf_printf(&text, "row %d;12\n", i); /* several 64 KiB blocks */
	sbuf_puts(&text, "\xC5rhus;\x96\n");	      /* Windows-1252 at the end */
	for (int kind = 0; kind < 2; kind++) {
		FILE *raw = fmemopen(text.data, text.len, "rb");
		assert_non_null(raw);
		struct encoding_auto *st;
		FILE *f = cp1252_stream(raw, kind == 0, &st);
		for (int pass = 0; pass < 3; pass++) {
			struct sbuf got = {0};
			static char block[1 << 16];
			bool failed = false;
			size_t n;
			if (pass == 1) { /* a few bytes through the buffer first */
				n = fread(block, 1, 10, f);
				sbuf_putn(&got, block, n);
			}
			while ((n = encoding_read(f, block, sizeof block, &failed)) > 0)
				sbuf_putn(&got, block, n);
			assert_false(failed);
			assert_int_equal(got.len, text.len);
			assert_memory_equal(got.data, text.data, text.len);
			assert_true(encoding_stream_cp1252(f));
			sbuf_free(&got);
			rewind(f);
		}
		cp1252_stream_close(f, st);
		fclose(raw);
	}
	sbuf_free(&text);
}

/* Reads all of an auto stream made over text: what it gives, and the
 * encoding it decided (false: read again as Windows-1252). */
static bool auto_read_all(const char *text, size_t len, bool unbuffered, struct sbuf *out,
			  enum text_encoding *enc)
{
	FILE *raw = fmemopen((void *)(uintptr_t)text, len, "rb");
	assert_non_null(raw);
	struct encoding_auto *st;
	FILE *f = encoding_auto_stream(raw, &st);
	assert_non_null(f);
	if (unbuffered)
		setvbuf(f, NULL, _IONBF, 0);
	for (int pass = 0; pass < 2; pass++) { /* the second after a rewind */
		sbuf_reset(out);
		char block[1000];
		size_t n;
		while ((n = fread(block, 1, unbuffered ? 1 : sizeof block, f)) > 0)
			sbuf_putn(out, block, n);
		rewind(f);
	}
	bool ok = encoding_auto_result(st, enc);
	fclose(f);
	fclose(raw);
	return ok;
}

/* The encoding told while reading, in the same blocks: UTF-8 passes as it
 * is; ASCII up to the first byte that is not UTF-8 goes on as
 * Windows-1252, as it is; UTF-8 beyond ASCII before such a byte asks for a
 * second reading. Every encoding is the whole-buffer conversion's. */
static void test_encoding_auto(void **state)
{
	(void)state;
	struct sbuf ascii = {0};
	for (int i = 0; i < 20000; i++)
		sbuf_puts(&ascii, "abc;12\n"); /* beyond a block */
	struct sbuf late = {0}, late_mixed = {0};
	sbuf_printf(&late, "%s\xC5rhus;\x96\n", sbuf_str(&ascii));
	sbuf_printf(&late_mixed, "\xC3\x85rhus\n%s\xC5rhus\n", sbuf_str(&ascii));
	/* a character cut by the end of the first 64 KiB block the stream
	 * reads: UTF-8 is checked with the next block's first byte; a
	 * Windows-1252 byte there was passed on already, so the text is read
	 * again */
	struct sbuf split = {0}, split_cp = {0};
	sbuf_printf(&split, "%.*s\xC3\xB8rhus\n", 65535, sbuf_str(&ascii));
	sbuf_printf(&split_cp, "%.*s\xC5rhus\n", 65535, sbuf_str(&ascii));
	struct {
		const char *text;
		size_t len;
		bool ok;
		enum text_encoding enc;
	} cases[] = {
		{"K\xF8"
		 "benhavn;\xC6ndret/oph\xE6vet;\x80\n",
		 0, true, ENC_CP1252},
		{"K\xC3\xB8"
		 "benhavn;\xC3\x86ndret\n",
		 0, true, ENC_UTF8},
		{"plain;ascii\n", 0, true, ENC_UTF8},
		/* 16-byte blocks of ASCII and whole pairs, one cut by a block's end */
		{"101 K\xC3\xB8"
		 "benhavn;SEL \xC2\xA7 1;Stadf\xC3\xA6"
		 "stelse;2013;21\n",
		 0, true, ENC_UTF8},
		/* a lead without its continuation inside such a block */
		{"101 K\xC3\xB8"
		 "benhavn;SEL \xC2 1;Stadf\xC3\xA6"
		 "stelse;2013;21\n",
		 0, false, ENC_UTF8},
		{"101 Kobenhavn;SEL \xA7 1;Stadfaestelse;2013;21\n", 0, true, ENC_CP1252},
		{"abc\xC3", 0, true, ENC_CP1252}, /* ends inside a sequence */
		{"\xC3\xB8 then \xF8", 0, false, ENC_UTF8},
		{sbuf_str(&late), late.len, true, ENC_CP1252},
		{sbuf_str(&late_mixed), late_mixed.len, false, ENC_UTF8},
		{sbuf_str(&ascii), ascii.len, true, ENC_UTF8},
		{sbuf_str(&split), split.len, true, ENC_UTF8},
		{sbuf_str(&split_cp), split_cp.len, false, ENC_UTF8},
	};
	struct sbuf got = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		size_t n;
		const char *name;
		char *want = encoding_to_utf8(cases[i].text, len, &n, &name);
		for (int unbuffered = 0; unbuffered < 2; unbuffered++) {
			if (unbuffered && len > 1000)
				continue;
			enum text_encoding enc;
			bool ok = auto_read_all(cases[i].text, len, unbuffered, &got, &enc);
			assert_int_equal(ok, cases[i].ok);
			if (!ok)
				continue;
			assert_int_equal(enc, cases[i].enc);
			assert_string_equal(name, encoding_name(enc));
			/* Windows-1252 goes on as it is (csvread converts fields) */
			const char *as = enc == ENC_CP1252 ? cases[i].text : want;
			size_t as_len = enc == ENC_CP1252 ? len : n;
			assert_int_equal(got.len, as_len);
			assert_memory_equal(sbuf_str(&got), as, as_len);
		}
		free(want);
	}
	sbuf_free(&got);
	sbuf_free(&ascii);
	sbuf_free(&late);
	sbuf_free(&split);
	sbuf_free(&split_cp);
	sbuf_free(&late_mixed);
}

/* The check byte by byte as UTF-8 defines it (utf8_decode), with the
 * answers of encoding_utf8_scan(). */
static size_t utf8_scan_ref(const char *buf, size_t len, bool *beyond_ascii)
{
	for (size_t i = 0; i < len;) {
		if (!((unsigned char)buf[i] & 0x80)) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(buf + i, len - i, &cp);
		if (n == 0)
			return len - i < 4 ? len - i : SIZE_MAX;
		*beyond_ascii = true;
		i += n;
	}
	return 0;
}

/* The block check (64 bytes at a time while a text is ASCII and two-byte
 * characters) accepts and rejects what the byte-by-byte check does, and
 * says the same of bytes beyond ASCII: each kind of sequence at every
 * place of a text of ASCII or of pairs, cut by a 16- or 64-byte step's
 * end or by the buffer's. */
static void test_utf8_scan_at_block_edges(void **state)
{
	(void)state;
	static const char *const seqs[] = {
		"\xC3\xB8",	    /* a pair */
		"\xC3",		    /* a lead alone */
		"\xB8",		    /* a continuation alone */
		"\xC3\xC3\xB8",	    /* a lead before a pair */
		"\xC0\x80",	    /* overlong */
		"\xC1\xBF",	    /* overlong */
		"\xE2\x80\x93",	    /* en dash */
		"\xE0\x80\x80",	    /* overlong */
		"\xED\xA0\x80",	    /* a surrogate */
		"\xF0\x9F\x98\x80", /* four bytes */
		"\xF4\x90\x80\x80", /* beyond U+10FFFF */
		"\xFF",		    /* never UTF-8 */
		"\xDF\xBF\xC2\x80", /* the pairs' ends */
	};
	static const char *const grounds[] = {"abcdefgh", "ab\xC3\xB8", "\xC3\xA6\xC3\xB8",
					      "x\xC2\xA7yz"};
	char buf[200];
	for (size_t g = 0; g < sizeof grounds / sizeof grounds[0]; g++) {
		size_t gl = strlen(grounds[g]);
		for (size_t q = 0; q < sizeof seqs / sizeof seqs[0]; q++) {
			size_t ql = strlen(seqs[q]);
			for (size_t len = 1; len <= 140; len++) {
				for (size_t at = 0; at < len; at++) {
					for (size_t k = 0; k < len; k++)
						buf[k] = grounds[g][k % gl];
					size_t n = at + ql <= len ? ql : len - at;
					memcpy(buf + at, seqs[q], n);
					bool b1 = false, b2 = false;
					size_t want = utf8_scan_ref(buf, len, &b1);
					size_t got = encoding_utf8_scan(buf, len, &b2);
					if (got != want || b1 != b2)
						fail_msg("ground %zu seq %zu len %zu at %zu: %zu "
							 "%d, "
							 "want %zu %d",
							 g, q, len, at, got, b2, want, b1);
				}
			}
		}
	}
}

/* A list's report as a command writes it: brief, or every message. */
static char *report_text(const struct diag_list *d, bool every)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	diag_list_report(d, out, every);
	fclose(out);
	return text;
}

/* Warnings said alike for many municipalities are one line unless
 * --verbose: their number, the first three names, where the first was. */
static void test_diag_brief(void **state)
{
	(void)state;
	struct diag_list d = {0};
	const char *names[] = {"København", "Frederiksberg", "Ballerup", "Brøndby", "Dragør"};
	diag_add(&d, DIAG_WARNING, "a.csv", 3, 0, "first");
	for (int i = 0; i < 5; i++) {
		diag_add(&d, DIAG_WARNING, "a.csv", 10 + i, 0, "2024 for %s: one law", names[i]);
		diag_group_last(&d, "2024 rows under one law", names[i]);
		if (i == 1) {
			diag_add(&d, DIAG_WARNING, "a.csv", 11, 0, "between");
			diag_add(&d, DIAG_WARNING, "a.csv", 12, 0, "alone");
			diag_group_last(&d, "another thing", "Aarhus");
		}
	}
	char *text = report_text(&d, false);
	assert_string_equal(text,
			    "a.csv:3: warning: first\n"
			    "a.csv:10: warning: 5 municipalities have 2024 rows under one law: "
			    "København, Frederiksberg, Ballerup, \xE2\x80\xA6 (see --verbose)\n"
			    "a.csv:11: warning: between\n"
			    "a.csv:12: warning: alone\n");
	free(text);
	text = report_text(&d, true); /* --verbose: every one */
	assert_non_null(strstr(text, "a.csv:14: warning: 2024 for Dragør: one law\n"));
	free(text);
	diag_list_free(&d);
}

/* Past DIAG_PER_FILE messages a file, a group's members are still counted:
 * its one line says how many municipalities have it and names the first,
 * kept or not, and the "N more problems" line leaves out what it says
 * (without "(see --verbose)": that lists only the kept ones, then the same
 * line); a copy of the list (a user's layer loaded) says the same. */
static void test_diag_brief_past_cap(void **state)
{
	(void)state;
	struct diag_list d = {0}, copy = {0};
	for (int i = 0; i < DIAG_PER_FILE - 2; i++)
		diag_add(&d, DIAG_WARNING, "b.csv", 2 + i, 0, "plain %d", i);
	const char *names[] = {"Aarhus", "Odense", "Vejle", "Kolding", "Horsens", "Randers"};
	for (int i = 0; i < 6; i++) {
		diag_add(&d, DIAG_WARNING, "b.csv", 200 + i, 0, "one law: %s", names[i]);
		diag_group_last(&d, "2024 rows under one law", names[i]);
	}
	diag_list_append(&copy, &d);
	assert_int_equal(copy.warnings, DIAG_PER_FILE + 4);
	for (int pass = 0; pass < 2; pass++) {
		char *text = report_text(pass ? &copy : &d, false);
		assert_non_null(strstr(text,
				       "b.csv:200: warning: 6 municipalities have 2024 rows "
				       "under one law: Aarhus, Odense, Vejle, \xE2\x80\xA6\n"));
		assert_null(strstr(text, "warning: one law: Aarhus"));
		assert_null(strstr(text, "more problem"));
		free(text);
	}
	char *text = report_text(&copy, true); /* --verbose: the kept ones, then the total */
	const char *one = strstr(text, "b.csv:201: warning: one law: Odense\n");
	const char *all = strstr(text, "b.csv:200: warning: 6 municipalities have 2024 rows under "
				       "one law: Aarhus, Odense, Vejle, \xE2\x80\xA6\n");
	assert_non_null(one);
	assert_non_null(all);
	assert_true(one < all);
	assert_null(strstr(text, "more problem"));
	free(text);
	diag_list_free(&d);
	diag_list_free(&copy);
}

/* A group none of whose messages was kept still has its line, before the
 * "N more problems" line; past DIAG_TALLIES groups a file the rest are only
 * counted, and a group seen before them is still counted whole. */
static void test_diag_group_not_kept(void **state)
{
	(void)state;
	struct diag_list d = {0};
	for (int i = 0; i < DIAG_PER_FILE; i++)
		diag_add(&d, DIAG_WARNING, "c.csv", 2 + i, 0, "repeat %d", i);
	const char *names[] = {"Aarhus", "Odense", "Vejle", "Kolding", "Horsens"};
	for (int i = 0; i < 5; i++) {
		diag_add(&d, DIAG_WARNING, "c.csv", 300 + i, 0, "%s", "");
		diag_group_last(&d, "2024 rows under one law", names[i]);
	}
	for (int i = 0; i < DIAG_TALLIES + 40; i++) { /* many groups of one */
		char group[32];
		snprintf(group, sizeof group, "year %d", 1900 + i);
		diag_add(&d, DIAG_WARNING, "c.csv", 400 + i, 0, "%s", "");
		diag_group_last(&d, group, "Aarhus");
	}
	diag_add(&d, DIAG_WARNING, "c.csv", 900, 0, "%s", "");
	diag_group_last(&d, "2024 rows under one law", "Randers");
	diag_list_flush(&d);
	char *text = report_text(&d, false);
	assert_non_null(strstr(text, "c.csv:300: warning: 6 municipalities have 2024 rows under "
				     "one law: Aarhus, Odense, Vejle, \xE2\x80\xA6\n"));
	/* the largest groups only: that one and nine of one */
	size_t lines = 0;
	for (const char *p = text; (p = strstr(p, "1 municipality has year ")); p++)
		lines++;
	assert_int_equal(lines, DIAG_TALLY_LINES - 1);
	assert_non_null(strstr(text, "c.csv:400: warning: 1 municipality has year 1900: Aarhus\n"));
	/* the counted ones less the fifteen the group lines say */
	char more[80];
	snprintf(more, sizeof more,
		 "c.csv: warning: %d more problems in this file are not listed\n",
		 5 + DIAG_TALLIES + 40 + 1 - 15);
	assert_non_null(strstr(text, more));
	assert_true(strstr(text, "have 2024 rows") < strstr(text, "more problems"));
	free(text);
	diag_list_free(&d);
}

static void add_all(struct col_samples *s, const char *const *row, const unsigned *looks, size_t n)
{
	for (size_t i = 0; i < n; i++)
		colroles_add(s, i, row[i], looks[i]);
}

#define L(r) COL_LOOKS(r)

/* The content decides; a header breaks a tie; two equal columns are an
 * error that names them; --columns settles it. */
static void test_colroles(void **state)
{
	(void)state;
	const char *headers[] = {"tid", "x1", "x2", "x3", "obs"};
	struct col_samples s;
	colroles_init(&s, headers, 5, NULL);
	const char *row[] = {"2021", "Aarhus", "Serviceloven", "Hjemvisning", "12"};
	const unsigned looks[] = {L(COL_PERIOD) | L(COL_VALUE), L(COL_MUNI), L(COL_LAW),
				  L(COL_DECISION), L(COL_VALUE)};
	for (int i = 0; i < 20; i++)
		add_all(&s, row, looks, 5);
	int plan[COL_CONTENT_ROLES];
	char *why = NULL;
	assert_true(colroles_assign(&s, NULL, plan, &why));
	assert_int_equal(plan[COL_PERIOD], 0);
	assert_int_equal(plan[COL_MUNI], 1);
	assert_int_equal(plan[COL_LAW], 2);
	assert_int_equal(plan[COL_PAR], -1);
	assert_int_equal(plan[COL_DECISION], 3);
	assert_int_equal(plan[COL_VALUE], 4);
	colroles_free(&s);

	/* two municipality columns, no header to choose by */
	const char *h2[] = {"a", "b", "lov", "afg", "tid", "antal"};
	const int hints[] = {-1, -1, COL_LAW, COL_DECISION, COL_PERIOD, COL_VALUE};
	colroles_init(&s, h2, 6, hints);
	const char *row2[] = {"Aarhus", "Odense", "Serviceloven", "Stadfæstelse", "2022", "3"};
	const unsigned looks2[] = {
		L(COL_MUNI), L(COL_MUNI), L(COL_LAW), L(COL_DECISION), L(COL_PERIOD) | L(COL_VALUE),
		L(COL_VALUE)};
	add_all(&s, row2, looks2, 6);
	assert_false(colroles_assign(&s, NULL, plan, &why));
	assert_non_null(strstr(why, "1 (a)"));
	assert_non_null(strstr(why, "2 (b)"));
	free(why);
	int forced[COL_CONTENT_ROLES];
	char *err = NULL;
	assert_true(colroles_parse_spec("kommune=B", &s, forced, &err));
	assert_int_equal(forced[COL_MUNI], 1);
	assert_true(colroles_assign(&s, forced, plan, &why));
	assert_int_equal(plan[COL_MUNI], 1);
	assert_false(colroles_parse_spec("municipality=7", &s, forced, &err));
	assert_non_null(strstr(err, "no such column"));
	free(err);
	assert_false(colroles_parse_spec("colour=1", &s, forced, &err));
	free(err);
	colroles_free(&s);

	/* law and paragraph: the one with § is the paragraph */
	const char *h3[] = {"p", "l", "d", "t", "v", "m"};
	colroles_init(&s, h3, 6, NULL);
	const char *row3[] = {"§ 41", "Serviceloven", "Hjemvisning", "2023", "4", "Aarhus"};
	const unsigned looks3[] = {L(COL_LAW) | L(COL_PAR),	 L(COL_LAW),   L(COL_DECISION),
				   L(COL_PERIOD) | L(COL_VALUE), L(COL_VALUE), L(COL_MUNI)};
	add_all(&s, row3, looks3, 6);
	assert_true(colroles_assign(&s, NULL, plan, &why));
	assert_int_equal(plan[COL_PAR], 0);
	assert_int_equal(plan[COL_LAW], 1);
	assert_int_equal(plan[COL_VALUE], 4);
	colroles_free(&s);
}

static void test_dupkeys(void **state)
{
	(void)state;
	struct dupkeys d = {0};
	int first;
	bool same;
	dupkeys_prefetch(&d, 1 << 8); /* no table yet: nothing to fetch */
	/* a sorted file: 400 groups x 3 sub-keys x 12 periods on consecutive
	 * lines, small and large values; each group's slot fetched before its
	 * keys come (it changes nothing) */
	int line = 2;
	for (uint64_t g = 1; g <= 400; g++, dupkeys_prefetch(&d, (g + 1) << 8))
		for (unsigned s = 1; s <= 3; s++)
			for (unsigned y = 2013; y <= 2024; y++, line++)
				assert_true(dupkeys_put(&d, g << 8, s, y, line,
							(uint32_t)(g * 7 + y) % 1000, &first,
							&same));
	assert_int_equal(d.n_groups, 400);
	/* one block per group: a 9-byte header, the group's key, and each
	 * sub-key with its 12 values, six bits each when all are below 64
	 * (groups 1-5 among others), else a byte each */
	size_t want = 0;
	for (uint64_t g = 1; g <= 400; g++) {
		bool small = true;
		for (unsigned y = 2013; y <= 2024; y++)
			small = small && (g * 7 + y) % 1000 < 64;
		want += 9 + 8 + 3 * (1 + (small ? 9 : 12));
	}
	assert_true(want < 400 * (9 + 8 + 3 * (1 + 12)));
	assert_int_equal(d.len, want);
	/* every key is found again, with its line and value */
	line = 2;
	for (uint64_t g = 1; g <= 400; g += 37)
		for (unsigned s = 1; s <= 3; s++)
			for (unsigned y = 2013; y <= 2024; y++, line++) {
				uint32_t v = (uint32_t)(g * 7 + y) % 1000;
				assert_false(
					dupkeys_put(&d, g << 8, s, y, 99999, v, &first, &same));
				assert_int_equal(first, 2 + ((int)(g - 1) * 3 + (int)s - 1) * 12 +
								(int)(y - 2013));
				assert_true(same);
				assert_false(
					dupkeys_put(&d, g << 8, s, y, 99999, v + 1, &first, &same));
				assert_false(same);
			}
	/* another period, sub-key or group is new; out of order too */
	assert_true(dupkeys_put(&d, 5 << 8, 1, 2025, 100000, 3, &first, &same));
	assert_true(dupkeys_put(&d, 5 << 8, 1, 2012, 100001, 3, &first, &same));
	assert_true(dupkeys_put(&d, 5 << 8, 4, 2013, 100002, 3, &first, &same));
	assert_true(dupkeys_put(&d, 401 << 8, 1, 2013, 100003, 3, &first, &same));
	assert_false(dupkeys_put(&d, 5 << 8, 1, 2012, 100004, 3, &first, &same));
	assert_int_equal(first, 100001);
	assert_true(same);
	/* a sub-key whose run stops early: its missing periods are new, the
	 * next is found where it was put */
	for (unsigned y = 2013; y <= 2024; y++)
		assert_true(
			dupkeys_put(&d, 500 << 8, 1, y, 200000 + (int)y - 2013, 1, &first, &same));
	for (unsigned y = 2013; y <= 2017; y++)
		assert_true(
			dupkeys_put(&d, 500 << 8, 2, y, 200012 + (int)y - 2013, 2, &first, &same));
	assert_true(dupkeys_put(&d, 500 << 8, 2, 2020, 200017, 3, &first, &same));
	assert_false(dupkeys_put(&d, 500 << 8, 2, 2015, 1, 2, &first, &same));
	assert_int_equal(first, 200014);
	assert_true(same);
	assert_false(dupkeys_put(&d, 500 << 8, 2, 2020, 1, 2, &first, &same));
	assert_int_equal(first, 200017);
	assert_false(same);
	assert_true(dupkeys_put(&d, 500 << 8, 2, 2018, 200018, 3, &first, &same));
	/* a line between two runs (a row not used): the second is found on its line */
	for (unsigned y = 2013; y <= 2024; y++)
		assert_true(
			dupkeys_put(&d, 600 << 8, 1, y, 300000 + (int)y - 2013, 1, &first, &same));
	assert_true(dupkeys_put(&d, 600 << 8, 2, 2013, 300013, 7, &first, &same));
	assert_false(dupkeys_put(&d, 600 << 8, 2, 2013, 1, 7, &first, &same));
	assert_int_equal(first, 300013);
	assert_true(same);
	assert_false(dupkeys_put(&d, 600 << 8, 1, 2024, 1, 1, &first, &same));
	assert_int_equal(first, 300011);
	/* six-bit values until one is 64 or more, then a byte each (and one
	 * of DUPKEYS_SMALL or more beside them): every value found again */
	static const uint32_t vals[] = {1, 63, 0, 17, 64, 300, 5, 254, 255, 2, 40000, 9};
	for (unsigned s = 1; s <= 2; s++)
		for (unsigned i = 0; i < 12; i++)
			assert_true(dupkeys_put(&d, 700 << 8, s, 2013 + i,
						400000 + (int)(s * 12 + i), vals[(i + s) % 12],
						&first, &same));
	for (unsigned s = 1; s <= 2; s++)
		for (unsigned i = 0; i < 12; i++) {
			assert_false(dupkeys_put(&d, 700 << 8, s, 2013 + i, 1, vals[(i + s) % 12],
						 &first, &same));
			assert_int_equal(first, 400000 + (int)(s * 12 + i));
			assert_true(same);
			assert_false(dupkeys_put(&d, 700 << 8, s, 2013 + i, 1,
						 vals[(i + s) % 12] ^ 1, &first, &same));
			assert_false(same);
		}
	dupkeys_free(&d);

	/* a shuffled file: every key in its own block, still found */
	for (uint64_t k = 1; k <= 5000; k++)
		assert_true(dupkeys_put(&d, (k * 7919 % 97) << 8, (unsigned)(k % 5),
					(unsigned)(k * 31 % 5000), (int)k * 2, (uint32_t)k * 1000,
					&first, &same));
	assert_false(dupkeys_put(&d, (77 * 7919 % 97) << 8, 77 % 5, 77 * 31 % 5000, 1, 77000,
				 &first, &same));
	assert_int_equal(first, 154);
	assert_true(same);
	assert_false(dupkeys_put(&d, (78 * 7919 % 97) << 8, 78 % 5, 78 * 31 % 5000, 1, 1, &first,
				 &same));
	assert_false(same);
	dupkeys_free(&d);
}

/* The one hash table: several values under one key, walked in turn, and
 * the string map on top of it through growth and updates. */
static void test_hashtab(void **state)
{
	(void)state;
	struct hashtab t = {0};
	for (uint64_t k = 1; k <= 3000; k++)
		hashtab_add(&t, k % 1000 + 1, k);
	size_t pos = 0, n = 0;
	uint64_t v, sum = 0;
	while (hashtab_next(&t, 8, &pos, &v)) {
		n++;
		sum += v;
	}
	assert_int_equal(n, 3);
	assert_int_equal(sum, 7 + 1007 + 2007);
	pos = 0;
	assert_false(hashtab_next(&t, 5000, &pos, &v));
	hashtab_free(&t);

	/* the word-wise hash: equal bytes hash equal; a byte, the length or
	 * where one piece ends and the next begins changes it */
	uint64_t h1 = hashtab_words(HASHTAB_FNV_START, "Norddjurs Kommune", 17);
	assert_true(h1 == hashtab_words(HASHTAB_FNV_START, "Norddjurs Kommune", 17));
	assert_true(h1 != hashtab_words(HASHTAB_FNV_START, "Norddjurs Kommunf", 17));
	assert_true(h1 != hashtab_words(HASHTAB_FNV_START, "Norddjurs Kommune", 16));
	assert_true(hashtab_words(hashtab_words(HASHTAB_FNV_START, "ab", 2), "c", 1) !=
		    hashtab_words(hashtab_words(HASHTAB_FNV_START, "a", 1), "bc", 2));
	assert_true(hashtab_words(HASHTAB_FNV_START, "", 0) != 0);

	struct strmap m = {0};
	char key[32];
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof key, "kommune %d", i);
		strmap_put(&m, key, i);
	}
	strmap_put(&m, "kommune 5", -5);
	int got = 0;
	assert_true(strmap_get(&m, "kommune 1999", &got));
	assert_int_equal(got, 1999);
	assert_true(strmap_get(&m, "kommune 5", &got));
	assert_int_equal(got, -5);
	assert_false(strmap_get(&m, "kommune 2000", &got));
	assert_int_equal(m.n, 2000);
	strmap_free(&m);
}

static const struct ak_obs *find(const struct import_result *r, int year, int code, enum ak_area a)
{
	for (size_t i = 0; i < r->n_obs; i++)
		if (r->obs[i].year == year && r->obs[i].code == code && r->obs[i].area == a)
			return &r->obs[i];
	return NULL;
}

static void import(const char *fixture, struct import_result *r, int year, int area)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/test/data/import/%s", SOURCE_ROOT, fixture);
	struct import_options o = {.rules = &rules, .year = year, .area = area};
	assert_true(import_file(path, &ds, &o, r));
}

static void test_dst(void **state)
{
	(void)state;
	struct import_result r;
	import("dst_labels.csv", &r, 0, -1);
	assert_int_equal(r.format, IMPORT_DST);
	const struct ak_obs *o = find(&r, 2022, 751, AREA_GENERELT);
	assert_non_null(o);
	assert_int_equal(o->upheld.value, 100); /* the law-level row, not the paragraphs again */
	assert_int_equal(o->remanded.value, 40);
	assert_int_equal(o->changed.value, 20);
	/* Afvisning/henvisning: a count of its own, never among the cases */
	assert_int_equal(o->dismissed.value, 15);
	assert_false(o->cases.present);
	o = find(&r, 2022, 751, AREA_BOERNEHANDICAP);
	assert_int_equal(o->upheld.value, 15);
	assert_false(o->changed.present); /* 2 + ".." is not 2 */
	assert_non_null(strstr(o->note, "diskretionshensyn"));
	assert_null(find(&r, 2022, 411, AREA_GENERELT));
	import_result_free(&r);
	import("dst_quarters_en.csv", &r, 0, -1);
	o = find(&r, 2021, 101, AREA_GENERELT); /* four quarters summed */
	assert_int_equal(o->upheld.value, 120);
	assert_non_null(strstr(o->note, "fire kvartaler"));
	o = find(&r, 2022, 101, AREA_GENERELT);
	assert_non_null(strstr(o->note, "ufuldst"));
	o = find(&r, 2021, 751, AREA_VOKSENHANDICAP);
	assert_int_equal(o->upheld.value, 14);
	assert_non_null(find(&r, 2021, 0, AREA_GENERELT)); /* "All Denmark" */
	/* the quarters are kept as they are too, apart from the years */
	assert_int_equal(r.n_quarters, 15);
	const struct ak_quarter *q = &r.quarters[5];
	assert_int_equal(q->year, 2022);
	assert_int_equal(q->quarter, 2);
	assert_int_equal(q->code, 101);
	assert_int_equal(q->upheld.value, 38);
	assert_int_equal(q->remanded.value, 15);
	assert_non_null(strstr(q->note, "Foreløbige kvartalstal"));
	import_result_free(&r);
}

/* A numbered part met before its law's own row is met again after it: the
 * second time it is the law's part ("6.1 ..." of "6 Barnets lov"), though its
 * texts were read against the area rules once already (area_info keeps
 * them per text). The law's row comes after the 1 000 rows the format's
 * detection reads, which would note it first. */
static void test_law_noted_later(void **state)
{
	(void)state;
	struct sbuf csv = {0};
	sbuf_puts(&csv, "KOMK;LOVGRUNDLAG;AFGTYP;TID;INDHOLD\n"
			"751 Aarhus;6.1 Merudgifter - § 86;1 Stadfæstelse;2023 2023;5\n");
	size_t rows = 0;
	for (size_t m = 0; m < ds.n_munis && rows < 1100; m++)
		for (int y = 2013; y <= 2023 && ds.munis[m].code > 0; y++, rows++)
			sbuf_printf(&csv, "%d %s;1 Serviceloven;1 Stadfæstelse;%d %d;1\n",
				    ds.munis[m].code, ds.munis[m].name, y, y);
	assert_true(rows >= 1000);
	sbuf_puts(&csv, "751 Aarhus;6 Barnets lov;1 Stadfæstelse;2024 2024;9\n"
			"751 Aarhus;6.1 Merudgifter - § 86;1 Stadfæstelse;2024 2024;7\n");
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(sbuf_str(&csv), csv.len, "late.csv", &ds, &o, &r));
	assert_int_equal(r.format, IMPORT_DST);
	/* 2024: Barnets lov § 86, a disability figure; 2023, before the law's
	 * row: a bare § 86, serviceloven's, in the general area only */
	const struct ak_obs *b = find(&r, 2024, 751, AREA_BOERNEHANDICAP);
	assert_non_null(b);
	assert_int_equal(b->upheld.value, 7);
	assert_null(find(&r, 2023, 751, AREA_BOERNEHANDICAP));
	assert_non_null(find(&r, 2023, 751, AREA_GENERELT));
	import_result_free(&r);
	sbuf_free(&csv);
}

/* A message of the report at a line that contains text. */
static bool said(const struct import_result *r, int line, const char *text)
{
	for (size_t i = 0; i < r->report.count; i++)
		if (r->report.items[i].line == line && strstr(r->report.items[i].msg, text))
			return true;
	return false;
}

/* A municipality's cells of a year, told by one place (a paragraph), are
 * told again by the next place only where the cells would not be as they
 * are: here a law's own row with the paragraph's area and law, whose line
 * the cells must keep (the message names it). test_cells_told_by_law: the
 * same area under another law. */
static void test_cells_told_by_level(void **state)
{
	(void)state;
	static const char csv[] =
		"KOMK;LOVGRUNDLAG;AFGTYP;TID;INDHOLD\n"
		"751 Aarhus;1.3 Øvrige bestemmelser i serviceloven;1 Stadfæstelse;2024 2024;30\n"
		"751 Aarhus;1 Serviceloven;1 Stadfæstelse;2024 2024;20\n";
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "lv.csv", &ds, &o, &r));
	assert_int_equal(r.format, IMPORT_DST);
	const struct ak_obs *g = find(&r, 2024, 751, AREA_GENERELT);
	assert_non_null(g);
	assert_int_equal(g->upheld.value, 20); /* the law's row is the figure */
	assert_true(said(&r, 2, "the paragraphs exceed the law's own row (line 3)"));
	import_result_free(&r);
}

/* Numbered law values: a paragraph belongs to the law its number names,
 * even when its label names none; a part of a law is never added to the
 * law's own row; totals named "<variable> i alt"; values as code and text. */
static void test_law_hierarchy(void **state)
{
	(void)state;
	static const char csv[] =
		"KOMK;LOVGRUNDLAG;AFGTYP;TID;INDHOLD\n"
		"751 Aarhus;1 Serviceloven;1 Stadfæstelse;2024 2024;50\n"
		"751 Aarhus;1.1 Børn med handicap - § 41;1 Stadfæstelse;2024 2024;10\n"
		"751 Aarhus;1.3 Øvrige bestemmelser i serviceloven;1 Stadfæstelse;2024 2024;30\n"
		"751 Aarhus;6 Barnets lov;1 Stadfæstelse;2024 2024;9\n"
		"751 Aarhus;6.1 Merudgifter - § 86;1 Stadfæstelse;2024 2024;7\n"
		"751 Aarhus;6.1 Merudgifter - § 86;TOT Afgørelsestype i alt;2024 2024;70\n"
		"TOT Kommuner i alt;1 Serviceloven;1 Stadfæstelse;2024 2024;900\n"
		"751 Aarhus;1 Serviceloven;1 Stadfæstelse;2023K1 2023Q1;5\n";
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "h.csv", &ds, &o, &r));
	assert_int_equal(r.format, IMPORT_DST);
	const struct ak_obs *g = find(&r, 2024, 751, AREA_GENERELT);
	assert_non_null(g);
	assert_int_equal(g->upheld.value, 50); /* the law's row; 1.1 and 1.3 are its parts */
	const struct ak_obs *b = find(&r, 2024, 751, AREA_BOERNEHANDICAP);
	assert_non_null(b);
	assert_int_equal(b->upheld.value, 17); /* SEL § 41 + Barnets lov § 86 (6.1) */
	assert_null(strstr(b->note, "ingen efter"));
	assert_non_null(find(&r, 2023, 751, AREA_GENERELT)); /* "2023K1 2023Q1" */
	assert_null(find(&r, 2024, 0, AREA_GENERELT));	     /* "Kommuner i alt" is no row */
	import_result_free(&r);

	assert_true(import_is_total("Afgørelsestype i alt"));
	assert_true(import_is_total("TOT I alt"));
	assert_true(import_is_total("Social Services Act total"));
	assert_false(import_is_total("Realitetsbehandlede sager i altid"));
	assert_int_equal(import_period_year("2024K1 2024Q1"), 2024);
	assert_int_equal(import_period_year("2021 2021"), 2021);
	assert_int_equal(import_period_year("2021 2022"), 0); /* code and text disagree */
	bool law_level;
	assert_int_equal(area_rules_match(&rules, "Serviceloven i alt", "", 2023, &law_level, NULL),
			 G);
	assert_true(law_level);
	assert_int_equal(area_rules_match(&rules, "Øvrige bestemmelser i serviceloven", "", 2023,
					  &law_level, NULL),
			 G);
	assert_false(law_level); /* a part of the law, not the law */
	assert_int_equal(area_rules_match(&rules, "1 Serviceloven", "", 2023, &law_level, NULL), G);
	assert_true(law_level);
	assert_int_equal(area_rules_match(&rules, "1.9 Børn - efterværn - §§ 68 og 76", "", 2023,
					  &law_level, NULL),
			 G);
	assert_false(law_level);
}

/* Dismissals and referrals as separate rows are two keys, summed into one
 * count beside the cases; a lapsed appeal (bortfald) is not used. */
static void test_dismissed(void **state)
{
	(void)state;
	static const char csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2022;100\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2022;40\n"
				  "Aarhus;Serviceloven i alt;Ændring/ophævelse;2022;20\n"
				  "Aarhus;Serviceloven i alt;Afvisning;2022;7\n"
				  "Aarhus;Serviceloven i alt;Henvisning;2022;5\n"
				  "Aarhus;Serviceloven i alt;Bortfald;2022;3\n"
				  "Aarhus;Serviceloven i alt;Afvisning;2022K1;2\n"
				  "Aarhus;Serviceloven i alt;Afvisning;2022K2;..\n";
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "d.csv", &ds, &o, &r));
	const struct ak_obs *g = find(&r, 2022, 751, AREA_GENERELT);
	assert_non_null(g);
	assert_int_equal(g->dismissed.value, 12); /* 7 + 5: the year's rows, not the quarters */
	assert_int_equal(g->upheld.value, 100);
	assert_false(g->cases.present);
	import_result_free(&r);
}

static void test_talportal(void **state)
{
	(void)state;
	struct import_result r;
	import("talportal_latin1.csv", &r, 0, -1);
	assert_int_equal(r.format, IMPORT_TALPORTAL);
	assert_string_equal(r.encoding, "Windows-1252");
	const struct ak_obs *o = find(&r, 2022, 751, AREA_GENERELT); /* "Århus" */
	assert_int_equal(o->cases.value, 182);
	assert_true(o->rate_pct.present);
	assert_true(o->rate_pct.decimals > 10);	  /* unrounded, kept as published */
	assert_int_equal(o->dismissed.value, 12); /* "Afviste sager" beside the 182 */
	o = find(&r, 2022, 851, AREA_GENERELT);	  /* "Ålborg", four quarters */
	assert_int_equal(o->cases.value, 116);
	assert_false(o->rate_pct.present); /* percentages do not add up across quarters */
	assert_int_equal(r.n_quarters, 4); /* "2022 - 1. kvartal" ... kept as quarters */
	assert_int_equal(r.quarters[0].code, 851);
	assert_int_equal(r.quarters[0].quarter, 1);
	assert_int_equal(r.quarters[0].cases.value, 30);
	o = find(&r, 2022, 751, AREA_BOERNEHANDICAP);
	assert_int_equal(o->cases.value, 60);
	assert_false(o->changed.present); /* 6 + NA is unknown */
	import_result_free(&r);
}

static void test_sheet(void **state)
{
	(void)state;
	struct import_result r;
	import("sheet_cp1252.csv", &r, 2023, AREA_GENERELT);
	assert_int_equal(r.format, IMPORT_SHEET);
	const struct ak_obs *o = find(&r, 2023, 101, AREA_GENERELT);
	assert_int_equal(o->cases.value, 1234); /* "1.234" */
	assert_float_equal(o->rate_pct.value, 40.0, 1e-9);
	assert_int_equal(o->rate_pct.decimals, 1);
	assert_non_null(find(&r, 2023, 147, AREA_GENERELT)); /* "Frederiksberg Kommune" */
	assert_int_equal(r.n_obs, 3);
	import_result_free(&r);
}

/* A sorted Statistikbanken file: a place's rows (municipality, paragraph)
 * come in runs of years, one run a decision type, and what a run found is
 * used again by the next; a year repeated inside a run, a conflict inside
 * one and a repeat after the place changed are all caught; a ".." and a
 * bad period in a run are read as ever; quarters too. */
static const char dst_runs_csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				   "Aarhus;SEL § 41;Stadfæstelse;2022;10\n"
				   "Aarhus;SEL § 41;Stadfæstelse;2023;11\n"
				   "Aarhus;SEL § 41;Stadfæstelse;2024;12\n"
				   "Aarhus;SEL § 41;Hjemvisning;2022;4\n"
				   "Aarhus;SEL § 41;Hjemvisning;2023;5\n"
				   "Aarhus;SEL § 41;Hjemvisning;2023;5\n"
				   "Aarhus;SEL § 41;Hjemvisning;2024;6\n"
				   "Aarhus;SEL § 41;Ændring/ophævelse;2023;1\n"
				   "Aarhus;SEL § 41;Ændring/ophævelse;2024;2\n"
				   "Aarhus;SEL § 41;Ændring/ophævelse;2024;3\n"
				   "Aarhus;SEL § 42;Stadfæstelse;2022;20\n"
				   "Odense;SEL § 41;Stadfæstelse;2022;30\n"
				   "Odense;SEL § 41;Stadfæstelse;2023;31\n"
				   "Odense;SEL § 41;Hjemvisning;2022;3\n"
				   "Odense;SEL § 41;Hjemvisning;2023;..\n"
				   "Odense;SEL § 41;Hjemvisning;20x3;4\n"
				   "Aarhus;SEL § 41;Stadfæstelse;2023;11\n"
				   "Aalborg;SEL § 41;Stadfæstelse;2022K1;1\n"
				   "Aalborg;SEL § 41;Stadfæstelse;2022K2;2\n"
				   "Aalborg;SEL § 41;Stadfæstelse;2022K3;3\n"
				   "Aalborg;SEL § 41;Stadfæstelse;2022K4;4\n"
				   "Aalborg;SEL § 41;Hjemvisning;2022K1;1\n"
				   "Aalborg;SEL § 41;Hjemvisning;2022K1;1\n";

static void test_dst_runs(void **state)
{
	(void)state;
	const char *csv = dst_runs_csv;
	for (int pars = IMPORT_PARS_KEEP; pars <= IMPORT_PARS_COUNT; pars++) {
		struct import_options o = {.format = IMPORT_AUTO,
					   .area = -1,
					   .rules = &rules,
					   .pars = (enum import_pars)pars};
		struct import_result r;
		assert_true(import_buffer(csv, sizeof dst_runs_csv - 1, "s.csv", &ds, &o, &r));
		assert_int_equal(r.format, IMPORT_DST);
		const struct ak_obs *b = find(&r, 2022, 751, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 30); /* § 41 and § 42 */
		assert_int_equal(b->remanded.value, 4);
		b = find(&r, 2023, 751, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 11);
		assert_int_equal(b->remanded.value, 5); /* counted once */
		assert_int_equal(b->changed.value, 1);
		assert_null(find(&r, 2024, 751, AREA_BOERNEHANDICAP)); /* the conflict */
		b = find(&r, 2022, 461, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 30);
		b = find(&r, 2022, 851, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 10);	/* four quarters summed */
		assert_int_equal(b->remanded.value, 1); /* K1 counted once */
		assert_true(said(&r, 7, "repeats line 6"));
		assert_true(said(&r, 7, "counted once"));
		assert_true(said(&r, 11, "repeats line 10"));
		assert_true(said(&r, 11, "conflict"));
		b = find(&r, 2023, 461, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 31);
		assert_false(b->remanded.present); /* ".." */
		assert_true(said(&r, 17, "TID"));
		assert_true(said(&r, 18, "repeats line 3"));
		assert_true(said(&r, 24, "repeats line 23"));
		assert_int_equal(r.rows_read, 23);
		if (pars == IMPORT_PARS_KEEP) {
			/* 751 § 41: 2022, 2023 (2024 in conflict); § 42; 461 twice; 851's
			 * quarters */
			assert_int_equal(r.n_pars, 9);
			assert_int_equal(r.pars[0].code, 751);
			assert_int_equal(r.pars[0].year, 2022);
			assert_int_equal(r.pars[0].upheld.value, 10);
			assert_int_equal(r.pars[0].remanded.value, 4);
			assert_int_equal(r.pars[1].year, 2023);
			assert_int_equal(r.pars[1].changed.value, 1);
		} else {
			assert_int_equal(r.pars_counted, 9);
		}
		import_result_free(&r);
	}
}

static void same_num(struct ak_num a, struct ak_num b)
{
	assert_int_equal(a.present, b.present);
	assert_true(a.value == b.value);
}

/* The sorted file of test_dst_runs in Windows-1252, read from a file: the
 * reader takes its rows as they are and converts a row only where it reads
 * a text (a row that goes on with its run reads digits), so the repeats
 * inside a run are named from the file's bytes converted: every figure
 * and every message as the UTF-8 text gives them. */
static void test_dst_runs_cp1252(void **state)
{
	(void)state;
	size_t len;
	char *cp = to_cp1252(dst_runs_csv, sizeof dst_runs_csv - 1, &len);
	char path[] = "/tmp/ankekort-cp1252-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, cp, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result u, w;
	/* the same name: a figure's note names its file */
	const char *name = strrchr(path, '/') + 1;
	assert_true(import_buffer(dst_runs_csv, sizeof dst_runs_csv - 1, name, &ds, &o, &u));
	assert_true(import_file(path, &ds, &o, &w));
	unlink(path);
	free(cp);
	assert_string_equal(w.encoding, "Windows-1252");
	assert_int_equal(w.n_obs, u.n_obs);
	for (size_t i = 0; i < u.n_obs; i++) {
		const struct ak_obs *a = &u.obs[i], *b = &w.obs[i];
		assert_int_equal(a->year * 10000 + a->code * 10 + (int)a->area,
				 b->year * 10000 + b->code * 10 + (int)b->area);
		same_num(a->upheld, b->upheld);
		same_num(a->remanded, b->remanded);
		same_num(a->changed, b->changed);
		same_num(a->dismissed, b->dismissed);
		/* the notes differ in the encoding they name */
		assert_non_null(a->note);
		assert_non_null(b->note);
		const char *enc_a = strstr(a->note, "UTF-8"),
			   *enc_b = strstr(b->note, "Windows-1252");
		assert_non_null(enc_a);
		assert_non_null(enc_b);
		assert_int_equal(enc_a - a->note, enc_b - b->note);
		assert_memory_equal(a->note, b->note, (size_t)(enc_a - a->note));
		assert_string_equal(enc_a + strlen("UTF-8"), enc_b + strlen("Windows-1252"));
	}
	assert_int_equal(w.report.count, u.report.count);
	for (size_t i = 0; i < u.report.count; i++) {
		assert_int_equal(w.report.items[i].line, u.report.items[i].line);
		assert_string_equal(w.report.items[i].msg, u.report.items[i].msg);
	}
	/* a repeat in a run (the quick way) and one after the place changed */
	assert_true(said(&w, 7, "(Aarhus; SEL § 41; Hjemvisning; 2023)"));
	assert_true(said(&w, 18, "(Aarhus; SEL § 41; Stadfæstelse; 2023)"));
	import_result_free(&u);
	import_result_free(&w);
}

/* A place's rows in years it has met, read on the quick way: counts of
 * one to three digits, a leading zero, four digits (the slow way), a zero,
 * what is no count and no year; dismissals counted; the figures' texts
 * shared. */
static void test_dst_run_values(void **state)
{
	(void)state;
	static const char csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2010;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2015;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2016;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2017;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2018;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2019;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2020;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2021;1\n"
				  "Aarhus;Serviceloven i alt;Hjemvisning;2022;1\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2015;7\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2016;42\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2017;120\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2018;007\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2019;1234\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2020;0\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2021;4a\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2O22;5\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;1:10;5\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;202+;5\n"
				  "Aarhus;Serviceloven i alt;Stadfæstelse;2022;9\n"
				  "Aarhus;Serviceloven i alt;Afvisning;2015;3\n"
				  "Aarhus;Serviceloven i alt;Afvisning;2016;2\n";
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &rules};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "q.csv", &ds, &o, &r));
	static const struct {
		int year;
		double upheld;
	} want[] = {{2015, 7},	  {2016, 42}, {2017, 120}, {2018, 7},
		    {2019, 1234}, {2020, 0},  {2022, 9}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct ak_obs *g = find(&r, want[i].year, 751, AREA_GENERELT);
		assert_non_null(g);
		assert_true(g->upheld.present);
		assert_int_equal(g->upheld.value, want[i].upheld);
		assert_int_equal(g->remanded.value, 1);
		assert_true(g->shared_texts);
		assert_ptr_equal(g->source.text, r.obs[0].source.text);
		assert_ptr_equal(g->note, r.obs[0].note);
		assert_non_null(strstr(g->note, "q.csv"));
	}
	assert_false(find(&r, 2021, 751, AREA_GENERELT)->upheld.present); /* "4a" */
	assert_true(said(&r, 17, "INDHOLD"));
	assert_true(said(&r, 18, "TID"));
	assert_true(said(&r, 19, "TID")); /* "1:10" is no 2010 */
	assert_false(find(&r, 2010, 751, AREA_GENERELT)->upheld.present);
	assert_true(said(&r, 20, "TID")); /* "202+" is no 2015 */
	assert_int_equal(find(&r, 2015, 751, AREA_GENERELT)->dismissed.value, 3);
	assert_int_equal(find(&r, 2016, 751, AREA_GENERELT)->dismissed.value, 2);
	assert_true(said(&r, 22, "2 rows of dismissed"));
	assert_int_equal(r.rows_read, 22);
	import_result_free(&r);
}

/* Area rules read from text, through a file as area_rules_load() reads
 * them; returns the number of errors. */
static int rules_from_text(struct area_rules *r, const char *text)
{
	char path[] = "/tmp/ankekort-rules-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	struct diag_list d = {0};
	area_rules_load(r, path, &d);
	int errors = (int)d.errors;
	diag_list_free(&d);
	unlink(path);
	return errors;
}

/* Area rules in force from a year: a year after 200 or 256 rule
 * boundaries is another epoch than the year before them, and the law and
 * paragraph are worked out again (an epoch kept in a byte came round). */
static void test_many_rule_epochs(void **state)
{
	(void)state;
	static const char csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				  "Aarhus;Barnets lov § 86;Stadfæstelse;2023;10\n"
				  "Aarhus;Barnets lov § 86;Stadfæstelse;2024;7\n"
				  "Aarhus;Barnets lov § 86;Stadfæstelse;2025;5\n";
	const int counts[] = {200, 256, 400};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		struct sbuf text = {0};
		sbuf_puts(&text, "law,paragraph,area,from,to\n");
		for (int i = 1; i <= counts[k]; i++) /* § 86 among them: 2024 onwards */
			sbuf_printf(&text, "barnets lov,%d,boernehandicap,2024,\n", i);
		struct area_rules many;
		assert_int_equal(rules_from_text(&many, sbuf_str(&text)), 0);
		sbuf_free(&text);
		struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &many};
		struct import_result r;
		assert_true(import_buffer(csv, sizeof csv - 1, "e.csv", &ds, &o, &r));
		assert_null(find(&r, 2023, 751, AREA_BOERNEHANDICAP)); /* before the rules */
		const struct ak_obs *b = find(&r, 2024, 751, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 7);
		b = find(&r, 2025, 751, AREA_BOERNEHANDICAP);
		assert_non_null(b);
		assert_int_equal(b->upheld.value, 5);
		import_result_free(&r);
		area_rules_free(&many);
	}
}

/* The next place of a municipality's year with the area of the place
 * before but under another law: the cells count both laws among theirs,
 * so the figure's note does not say that no rows came under barnets lov. */
static void test_cells_told_by_law(void **state)
{
	(void)state;
	static const char csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2024;10\n"
				  "Aarhus;Barnets lov § 86;Stadfæstelse;2024;7\n";
	struct area_rules two;
	assert_int_equal(rules_from_text(&two, "law,paragraph,area,from,to\n"
					       "servicelov,41,boernehandicap,,\n"
					       "barnets lov,86,boernehandicap,2024,\n"),
			 0);
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &two};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "two.csv", &ds, &o, &r));
	const struct ak_obs *b = find(&r, 2024, 751, AREA_BOERNEHANDICAP);
	assert_non_null(b);
	assert_int_equal(b->upheld.value, 17);
	assert_null(strstr(b->note, "ingen efter"));
	import_result_free(&r);
	area_rules_free(&two);
}

/* A place's first run reads each new year by the areas of the run's rule
 * epoch, and looks again where the epoch changes: SEL § 41 counts for
 * børnehandicap until 2023 here, for generelt in every year. */
static void test_first_run_epochs(void **state)
{
	(void)state;
	static const char csv[] = "OMRÅDE;PARAGRAF;AFGØRELSE;TID;INDHOLD\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2021;1\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2022;2\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2023;3\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2024;4\n"
				  "Aarhus;Serviceloven § 41;Stadfæstelse;2025;5\n"
				  "Aarhus;Serviceloven § 41;Hjemvisning;2021;10\n"
				  "Aarhus;Serviceloven § 41;Hjemvisning;2023;30\n"
				  "Aarhus;Serviceloven § 41;Hjemvisning;2024;40\n";
	struct area_rules ended;
	rules_from_text(&ended, "law,paragraph,area,from,to\nservicelov,*,generelt,,\n"
				"servicelov,41,boernehandicap,,2023\n");
	struct import_options o = {.format = IMPORT_AUTO, .area = -1, .rules = &ended};
	struct import_result r;
	assert_true(import_buffer(csv, sizeof csv - 1, "e.csv", &ds, &o, &r));
	for (int y = 2021; y <= 2025; y++) {
		const struct ak_obs *g = find(&r, y, 751, AREA_GENERELT);
		assert_non_null(g);
		assert_int_equal(g->upheld.value, y - 2020);
		const struct ak_obs *b = find(&r, y, 751, AREA_BOERNEHANDICAP);
		if (y >= 2024) {
			assert_null(b);
			continue;
		}
		assert_non_null(b);
		assert_int_equal(b->upheld.value, y - 2020);
		assert_int_equal(b->remanded.present, y != 2022);
		if (y != 2022)
			assert_int_equal(b->remanded.value, (y - 2020) * 10);
	}
	assert_int_equal(find(&r, 2024, 751, AREA_GENERELT)->remanded.value, 40);
	import_result_free(&r);
	area_rules_free(&ended);
}

/* Many groups in no order: the slots grow (doubling, then by a quarter
 * past 64 Ki) and probes pass slots whose one-byte tag matches another
 * group's; every key is found again, and a key a group has not seen is
 * new. */
static void test_dupkeys_many_groups(void **state)
{
	(void)state;
	enum { N = 120000 };
	struct dupkeys d = {0};
	int first;
	bool same;
	/* group keys in a scrambled order (an odd multiplier mod 2^20) */
	for (uint64_t i = 0; i < N; i++) {
		uint64_t g = (i * 0x9E37u) % (1u << 20);
		assert_true(dupkeys_put(&d, g << 8 | 1, 1, 2020, (int)(2 + 2 * i),
					(uint32_t)(g % 50), &first, &same));
		assert_true(dupkeys_put(&d, g << 8 | 1, 1, 2021, (int)(3 + 2 * i),
					(uint32_t)(g % 70), &first, &same));
	}
	assert_int_equal(d.n_groups, N);
	for (uint64_t i = 0; i < N; i += 7) {
		uint64_t g = (i * 0x9E37u) % (1u << 20);
		assert_false(
			dupkeys_put(&d, g << 8 | 1, 1, 2021, 1, (uint32_t)(g % 70), &first, &same));
		assert_int_equal(first, (int)(3 + 2 * i));
		assert_true(same);
		assert_false(dupkeys_put(&d, g << 8 | 1, 1, 2020, 1, (uint32_t)(g % 50) + 1, &first,
					 &same));
		assert_int_equal(first, (int)(2 + 2 * i));
		assert_false(same);
		/* the same group, another sub-key or period: new */
		assert_true(dupkeys_put(&d, g << 8 | 1, 2, 2020, 1, 0, &first, &same));
		/* a group never seen: new */
		assert_true(
			dupkeys_put(&d, (g + (1u << 20)) << 8 | 1, 1, 2020, 1, 0, &first, &same));
	}
	dupkeys_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_area_rules),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_dst),
		cmocka_unit_test(test_law_hierarchy),
		cmocka_unit_test(test_first_run_epochs),
		cmocka_unit_test(test_dismissed),
		cmocka_unit_test(test_dst_runs),
		cmocka_unit_test(test_dst_runs_cp1252),
		cmocka_unit_test(test_dst_run_values),
		cmocka_unit_test(test_talportal),
		cmocka_unit_test(test_sheet),
		cmocka_unit_test(test_area_rules_by_year),
		cmocka_unit_test(test_area_text_every_year),
		cmocka_unit_test(test_law_noted_later),
		cmocka_unit_test(test_cells_told_by_level),
		cmocka_unit_test(test_cells_told_by_law),
		cmocka_unit_test(test_many_rule_epochs),
		cmocka_unit_test(test_encoding_stream),
		cmocka_unit_test(test_utf8_scan_at_block_edges),
		cmocka_unit_test(test_encoding_auto),
		cmocka_unit_test(test_encoding_read),
		cmocka_unit_test(test_diag_brief),
		cmocka_unit_test(test_diag_brief_past_cap),
		cmocka_unit_test(test_diag_group_not_kept),
		cmocka_unit_test(test_colroles),
		cmocka_unit_test(test_dupkeys),
		cmocka_unit_test(test_dupkeys_many_groups),
		cmocka_unit_test(test_hashtab),
	};
	return cmocka_run_group_tests(tests, setup_rules, teardown_rules);
}
