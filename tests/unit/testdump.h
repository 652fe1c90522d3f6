/*
 * testdump.h - a text image of a whole database (rows and schema), to
 * prove that a failing call left it exactly as it was.
 */
#ifndef COOPSTOCK_TESTDUMP_H
#define COOPSTOCK_TESTDUMP_H

#include "db/db.h"

/* Return every row of every table (by name, then rowid or key), quoted,
 * then the schema's entries, as one newly allocated string.  Aborts the
 * test on an SQL error. */
char *testdb_dump(struct db *db);

/* Assert that db still dumps as before (a string from testdb_dump), and
 * free before. */
void testdb_assert_same(struct db *db, char *before);

#endif
