/* xlsxgrid.c - the cells of a sheet: kept sorted in one array, their
 * texts in one pool, found by binary search; a cell's value as the
 * Talportal's CSV writes it. */
#include "ankekort/import/xlsxgrid.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/xalloc.h"

/* ---- the grid ------------------------------------------------------------------------- */

void xlsx_sheet_put_at(struct xlsx_sheet *s, uint32_t row, uint32_t col, enum xlsx_kind kind,
		       bool percent, uint32_t text)
{
	if (s->n_cells == s->cap_cells) {
		s->cap_cells = s->cap_cells ? s->cap_cells * 2 : 256;
		s->cells = xreallocarray(s->cells, s->cap_cells, sizeof *s->cells);
	}
	s->cells[s->n_cells++] = (struct xlsx_cell){.row = row,
						    .col = col,
						    .text = text,
						    .kind = (unsigned char)kind,
						    .percent = percent};
}

uint32_t xlsx_sheet_pool_add(struct xlsx_sheet *s, const char *text, size_t len)
{
	if (!s->pool.len)
		sbuf_putc(&s->pool, '\0'); /* offset 0: the empty text */
	if (!len)
		return 0;
	uint32_t at = (uint32_t)s->pool.len;
	sbuf_putn(&s->pool, text, len);
	sbuf_putc(&s->pool, '\0');
	return at;
}

void xlsx_sheet_put(struct xlsx_sheet *s, uint32_t row, uint32_t col, enum xlsx_kind kind,
		    bool percent, const char *text, size_t len)
{
	xlsx_sheet_put_at(s, row, col, kind, percent, xlsx_sheet_pool_add(s, text, len));
}

void xlsx_sheet_merge(struct xlsx_sheet *s, struct xlsx_range r)
{
	if (s->n_merges == s->cap_merges) {
		s->cap_merges = s->cap_merges ? s->cap_merges * 2 : 16;
		s->merges = xreallocarray(s->merges, s->cap_merges, sizeof *s->merges);
	}
	s->merges[s->n_merges++] = r;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct xlsx_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

bool xlsx_sheet_sort(struct xlsx_sheet *s, const struct xlsx_cell **dup)
{
	if (s->n_cells > 1)
		qsort(s->cells, s->n_cells, sizeof *s->cells, cell_cmp);
	for (size_t i = 1; i < s->n_cells; i++)
		if (cell_cmp(&s->cells[i - 1], &s->cells[i]) == 0) {
			*dup = &s->cells[i];
			return false;
		}
	return true;
}

const struct xlsx_cell *xlsx_sheet_at(const struct xlsx_sheet *s, uint32_t row, uint32_t col)
{
	struct xlsx_cell key = {.row = row, .col = col};
	return s->n_cells ? bsearch(&key, s->cells, s->n_cells, sizeof key, cell_cmp) : NULL;
}

size_t xlsx_sheet_row(const struct xlsx_sheet *s, uint32_t row, const struct xlsx_cell **first)
{
	size_t lo = 0, hi = s->n_cells;
	while (lo < hi) { /* the first cell at or after the row */
		size_t mid = lo + (hi - lo) / 2;
		if (s->cells[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < s->n_cells && s->cells[end].row == row)
		end++;
	*first = s->cells + lo;
	return end - lo;
}

const char *xlsx_text(const struct xlsx_sheet *s, const struct xlsx_cell *c)
{
	return c && s->pool.data ? s->pool.data + c->text : "";
}

void xlsx_sheet_free(struct xlsx_sheet *s)
{
	free(s->name);
	free(s->cells);
	free(s->merges);
	sbuf_free(&s->pool);
	memset(s, 0, sizeof *s);
}

char *xlsx_cell_name(uint32_t row, uint32_t col, char *buf)
{
	char letters[8];
	int n = 0;
	for (uint32_t c = col; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	int k = 0;
	while (n > 0)
		buf[k++] = letters[--n];
	snprintf(buf + k, 16 - (size_t)k, "%u", (unsigned)row);
	return buf;
}

bool xlsx_parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++) {
		c = c * 26 + (uint32_t)(*p - 'A' + 1);
		if (c > XLSX_MAX_COL)
			return false;
	}
	if (p == ref || *p < '1' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (uint32_t)(*p - '0');
		if (r > XLSX_MAX_ROW)
			return false;
	}
	if (*p)
		return false;
	*row = r;
	*col = c;
	return true;
}

/* ---- numbers ---------------------------------------------------------------------------- */

bool xlsx_number_text(struct sbuf *out, const char *v, bool percent)
{
	const char *p = v;
	bool neg = *p == '-';
	if (neg || *p == '+')
		p++;
	char digits[64];
	size_t n = 0;
	long point = -1; /* digits before the decimal point */
	for (; isdigit((unsigned char)*p) || (*p == '.' && point < 0); p++) {
		if (*p == '.') {
			point = (long)n;
			continue;
		}
		if (n + 1 >= sizeof digits)
			return false;
		digits[n++] = *p;
	}
	if (!n)
		return false;
	if (point < 0)
		point = (long)n;
	if (*p == 'e' || *p == 'E') {
		char *end;
		long e = strtol(p + 1, &end, 10);
		if (end == p + 1 || e > 400 || e < -400)
			return false;
		point += e;
		p = end;
	}
	if (*p)
		return false;
	if (percent)
		point += 2;
	/* leading and trailing zeros go; the digits left are d[0..n) */
	const char *d = digits;
	while (n && *d == '0' && point > 0) {
		d++;
		n--;
		point--;
	}
	while (n && d[n - 1] == '0' && (long)n > point)
		n--;
	if (!n) {
		sbuf_putc(out, '0');
		return true;
	}
	if (neg)
		sbuf_putc(out, '-');
	if (point <= 0) {
		sbuf_puts(out, "0,");
		sbuf_pad(out, '0', (size_t)-point);
		sbuf_putn(out, d, n);
	} else if ((size_t)point >= n) {
		sbuf_putn(out, d, n);
		sbuf_pad(out, '0', (size_t)point - n);
	} else {
		sbuf_putn(out, d, (size_t)point);
		sbuf_putc(out, ',');
		sbuf_putn(out, d + point, n - (size_t)point);
	}
	return true;
}

void xlsx_cell_csv(struct sbuf *out, const struct xlsx_sheet *s, const struct xlsx_cell *c)
{
	sbuf_reset(out);
	if (!c)
		return;
	const char *t = xlsx_text(s, c);
	if (c->kind != XLSX_NUMBER || !xlsx_number_text(out, t, c->percent))
		sbuf_puts(out, t);
}
