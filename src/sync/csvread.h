/*
 * csvread.h - a streaming CSV record reader with physical line numbers.
 *
 * The file is decoded to UTF-8 (decode.h) and parsed by libcsv in strict
 * mode: a quote inside an unquoted field, text after a closing quote and
 * a quoted field never closed are errors, not guesses.  Every record
 * carries the physical line where it starts, so an import can say
 * "orders.csv:17: sku: ..." even when an earlier field held newlines.
 * CRLF and LF both end a record; blank lines are skipped; spaces and tabs
 * around an unquoted field are dropped (libcsv's rule), so a cell that
 * must keep them is quoted (csvwrite does that).
 *
 * Memory is bounded by the caps, never by the file: one decoded chunk
 * and a few hundred KiB of records read ahead (at least one record) are
 * held at a time.  A regular file is parsed ahead in a second thread,
 * which csvread_free() stops; a reader is used from one thread only.
 */
#ifndef COOPSTOCK_CSVREAD_H
#define COOPSTOCK_CSVREAD_H

#include <stddef.h>
#include <stdint.h>

#include "sync/decode.h"
#include "util/status.h"

/* Limits that turn a hostile or broken file into an error, not a crash. */
struct csvread_caps {
	size_t max_field;  /* bytes in one field (UTF-8); default 65536 */
	size_t max_fields; /* fields in one record; default 1000 */
	uint64_t max_file; /* bytes in the file; default 1 GiB */
};

/* One record.  Valid until the next csvread_next() or csvread_free(). */
struct csvread_record {
	size_t nfields;
	const char *const *fields; /* UTF-8, NUL-terminated, no NUL inside */
	const size_t *lens;        /* byte length of each field */
	long line;                 /* physical line where the record starts */
	/* From csvread_open_cells only, else NULL: each field as a cell,
	 * cleaned by cell_clean() and cell_unneutralize_in_place(), with
	 * the flags cell_clean() reported. */
	const char *const *cells;
	const unsigned *cell_flags;
};

/* Fill *caps with the defaults above. */
void csvread_caps_default(struct csvread_caps *caps);

struct csvread;

/*
 * Open path for reading as enc (see decoder_open) under caps (NULL: the
 * defaults).  On success store a new reader in *out (free it with
 * csvread_free) and return ST_OK; on failure store NULL, a message
 * starting "PATH: " in *err (caller frees), and return ST_FILE or
 * ST_INVALID as decoder_open does.
 */
enum status csvread_open(const char *path, enum decode_enc enc,
    const struct csvread_caps *caps, struct csvread **out, char **err);

/*
 * As csvread_open, and each record also carries its fields cleaned as
 * cells (rec->cells), done while the file is parsed ahead: what an
 * import reads.
 */
enum status csvread_open_cells(const char *path, enum decode_enc enc,
    const struct csvread_caps *caps, struct csvread **out, char **err);

/*
 * Read the next record into *rec.  Returns ST_OK with *rec set, or ST_OK
 * with *rec NULL at the end of the file.  Returns ST_INVALID for a file
 * that is not good CSV ("PATH:LINE: stray quote character", "PATH:LINE:
 * a quoted field is never closed" naming the line where the quote opened,
 * "PATH:LINE: a field is longer than 65536 bytes", "PATH:LINE: a row has
 * more than 1000 fields", a NUL byte, or a decoding error), ST_FILE for a
 * read error or a file over max_file, ST_NOMEM if libcsv runs out of
 * memory; the message is csvread_error(r) and every later call fails the
 * same way.
 */
enum status csvread_next(struct csvread *r, const struct csvread_record **rec);

/* Return the message of the failure, or NULL; owned by r. */
const char *csvread_error(const struct csvread *r);

/* Return the path given to csvread_open; owned by r. */
const char *csvread_path(const struct csvread *r);

/* Return the encoding in use (DECODE_UTF8 or DECODE_GB18030).  When it
 * is detected, that is done while the file is parsed ahead: until the
 * first csvread_next() has returned, this may be DECODE_AUTO. */
enum decode_enc csvread_encoding(const struct csvread *r);

/* Free r and close its file.  NULL is ok. */
void csvread_free(struct csvread *r);

#endif
