/* appregister.h - the browser's keys for the register of remanded cases. */
#ifndef ANKEKORT_APPREGISTER_H
#define ANKEKORT_APPREGISTER_H

#include "ankekort/browse/app.h"

/* R, E or X: starts the prompts (or says why not). */
unsigned app_register_start(struct app *a, enum regprompt_kind kind);
/* A key while the prompts are open; a finished prompt leaves
 * APP_REQ_REGISTER (app_take_request()). */
unsigned app_register_input(struct app *a, int key);
/* Carries out APP_REQ_REGISTER: saves the finished prompt under the
 * register's lock, the outcome in a->message. */
void app_register_save(struct app *a);

#endif
