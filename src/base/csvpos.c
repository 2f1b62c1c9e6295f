/* csvpos.c - where a field stands in CSV text (csvpos.h). */
#include "ankekort/base/csvpos.h"

#include <stdint.h>
#include <string.h>

#include "ankekort/base/textfmt.h"

size_t csvpos_walk_row(const char *buf, size_t len, size_t off, char delim, bool nul_delims,
		       size_t want, size_t *open_quote)
{
	size_t field = 0;
	bool quoted = false;
	size_t quote_at = SIZE_MAX;
	*open_quote = SIZE_MAX;
	size_t i = off;
	while (i < len && field < want) {
		char c = buf[i];
		if (quoted) {
			if (c == '"' && i + 1 < len && buf[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = false;
		} else if (c == '"') {
			quoted = true;
			quote_at = i;
		} else if (c == delim || (c == '\0' && nul_delims)) {
			field++;
		} else if (c == '\n' || c == '\r') {
			return i;
		}
		i++;
	}
	if (quoted)
		*open_quote = quote_at;
	return i;
}

bool csvpos_cursor_to(struct csv_line_cursor *c, int line)
{
	while (c->line < line) {
		const char *nl = memchr(c->buf + c->off, '\n', c->len - c->off);
		if (!nl)
			return false;
		c->off = (size_t)(nl - c->buf) + 1;
		c->line++;
	}
	return c->line == line;
}

/* Bytes of the character at buf[i] (Windows-1252: one). */
static inline size_t char_len(const char *buf, size_t i, size_t len, bool cp1252)
{
	uint32_t cp;
	size_t n = cp1252 ? 1 : utf8_decode(buf + i, len - i, &cp);
	return n ? n : 1;
}

void csvpos_offset_to_pos(const char *buf, size_t from, size_t to, bool cp1252, int line0,
			  int *line, int *col)
{
	int l = line0, c = 1;
	for (size_t i = from; i < to;) {
		if (buf[i] == '\n') {
			l++;
			c = 1;
			i++;
			continue;
		}
		i += char_len(buf, i, to, cp1252);
		c++;
	}
	*line = l;
	*col = c;
}

void csvpos_all(const char *buf, size_t len, size_t off, char delim, bool nul_delims, bool cp1252,
		int line, size_t n_fields, int *lines, int *cols)
{
	size_t i = off, field = 0;
	int col = 1;
	bool quoted = false;
	if (n_fields > 0) {
		lines[0] = line;
		cols[0] = col;
	}
	while (i < len && field + 1 < n_fields) {
		char c = buf[i];
		size_t step = 1;
		int width = 1; /* columns the step takes */
		if (quoted && c == '"' && i + 1 < len && buf[i + 1] == '"') {
			step = 2;
			width = 2;
		} else if (c == '"') {
			quoted = !quoted;
		} else if (!quoted && (c == delim || (c == '\0' && nul_delims))) {
			field++;
			lines[field] = line;
			cols[field] = col + 1;
		} else if (!quoted && (c == '\n' || c == '\r')) {
			break;
		} else if (c == '\n') {
			line++;
			col = 0;
		} else {
			step = char_len(buf, i, len, cp1252);
		}
		col += width;
		i += step;
	}
	for (size_t k = field + 1; k < n_fields; k++) {
		lines[k] = line;
		cols[k] = col;
	}
}

char csvpos_delim(const char *buf, size_t len)
{
	size_t commas = 0, semis = 0;
	bool quoted = false;
	for (size_t i = 0; i < len && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && buf[i] == ',')
			commas++;
		else if (!quoted && buf[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}
