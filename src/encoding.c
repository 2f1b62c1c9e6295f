/* encoding.c - UTF-8 detection and Windows-1252 conversion. */
#include "ankekort/encoding.h"

#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "ankekort/sbuf.h"
#include "ankekort/textfmt.h"
#include "ankekort/xalloc.h"

static bool valid_utf8(const char *buf, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(buf + i, len - i, &cp);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

/* One byte through iconv; bytes Windows-1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) are taken as Latin-1. */
static void convert_byte(iconv_t cd, unsigned char c, struct sbuf *out)
{
	if (c < 0x80) {
		sbuf_putc(out, (char)c);
		return;
	}
	char in[1] = {(char)c}, res[8];
	char *ip = in, *op = res;
	size_t il = 1, ol = sizeof res;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		iconv(cd, NULL, NULL, NULL, NULL);
		utf8_encode(out, c);
		return;
	}
	sbuf_putn(out, res, sizeof res - ol);
}

const char *encoding_view(const char *buf, size_t len, size_t *out_len, const char **name,
			  char **owned)
{
	*owned = NULL;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		*name = "UTF-8 with BOM";
		*out_len = len - 3;
		return buf + 3;
	}
	if (valid_utf8(buf, len)) {
		*name = "UTF-8";
		*out_len = len;
		return buf;
	}
	*owned = encoding_to_utf8(buf, len, out_len, name);
	return *owned;
}

char *encoding_to_utf8(const char *buf, size_t len, size_t *out_len, const char **name)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		*name = "UTF-8 with BOM";
		*out_len = len - 3;
		return xstrndup(buf + 3, len - 3);
	}
	if (valid_utf8(buf, len)) {
		*name = "UTF-8";
		*out_len = len;
		return xstrndup(buf, len);
	}
	*name = "Windows-1252";
	struct sbuf out = {0};
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	for (size_t i = 0; i < len; i++) {
		if (cd == (iconv_t)-1)
			utf8_encode(&out, (unsigned char)buf[i]); /* Latin-1 */
		else
			convert_byte(cd, (unsigned char)buf[i], &out);
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	*out_len = out.len;
	return sbuf_take(&out);
}
