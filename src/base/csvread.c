/* csvread.c - libcsv driven so that every row and syntax error can be
 * traced to its line and column: a block's whole lines go to libcsv at once
 * when the block holds no quote and no NUL (every row is then one line, and
 * the line ends libcsv reports count the lines; in a block of the reader's
 * own the fields stay where they stand); otherwise one physical line at a
 * time. */
#include "ankekort/base/csvread.h"
#include "ankekort/base/csvfield.h"
#include "ankekort/base/csvpos.h"
#include "ankekort/base/encoding.h"
#include "ankekort/base/fileio.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/base/xalloc.h"
#include "csvlines.h"

struct reader {
	const char *path;
	struct diag_list *diags;
	csv_row_fn fn;
	void *ctx;
	bool stop;
	bool nul_seen;
	char *data;	   /* the current row's fields, each NUL-terminated */
	char *end, *limit; /* where the next field goes; the last place for one under 32 bytes */
	size_t data_cap;
	size_t n, cap;
	char **ptrs;  /* the fields (in data), and */
	size_t *lens; /* their lengths */
	struct csv_row row;
	bool between_rows; /* no byte of the next row consumed yet */
	bool in_run;	   /* libcsv is reading a run of whole lines */
	int line;	   /* line of the chunk being fed; in a run, where libcsv is */
	size_t chunk_offset;
	struct csv_line_cursor cursor; /* the run's lines */
	/* A run in a block of the reader's own is writable: a field is left
	 * where it is in the text (a NUL over the delimiter libcsv has read)
	 * instead of copied, when `at` says where libcsv stands. */
	char *run;		   /* the run's text when writable, else NULL */
	char *at;		   /* where the next field starts in run, when at_known */
	bool at_known;		   /* at is exact: libcsv is at a field's start */
	size_t place_cap;	   /* cap while at_known, else 0: on_field's one test */
	bool resync;		   /* at was lost, and a '\n' was read since: the line's start */
	struct csvfield_conv conv; /* a Windows-1252 row's fields as UTF-8 */
	/* While a writable run's fields are all in place, libcsv passes over
	 * line ends outside rows without a call (quiet_nl: CSV_REPALL_NL
	 * off), and the line ends and blanks it passes over are counted
	 * here, after each row, up to run_end (skip_blank). */
	struct csv_parser *parser;
	unsigned char opts; /* the parser's options, CSV_REPALL_NL among them */
	bool quiet_nl;
	char *run_end;
};

/* libcsv reports every line end again (CSV_REPALL_NL): the line count
 * follows its calls. */
static void loud_nl(struct reader *r)
{
	csv_set_opts(r->parser, r->opts);
	r->quiet_nl = false;
}

/* at_known, set with what on_field tests in its stead. Where at is lost,
 * the line ends are counted from libcsv's calls again. */
static inline void set_known(struct reader *r, bool known)
{
	r->at_known = known;
	r->place_cap = known ? r->cap : 0;
	if (!known && r->quiet_nl)
		loud_nl(r);
}

/* What libcsv passes over before a row begins, passed over at at too:
 * line ends (each '\n' a line), spaces and tabs (the delimiter is a
 * comma or a semicolon: csvpos_delim). */
static void skip_blank(struct reader *r)
{
	char *at = r->at;
	for (; at < r->run_end; at++) {
		if (*at == '\n')
			r->line++;
		else if (*at != '\r' && *at != ' ' && *at != '\t')
			break;
	}
	r->at = at;
}

/* Room for one more field of len bytes in the row, and 48 bytes after it
 * (a 32-byte move; csvfield reads 16 bytes past the row). */
static void make_room(struct reader *r, size_t len)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->ptrs = xreallocarray(r->ptrs, r->cap, sizeof *r->ptrs);
		r->lens = xreallocarray(r->lens, r->cap, sizeof *r->lens);
		r->row.fields = r->ptrs; /* set here, not per row */
		r->row.lens = r->lens;
		r->place_cap = r->at_known ? r->cap : 0;
	}
	size_t used = r->data ? (size_t)(r->end - r->data) : 0, need = used + len + 48;
	if (need > r->data_cap || !r->data) {
		size_t cap = r->data_cap ? r->data_cap : 4096;
		while (cap < need)
			cap *= 2;
		char *was = r->data, *to = xmalloc(cap);
		if (was)
			memcpy(to, was, used);
		for (size_t i = 0; i < r->n; i++) /* the row's fields so far move too */
			r->ptrs[i] = to + (r->ptrs[i] - was);
		free(was);
		r->data = to;
		r->data_cap = cap;
		r->end = to + used;
		r->limit = to + cap - 48;
	}
}

