/* xlsxlib.h - libxlsxwriter, opened the first time a workbook is written
 * (see base/dynlib.h: linked, it and the libcrypto and libminizip it
 * brings slowed every start). Call through the table:
 * lib->worksheet_write_number(...), each pointer with libxlsxwriter's own
 * prototype. */
#ifndef ANKEKORT_XLSXLIB_H
#define ANKEKORT_XLSXLIB_H

#include <xlsxwriter.h>

/* The libxlsxwriter functions ankekort calls. */
#define XLSXLIB_FUNCTIONS(X)                                                                       \
	X(workbook_new)                                                                            \
	X(workbook_add_format)                                                                     \
	X(workbook_add_worksheet)                                                                  \
	X(workbook_close)                                                                          \
	X(format_set_bold)                                                                         \
	X(format_set_num_format)                                                                   \
	X(worksheet_set_column)                                                                    \
	X(worksheet_write_string)                                                                  \
	X(worksheet_write_number)

struct xlsxlib {
#define XLSXLIB_POINTER(f) __typeof__(f) *f;
	XLSXLIB_FUNCTIONS(XLSXLIB_POINTER)
#undef XLSXLIB_POINTER
};

/* libxlsxwriter's functions, the library opened the first time; NULL when
 * it cannot be, with *err a sentence naming the Debian package to install
 * (caller frees). A command that writes a workbook asks first, before it
 * makes its file, and says the sentence. */
const struct xlsxlib *xlsxlib_open(char **err);

#endif
