/* export.h - write the browser's current view to the file the user named
 * (a->export_path): the fact sheet of the selection in the browse mode, the
 * table in a table mode. .csv gives CSV, .txt text, anything else Markdown.
 * The file is written completely or not at all (atomicfile.h); an existing
 * file is only replaced after the user said yes. The outcome is left in
 * a->message. */
#ifndef ANKEKORT_EXPORT_H
#define ANKEKORT_EXPORT_H

#include "ankekort/browse/app.h"
#include "ankekort/output/report.h"

void export_run(struct app *a);

#endif
