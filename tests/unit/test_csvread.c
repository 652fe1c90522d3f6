/*
 * test_csvread.c - unit tests for sync/decode.c and sync/csvread.c.
 *
 * Fixtures in tests/data/ hold the encodings clerks bring (gbk.csv was
 * made once with `iconv -f UTF-8 -t GB18030`); files that must be large
 * (over-long fields, chunk edges) are generated in a temp directory.
 * Every record is checked field by field with its start line.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sync/cell.h"
#include "sync/csvread.h"
#include "util/xalloc.h"

static char *tmpdir;

static char *
data(const char *name)
{
	const char *src = getenv("TESTS_SRCDIR");

	return xasprintf("%s/data/%s", src ? src : "tests", name);
}

static char *
tmpfile_with(const char *name, const char *bytes, size_t n)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* Open a fixture (full path) and return the reader. */
static struct csvread *
open_ok(const char *path, enum decode_enc enc)
{
	struct csvread *r;
	char *err = NULL;

	if (csvread_open(path, enc, NULL, &r, &err) != ST_OK)
		fail_msg("open %s: %s", path, err);
	return r;
}

/* Expect the next record to be line `line` with the given fields. */
static void
expect(struct csvread *r, long line, size_t n, ...)
{
	const struct csvread_record *rec;
	va_list ap;
	size_t i;
	const char *want;

	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_non_null(rec);
	assert_int_equal(rec->line, line);
	assert_int_equal(rec->nfields, n);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		want = va_arg(ap, const char *);
		assert_string_equal(rec->fields[i], want);
		assert_int_equal(rec->lens[i], strlen(want));
	}
	va_end(ap);
}

static void
expect_end(struct csvread *r)
{
	const struct csvread_record *rec;

	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_null(rec);
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_null(rec);
}

/* Read until an error; check status and the exact message. */
static void
expect_error(struct csvread *r, enum status st, const char *msg)
{
	const struct csvread_record *rec;
	enum status got;

	while ((got = csvread_next(r, &rec)) == ST_OK && rec != NULL)
		;
	assert_int_equal(got, st);
	assert_string_equal(csvread_error(r), msg);
	assert_int_equal(csvread_next(r, &rec), st); /* sticky */
	assert_null(rec);
}

static void
test_enc_names(void **state)
{
	enum decode_enc e = DECODE_UTF8;

	assert_int_equal(decode_enc_parse("GBK", &e), ST_OK);
	assert_int_equal(e, DECODE_GB18030);
	assert_int_equal(decode_enc_parse("gb2312", &e), ST_OK);
	assert_int_equal(e, DECODE_GB18030);
	assert_int_equal(decode_enc_parse("utf-8", &e), ST_OK);
	assert_int_equal(e, DECODE_UTF8);
	assert_int_equal(decode_enc_parse(NULL, &e), ST_OK);
	assert_int_equal(e, DECODE_AUTO);
	assert_int_equal(decode_enc_parse("latin1", &e), ST_INVALID);
	assert_int_equal(e, DECODE_AUTO);
	assert_string_equal(decode_enc_name(DECODE_GB18030), "GB18030");
}

