/*
 * decode.c - see decode.h.  UTF-8 is passed through after validation
 * (no copy); GB18030 goes through iconv into an output buffer.  Both
 * paths keep the unconsumed tail of the input buffer (at most 3 bytes of
 * a cut sequence for UTF-8, a cut sequence or the input iconv had no room
 * for) and move it to the front before the next read.
 */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "sync/decode.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define IN_SIZE (64 * 1024)
/* GB18030 to UTF-8 grows at most 3:2 (2-byte hanzi to 3 bytes). */
#define OUT_SIZE (IN_SIZE * 3 / 2 + 16)

struct decoder {
	FILE *fp;
	char *path;
	enum decode_enc enc; /* UTF8 or GB18030 */
	int explicit_enc;    /* given by the caller, not detected */
	int regular;         /* a regular file, not a pipe or a device */
	int lazy;            /* detect at the first decoder_read */
	iconv_t cd;          /* GB18030 only */
	unsigned char *in;   /* IN_SIZE bytes */
	size_t in_len;       /* bytes held in in */
	size_t in_pos;       /* bytes of in already handed out */
	char *out;           /* OUT_SIZE bytes, GB18030 only */
	uint64_t total;      /* bytes read from the file */
	uint64_t max;
	long lines; /* LF bytes before in[in_pos] */
	int eof;
	enum status failed;
	char *errmsg;
};

static const struct {
	const char *name;
	enum decode_enc enc;
} enc_names[] = {
    {"auto", DECODE_AUTO},
    {"utf-8", DECODE_UTF8},
    {"utf8", DECODE_UTF8},
    {"gb18030", DECODE_GB18030},
    {"gbk", DECODE_GB18030},
    {"gb2312", DECODE_GB18030},
    {"cp936", DECODE_GB18030},
};

enum status
decode_enc_parse(const char *name, enum decode_enc *enc)
{
	size_t i;

	if (name == NULL) {
		*enc = DECODE_AUTO;
		return ST_OK;
	}
	for (i = 0; i < sizeof enc_names / sizeof enc_names[0]; i++) {
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*enc = enc_names[i].enc;
			return ST_OK;
		}
	}
	return ST_INVALID;
}

const char *
decode_enc_name(enum decode_enc enc)
{
	switch (enc) {
	case DECODE_UTF8:
		return "UTF-8";
	case DECODE_GB18030:
		return "GB18030";
	default:
		return "auto";
	}
}