static void copy_field(struct reader *r, const char *s, size_t len)
{
	make_room(r, len);
	char *to = r->end;
	r->ptrs[r->n] = to;
	r->lens[r->n++] = len;
	r->end = to + len + 1;
	if (s)
		memcpy(to, s, len);
	to[len] = '\0';
}

/* The row's fields so far leave the text: copied, their delimiters put
 * back (a field came that is not where `at` says). */
static void unplace(struct reader *r)
{
	size_t n = r->n;
	r->n = 0;
	r->end = r->data;
	set_known(r, false);
	for (size_t i = 0; i < n; i++) {
		char *p = r->ptrs[i];
		size_t len = r->lens[i];
		p[len] = r->row.delim;
		copy_field(r, p, len);
	}
}

/* A field in a run is the text at `at` when the byte after it there is
 * what ended it: libcsv drops spaces and tabs next to delimiters, and any
 * it dropped would stand there instead (an unquoted field holds no
 * delimiter and no line end). A row's fields are all in the text or all
 * copied: at_known with fields means in the text. The last field's NUL
 * is over the line end, which row_end_placed() puts back. */
static inline bool place_field(struct reader *r, size_t len)
{
	char *p = r->at;
	char c = p[len];
	if (c != r->row.delim && c != '\r' && c != '\n')
		return false;
	r->ptrs[r->n] = p;
	r->lens[r->n++] = len;
	r->at = p + len + 1;
	p[len] = '\0';
	return true;
}

/* In on_field's argument order: the jump to it moves no register. */
static __attribute__((noinline)) void on_field_slow(void *s, size_t len, void *ctx)
{
	struct reader *r = ctx;
	if (r->resync && r->n == 0) { /* the first field after a line end */
		r->resync = false;
		set_known(r, csvpos_cursor_to(&r->cursor, r->line));
		r->at = r->run + r->cursor.off;
		if (r->at_known && r->n < r->cap && place_field(r, len))
			return;
	}
	if (r->at_known && r->n > 0)
		unplace(r);
	set_known(r, false);
	copy_field(r, s, len);
}

/* The hottest callback of a big import: in a writable run the field stays
 * in the text; otherwise it is copied after the ones before it, NUL
 * included (with CSV_APPEND_NULL the field has one). */
static void on_field(void *s, size_t len, void *ctx)
{
	struct reader *r = ctx;
	if (r->n < r->place_cap) { /* at_known, and room for the field */
		if (!place_field(r, len))
			on_field_slow(s, len, ctx);
		return;
	}
	char *to = r->end; /* at_known here means n == cap: the slow way */
	if (len >= 32 || r->n == r->cap || to > r->limit || !s || r->resync) {
		on_field_slow(s, len, ctx);
		return;
	}
	r->ptrs[r->n] = to;
	r->lens[r->n++] = len;
	r->end = to + len + 1;
	/* two moves, the NUL libcsv put after the field (CSV_APPEND_NULL)
	 * included: its field buffer is a block (64 KiB) */
	memcpy(to, s, 32);
}

static __attribute__((noinline)) void report_nul(struct reader *r)
{
	const char *nul = memchr(r->row.buf + r->row.offset, '\0', r->row.buf_len - r->row.offset);
	int line = r->row.line, col = 0;
	if (nul)
		csvpos_offset_to_pos(r->row.buf, r->row.offset, (size_t)(nul - r->row.buf),
				     r->row.cp1252, r->row.line, &line, &col);
	diag_add(r->diags, DIAG_ERROR, r->path, line, col,
		 "expected text, found a NUL byte; the row is not read");
	r->nul_seen = false;
}

/* A line end outside any row (CSV_REPALL_NL). In a writable run, at moves
 * past it when it is the next byte; otherwise at is lost until the next
 * line starts (resync). */
