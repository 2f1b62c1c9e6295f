/* export.c - the browser's export, the only file writing the browser does:
 * the mode writes what it shows (mode_ops.export_write). */
#include "ankekort/browse/export.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ankekort/base/atomicfile.h"
#include "ankekort/base/i18n.h"
#include "ankekort/browse/mode.h"
#include "ankekort/browse/prompt.h"
#include "ankekort/output/xlsxlib.h"

/* A document that could not be made is never put in place: the temporary
 * file is dropped (an unnamed one vanishes when closed). */
static void abandon(struct atomicfile *af)
{
	fclose(af->f);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
}

void export_run(struct app *a)
{
	enum report_format fmt;
	if (!report_format_for_path(a->pr.export_path, &fmt)) {
		snprintf(a->message, sizeof a->message,
			 _("Not exported: the name's ending chooses the format; use %s"),
			 REPORT_ENDINGS);
		return;
	}
	char *err = NULL;
	if (fmt == FORMAT_XLSX && !xlsxlib_open(&err)) { /* said before a file is made */
		snprintf(a->message, sizeof a->message, "%s", err);
		free(err);
		return;
	}
	struct stat st; /* a link counts as there, even one naming nothing */
	if (!a->pr.export_overwrite && lstat(a->pr.export_path, &st) == 0) {
		app_ask_overwrite(a);
		return;
	}
	struct atomicfile af;
	if (!atomic_open_output(&af, a->pr.export_path, a->pr.export_overwrite, &err)) {
		snprintf(a->message, sizeof a->message, "%s", err);
		free(err);
		return;
	}
	if (!a->mode->export_write(a, af.f, fmt)) {
		abandon(&af);
		snprintf(a->message, sizeof a->message, "%s",
			 _("Not exported: the workbook could not be made (is TMPDIR writable?)"));
		return;
	}
	if (!atomic_commit(&af, &err)) {
		snprintf(a->message, sizeof a->message, "%s", err);
		free(err);
		return;
	}
	snprintf(a->message, sizeof a->message, _("Exported to %s"), a->pr.export_path);
}