/* Length of the UTF-8 sequence led by c, 0 if c cannot lead one. */
static int
lead_len(unsigned c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Is b a valid byte at position k (1..3) after lead c? */
static int
cont_ok(unsigned c, int k, unsigned b)
{
	if (k == 1) {
		if (c == 0xE0)
			return b >= 0xA0 && b <= 0xBF;
		if (c == 0xED)
			return b >= 0x80 && b <= 0x9F;
		if (c == 0xF0)
			return b >= 0x90 && b <= 0xBF;
		if (c == 0xF4)
			return b >= 0x80 && b <= 0x8F;
	}
	return (b & 0xC0) == 0x80;
}

size_t
decode_utf8_prefix(const unsigned char *s, size_t n, int *cut)
{
	size_t i = 0;
	uint64_t w;
	int len, k;

	*cut = 0;
	while (i < n) {
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		/* Most Chinese text: a three-byte sequence whose lead puts no
		 * further limit on the byte after it (not E0 or ED). */
		if (s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && n - i > 2 &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		len = lead_len(s[i]);
		if (len == 0)
			return i;
		for (k = 1; k < len; k++) {
			if (i + k >= n) {
				*cut = 1;
				return i;
			}
			if (!cont_ok(s[i], k, s[i + k]))
				return i;
		}
		i += len;
	}
	return i;
}

static long
count_lf(const unsigned char *s, size_t n)
{
	const unsigned char *end = s + n, *p;
	long c = 0;

	while (s < end && (p = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		c++;
		s = p + 1;
	}
	return c;
}

/* Record a failure; the message gets the "PATH:LINE: " prefix. */
static enum status
fail_at(struct decoder *d, enum status st, size_t off, const char *what)
{
	long line = d->lines + count_lf(d->in + d->in_pos, off - d->in_pos) + 1;

	free(d->errmsg);
	d->errmsg = xasprintf("%s:%ld: %s", d->path, line, what);
	d->failed = st;
	return st;
}

static const char *
invalid_text(const struct decoder *d)
{
	if (!d->explicit_enc)
		return _("the text is neither UTF-8 nor GB18030 (GBK)");
	if (d->enc == DECODE_UTF8)
		return _("the text is not valid UTF-8");
	return _("the text is not valid GB18030");
}

static char *
too_big(const char *path, uint64_t max)
{
	return xasprintf(_("%s: the file is larger than %llu bytes"), path,
	    (unsigned long long)max);
}

/* Move the unconsumed tail to the front and read more; sets d->eof. */
static enum status
fill(struct decoder *d)
{
	size_t keep = d->in_len - d->in_pos, n;

	memmove(d->in, d->in + d->in_pos, keep);
	d->in_len = keep;
	d->in_pos = 0;
	if (d->eof)
		return ST_OK;
	n = fread(d->in + keep, 1, IN_SIZE - keep, d->fp);
	if (n < IN_SIZE - keep) {
		if (ferror(d->fp)) {
			free(d->errmsg);
			d->errmsg =
			    xasprintf("%s: %s", d->path, strerror(errno));
			return d->failed = ST_FILE;
		}
		d->eof = 1;
	}
	d->in_len += n;
	d->total += n;
	if (d->total > d->max) {
		free(d->errmsg);
		d->errmsg = too_big(d->path, d->max);
		return d->failed = ST_FILE;
	}
	return ST_OK;
}

/* One UTF-8 piece: validate and point into the input buffer. */
static enum status
read_utf8(struct decoder *d, const char **buf, size_t *len)
{
	size_t ok;
	int cut;
	enum status st;

	for (;;) {
		if ((st = fill(d)) != ST_OK)
			return st;
		if (d->in_len == 0) {
			*len = 0;
			return ST_OK;
		}
		ok = decode_utf8_prefix(d->in, d->in_len, &cut);
		if (ok > 0)
			break; /* hand out the good text; fail on the next call
				*/
		if (!cut || d->eof)
			return fail_at(d, ST_INVALID, 0, invalid_text(d));
	}
	*buf = (const char *)d->in;
	*len = ok;
	d->lines += count_lf(d->in, ok);
	d->in_pos = ok;
	return ST_OK;
}

/* One GB18030 piece through iconv. */
static enum status
read_gb(struct decoder *d, const char **buf, size_t *len)
{
	char *ip, *op;
	size_t il, ol, r, start;
	enum status st;

	for (;;) {
		if ((st = fill(d)) != ST_OK)
			return st;
		if (d->in_len == 0) {
			*len = 0;
			return ST_OK;
		}
		ip = (char *)d->in;
		il = d->in_len;
		op = d->out;
		ol = OUT_SIZE;
		r = iconv(d->cd, &ip, &il, &op, &ol);
		start = (size_t)((unsigned char *)ip - d->in);
		if (op > d->out)
			break; /* hand out the good text; fail on the next call
				*/
		if (r == (size_t)-1 &&
		    (errno == EILSEQ || (errno == EINVAL && d->eof)))
			return fail_at(d, ST_INVALID, start, invalid_text(d));
		if (d->eof)
			return fail_at(d, ST_INVALID, start, invalid_text(d));
		d->in_pos = 0; /* only a cut sequence: read more */
	}
	d->lines += count_lf(d->in, start);
	d->in_pos = start;
	*buf = d->out;
	*len = (size_t)(op - d->out);
	return ST_OK;
}

/* Defined with setup, below. */
static enum status settle(
    struct decoder *d, enum decode_enc enc, char **err);

enum status
decoder_read(struct decoder *d, const char **buf, size_t *len)
{
	char *err = NULL;

	*buf = "";
	*len = 0;
	if (d->failed != ST_OK)
		return d->failed;
	if (d->lazy) {
		d->lazy = 0;
		if ((d->failed = settle(d, DECODE_AUTO, &err)) != ST_OK) {
			d->errmsg = err;
			return d->failed;
		}
	}
	if (d->enc == DECODE_UTF8)
		return read_utf8(d, buf, len);
	return read_gb(d, buf, len);
}

/* The detection pass: is the whole file (from the current offset) UTF-8? */
static enum status
scan_utf8(FILE *fp, const char *path, int *valid, char **err)
{
	unsigned char *b = xmalloc(IN_SIZE);
	size_t have = 0, n, ok;
	int cut = 0;

	*valid = 1;
	for (;;) {
		n = fread(b + have, 1, IN_SIZE - have, fp);
		if (n == 0)
			break;
		have += n;
		ok = decode_utf8_prefix(b, have, &cut);
		if (ok < have && !cut) {
			*valid = 0;
			break;
		}
		memmove(b, b + ok, have - ok);
		have -= ok;
	}
	if (have > 0 && *valid && cut)
		*valid = 0; /* a sequence cut by the end of the file */
	free(b);
	if (ferror(fp)) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return ST_FILE;
	}
	return ST_OK;
}

/*
 * Look at the first bytes, kept in d->in so that a pipe needs no seek:
 * drop a UTF-8 BOM, refuse UTF-16.
 */
static enum status
sniff_bom(struct decoder *d, enum decode_enc *enc, char **err)
{
	unsigned char *b = d->in;
	size_t n = fread(b, 1, 3, d->fp);

	d->in_len = n;
	d->total = n;
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
			  (b[0] == 0xFE && b[1] == 0xFF))) {
		*err = xasprintf(_("%s: UTF-16 files are not supported; "
				   "save as CSV UTF-8 or CSV"),
		    d->path);
		return ST_INVALID;
	}
	if (n == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		if (*enc == DECODE_GB18030) {
			*err =
			    xasprintf(_("%s: the file is UTF-8 (it starts "
					"with a byte order mark) but GB18030 "
					"was asked for"),
				d->path);
			return ST_INVALID;
		}
		*enc = DECODE_UTF8;
		d->in_len = 0;
	}
	return ST_OK;
}

