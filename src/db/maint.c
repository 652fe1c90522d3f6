/*
 * maint.c - see maint.h.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/maint.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Copy db into the (new, empty) file tmp; returns an sqlite3 code. */
static int
backup_into(struct db *db, const char *tmp)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(tmp, &out,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(out, DB_BUSY_TIMEOUT_MS);
		b = sqlite3_backup_init(out, "main", db_sqlite(db), "main");
		if (b == NULL) {
			rc = sqlite3_errcode(out);
		} else {
			/* Whole database in one step: in WAL mode this holds only
			 * a read snapshot, so writers carry on meanwhile. */
			while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
			    rc == SQLITE_LOCKED)
				sqlite3_sleep(20);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
			sqlite3_backup_finish(b);
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL,
		    NULL);
	if (rc != SQLITE_OK && out != NULL)
		db_fail(db, db_status(NULL, rc), "%s: %s", tmp, sqlite3_errmsg(out));
	if (sqlite3_close(out) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_IOERR;
	return rc;
}

enum status
db_backup(struct db *db, const char *dest)
{
	char *tmp = xasprintf("%s.partial-%ld", dest, (long)getpid());
	enum status st = ST_OK;
	int rc, fd;

	db_clear_error(db);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0) {
		st = db_fail(db, ST_IO, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	close(fd);
	rc = backup_into(db, tmp);
	if (rc != SQLITE_OK) {
		st = db_status(NULL, rc);
		if (*db_errmsg(db) == '\0')
			db_fail(db, st, "%s", sqlite3_errstr(rc));
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, dest) != 0) {
		st = db_fail(db, ST_IO, "%s: %s", dest, strerror(errno));
		unlink(tmp);
	}
out:
	free(tmp);
	return st;
}

/* Pass each row of a checking pragma to problem(); integrity_check's
 * single "ok" row means no problem. */
static enum status
integrity_pragma(struct db *db, const char *sql,
    void (*problem)(const char *msg, void *arg), void *arg, int *count)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return ST_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ncol = sqlite3_column_count(st);
		const unsigned char *t = sqlite3_column_text(st, 0);
		char *line, *more;

		if (ncol == 1 && t != NULL && strcmp((const char *)t, "ok") == 0)
			continue;
		if (ncol == 4) {
			/* foreign_key_check: table, rowid, parent, fkid */
			line = xasprintf(_("%s row %lld refers to a missing %s"),
			    t != NULL ? (const char *)t : "?",
			    (long long)sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
			ncol = 0;
		} else
			line = xstrdup(t != NULL ? (const char *)t : "?");
		for (int i = 1; i < ncol; i++) {
			t = sqlite3_column_text(st, i);
			more = xasprintf("%s %s", line,
			    t != NULL ? (const char *)t : "NULL");
			free(line);
			line = more;
		}
		(*count)++;
		problem(line, arg);
		free(line);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_status(db, rc);
}

enum status
db_integrity(struct db *db, void (*problem)(const char *msg, void *arg),
    void *arg, int *count)
{
	enum status st;

	*count = 0;
	st = integrity_pragma(db, "PRAGMA integrity_check", problem, arg, count);
	if (st == ST_OK)
		st = integrity_pragma(db, "PRAGMA foreign_key_check", problem, arg,
		    count);
	return st;
}
