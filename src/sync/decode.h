/*
 * decode.h - the encoding of a CSV file, and a streaming decoder to UTF-8.
 *
 * Clerks bring files saved by Excel or WPS on Chinese Windows (GB18030,
 * which the tools call GBK or "ANSI"), "CSV UTF-8" files with a byte order
 * mark, and plain UTF-8 from the shops' web exports.  The encoding is
 * either given (--encoding) or detected: a UTF-8 BOM means UTF-8; a UTF-16
 * BOM is refused; otherwise one fast pass over the whole file decides
 * between UTF-8 (every byte valid) and GB18030.  GBK and GB2312 are read
 * as GB18030, their superset, so a file WPS calls "GBK" never fails on a
 * rare name character.
 *
 * The decoder reads the file in fixed chunks (memory does not grow with
 * the file) and hands out UTF-8; a multibyte sequence cut by a chunk edge
 * is carried over to the next chunk.  What it hands out is always valid
 * UTF-8; a byte sequence invalid in the chosen encoding stops the read
 * with an error naming the physical line (counted by LF bytes, which no
 * multibyte sequence of either encoding contains).
 */
#ifndef COOPSTOCK_DECODE_H
#define COOPSTOCK_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

enum decode_enc {
	DECODE_AUTO,   /* detect (see above) */
	DECODE_UTF8,   /* UTF-8, with or without BOM */
	DECODE_GB18030 /* GB18030, also for GBK and GB2312 */
};

/*
 * Parse an --encoding argument into *enc: "auto", "utf-8"/"utf8",
 * "gbk", "gb2312", "gb18030", "cp936" (ASCII case ignored).  NULL means
 * auto.  Returns ST_OK, or ST_INVALID leaving *enc unchanged.
 */
enum status decode_enc_parse(const char *name, enum decode_enc *enc);

/* Return the canonical name of enc ("auto", "UTF-8", "GB18030"), static. */
const char *decode_enc_name(enum decode_enc enc);

struct decoder;

/*
 * Open the file at path for decoding as enc (DECODE_AUTO detects, which
 * needs a regular file: it reads it twice).  A file larger than max_bytes
 * is refused.  On success store a new decoder in *out (free it with
 * decoder_free) and return ST_OK.  On failure store NULL in *out, a new
 * message starting with "PATH: " in *err (caller frees) and return
 * ST_FILE (cannot be opened or read, too large) or ST_INVALID (UTF-16, or
 * a UTF-8 BOM while GB18030 was asked for).
 */
enum status decoder_open(const char *path, enum decode_enc enc,
    uint64_t max_bytes, struct decoder **out, char **err);

/*
 * As decoder_open, but a detection pass (DECODE_AUTO on a regular file)
 * is left to the first decoder_read(), so that the thread which reads
 * the file makes it; a failure of that pass (a read error, ST_FILE) is
 * then that call's, with its message in decoder_error(d).
 */
enum status decoder_open_lazy(const char *path, enum decode_enc enc,
    uint64_t max_bytes, struct decoder **out, char **err);

/* Return the encoding in use: DECODE_UTF8 or DECODE_GB18030; DECODE_AUTO
 * only from decoder_open_lazy, until the first decoder_read(). */
enum decode_enc decoder_encoding(const struct decoder *d);

/* Return 1 if d reads a regular file, whose reads never wait on a writer;
 * 0 for a pipe, a FIFO or a device. */
int decoder_is_file(const struct decoder *d);

/*
 * Decode the next piece of the file: store a pointer to UTF-8 bytes in
 * *buf and their count in *len (valid until the next call on d; a BOM is
 * never included; every piece ends on a character boundary).  *len == 0
 * means the end of the file.  The text before a bad byte sequence is
 * handed out first, so a reader sees every good line before the error.
 * Returns ST_OK, or ST_INVALID (a byte
 * sequence invalid in the encoding: "PATH:LINE: the text is neither UTF-8
 * nor GB18030 (GBK)" or, for an explicit encoding, "... is not valid
 * GB18030"/"... is not valid UTF-8") or ST_FILE (a read error, or the
 * file grew past max_bytes); the message is then decoder_error(d) and
 * every later call fails the same way.
 */
enum status decoder_read(struct decoder *d, const char **buf, size_t *len);

/* Return the message of the last failure, or NULL; owned by d. */
const char *decoder_error(const struct decoder *d);

/* Close the file and free d.  NULL is ok. */
void decoder_free(struct decoder *d);

/*
 * Return the length of the longest prefix of the n bytes at s that is
 * valid UTF-8 ending on a character boundary.  If the bytes after that
 * prefix are the valid start of a sequence cut short by n, set *cut to 1,
 * else 0.  Exposed for csvread and the tests; ASCII runs are checked 8
 * bytes at a time.
 */
size_t decode_utf8_prefix(const unsigned char *s, size_t n, int *cut);

#endif