/* Detect by reading the whole (regular) file, then seek back. */
static enum status
detect(struct decoder *d, enum decode_enc *enc, char **err)
{
	long start = (long)(d->total - d->in_len);
	int valid;
	enum status st;

	if (fseek(d->fp, start, SEEK_SET) != 0) {
		*err = xasprintf("%s: %s", d->path, strerror(errno));
		return ST_FILE;
	}
	if ((st = scan_utf8(d->fp, d->path, &valid, err)) != ST_OK)
		return st;
	if (fseek(d->fp, start, SEEK_SET) != 0) {
		*err = xasprintf("%s: %s", d->path, strerror(errno));
		return ST_FILE;
	}
	d->in_len = 0;
	d->total = (uint64_t)start;
	*enc = valid ? DECODE_UTF8 : DECODE_GB18030;
	return ST_OK;
}

static enum status
setup(struct decoder *d, enum decode_enc enc, char **err)
{
	struct stat sb;
	enum status st;

	if (fstat(fileno(d->fp), &sb) != 0)
		memset(&sb, 0, sizeof sb);
	d->regular = S_ISREG(sb.st_mode);
	if (d->regular && (uint64_t)sb.st_size > d->max) {
		*err = too_big(d->path, d->max);
		return ST_FILE;
	}
	if ((st = sniff_bom(d, &enc, err)) != ST_OK)
		return st;
	if (enc == DECODE_AUTO && !S_ISREG(sb.st_mode)) {
		*err = xasprintf(_("%s: cannot detect the encoding of a "
				   "pipe; give --encoding"),
		    d->path);
		return ST_FILE;
	}
	if (enc == DECODE_AUTO && d->lazy)
		return ST_OK; /* decoder_read calls settle */
	d->lazy = 0;
	return settle(d, enc, err);
}

/* Detect the encoding if enc is DECODE_AUTO, then get ready to read. */
static enum status
settle(struct decoder *d, enum decode_enc enc, char **err)
{
	enum status st;

	if (enc == DECODE_AUTO && (st = detect(d, &enc, err)) != ST_OK)
		return st;
	d->enc = enc;
	if (enc == DECODE_GB18030) {
		d->cd = iconv_open("UTF-8", "GB18030");
		if (d->cd == (iconv_t)-1) {
			*err = xasprintf(_("%s: this system cannot convert "
					   "GB18030 text"),
			    d->path);
			return ST_FILE;
		}
		d->out = xmalloc(OUT_SIZE);
	}
	return ST_OK;
}

static enum status
open_decoder(const char *path, enum decode_enc enc, uint64_t max_bytes,
    int lazy, struct decoder **out, char **err)
{
	struct decoder *d;
	enum status st;

	*out = NULL;
	*err = NULL;
	d = xcalloc(1, sizeof *d);
	d->lazy = lazy;
	d->path = xstrdup(path);
	d->max = max_bytes;
	d->cd = (iconv_t)-1;
	d->explicit_enc = enc != DECODE_AUTO;
	d->fp = fopen(path, "rb");
	if (d->fp == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		decoder_free(d);
		return ST_FILE;
	}
	d->in = xmalloc(IN_SIZE);
	if ((st = setup(d, enc, err)) != ST_OK) {
		decoder_free(d);
		return st;
	}
	*out = d;
	return ST_OK;
}

enum status
decoder_open(const char *path, enum decode_enc enc, uint64_t max_bytes,
    struct decoder **out, char **err)
{
	return open_decoder(path, enc, max_bytes, 0, out, err);
}

enum status
decoder_open_lazy(const char *path, enum decode_enc enc, uint64_t max_bytes,
    struct decoder **out, char **err)
{
	return open_decoder(path, enc, max_bytes, 1, out, err);
}

enum decode_enc
decoder_encoding(const struct decoder *d)
{
	return d->lazy ? DECODE_AUTO : d->enc;
}

int
decoder_is_file(const struct decoder *d)
{
	return d->regular;
}

const char *
decoder_error(const struct decoder *d)
{
	return d->errmsg;
}

void
decoder_free(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->fp != NULL)
		fclose(d->fp);
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->in);
	free(d->out);
	free(d->path);
	free(d->errmsg);
	free(d);
}
