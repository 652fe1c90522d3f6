/*
 * scr_waves.h - packing waves: the list of waves (newest first), making
 * a wave of the confirmed orders (all, one channel's, one courier's), and
 * one wave's orders and history, with its pick list and slips printed to
 * a file, the whole wave marked packed, and its courier manifest
 * exported (the same export_run as `coopstock wave manifest`).
 */
#ifndef COOPSTOCK_UI_SCR_WAVES_H
#define COOPSTOCK_UI_SCR_WAVES_H

#include "ui/screen.h"

/* Push with arg NULL (Home opens it). */
extern const struct screen waves_screen;

#endif