static __attribute__((noinline)) void line_end(int c, void *ctx)
{
	struct reader *r = ctx;
	bool newline = c == '\n' && r->in_run;
	r->between_rows = true;
	r->line += newline;
	if (r->at_known && (unsigned char)*r->at == c)
		r->at++;
	else if (r->run) {
		set_known(r, false);
		r->resync = newline;
	}
}

/* The row handed on, unless reading has stopped; the next one is empty. */
static inline void hand_on(struct reader *r)
{
	if (!r->stop) {
		r->row.n = r->n;
		if (r->nul_seen) {
			report_nul(r);
		} else {
			if (r->row.cp1252) {	 /* fields to UTF-8, in r->conv */
				if (r->row.conv) /* fn converts when it asks (csv_row_utf8) */
					r->conv.pending = true;
				else
					csvfield_cp1252(&r->conv, r->ptrs, r->lens, r->n);
			}
			r->stop = !r->fn(r->ctx, &r->row);
		}
		r->row.row++;
	}
	r->n = 0;
	r->between_rows = true;
}

/* The end of a row that has fields, copied: handed on. */
static __attribute__((noinline)) void row_end(int c, void *ctx)
{
	struct reader *r = ctx;
	bool newline = c == '\n' && r->in_run;
	if (r->in_run)
		r->row.line = r->line;
	r->line += newline; /* only read below through r->row.line */
	if (r->run)
		r->resync = newline;
	hand_on(r);
	r->end = r->data;
}

/* The end of a row read in place (in a run: the row is one line), handed
 * on with its text ending at its line end, a NUL until put back (c). */
static __attribute__((noinline)) void row_end_placed(int c, void *ctx)
{
	struct reader *r = ctx;
	r->row.line = r->line;
	r->line += c == '\n';
	char *term = r->ptrs[r->n - 1] + r->lens[r->n - 1];
	r->row.buf_len = (size_t)(term - r->run);
	hand_on(r); /* no field was copied: end is still data */
	*term = (char)c;
	r->row.buf_len = r->cursor.len; /* the run's, as feed_run() set it */
	if (r->quiet_nl) {		/* at is just past term */
		char *at = r->at;
		/* a CRLF's LF (a run ends with a '\n': it is there to read) */
		bool lf = c == '\r' && *at == '\n';
		r->line += lf;
		r->at = at + lf;
		if (r->at < r->run_end && (unsigned char)*r->at <= ' ')
			skip_blank(r); /* blank lines, or spaces before a field */
	}
}

/* A line end: a row's (CRLF: libcsv reports the CR, then the LF outside
 * any row), or a blank line's. The rows' ways apart, and in libcsv's
 * argument order, so that the bare line end saves no registers. */
static void on_row(int c, void *ctx)
{
	struct reader *r = ctx;
	if (r->n == 0 && r->at_known && (unsigned char)*r->at == c) { /* CRLF's LF, in place */
		r->between_rows = true;
		r->line += c == '\n';
		r->at++;
	} else if (r->n == 0)
		line_end(c, ctx);
	else if (r->at_known) /* with fields: all of them in place */
		row_end_placed(c, ctx);
	else
		row_end(c, ctx);
}

static void report_syntax(struct reader *r, const char *buf, size_t len, size_t at)
{
	int line, col;
	size_t open;
	csvpos_walk_row(buf, len, r->row.offset, r->row.delim, false, SIZE_MAX, &open);
	if (at >= len) {
		/* the parser ran out of input inside a quoted field */
		csvpos_offset_to_pos(buf, r->row.offset, open != SIZE_MAX ? open : r->row.offset,
				     r->row.cp1252, r->row.line, &line, &col);
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "expected a closing quote for the field starting here, found the end of "
			 "the file");
		return;
	}
	csvpos_offset_to_pos(buf, r->chunk_offset, at, r->row.cp1252, r->line, &line, &col);
	if (buf[at] == '"')
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "expected no quote inside an unquoted field, found one (quote the whole "
			 "field and double the quote: \"a \"\"b\"\"\")");
	else
		diag_add(r->diags, DIAG_ERROR, r->path, line, col,
			 "expected a delimiter or the end of the line after a closing quote, found "
			 "'%c'",
			 buf[at] >= 0x20 && buf[at] < 0x7F ? buf[at] : '?');
}

/* ---- feeding libcsv a run of lines, or a line at a time --------------------------- */

