/* csvlines.h - private to src/base: where csvread's lines come from, a
 * buffer or a file read in blocks of 64 KiB (csvlines.c). */
#ifndef ANKEKORT_BASE_CSVLINES_H
#define ANKEKORT_BASE_CSVLINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ankekort/base/sbuf.h"

/* A file is read in blocks of this size (the block has 16 bytes more
 * after it). Smaller blocks that stay in L1 for libcsv's pass after the
 * quote search (16 KiB: half the simulated L1 misses) were not faster in
 * CPU pairs, and take four times the reads. */
#define CSVLINES_BLOCK (1 << 16)

struct line_src {
	FILE *f;	   /* NULL: a buffer in memory, taken in blocks */
	const char *whole; /* that buffer */
	size_t whole_len, whole_off;
	const char *buf; /* the current block */
	size_t len, off;
	size_t run_end;	   /* just after the block's last '\n' (0: none) */
	char *block;	   /* owned when reading a file */
	struct sbuf carry; /* a line that spans blocks */
	bool eof, failed;
	bool nul;    /* the block holds a NUL byte: lines are checked */
	bool plain;  /* the block holds no NUL and no quote */
	bool cp1252; /* f gives Windows-1252 as it is (encoding_stream_cp1252) */
};

/* The block's whole lines from where reading stands, when it is plain
 * (no NUL, no quote): false when there are none. */
bool csvlines_next_run(struct line_src *s, const char **text, size_t *n);

/* The next physical line, with its '\n' (the last may have none): false
 * at the end. The line is the source's until the next call. */
bool csvlines_next_line(struct line_src *s, const char **line, size_t *n);

#endif
