/* expatlib.h - expat, opened the first time an Excel workbook is read
 * (with libzip: see base/dynlib.h; linked, it was one more library every
 * start mapped). Call through the table: x->XML_Parse(...), each pointer
 * with expat's own prototype. */
#ifndef ANKEKORT_EXPATLIB_H
#define ANKEKORT_EXPATLIB_H

#include <expat.h>

/* The expat functions ankekort calls. */
#define EXPATLIB_FUNCTIONS(X)                                                                      \
	X(XML_ParserCreateNS)                                                                      \
	X(XML_ParserFree)                                                                          \
	X(XML_SetUserData)                                                                         \
	X(XML_SetElementHandler)                                                                   \
	X(XML_SetCharacterDataHandler)                                                             \
	X(XML_SetStartDoctypeDeclHandler)                                                          \
	X(XML_Parse)                                                                               \
	X(XML_StopParser)                                                                          \
	X(XML_GetErrorCode)                                                                        \
	X(XML_ErrorString)                                                                         \
	X(XML_GetCurrentLineNumber)                                                                \
	X(XML_GetCurrentColumnNumber)

struct expatlib {
#define EXPATLIB_POINTER(f) __typeof__(f) *f;
	EXPATLIB_FUNCTIONS(EXPATLIB_POINTER)
#undef EXPATLIB_POINTER
};

/* expat's functions, the library opened the first time; NULL when it
 * cannot be, with *err a sentence naming the Debian package to install
 * (caller frees). */
const struct expatlib *expatlib_open(char **err);

#endif
