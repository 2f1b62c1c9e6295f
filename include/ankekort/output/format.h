/* format.h - the formats a document or a table can be written in. */
#ifndef ANKEKORT_FORMAT_H
#define ANKEKORT_FORMAT_H

enum report_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_MD, FORMAT_HTML };

#endif