static void
test_utf8_prefix(void **state)
{
	int cut;

	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"abc", 3, &cut), 3);
	assert_int_equal(cut, 0);
	/* 核 cut after 2 of its 3 bytes */
	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"ab\xe6\xa0", 4, &cut),
	    2);
	assert_int_equal(cut, 1);
	/* overlong, surrogate, stray continuation */
	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"a\xc0\xaf", 3, &cut), 1);
	assert_int_equal(cut, 0);
	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"\xed\xa0\x80", 3, &cut),
	    0);
	assert_int_equal(cut, 0);
	assert_int_equal(decode_utf8_prefix(
			     (const unsigned char *)"0123456789\x80", 11, &cut),
	    10);
	assert_int_equal(cut, 0);
	/* three-byte sequences, the common Chinese case and its edges */
	assert_int_equal(decode_utf8_prefix((const unsigned char *)
			     "\xe6\xa0\xb8\xe6\xa1\x83\xef\xbf\xbf", 9, &cut),
	    9);
	assert_int_equal(cut, 0);
	assert_int_equal(decode_utf8_prefix(
			     (const unsigned char *)"\xe6\xa0\xc0", 3, &cut),
	    0);
	assert_int_equal(cut, 0);
	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"\xe6\xa0" "A", 3, &cut), 0);
	assert_int_equal(cut, 0);
	assert_int_equal(decode_utf8_prefix(
			     (const unsigned char *)"x\xe0\x80\x80", 4, &cut),
	    1);
	assert_int_equal(cut, 0);
	assert_int_equal(
	    decode_utf8_prefix((const unsigned char *)"\xe6", 1, &cut), 0);
	assert_int_equal(cut, 1);
}

static void
test_gbk_detected(void **state)
{
	char *p = data("gbk.csv");
	struct csvread *r = open_ok(p, DECODE_AUTO);

	/* Detected while the file is parsed ahead: known with a record. */
	expect(r, 1, 3, "订单编号", "收货人姓名", "商品");
	assert_int_equal(csvread_encoding(r), DECODE_GB18030);
	expect(r, 2, 3, "=\"3812345678901234\"", "王芳", "核桃 500g");
	/* 𠮷 is a four-byte GB18030 character */
	expect(r, 3, 3, "=\"3812345678901235\"", "𠮷野家", "花椒");
	expect_end(r);
	csvread_free(r);
	r = open_ok(p, DECODE_GB18030);
	expect(r, 1, 3, "订单编号", "收货人姓名", "商品");
	csvread_free(r);
	free(p);
}

static void
test_utf8_plain_and_bom(void **state)
{
	char *p = data("utf8.csv"), *q = data("utf8-bom.csv");
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 3, "sku", "name", "qty");
	assert_int_equal(csvread_encoding(r), DECODE_UTF8);
	expect(r, 2, 3, "WAL-500", "核桃 500g", "3");
	expect(r, 3, 3, "PEP-100", "花椒, 特级", "1");
	expect_end(r);
	csvread_free(r);
	r = open_ok(q, DECODE_AUTO);
	assert_int_equal(csvread_encoding(r), DECODE_UTF8); /* by the BOM */
	expect(r, 1, 3, "sku", "name", "qty"); /* BOM stripped */
	expect(r, 2, 3, "WAL-500", "核桃 500g", "3");
	expect_end(r);
	csvread_free(r);
	r = open_ok(q, DECODE_UTF8);
	expect(r, 1, 3, "sku", "name", "qty");
	csvread_free(r);
	free(p);
	free(q);
}

static void
test_crlf_and_blank_lines(void **state)
{
	char *p = data("crlf.csv");
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 2, "sku", "name");
	expect(r, 3, 2, "WAL-500", "核桃");
	expect(r, 4, 2, "PEP-100", "花椒");
	expect_end(r);
	csvread_free(r);
	free(p);
}

static void
test_quoted_newlines(void **state)
{
	char *p = data("quoted-newline.csv");
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 3, "sku", "note", "qty");
	expect(r, 2, 3, "A1", "line one\nline two\n", "2");
	expect(r, 6, 3, "B2", "say \"hi\"", "3");
	expect(r, 7, 3, "C3", "plain", "4"); /* no final newline */
	expect_end(r);
	csvread_free(r);
	free(p);
}

static void
test_unterminated_quote(void **state)
{
	char *p = data("unterminated.csv"), *msg;
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 2, "sku", "note");
	expect(r, 2, 2, "A1", "ok");
	msg = xasprintf("%s:3: a quoted field is never closed", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
}

