/* input.h - what keys, clicks and resizes do to the browser (input.c).
 *
 * Each call returns dirty bits (enum ak_dirty): non-zero means build a
 * frame and paint it. Work beyond painting is a request the loop takes
 * with app_take_request(). */
#ifndef ANKEKORT_INPUT_H
#define ANKEKORT_INPUT_H

#include "ankekort/browse/app.h"

/* Starts on the given municipality (-1: the national row), area (-1:
 * generelt) and year (0: the newest). Free with app_free(). */
void app_init(struct app *a, const struct ak_dataset *ds, int code, int area, int year);
void app_free(struct app *a);
/* A key as read: text to an open prompt, otherwise its action (nothing but
 * quit and redraw while the terminal is too small). */
unsigned app_key(struct app *a, int key);
unsigned app_apply(struct app *a, enum ak_action act);
/* Text input while a prompt (search, export, overwrite, register) is open:
 * a code point, or AK_KEY_ENTER, AK_KEY_ESC, AK_KEY_BACKSPACE. */
unsigned app_search_input(struct app *a, int key);
unsigned app_resize(struct app *a, int rows, int cols);
/* A mouse click at a screen cell, or the wheel (dir -1 up, +1 down). */
unsigned app_click(struct app *a, int y, int x);
unsigned app_wheel(struct app *a, int y, int x, int dir);
/* The request the last calls left (and clears it). */
enum app_request app_take_request(struct app *a);

#endif
