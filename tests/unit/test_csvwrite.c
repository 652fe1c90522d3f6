/*
 * test_csvwrite.c - unit tests for sync/csvwrite.c: the exact bytes
 * written, in default and Excel mode, a full disk reported, and what is
 * written read back unchanged by csvread.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync/cell.h"
#include "sync/csvread.h"
#include "sync/csvwrite.h"
#include "util/xalloc.h"

static char *tmpdir;

/* Return the whole file; *n gets its size. */
static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *buf = xmalloc(1 << 16);

	assert_non_null(fp);
	*n = fread(buf, 1, 1 << 16, fp);
	fclose(fp);
	return buf;
}

/* The sample export every test writes. */
static void
write_sample(struct csvw *w)
{
	assert_int_equal(csvw_text(w, "订单号"), ST_OK);
	assert_int_equal(csvw_text(w, "收件人"), ST_OK);
	assert_int_equal(csvw_text(w, "金额"), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
	assert_int_equal(csvw_text(w, "A,1"), ST_OK);
	assert_int_equal(csvw_text(w, "say \"hi\""), ST_OK);
	assert_int_equal(csvw_number(w, "-12.50"), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
	assert_int_equal(csvw_text(w, "=SUM(A1)"), ST_OK);
	assert_int_equal(csvw_text(w, " pad "), ST_OK);
	assert_int_equal(csvw_text(w, "two\nlines"), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
	assert_int_equal(csvw_text(w, ""), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
	assert_int_equal(csvw_text(w, "-5"), ST_OK);
	assert_int_equal(csvw_text(w, ""), ST_OK);
	assert_int_equal(csvw_text(w, "＝1"), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
}

static const char sample[] = "订单号,收件人,金额\n"
			     "\"A,1\",\"say \"\"hi\"\"\",-12.50\n"
			     "'=SUM(A1),\" pad \",\"two\nlines\"\n"
			     "\"\"\n"
			     "'-5,,'＝1\n";

static void
check_file(unsigned flags, const char *want, size_t want_n)
{
	char *path = xasprintf("%s/out.csv", tmpdir), *err = NULL, *got;
	struct csvw *w;
	size_t n;

	assert_int_equal(csvw_open(path, flags, &w, &err), ST_OK);
	write_sample(w);
	assert_int_equal(csvw_close(w, &err), ST_OK);
	assert_null(err);
	got = slurp(path, &n);
	assert_int_equal(n, want_n);
	assert_memory_equal(got, want, want_n);
	free(got);
	free(path);
}

static void
test_default_bytes(void **state)
{
	check_file(0, sample, sizeof sample - 1);
}

static void
test_excel_bytes(void **state)
{
	static const char excel[] = "\xEF\xBB\xBF"
				    "订单号,收件人,金额\r\n"
				    "\"A,1\",\"say \"\"hi\"\"\",-12.50\r\n"
				    "'=SUM(A1),\" pad \",\"two\nlines\"\r\n"
				    "\"\"\r\n"
				    "'-5,,'＝1\r\n";

	check_file(CSVW_EXCEL, excel, sizeof excel - 1);
}

static void
test_empty_file(void **state)
{
	char *path = xasprintf("%s/empty.csv", tmpdir), *err, *got;
	struct csvw *w;
	size_t n;

	assert_int_equal(csvw_open(path, CSVW_EXCEL, &w, &err), ST_OK);
	assert_int_equal(csvw_close(w, &err), ST_OK);
	got = slurp(path, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(got, "\xEF\xBB\xBF", 3);
	free(got);
	free(path);
	assert_int_equal(csvw_close(NULL, &err), ST_OK);
}

/* What we export, we import unchanged (after cell_unneutralize). */
static void
test_read_back(void **state)
{
	static const char *const cells[] = {"=SUM(A1)", " pad ", "two\nlines",
	    "'-5", "\tid", "＠x", "a\"b", "", "王芳"};
	size_t nc = sizeof cells / sizeof cells[0], i;
	char *path = xasprintf("%s/back.csv", tmpdir), *err, *u;
	struct csvw *w;
	struct csvread *r;
	const struct csvread_record *rec;

	assert_int_equal(csvw_open(path, CSVW_EXCEL, &w, &err), ST_OK);
	for (i = 0; i < nc; i++)
		assert_int_equal(csvw_text(w, cells[i]), ST_OK);
	assert_int_equal(csvw_end_row(w), ST_OK);
	assert_int_equal(csvw_close(w, &err), ST_OK);
	assert_int_equal(
	    csvread_open(path, DECODE_AUTO, NULL, &r, &err), ST_OK);
	assert_int_equal(csvread_next(r, &rec), ST_OK);
	assert_non_null(rec);
	assert_int_equal(rec->nfields, nc);
	for (i = 0; i < nc; i++) {
		u = cell_unneutralize(rec->fields[i]);
		assert_string_equal(u, cells[i]);
		free(u);
	}
	csvread_free(r);
	free(path);
}

static void
test_disk_full(void **state)
{
	struct csvw *w;
	char *err = NULL;
	size_t i;

	if (access("/dev/full", W_OK) != 0)
		skip();
	assert_int_equal(csvw_open("/dev/full", 0, &w, &err), ST_OK);
	for (i = 0; i < 100000; i++)
		if (csvw_text(w, "0123456789") != ST_OK)
			break;
	assert_int_equal(csvw_close(w, &err), ST_FULL);
	assert_string_equal(err, "/dev/full: No space left on device");
	free(err);
}

static void
test_open_fails(void **state)
{
	struct csvw *w = (struct csvw *)1;
	char *err = NULL, *path = xasprintf("%s/no/such/dir.csv", tmpdir), *msg;

	assert_int_equal(csvw_open(path, 0, &w, &err), ST_WRITE);
	assert_null(w);
	msg = xasprintf("%s: No such file or directory", path);
	assert_string_equal(err, msg);
	free(msg);
	free(err);
	free(path);
}

static int
setup(void **state)
{
	char tmpl[] = "/tmp/coopstock-csvwrite-XXXXXX";

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
	    cmocka_unit_test(test_default_bytes),
	    cmocka_unit_test(test_excel_bytes),
	    cmocka_unit_test(test_empty_file),
	    cmocka_unit_test(test_read_back),
	    cmocka_unit_test(test_disk_full),
	    cmocka_unit_test(test_open_fails),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
