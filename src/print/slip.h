/*
 * slip.h - packing slips: one per order, plain text, to go in the
 * parcel.  Who it is from (the cooperative's name and phone, settings
 * coop_name and coop_phone), the order's number and date, who it goes
 * to, and each line with its quantity and amount, names aligned by
 * display width so Chinese and Latin names line up on a 42-column
 * receipt printer as on an 80-column page.
 */
#ifndef COOPSTOCK_SLIP_H
#define COOPSTOCK_SLIP_H

#include <stdio.h>

#include "db/db.h"

/*
 * Write the slip of order order_id to f, width columns wide (>= 32),
 * naming wave wave_id on it (0: none).  ST_NOT_FOUND for no such order,
 * ST_INVALID for a narrower width.
 */
enum status slip_print(
    struct db *db, long long order_id, long long wave_id, int width, FILE *f);

/*
 * Write the slips of every order of wave id, in the wave's order, to f.
 * *count (if not NULL) receives how many were written.  ST_NOT_FOUND for
 * no such wave; otherwise as slip_print.
 */
enum status slip_print_wave(
    struct db *db, long long id, int width, FILE *f, int *count);

#endif
