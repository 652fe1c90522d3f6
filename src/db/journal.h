/*
 * journal.h - a rollback journal for one big write by a lone process.
 *
 * In WAL mode every page a bulk import writes goes to the WAL, is read
 * back from it for the index builds, then copied into the database by
 * the checkpoint.  A rollback journal writes a new page once, straight
 * into the file, and journals only the pages that were there before: a
 * million-line import of orders takes about a third less time.  But
 * while it commits it keeps readers out, which WAL does not, so it is
 * taken only when no other connection has the database open, and WAL is
 * back as soon as the write is over.
 */
#ifndef COOPSTOCK_DB_JOURNAL_H
#define COOPSTOCK_DB_JOURNAL_H

#include "db/db.h"

/*
 * Switch db from WAL to a rollback journal (journal_mode DELETE) if no
 * other connection has the database open.  In WAL mode each of them
 * holds a shared lock on the file for as long as it is open, so the
 * switch is refused at once; it is tried without waiting for the busy
 * timeout.  Call outside a transaction.  Returns 1 when switched.  0
 * when not (others have the file open, a statement is running, or an
 * error): then nothing has changed, db is still in WAL mode, and
 * db_errmsg() is not set.
 */
int db_journal_solo(struct db *db);

/*
 * Back to WAL after db_journal_solo() returned 1; call outside a
 * transaction.  It waits for the lock as a write does.  Returns ST_OK,
 * or the failure's status, leaving db_errmsg() as it was (the caller's
 * own message says more): the database is whole either way, still
 * usable with its rollback journal, and the next db_open() of it
 * switches it to WAL.
 */
enum status db_journal_wal(struct db *db);

#endif