/* Whole lines without a quote: every row is one line. Returns what libcsv
 * took; on an error, the reader stands at the run's start for the message. */
static size_t feed_run(struct reader *r, struct csv_parser *p, const char *text, size_t n,
		       char *writable)
{
	int line0 = r->line;
	r->cursor = (struct csv_line_cursor){.buf = text, .len = n, .line = line0};
	r->row.buf = text;
	r->row.buf_len = n;
	r->row.offset = SIZE_MAX;
	r->row.cursor = &r->cursor;
	r->row.nul_delims = writable != NULL; /* a plain block has no NUL of its own */
	r->in_run = true;
	r->run = writable;
	r->at = writable;
	set_known(r, writable != NULL);
	r->resync = false;
	if (writable) { /* libcsv is between rows: the run starts a line */
		csv_set_opts(p, r->opts & (unsigned char)~CSV_REPALL_NL);
		r->quiet_nl = true;
		r->run_end = writable + n;
		skip_blank(r);
	}
	size_t done = csv_parse(p, text, n, on_field, on_row, r);
	r->in_run = false;
	r->run = NULL;
	set_known(r, false); /* and libcsv reports every line end again */
	r->resync = false;
	r->row.nul_delims = false;
	r->row.offset = 0;
	r->row.cursor = NULL;
	if (done < n) {
		r->line = line0;
		r->chunk_offset = 0;
	}
	return done;
}

/* A row's text is needed to find positions. A row on one line (nearly all)
 * is the line itself, read in place; a row that goes on over more lines is
 * copied into rowtext as it grows. */
static void row_starts_or_continues(struct reader *r, struct sbuf *rowtext, bool *copied,
				    const char *line, size_t n)
{
	if (r->between_rows) {
		r->row.line = r->line;
		r->between_rows = false;
		*copied = false;
		r->chunk_offset = 0;
		r->row.buf = line;
		r->row.buf_len = n;
	} else {
		r->chunk_offset = rowtext->len;
		sbuf_putn(rowtext, line, n);
		r->row.buf = sbuf_str(rowtext);
		r->row.buf_len = rowtext->len;
	}
	r->row.offset = 0;
}

/* After a line: a row still open keeps its text, since the line goes away
 * (the last line of a file without a final line end is the source's, and
 * is cleared before the row ends); its positions are then read from it. */
static void row_keep_open(struct reader *r, struct sbuf *rowtext, bool *copied, const char *line,
			  size_t n)
{
	if (r->between_rows || *copied)
		return;
	sbuf_reset(rowtext);
	sbuf_putn(rowtext, line, n);
	*copied = true;
	r->row.buf = sbuf_str(rowtext); /* the same text, from offset 0 */
	r->row.buf_len = rowtext->len;
}

static bool feed(struct reader *r, struct csv_parser *p, struct line_src *src, const char *first,
		 size_t first_len)
{
	struct sbuf rowtext = {0};
	const char *line = first;
	size_t n = first_len;
	bool ok = true, have = first_len > 0, copied = false, run = false;
	while (have && !r->stop) {
		r->row.cp1252 = src->cp1252;
		if (run) {
			/* the block is the reader's own when it reads a file */
			char *writable = src->block && line >= src->block &&
							 line < src->block + CSVLINES_BLOCK
						 ? src->block + (line - src->block)
						 : NULL;
			size_t done = feed_run(r, p, line, n, writable);
			if (done < n) {
				report_syntax(r, line, n, done);
				ok = false;
				break;
			}
			run = r->between_rows && csvlines_next_run(src, &line, &n);
			have = run || csvlines_next_line(src, &line, &n);
			continue;
		}
		row_starts_or_continues(r, &rowtext, &copied, line, n);
		bool in_block = line >= src->buf && line < src->buf + src->len;
		if ((src->nul || !in_block) && memchr(line, '\0', n))
			r->nul_seen = true; /* the row this line belongs to is refused */
		size_t done = csv_parse(p, line, n, on_field, on_row, r);
		if (done < n) {
			report_syntax(r, r->row.buf, r->row.buf_len, r->chunk_offset + done);
			ok = false;
			break;
		}
		row_keep_open(r, &rowtext, &copied, line, n);
		r->line++;
		run = r->between_rows && csvlines_next_run(src, &line, &n);
		have = run || csvlines_next_line(src, &line, &n);
	}
	if (ok && !r->stop && csv_fini(p, on_field, on_row, r) != 0) {
		/* only a row that spans lines can be open at the end: its text is kept */
		report_syntax(r, sbuf_str(&rowtext), rowtext.len, rowtext.len);
		ok = false;
	}
	sbuf_free(&rowtext);
	return ok;
}

