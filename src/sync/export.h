/*
 * export.h - `coopstock export KIND [FILE|-]`: products, members, stock,
 * orders, manifest, payouts.
 *
 * Our own kinds are written in the layouts the importer reads (see
 * README.md, "CSV exchange"), so exporting, importing and exporting again
 * gives the same bytes.  Text cells are neutralised against spreadsheet
 * formulas (csvwrite.h); numbers never are.  A manifest follows a courier
 * template (share/templates/courier-*.tmpl) and lists the orders that are
 * packed: the ones physically ready for the courier's pickup.
 */
#ifndef COOPSTOCK_EXPORT_H
#define COOPSTOCK_EXPORT_H

#include <stdio.h>

#include "db/db.h"

/* The options of `coopstock export`. */
struct export_opts {
	int excel;           /* 1: --excel; 0: the kind's default */
	const char *courier; /* manifest: template name, NULL: generic */
	long long wave_id;   /* manifest: only this wave's packed orders,
			      * and the file is noted in its history;
			      * 0: every packed order */
};

/* Return 1 if kind is an export kind, else 0. */
int export_kind_known(const char *kind);

/*
 * Write kind to path ("-": standard output).  Notes about the data (a
 * masked phone on a manifest) are printed on notes.  Returns ST_OK, or a
 * status with *err a new message (caller frees): ST_NOT_FOUND for an
 * unknown courier or wave, ST_BAD_STATE for a wave with no packed order
 * (nothing is written then), ST_WRITE/ST_FULL for the file, or a
 * database failure.  A wave's manifest, once written, is noted in the
 * wave's history with the courier, path and its number of orders
 * (wave_note_manifest).
 */
enum status export_run(struct db *db, const char *kind, const char *path,
    const struct export_opts *o, FILE *notes, char **err);

#endif
