/* appcycle.h - the cycle view's keys for the § 79 b cycle record: add a
 * step, change or delete one of the selected municipality's. */
#ifndef ANKEKORT_APPCYCLE_H
#define ANKEKORT_APPCYCLE_H

#include "ankekort/browse/app.h"

/* A, C or D in the cycle view: starts the prompts (or says why not). */
unsigned app_cycle_start(struct app *a, enum cycprompt_kind kind);
/* A key while the prompts are open; a finished prompt leaves
 * APP_REQ_CYCLE (app_take_request()). */
unsigned app_cycle_input(struct app *a, int key);
/* Carries out APP_REQ_CYCLE: saves the finished prompt under the record's
 * lock, as `ankekort cycle` does; the outcome in a->message. */
void app_cycle_save(struct app *a);

#endif
