/* tablemode.h - what the table views share (tablemode.c): the parts of
 * their mode_ops (mode.h) and the keys of their tables. */
#ifndef ANKEKORT_TABLEMODE_H
#define ANKEKORT_TABLEMODE_H

#include <stdbool.h>
#include <stdio.h>

#include "ankekort/browse/app.h"
#include "ankekort/output/report.h"

struct frame;
struct frame_memo;
struct tview;

/* The current view's table (mode_ops.table), sorted as chosen (caller
 * frees with tview_free). */
void app_table(struct app *a, struct tview *t);
/* mode_ops.frame of a table view: the table, its scrolling clamped. */
void table_frame(struct app *a, struct frame_memo *memo, struct frame *f);
/* mode_ops.export_write of a table view: the table as shown. */
bool table_export_write(struct app *a, FILE *out, enum report_format fmt);

/* An action in a table view; DIRTY_NONE when it means nothing there. */
unsigned table_apply(struct app *a, enum ak_action act);
/* The compare view's other year, one step (dir -1 or 1) past the main year. */
unsigned set_year2(struct app *a, int dir);
/* Space: marks or unmarks the selection as a peer. */
unsigned toggle_mark(struct app *a);

#endif
