/*
 * status.h - the result of every operation below the UI.
 *
 * db/, model/ and sync/ return an enum status; the X-macro below gives each
 * its name (for logs and tests) and its plain-language message (marked for
 * translation; the UI and CLI pass it through _() when they show it).
 * Details that only the failing call knows (which SKU, short by how much)
 * travel separately in the caller's error text, see db_errmsg().
 */
#ifndef COOPSTOCK_STATUS_H
#define COOPSTOCK_STATUS_H

#define STATUS_LIST(X)                                                        \
	X(OK, "done")                                                         \
	X(ERROR, "something went wrong")                                      \
	X(NOMEM, "out of memory")                                             \
	X(IO, "the database file could not be read or written")               \
	X(FULL, "the disk is full")                                           \
	X(READONLY, "the database is read-only")                              \
	X(BUSY, "another clerk is saving; please try again in a moment")      \
	X(NOTADB, "the file is not a coopstock database")                     \
	X(TOO_NEW, "the database was written by a newer coopstock")           \
	X(CORRUPT, "the database is damaged")                                 \
	X(NO_SCHEMA, "the database schema files could not be found")          \
	X(NOT_FOUND, "not found")                                             \
	X(EXISTS, "already exists")                                           \
	X(INVALID, "the value is not valid")                                  \
	X(NO_STOCK, "not enough stock")                                       \
	X(BAD_STATE, "not allowed in the order's current state")              \
	X(DENIED, "only a manager may do that")                               \
	X(BAD_PIN, "wrong name or PIN")                                       \
	X(NOT_EMPTY, "the database already holds data")                       \
	X(FILE, "the file could not be read")                                 \
	X(REJECTED, "the file has errors; nothing was written")               \
	X(WRITE, "the file could not be written")

enum status {
#define STATUS_ENUM(name, msg) ST_##name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
	ST__COUNT
};

/* Return the untranslated message for s (a static string, never NULL). */
const char *status_message(enum status s);
/* Return the symbolic name of s without the ST_ prefix ("NO_STOCK"). */
const char *status_name(enum status s);

#endif
