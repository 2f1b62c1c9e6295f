/* textfmt.c - locale-independent UTF-8 text handling. */
#include "ankekort/base/textfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		n = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

void utf8_encode(struct sbuf *out, uint32_t cp)
{
	char b[4];
	if (cp < 0x80) {
		b[0] = (char)cp;
		sbuf_putn(out, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		sbuf_putn(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		sbuf_putn(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		sbuf_putn(out, b, 4);
	}
}

bool textfmt_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       /* bidirectional marks and overrides can make a terminal show text in
	        * another order; line and paragraph separators break lines */
	       cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* A byte of printable ASCII: nothing to escape, decode or measure. */
static inline bool plain_byte(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F;
}

/* Length of s when every byte is printable ASCII, else (size_t)-1: most
 * text is. */
static size_t plain_ascii(const char *s)
{
	size_t i = 0;
	while (plain_byte(s[i]))
		i++;
	return s[i] == '\0' ? i : (size_t)-1;
}

struct width_range {
	uint32_t lo, hi;
};

#include "widths.inc"

static bool in_ranges(uint32_t cp, const struct width_range *r, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

/* The widths glibc's wcwidth() gives (see scripts/gen_widths.c), without
 * consulting a locale: zero-width characters (U+200B, U+2060, combining
 * marks, variation selectors) take no cell, emoji and East Asian wide
 * letters two. */
int textfmt_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x300)
		return cp >= 0x7F && cp < 0xA0 ? 0 : 1;
	if (textfmt_is_control(cp))
		return 0;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, double_width, sizeof double_width / sizeof double_width[0]))
		return 2;
	return 1;
}

bool textfmt_needs_escape(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		if (plain_byte(s[i])) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || textfmt_is_control(cp))
			return true;
		i += n;
	}
	return false;
}

static void put_escape(struct sbuf *out, uint32_t v)
{
	switch (v) {
	case '\n': sbuf_puts(out, "\\n"); break;
	case '\r': sbuf_puts(out, "\\r"); break;
	case '\t': sbuf_puts(out, "\\t"); break;
	default:
		if (v < 0x100)
			sbuf_printf(out, "\\x%02X", (unsigned)v);
		else
			sbuf_printf(out, "\\u%04X", (unsigned)v);
		break;
	}
}

void textfmt_escape(struct sbuf *out, const char *s)
{
	size_t plain = plain_ascii(s);
	if (plain != (size_t)-1) {
		sbuf_putn(out, s, plain);
		return;
	}
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			put_escape(out, (unsigned char)s[i]);
			i++;
		} else if (textfmt_is_control(cp)) {
			put_escape(out, cp);
			i += n;
		} else {
			sbuf_putn(out, s + i, n);
			i += n;
		}
	}
}

char *textfmt_escape_dup(const char *s)
{
	struct sbuf b = {0};
	textfmt_escape(&b, s);
	return sbuf_take(&b);
}

size_t textfmt_width(const char *s)
{
	size_t plain = plain_ascii(s);
	if (plain != (size_t)-1)
		return plain;
	size_t len = strlen(s), w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			w++;
			i++;
			continue;
		}
		w += (size_t)textfmt_cp_width(cp);
		i += n;
	}
	return w;
}

static void fit(struct sbuf *out, const char *s, size_t width, bool pad, bool ascii)
{
	size_t plain = plain_ascii(s);
	if (plain != (size_t)-1 && plain <= width) {
		sbuf_putn(out, s, plain);
		if (pad)
			sbuf_pad(out, ' ', width - plain);
		return;
	}
	struct sbuf esc = {0};
	textfmt_escape(&esc, s);
	const char *e = sbuf_str(&esc);
	size_t len = esc.len, used = 0, i = 0;
	bool cut = textfmt_width(e) > width;
	size_t budget = cut ? (width > 0 ? width - 1 : 0) : width;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(e + i, len - i, &cp);
		int w = textfmt_cp_width(cp);
		if (used + (size_t)w > budget)
			break;
		sbuf_putn(out, e + i, n);
		used += (size_t)w;
		i += n;
	}
	if (cut && width > 0) {
		sbuf_puts(out, ascii ? "~" : "\xE2\x80\xA6");
		used++;
	}
	if (pad && used < width)
		sbuf_pad(out, ' ', width - used);
	sbuf_free(&esc);
}

void textfmt_fit(struct sbuf *out, const char *s, size_t width, bool pad, bool ascii)
{
	fit(out, s, width, pad, ascii);
}

void textfmt_fit_ascii(struct sbuf *out, const char *s, size_t width, bool pad)
{
	/* transliterated first (ø -> oe), so the widths are those drawn */
	struct sbuf t = {0};
	textfmt_ascii(&t, s);
	fit(out, sbuf_str(&t), width, pad, true);
	sbuf_free(&t);
}

