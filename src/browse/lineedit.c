/* lineedit.c - shell-like editing of one line of UTF-8. */
#include "ankekort/browse/lineedit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/browse/action.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"

enum {
	CTRL_A = 1,
	CTRL_B = 2,
	CTRL_D = 4,
	CTRL_E = 5,
	CTRL_F = 6,
	CTRL_K = 11,
	CTRL_U = 21,
	CTRL_W = 23
};

void lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = strlen(text);
	if (n >= e->size)
		n = e->size - 1;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--; /* never cut a character in two */
	memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->cursor = n;
}

static size_t prev_char(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	if (!s[at])
		return at;
	at++;
	while (s[at] && ((unsigned char)s[at] & 0xC0) == 0x80)
		at++;
	return at;
}

/* Removes the bytes [from, to). */
static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, strlen(e->buf + to) + 1);
	e->cursor = from;
}

static enum lineedit_result insert(struct lineedit *e, uint32_t cp)
{
	struct sbuf b = {0};
	utf8_encode(&b, cp);
	size_t len = strlen(e->buf);
	enum lineedit_result r = LINEEDIT_IGNORED;
	if (len + b.len < e->size) {
		memmove(e->buf + e->cursor + b.len, e->buf + e->cursor, len - e->cursor + 1);
		memcpy(e->buf + e->cursor, b.data, b.len);
		e->cursor += b.len;
		r = LINEEDIT_CHANGED;
	}
	sbuf_free(&b);
	return r;
}

/* The start of the word before the cursor (spaces and slashes end words). */
static size_t word_start(const char *s, size_t at)
{
	while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '/'))
		at--;
	while (at > 0 && s[at - 1] != ' ' && s[at - 1] != '/')
		at--;
	return at;
}

static enum lineedit_result move_to(struct lineedit *e, size_t to)
{
	if (to == e->cursor)
		return LINEEDIT_IGNORED;
	e->cursor = to;
	return LINEEDIT_MOVED;
}

static enum lineedit_result remove_range(struct lineedit *e, size_t from, size_t to)
{
	if (from == to)
		return LINEEDIT_IGNORED;
	cut(e, from, to);
	return LINEEDIT_CHANGED;
}

enum lineedit_result lineedit_key(struct lineedit *e, int key)
{
	size_t len = strlen(e->buf);
	if (e->cursor > len)
		e->cursor = len;
	switch (key) {
	case AK_KEY_LEFT:
	case CTRL_B: return move_to(e, prev_char(e->buf, e->cursor));
	case AK_KEY_RIGHT:
	case CTRL_F: return move_to(e, next_char(e->buf, e->cursor));
	case AK_KEY_HOME:
	case CTRL_A: return move_to(e, 0);
	case AK_KEY_END:
	case CTRL_E: return move_to(e, len);
	case AK_KEY_BACKSPACE: return remove_range(e, prev_char(e->buf, e->cursor), e->cursor);
	case AK_KEY_DELETE:
	case CTRL_D: return remove_range(e, e->cursor, next_char(e->buf, e->cursor));
	case CTRL_U: return remove_range(e, 0, e->cursor);
	case CTRL_K: return remove_range(e, e->cursor, len);
	case CTRL_W: return remove_range(e, word_start(e->buf, e->cursor), e->cursor);
	default: break;
	}
	if (key >= 0x20 && key < 0x110000 && key != 0x7F && (key < 0xD800 || key > 0xDFFF) &&
	    !textfmt_is_control((uint32_t)key))
		return insert(e, (uint32_t)key);
	return LINEEDIT_IGNORED;
}

bool lineedit_expand_home(struct lineedit *e)
{
	const char *home = getenv("HOME");
	if (e->buf[0] != '~' || (e->buf[1] && e->buf[1] != '/') || !home || !home[0])
		return true;
	size_t hl = strlen(home), len = strlen(e->buf);
	if (len - 1 + hl >= e->size)
		return false;
	memmove(e->buf + hl, e->buf + 1, len);
	memcpy(e->buf, home, hl);
	e->cursor = strlen(e->buf);
	return true;
}
