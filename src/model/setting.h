/*
 * setting.h - the cooperative's settings: a key/value table.
 *
 * Known keys: site_id (set once by init; identifies this site when two
 * sites sync), site_name (on the title line), lock_minutes (idle lock of
 * the screens, default 10, 0 = never), near_days (Home: lots near their
 * best-before, default 14), coop_name, coop_phone, coop_address (printed on
 * courier manifests).  Any other key may be stored too.  Values are text.
 */
#ifndef COOPSTOCK_SETTING_H
#define COOPSTOCK_SETTING_H

#include "db/db.h"

/*
 * Return a newly allocated copy of key's value, or of dflt (NULL: "") when
 * the key is not set or cannot be read.  Never NULL; caller frees.
 */
char *setting_get(struct db *db, const char *key, const char *dflt);

/*
 * Set key to value (both non-NULL; key non-empty, else ST_INVALID),
 * creating the key if it is new.  Manager only: ST_DENIED otherwise.
 * Returns ST_OK or a status with the detail in db_errmsg(); on failure
 * nothing was written.
 */
enum status setting_set(struct db *db, const char *key, const char *value);

#endif
