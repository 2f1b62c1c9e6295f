/* prompt.c - the export prompt: the proposed file name, the line editor,
 * and the overwrite question. The file is written by export.c when the
 * loop carries out the request. */
#include "ankekort/browse/prompt.h"

#include <stdio.h>
#include <string.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/textfmt.h"
#include "ankekort/browse/lineedit.h"
#include "ankekort/browse/mode.h"

void prompt_file_word(struct sbuf *b, const char *s)
{
	struct sbuf f = {0};
	textfmt_fold(&f, s);
	for (const char *p = sbuf_str(&f); *p; p++)
		sbuf_putc(b, (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '-');
	sbuf_free(&f);
}

/* The proposed export name: the mode's (mode_ops.export_name), as
 * Markdown. */
static void app_default_export_path(const struct app *a, char *buf, size_t size)
{
	struct sbuf b = {0};
	a->mode->export_name(a, &b);
	snprintf(buf, size, "%s.md", sbuf_str(&b));
	sbuf_free(&b);
}

unsigned prompt_start_export(struct app *a)
{
	app_default_export_path(a, a->pr.export_path, sizeof a->pr.export_path);
	a->pr.export_cursor = strlen(a->pr.export_path);
	a->pr.export_overwrite = false;
	a->overlay = OVERLAY_EXPORT;
	a->message[0] = '\0';
	return DIRTY_SCREEN;
}

unsigned prompt_export_input(struct app *a, int key)
{
	struct lineedit e = {.buf = a->pr.export_path,
			     .size = sizeof a->pr.export_path,
			     .cursor = a->pr.export_cursor};
	if (key == AK_KEY_ESC) {
		a->overlay = OVERLAY_NONE;
		snprintf(a->message, sizeof a->message, _("Export cancelled"));
		return DIRTY_SCREEN;
	}
	if (key == AK_KEY_ENTER) {
		a->overlay = OVERLAY_NONE;
		if (!a->pr.export_path[0]) {
			snprintf(a->message, sizeof a->message,
				 _("Export cancelled: no file name"));
			return DIRTY_SCREEN;
		}
		if (!lineedit_expand_home(&e)) {
			snprintf(a->message, sizeof a->message,
				 _("Not exported: the name is too long"));
			return DIRTY_SCREEN;
		}
		a->request = APP_REQ_EXPORT;
		return DIRTY_SCREEN;
	}
	enum lineedit_result r = lineedit_key(&e, key);
	a->pr.export_cursor = e.cursor;
	return r == LINEEDIT_IGNORED ? DIRTY_NONE : DIRTY_SCREEN;
}

/* y, or j under the Danish interface, writes over the file. */
unsigned app_confirm(struct app *a, int key)
{
	a->overlay = OVERLAY_NONE;
	bool yes = key == 'y' || key == 'Y' || (i18n_danish() && (key == 'j' || key == 'J'));
	if (yes) {
		a->pr.export_overwrite = true;
		a->request = APP_REQ_EXPORT;
		return DIRTY_SCREEN;
	}
	snprintf(a->message, sizeof a->message, _("Not exported: %s is kept as it was"),
		 a->pr.export_path);
	return DIRTY_SCREEN;
}

void app_ask_overwrite(struct app *a)
{
	a->overlay = OVERLAY_CONFIRM;
	snprintf(a->message, sizeof a->message, _("%s exists. Overwrite it? (y/n)"),
		 a->pr.export_path);
}