static void
test_stray_quote(void **state)
{
	char *p = data("stray-quote.csv"), *msg, *q;
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 2, "sku", "note");
	expect(r, 2, 2, "A1", "ok");
	msg = xasprintf("%s:3: stray quote character", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	q = tmpfile_with("after.csv", "a\n\"x\"y,2\n", 9);
	r = open_ok(q, DECODE_AUTO);
	expect(r, 1, 1, "a");
	msg = xasprintf("%s:2: text after a closing quote (a quote inside a "
			"quoted field must be doubled)",
	    q);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(q);
	free(p);
}

static void
test_utf16_refused(void **state)
{
	char *p = data("utf16.csv"), *err = NULL, *msg;
	struct csvread *r = (struct csvread *)1;

	assert_int_equal(
	    csvread_open(p, DECODE_AUTO, NULL, &r, &err), ST_INVALID);
	assert_null(r);
	msg = xasprintf("%s: UTF-16 files are not supported; save as CSV "
			"UTF-8 or CSV",
	    p);
	assert_string_equal(err, msg);
	free(err);
	free(msg);
	free(p);
}

static void
test_invalid_bytes(void **state)
{
	char *p = data("bad-bytes.csv"), *msg;
	struct csvread *r = open_ok(p, DECODE_UTF8);

	msg = xasprintf("%s:3: the text is not valid UTF-8", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	r = open_ok(p, DECODE_AUTO);
	msg = xasprintf("%s:3: the text is neither UTF-8 nor GB18030 (GBK)", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	r = open_ok(p, DECODE_GB18030);
	msg = xasprintf("%s:3: the text is not valid GB18030", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
}

/* Bad bytes far into the file: the good records before them are read,
 * and the line is counted across the decoder's chunks. */
static void
late_bad_byte(const char *line, enum decode_enc enc, const char *what)
{
	size_t n = strlen(line), lines = 20000, i;
	char *buf = xmalloc(n * lines + 8), *p, *msg;
	struct csvread *r;
	const struct csvread_record *rec;

	for (i = 0; i < lines; i++)
		memcpy(buf + i * n, line, n);
	memcpy(buf + n * lines, "x\xff\n", 3);
	p = tmpfile_with("late.csv", buf, n * lines + 3);
	r = open_ok(p, enc);
	for (i = 0; i < lines; i++) {
		assert_int_equal(csvread_next(r, &rec), ST_OK);
		assert_non_null(rec);
		assert_int_equal(rec->line, (long)i + 1);
	}
	msg = xasprintf("%s:%zu: %s", p, lines + 1, what);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
	free(buf);
}

static void
test_late_bad_byte(void **state)
{
	late_bad_byte("\xe6\xa0\xb8\xe6\xa1\x83,1\n", DECODE_UTF8,
	    "the text is not valid UTF-8");
	late_bad_byte("\xba\xcb\xcc\xd2,1\n", DECODE_GB18030, /* 核桃 */
	    "the text is not valid GB18030");
	late_bad_byte("\xba\xcb\xcc\xd2,1\n", DECODE_AUTO,
	    "the text is neither UTF-8 nor GB18030 (GBK)");
}

/* Start a child writing text into a new FIFO; return its path. */
static char *
fifo_with(const char *text, pid_t *pid)
{
	char *p = xasprintf("%s/fifo", tmpdir);
	int fd;

	unlink(p);
	assert_int_equal(mkfifo(p, 0600), 0);
	*pid = fork();
	assert_true(*pid >= 0);
	if (*pid == 0) {
		signal(SIGPIPE, SIG_IGN);
		fd = open(p, O_WRONLY);
		if (fd >= 0 && write(fd, text, strlen(text)) < 0)
			_exit(1);
		_exit(0);
	}
	return p;
}

/* A pipe is read with an explicit encoding, BOM and all; detection,
 * which needs two passes, is refused. */
static void
test_pipe(void **state)
{
	pid_t pid;
	char *p = fifo_with("\xef\xbb\xbf"
			    "a,b\n1,2\n",
		 &pid),
	     *err = NULL, *msg;
	struct csvread *r;
	int ws;

	assert_int_equal(csvread_open(p, DECODE_UTF8, NULL, &r, &err), ST_OK);
	expect(r, 1, 2, "a", "b");
	expect(r, 2, 2, "1", "2");
	expect_end(r);
	csvread_free(r);
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	free(p);
	p = fifo_with("a\n", &pid);
	assert_int_equal(csvread_open(p, DECODE_AUTO, NULL, &r, &err), ST_FILE);
	msg = xasprintf("%s: cannot detect the encoding of a pipe; give "
			"--encoding",
	    p);
	assert_string_equal(err, msg);
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	free(msg);
	free(err);
	free(p);
}

/* A UTF-8 BOM contradicts an explicit GB18030. */
static void
test_bom_but_gbk(void **state)
{
	char *p = data("utf8-bom.csv"), *err = NULL, *msg;
	struct csvread *r;

	assert_int_equal(
	    csvread_open(p, DECODE_GB18030, NULL, &r, &err), ST_INVALID);
	msg = xasprintf("%s: the file is UTF-8 (it starts with a byte order "
			"mark) but GB18030 was asked for",
	    p);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	free(p);
}

static void
test_missing_file(void **state)
{
	char *err = NULL, *p = xasprintf("%s/none.csv", tmpdir), *msg;
	struct csvread *r;

	assert_int_equal(csvread_open(p, DECODE_AUTO, NULL, &r, &err), ST_FILE);
	msg = xasprintf("%s: No such file or directory", p);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	free(p);
}

static void
test_field_too_long(void **state)
{
	size_t n = 65537 + 20;
	char *buf = xmalloc(n), *p, *msg;
	struct csvread *r;

	memcpy(buf, "a,b\nx,", 6);
	memset(buf + 6, 'y', n - 6);
	p = tmpfile_with("long.csv", buf, n);
	r = open_ok(p, DECODE_AUTO);
	expect(r, 1, 2, "a", "b");
	msg = xasprintf("%s:2: a field is longer than 65536 bytes", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
	/* exactly at the limit is fine */
	memset(buf + 6, 'y', 65536);
	buf[6 + 65536] = '\n';
	p = tmpfile_with("limit.csv", buf, 6 + 65536 + 1);
	r = open_ok(p, DECODE_AUTO);
	expect(r, 1, 2, "a", "b");
	const struct csvread_record *rec;
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_int_equal(rec->lens[1], 65536);
	expect_end(r);
	csvread_free(r);
	free(p);
	/* quoted, with spaces after the closing quote, also fine */
	buf[6] = '"';
	memset(buf + 7, 'y', 65536);
	memcpy(buf + 7 + 65536, "\"   \n", 5);
	p = tmpfile_with("limitq.csv", buf, 7 + 65536 + 5);
	r = open_ok(p, DECODE_AUTO);
	expect(r, 1, 2, "a", "b");
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_int_equal(rec->lens[1], 65536);
	expect_end(r);
	csvread_free(r);
	free(p);
	free(buf);
}

static void
test_too_many_fields(void **state)
{
	char *buf = xmalloc(3000), *p, *msg;
	struct csvread *r;
	size_t i, n = 0;

	n += (size_t)sprintf(buf, "h\n");
	for (i = 0; i < 1001; i++)
		n += (size_t)sprintf(buf + n, i ? ",x" : "x");
	buf[n++] = '\n';
	p = tmpfile_with("wide.csv", buf, n);
	r = open_ok(p, DECODE_AUTO);
	expect(r, 1, 1, "h");
	msg = xasprintf("%s:2: a row has more than 1000 fields", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
	free(buf);
}

static void
test_caps(void **state)
{
	struct csvread_caps caps;
	struct csvread *r;
	char *p = data("utf8.csv"), *err = NULL, *msg;

	csvread_caps_default(&caps);
	assert_int_equal(caps.max_field, 65536);
	assert_int_equal(caps.max_fields, 1000);
	assert_true(caps.max_file == (UINT64_C(1) << 30));
	caps.max_file = 10;
	assert_int_equal(
	    csvread_open(p, DECODE_AUTO, &caps, &r, &err), ST_FILE);
	msg = xasprintf("%s: the file is larger than 10 bytes", p);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	csvread_caps_default(&caps);
	caps.max_fields = 2;
	assert_int_equal(csvread_open(p, DECODE_AUTO, &caps, &r, &err), ST_OK);
	msg = xasprintf("%s:1: a row has more than 2 fields", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
}

static void
test_nul_byte(void **state)
{
	char *p = tmpfile_with("nul.csv", "a,b\nx\0y,z\n", 10), *msg;
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 2, "a", "b");
	msg = xasprintf("%s:2: the file holds NUL bytes: is it a spreadsheet "
			"or UTF-16 text rather than CSV?",
	    p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
}

static void
test_empty_and_spaces(void **state)
{
	char *p = tmpfile_with("sp.csv", "\n\n  a , \" b \",,\t\n", 17);
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 3, 4, "a", " b ", "", "");
	expect_end(r);
	csvread_free(r);
	free(p);
	p = tmpfile_with("empty.csv", "", 0);
	r = open_ok(p, DECODE_AUTO);
	expect_end(r);
	csvread_free(r);
	free(p);
}

/* Write `lines` copies of utf8 line (converted to enc) and read them all
 * back: multibyte characters straddle the decoder's 64 KiB chunks. */
static void
round_many(const char *utf8, const char *enc, enum decode_enc want)
{
	size_t lines = 30000, i, in_n, out_n, cap = strlen(utf8) * 2;
	char *one = xmalloc(cap), *ip, *op, *all, *p;
	iconv_t cd = iconv_open(enc, "UTF-8");
	struct csvread *r;
	const struct csvread_record *rec;

	assert_true(cd != (iconv_t)-1);
	ip = (char *)utf8;
	in_n = strlen(utf8);
	op = one;
	out_n = cap;
	assert_int_equal(iconv(cd, &ip, &in_n, &op, &out_n), 0);
	iconv_close(cd);
	cap = (size_t)(op - one);
	all = xmalloc(cap * lines);
	for (i = 0; i < lines; i++)
		memcpy(all + i * cap, one, cap);
	p = tmpfile_with("many.csv", all, cap * lines);
	r = open_ok(p, DECODE_AUTO);
	for (i = 0; i < lines; i++) {
		assert_int_equal(csvread_next(r, &rec), ST_OK);
		assert_non_null(rec);
		assert_int_equal(csvread_encoding(r), want);
		assert_int_equal(rec->line, (long)i + 1);
		assert_int_equal(rec->nfields, 2);
		assert_string_equal(rec->fields[0], "核桃");
		assert_string_equal(rec->fields[1], "花椒𠮷");
	}
	expect_end(r);
	csvread_free(r);
	free(p);
	free(all);
	free(one);
}

static void
test_chunk_edges(void **state)
{
	round_many("核桃,花椒𠮷\n", "GB18030", DECODE_GB18030);
	round_many("核桃,花椒𠮷\n", "UTF-8", DECODE_UTF8);
	round_many("核桃,花椒𠮷\r\n", "GB18030", DECODE_GB18030);
}

/*
 * Records cross from the parsing thread in batches: many records, every
 * seventh holding a quoted newline (so lines and records part), then a
 * stray quote.  Every record comes back whole, in order, with its line,
 * and the error comes after the last good one, naming its line.
 */
static void
test_batches_in_order(void **state)
{
	size_t n = 5000, i, len = 0, cap = n * 40;
	char *text = xmalloc(cap), *p, *msg, want[32];
	const struct csvread_record *rec;
	struct csvread *r;
	long line = 1;

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    i % 7 ? "r%zu,%zu\n" : "r%zu,\"%zu\nmore\"\n", i, i * 3);
	len += (size_t)snprintf(text + len, cap - len, "bad\"quote,1\n");
	p = tmpfile_with("batches.csv", text, len);
	r = open_ok(p, DECODE_UTF8);
	for (i = 0; i < n; i++) {
		assert_int_equal(csvread_next(r, &rec), ST_OK);
		assert_non_null(rec);
		assert_int_equal(rec->line, line);
		assert_int_equal(rec->nfields, 2);
		snprintf(want, sizeof want, "r%zu", i);
		assert_string_equal(rec->fields[0], want);
		snprintf(want, sizeof want, i % 7 ? "%zu" : "%zu\nmore", i * 3);
		assert_string_equal(rec->fields[1], want);
		assert_int_equal(rec->lens[1], strlen(want));
		line += i % 7 ? 1 : 2;
	}
	msg = xasprintf("%s:%ld: stray quote character", p, line);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
	free(text);
}

/* Records of large fields fill a batch by bytes before by count: each
 * comes back with its every byte. */
static void
test_batches_of_big_fields(void **state)
{
	size_t n = 40, w = 60000, i, j, len = 0;
	char *text = xmalloc(n * (w + 16)), *p;
	const struct csvread_record *rec;
	struct csvread *r;

	for (i = 0; i < n; i++) {
		len += (size_t)sprintf(text + len, "%zu,", i);
		memset(text + len, 'a' + (int)(i % 26), w);
		len += w;
		text[len++] = '\n';
	}
	p = tmpfile_with("wide.csv", text, len);
	r = open_ok(p, DECODE_AUTO);
	for (i = 0; i < n; i++) {
		assert_int_equal(csvread_next(r, &rec), ST_OK);
		assert_non_null(rec);
		assert_int_equal(rec->line, (long)i + 1);
		assert_int_equal(rec->nfields, 2);
		assert_int_equal(strtol(rec->fields[0], NULL, 10), (long)i);
		assert_int_equal(rec->lens[1], w);
		for (j = 0; j < w && rec->fields[1][j] == 'a' + (int)(i % 26);
		     j++)
			;
		assert_int_equal(j, w);
		assert_int_equal(rec->fields[1][w], '\0');
	}
	expect_end(r);
	csvread_free(r);
	free(p);
	free(text);
}

/* A reader freed early (a bad header, say) stops the parsing thread
 * wherever it is: nothing read, one record read, all but the end. */
static void
test_free_early(void **state)
{
	size_t n = 20000, i, len = 0, stop;
	char *text = xmalloc(n * 16), *p;
	const struct csvread_record *rec;
	struct csvread *r;

	for (i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "x%zu,y\n", i);
	p = tmpfile_with("early.csv", text, len);
	for (stop = 0; stop <= n; stop += n / 2) {
		r = open_ok(p, DECODE_AUTO);
		for (i = 0; i < stop; i++) {
			assert_int_equal(csvread_next(r, &rec), ST_OK);
			assert_non_null(rec);
		}
		csvread_free(r);
	}
	r = open_ok(p, DECODE_AUTO);
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	csvread_free(r);
	free(p);
	free(text);
}

/* csvread_open_cells: each record carries its fields as they came and
 * as cells (cleaned, unneutralised) with cell_clean's flags, across
 * batches; csvread_open carries no cells. */
static void
test_cells(void **state)
{
	static const char row[] =
	    "=\"0123\",\"'=SUM(A1)\",138****1234,\" \xe3\x80\x80x \"\n";
	size_t n = 3000, i, len = sizeof row - 1;
	char *text = xmalloc(n * len), *p;
	const struct csvread_record *rec;
	struct csvread *r;
	char *err = NULL;

	for (i = 0; i < n; i++)
		memcpy(text + i * len, row, len);
	p = tmpfile_with("cells.csv", text, n * len);
	assert_int_equal(csvread_open_cells(p, DECODE_AUTO, NULL, &r, &err),
	    ST_OK);
	for (i = 0; i < n; i++) {
		assert_int_equal(csvread_next(r, &rec), ST_OK);
		assert_non_null(rec);
		assert_int_equal(rec->nfields, 4);
		assert_string_equal(rec->fields[0], "=\"0123\"");
		assert_string_equal(rec->cells[0], "0123");
		assert_int_equal(rec->cell_flags[0], CELL_UNWRAPPED);
		assert_string_equal(rec->fields[1], "'=SUM(A1)");
		assert_string_equal(rec->cells[1], "=SUM(A1)");
		assert_int_equal(rec->cell_flags[1], 0);
		assert_string_equal(rec->cells[2], "138****1234");
		assert_int_equal(rec->cell_flags[2], CELL_MASKED);
		assert_string_equal(rec->fields[3], " \xe3\x80\x80x ");
		assert_string_equal(rec->cells[3], "x");
	}
	expect_end(r);
	csvread_free(r);
	r = open_ok(p, DECODE_AUTO);
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_non_null(rec);
	assert_null(rec->cells);
	assert_null(rec->cell_flags);
	csvread_free(r);
	free(p);
	free(text);
}

/* Taobao writes order numbers as ="0123" unquoted: accepted for that
 * field only; a quote elsewhere in an unquoted field stays an error. */
static void
test_excel_text_form(void **state)
{
	static const char text[] = "id,n\n=\"0123\",\"=\"\"9\"\"\"\n"
				   " =\"1\" ,=x\na=\"1\",2\n";
	char *p = tmpfile_with("xl.csv", text, sizeof text - 1), *msg;
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 2, "id", "n");
	expect(r, 2, 2, "=\"0123\"", "=\"9\"");
	expect(r, 3, 2, "=\"1\"", "=x");
	msg = xasprintf("%s:4: stray quote character", p);
	expect_error(r, ST_INVALID, msg);
	csvread_free(r);
	free(msg);
	free(p);
}

/* A bare CR ends a record too (libcsv's rule); lines count LF only. */
static void
test_bare_cr(void **state)
{
	char *p = tmpfile_with("cr.csv", "a\rb\nc", 5);
	struct csvread *r = open_ok(p, DECODE_AUTO);

	expect(r, 1, 1, "a");
	expect(r, 1, 1, "b");
	expect(r, 2, 1, "c");
	expect_end(r);
	csvread_free(r);
	free(p);
}

static int
setup(void **state)
{
	char tmpl[] = "/tmp/coopstock-csvread-XXXXXX";

	tmpdir = xstrdup(mkdtemp(tmpl));
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(tmpdir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_enc_names),
	    cmocka_unit_test(test_utf8_prefix),
	    cmocka_unit_test(test_gbk_detected),
	    cmocka_unit_test(test_utf8_plain_and_bom),
	    cmocka_unit_test(test_crlf_and_blank_lines),
	    cmocka_unit_test(test_quoted_newlines),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_stray_quote),
	    cmocka_unit_test(test_utf16_refused),
	    cmocka_unit_test(test_invalid_bytes),
	    cmocka_unit_test(test_late_bad_byte),
	    cmocka_unit_test(test_bom_but_gbk),
	    cmocka_unit_test(test_pipe),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_field_too_long),
	    cmocka_unit_test(test_too_many_fields),
	    cmocka_unit_test(test_caps),
	    cmocka_unit_test(test_nul_byte),
	    cmocka_unit_test(test_empty_and_spaces),
	    cmocka_unit_test(test_chunk_edges),
	    cmocka_unit_test(test_batches_in_order),
	    cmocka_unit_test(test_batches_of_big_fields),
	    cmocka_unit_test(test_free_early),
	    cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_bare_cr),
	    cmocka_unit_test(test_excel_text_form),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