static const char *fold_cp(uint32_t cp)
{
	switch (cp) {
	case 0xC6:
	case 0xE6:
	case 0xC4:
	case 0xE4: return "ae";
	case 0xD8:
	case 0xF8:
	case 0xD6:
	case 0xF6: return "oe";
	case 0xC5:
	case 0xE5: return "aa";
	case 0xC9:
	case 0xE9:
	case 0xC8:
	case 0xE8: return "e";
	case 0xDC:
	case 0xFC: return "u";
	default: return NULL;
	}
}

/* An ASCII byte that folds to itself, lowercased: not a separator. */
static inline bool fold_ascii_word(unsigned char c)
{
	return c < 0x80 && c != ' ' && c != '\t' && c != '-';
}

void textfmt_fold(struct sbuf *out, const char *s)
{
	size_t len = strlen(s);
	bool space = false;
	size_t start = out->len;
	for (size_t i = 0; i < len;) {
		if (fold_ascii_word((unsigned char)s[i])) { /* a run of them at once */
			if (space)
				sbuf_putc(out, ' ');
			space = false;
			char run[64];
			size_t k = 0;
			for (; i < len && k < sizeof run && fold_ascii_word((unsigned char)s[i]);
			     i++)
				run[k++] = textfmt_ascii_lower(s[i]);
			sbuf_putn(out, run, k);
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			cp = 0xFFFD;
			n = 1;
		}
		i += n;
		if (cp == ' ' || cp == '\t' || cp == '-' || cp == 0xA0) {
			space = out->len > start;
			continue;
		}
		if (space)
			sbuf_putc(out, ' ');
		space = false;
		const char *f = fold_cp(cp); /* beyond ASCII here: the run above took it */
		if (f)
			sbuf_puts(out, f);
		else
			utf8_encode(out, cp);
	}
}

/* Writes a minus sign when neg, then the digits of u, then a point and
 * the decimals low digits of frac (zeros in front) when decimals > 0;
 * returns the length (raw is NUL-terminated). */
static size_t put_digits(char *raw, bool neg, unsigned long long u, int decimals,
			 unsigned long long frac)
{
	char digits[20];
	int n = 0;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	size_t at = 0;
	if (neg)
		raw[at++] = '-';
	while (n)
		raw[at++] = digits[--n];
	if (decimals > 0) {
		raw[at++] = '.';
		for (int i = decimals - 1; i >= 0; i--, frac /= 10)
			raw[at + (size_t)i] = (char)('0' + frac % 10);
		at += (size_t)decimals;
	}
	raw[at] = '\0';
	return at;
}

/* "%.*f" of a whole number below 2^53 (a count, mostly) without printf:
 * false for anything else. */
static bool whole_number(char *raw, double v, int decimals)
{
	if (decimals < 0 || decimals > 20 || v != trunc(v) || !(fabs(v) < 9007199254740992.0))
		return false;
	/* no minus for -0.0, which is 0 */
	put_digits(raw, v < 0, (unsigned long long)fabs(v), decimals, 0);
	return true;
}

/* "%.*f" of v with 1 to 3 decimals (v times 10^decimals below 2^31)
 * without printf, when the last digit cannot depend on how printf rounds a
 * tie: v is scaled with an error under 2^-22, and anything that close to
 * half a unit is left to printf. */
static bool short_decimal(char *raw, double v, int decimals)
{
	static const unsigned long long p10[] = {1, 10, 100, 1000};
	if (decimals < 1 || decimals > 3)
		return false;
	double scaled = v * (double)p10[decimals];
	if (!(fabs(scaled) < 2147483647.0))
		return false;
	double low = floor(scaled), frac = scaled - low;
	if (fabs(frac - 0.5) < 1e-6)
		return false;
	long long r = (long long)low + (frac > 0.5);
	unsigned long long u = (unsigned long long)(r < 0 ? -r : r);
	put_digits(raw, r < 0, u / p10[decimals], decimals, u % p10[decimals]);
	return true;
}

/* 10^-decimals, the same double pow() gives (a number's half unit, asked
 * for every figure a report prints: a call to pow() each cost more than
 * the rest of the formatting). */
static double tenth_power(int decimals)
{
	static const double table[] = {1,    1e-1, 1e-2,  1e-3,	 1e-4,	1e-5,  1e-6,  1e-7,
				       1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14, 1e-15};
	if (decimals >= 0 && decimals < (int)(sizeof table / sizeof table[0]))
		return table[decimals];
	return pow(10.0, -decimals);
}

