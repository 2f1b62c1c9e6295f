/* ziplib.h - libzip, opened the first time an Excel workbook is read (see
 * base/dynlib.h: linked, it and the libcrypto it brings slowed every
 * start). Call through the table: z->zip_fread(...), each pointer with
 * libzip's own prototype. */
#ifndef ANKEKORT_ZIPLIB_H
#define ANKEKORT_ZIPLIB_H

#include <zip.h>

/* The libzip functions ankekort calls. */
#define ZIPLIB_FUNCTIONS(X)                                                                        \
	X(zip_error_init)                                                                          \
	X(zip_error_fini)                                                                          \
	X(zip_error_strerror)                                                                      \
	X(zip_source_filep_create)                                                                 \
	X(zip_source_buffer_create)                                                                \
	X(zip_source_free)                                                                         \
	X(zip_open_from_source)                                                                    \
	X(zip_discard)                                                                             \
	X(zip_get_error)                                                                           \
	X(zip_name_locate)                                                                         \
	X(zip_stat_index)                                                                          \
	X(zip_fopen_index)                                                                         \
	X(zip_fread)                                                                               \
	X(zip_file_get_error)                                                                      \
	X(zip_fclose)

struct ziplib {
#define ZIPLIB_POINTER(f) __typeof__(f) *f;
	ZIPLIB_FUNCTIONS(ZIPLIB_POINTER)
#undef ZIPLIB_POINTER
};

/* libzip's functions, the library opened the first time; NULL when it
 * cannot be, with *err a sentence naming the Debian package to install
 * (caller frees). */
const struct ziplib *ziplib_open(char **err);

#endif
