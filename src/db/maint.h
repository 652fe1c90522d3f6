/*
 * maint.h - a whole database's upkeep: checking it and backing it up
 * (`coopstock check`, `coopstock backup`).
 */
#ifndef COOPSTOCK_DB_MAINT_H
#define COOPSTOCK_DB_MAINT_H

#include "db/db.h"

/*
 * Run SQLite's integrity_check and foreign_key_check.  Each problem is
 * passed to problem() as one line of text (valid only during the call);
 * *count receives how many there were.  Returns ST_OK when the checks
 * ran, whatever they found; another status when the file is unreadable.
 */
enum status db_integrity(struct db *db,
    void (*problem)(const char *msg, void *arg), void *arg, int *count);

/*
 * Copy the whole database to dest with SQLite's online backup API (never
 * a file copy: other clerks may be writing).  The copy is written beside
 * dest under a temporary name, synced and renamed over dest, so dest is
 * always either the old file or a complete new one.  Returns ST_OK, or a
 * status with db_errmsg() naming the file.
 */
enum status db_backup(struct db *db, const char *dest);

#endif