static bool read_lines(struct line_src *src, const char *display_path, struct diag_list *diags,
		       csv_row_fn fn, void *ctx, bool raw)
{
	struct reader r = {.path = display_path,
			   .diags = diags,
			   .fn = fn,
			   .ctx = ctx,
			   .between_rows = true,
			   .line = 1};
	if (raw)
		r.row.conv = &r.conv;
	const char *first;
	size_t n;
	if (!csvlines_next_line(src, &first, &n))
		n = 0;
	if (n >= 3 && memcmp(first, "\xEF\xBB\xBF", 3) == 0) {
		first += 3;
		n -= 3;
	}
	/* the header decides the delimiter; keep it, the source reuses its buffer */
	char *header = xstrndup(first, n);
	r.row.delim = csvpos_delim(header, n);
	struct csv_parser p;
	r.parser = &p;
	r.opts = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL;
	if (csv_init(&p, r.opts) != 0) {
		diag_add(diags, DIAG_ERROR, display_path, 0, 0, "cannot start the CSV parser");
		free(header);
		return false;
	}
	csv_set_delim(&p, (unsigned char)r.row.delim);
	/* grow field buffers in big steps: a huge field must not cost a copy per 128 bytes */
	csv_set_blk_size(&p, 1 << 16);
	make_room(&r, 0); /* the row's first buffer */
	bool ok = feed(&r, &p, src, header, n);
	csv_free(&p);
	free(header);
	free(r.data);
	free(r.ptrs);
	free(r.lens);
	csvfield_free(&r.conv);
	return ok;
}

bool csv_read_buffer(const char *buf, size_t len, const char *display_path, struct diag_list *diags,
		     csv_row_fn fn, void *ctx)
{
	struct line_src src = {.whole = buf, .whole_len = len};
	bool ok = read_lines(&src, display_path, diags, fn, ctx, false);
	sbuf_free(&src.carry);
	return ok;
}

static bool read_stream(FILE *f, const char *display_path, struct diag_list *diags, csv_row_fn fn,
			void *ctx, bool raw)
{
	/* 16 bytes past the block are readable: csvfield reads them */
	struct line_src src = {.f = f, .block = xmalloc(CSVLINES_BLOCK + 16)};
	bool ok = read_lines(&src, display_path, diags, fn, ctx, raw);
	if (src.failed) {
		diag_add(diags, DIAG_ERROR, display_path, 0, 0, "cannot read the file: %s",
			 strerror(EIO));
		ok = false;
	}
	free(src.block);
	sbuf_free(&src.carry);
	return ok;
}

bool csv_read_stream(FILE *f, const char *display_path, struct diag_list *diags, csv_row_fn fn,
		     void *ctx)
{
	return read_stream(f, display_path, diags, fn, ctx, false);
}

bool csv_read_stream_raw(FILE *f, const char *display_path, struct diag_list *diags, csv_row_fn fn,
			 void *ctx)
{
	return read_stream(f, display_path, diags, fn, ctx, true);
}

void csv_row_utf8(const struct csv_row *row)
{
	struct csvfield_conv *c = row->conv;
	if (row->cp1252 && c && c->pending) {
		c->pending = false;
		csvfield_cp1252(c, row->fields, row->lens, row->n);
	}
}

bool csv_read_file(const char *path, const char *display_path, struct diag_list *diags,
		   csv_row_fn fn, void *ctx)
{
	char *why = NULL;
	FILE *f = fileio_open_regular(path, FILEIO_MAX_TABLE, &why);
	if (!f) {
		diag_add(diags, DIAG_ERROR, display_path, 0, 0, "cannot read the file: %s",
			 why ? why : strerror(errno));
		free(why);
		return false;
	}
	bool ok = csv_read_stream(f, display_path, diags, fn, ctx);
	fclose(f);
	return ok;
}