char *textfmt_number(char *buf, size_t size, double v, int decimals, bool danish)
{
	char raw[64] = {0}; /* the analyser cannot follow put_digits' writes */
	if (!whole_number(raw, v, decimals)) {
		if (fabs(v) < 0.5 * tenth_power(decimals))
			v = 0.0; /* never print "-0,0" */
		if (!short_decimal(raw, v, decimals))
			snprintf(raw, sizeof raw, "%.*f", decimals, v);
	}
	char grouped[96];
	const char *out = raw;
	if (danish) {
		const char *dot = strchr(raw, '.');
		const char *digits = raw[0] == '-' ? raw + 1 : raw;
		size_t intlen = (size_t)((dot ? dot : raw + strlen(raw)) - digits), at = 0;
		if (raw[0] == '-')
			grouped[at++] = '-';
		for (size_t i = 0; i < intlen && at + 2 < sizeof grouped; i++) {
			if (i > 0 && (intlen - i) % 3 == 0)
				grouped[at++] = '.';
			grouped[at++] = digits[i];
		}
		if (dot) {
			size_t rest = strlen(dot + 1);
			rest = rest < sizeof grouped - at - 2 ? rest : sizeof grouped - at - 2;
			grouped[at++] = ',';
			memcpy(grouped + at, dot + 1, rest);
			at += rest;
		}
		grouped[at] = '\0';
		out = grouped;
	}
	if (size > 0) {
		size_t n = strlen(out);
		n = n < size - 1 ? n : size - 1;
		memcpy(buf, out, n);
		buf[n] = '\0';
	}
	return buf;
}

static const char *ascii_of(uint32_t cp)
{
	switch (cp) {
	case 0xC6: return "Ae"; /* the Danish way: Aarhus, Aabenraa, Aeroe */
	case 0xE6: return "ae";
	case 0xD8: return "Oe";
	case 0xF8: return "oe";
	case 0xC5: return "Aa";
	case 0xE5: return "aa";
	case 0xC4: return "Ae";
	case 0xE4: return "ae";
	case 0xD6: return "Oe";
	case 0xF6: return "oe";
	case 0xDC: return "U";
	case 0xFC: return "u";
	case 0xC9:
	case 0xC8: return "E";
	case 0xE9:
	case 0xE8: return "e";
	case 0xB7:
	case 0x2022: return ".";
	case 0x2013:
	case 0x2014:
	case 0x2212: return "-";
	case 0x2026: return "~";
	case 0xA0: return " ";
	default: return "?";
	}
}

void textfmt_ascii(struct sbuf *out, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			sbuf_putc(out, '?');
			i++;
			continue;
		}
		if (cp < 0x80)
			sbuf_putc(out, (char)cp);
		else
			sbuf_puts(out, ascii_of(cp));
		i += n;
	}
}

/* Where the line that starts at s[start] ends: at the last space that
 * fits in width columns, or where a word longer than the line is cut
 * (whole, when keep_words). */
static size_t wrap_end(const char *s, size_t len, size_t start, size_t width, bool keep_words)
{
	size_t last_break = 0, used = 0, j = start;
	while (j < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + j, len - j, &cp);
		n = n ? n : 1;
		size_t w = (size_t)textfmt_cp_width(cp);
		if (used + w > width && j > start)
			break;
		if (cp == ' ')
			last_break = j;
		used += w;
		j += n;
	}
	if (j < len && s[j] == ' ') /* the line is full where a word ends */
		return j;
	if (j < len && last_break > start)
		return last_break;
	if (keep_words)
		while (j < len && s[j] != ' ')
			j++;
	return j;
}

static void wrap(const char *s, size_t width, bool keep_words,
		 void (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
	size_t len = strlen(s), i = 0;
	if (width < 1)
		width = 1;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		size_t end = wrap_end(s, len, i, width, keep_words);
		emit(ctx, s + i, end - i);
		i = end;
	}
}

void textfmt_wrap(const char *s, size_t width,
		  void (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
	wrap(s, width, false, emit, ctx);
}

void textfmt_wrap_words(const char *s, size_t width,
			void (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
	wrap(s, width, true, emit, ctx);
}

static bool decimal_comma;

void textfmt_set_decimal_comma(bool comma)
{
	decimal_comma = comma;
}

bool textfmt_decimal_comma(void)
{
	return decimal_comma;
}

char *textfmt_localize(char *s)
{
	if (!decimal_comma)
		return s;
	for (char *p = s; *p; p++)
		if (*p == '.' && p > s && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
		    p[1] <= '9')
			*p = ',';
	return s;
}

bool textfmt_fold_lookup(const char *s, const struct textfmt_name *names, size_t n, int *value)
{
	struct sbuf f = {0};
	textfmt_fold(&f, s);
	bool hit = false;
	for (size_t i = 0; i < n && !hit; i++) {
		if (strcmp(sbuf_str(&f), names[i].folded) == 0) {
			*value = names[i].value;
			hit = true;
		}
	}
	sbuf_free(&f);
	return hit;
}
