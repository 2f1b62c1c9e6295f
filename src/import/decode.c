/* decode.c - the text of a file as rows, whatever it came as. */
#include "decode.h"

bool imp_read_csv(const struct text_src *src, const char *path, struct diag_list *diags,
		  csv_row_fn fn, void *ctx, bool raw)
{
	if (src->rows)
		return src->rows(src->rows_ctx, fn, ctx);
	if (!src->f)
		return csv_read_buffer(src->buf, src->len, path, diags, fn, ctx);
	rewind(src->f);
	return raw ? csv_read_stream_raw(src->f, path, diags, fn, ctx)
		   : csv_read_stream(src->f, path, diags, fn, ctx);
}
