/* csvlines.c - where csvread's lines come from: a buffer taken in blocks,
 * or a file read in blocks, each block's whole lines a run when it holds no
 * quote and no NUL. */
#include "csvlines.h"

#include <string.h>

#include "ankekort/base/encoding.h"

/* Whether the block holds a NUL, and whether it is plain. A file's block
 * has room after it for a NUL that ends the search: one pass finds the
 * first quote or NUL (strchrnul), and only a quote sends a second one
 * after a NUL. */
static void find_kind(struct line_src *s, size_t n)
{
	if (!s->f) {
		s->nul = memchr(s->buf, '\0', n) != NULL;
		s->plain = !s->nul && !memchr(s->buf, '"', n);
		return;
	}
	s->block[n] = '\0';
	const char *q = strchrnul(s->buf, '"');
	size_t at = (size_t)(q - s->buf);
	s->plain = at == n;
	s->nul = at < n && (*q == '\0' || memchr(q, '\0', n - at) != NULL);
}

/* The next block, its kind found (NUL, quote, the end of its last line):
 * false at the end, or when the file cannot be read (failed). */
static bool refill(struct line_src *s)
{
	size_t n;
	if (!s->f) {
		n = s->whole_len - s->whole_off;
		if (n == 0)
			return false;
		n = n < CSVLINES_BLOCK ? n : CSVLINES_BLOCK;
		s->buf = s->whole + s->whole_off;
		s->whole_off += n;
	} else {
		n = s->eof ? 0 : encoding_read(s->f, s->block, CSVLINES_BLOCK, &s->failed);
		if (n == 0) {
			s->eof = true;
			return false;
		}
		s->buf = s->block;
		s->cp1252 = s->cp1252 || encoding_stream_cp1252(s->f); /* ASCII before */
	}
	s->len = n;
	s->off = 0;
	find_kind(s, n);
	size_t end = n;
	while (end > 0 && s->buf[end - 1] != '\n')
		end--;
	s->run_end = end;
	return true;
}

/* The block's whole lines from where reading stands, when it is plain. */
bool csvlines_next_run(struct line_src *s, const char **text, size_t *n)
{
	if (!s->plain || s->off >= s->run_end)
		return false;
	*text = s->buf + s->off;
	*n = s->run_end - s->off;
	s->off = s->run_end;
	return true;
}

/* The next physical line, with its '\n' (the last may have none). */
bool csvlines_next_line(struct line_src *s, const char **line, size_t *n)
{
	sbuf_reset(&s->carry);
	for (;;) {
		if (s->off >= s->len && !refill(s)) {
			*line = sbuf_str(&s->carry);
			*n = s->carry.len;
			return s->carry.len > 0;
		}
		const char *start = s->buf + s->off;
		const char *nl = memchr(start, '\n', s->len - s->off);
		size_t take = nl ? (size_t)(nl - start) + 1 : s->len - s->off;
		s->off += take;
		if (nl && s->carry.len == 0) {
			*line = start;
			*n = take;
			return true;
		}
		sbuf_putn(&s->carry, start, take);
		if (nl) {
			*line = sbuf_str(&s->carry);
			*n = s->carry.len;
			return true;
		}
	}
}
