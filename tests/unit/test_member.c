/*
 * test_member.c - members: validation, duplicate codes, updates, lookups,
 * and the list: search (code prefix, Chinese name or village substrings)
 * against a plain scan, keyset paging both ways for both sorts.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "testdump.h"
#include "model/member.h"
#include "util/text.h"
#include "util/xalloc.h"

static long long
add(struct db *db, const char *code, const char *name, const char *village)
{
	struct member m = { 0 };
	long long id = 0;

	m.code = (char *)code;
	m.name = (char *)name;
	m.village = (char *)village;
	m.phone = (char *)"13800000000";
	assert_int_equal(member_add(db, &m, &id), ST_OK);
	assert_true(id > 0);
	return id;
}

static void
test_add_get_update(void **state)
{
	struct testdb *t = *state;
	struct member m = { 0 }, g;
	long long id, other;
	char *before;

	m.code = (char *)" 0012 ";
	m.name = (char *)"王芳";
	m.village = (char *)"石门村";
	assert_int_equal(member_add(t->db, &m, &id), ST_OK);
	assert_int_equal(member_get_by_id(t->db, id, &g), ST_OK);
	assert_string_equal(g.code, "0012");
	assert_string_equal(g.name, "王芳");
	assert_string_equal(g.village, "石门村");
	assert_string_equal(g.phone, "");
	assert_int_equal(g.active, 1);
	member_clear(&g);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM member WHERE updated_by = 'tester'"), 1);
	assert_int_equal(member_get_by_code(t->db, "0012", &g), ST_OK);
	assert_int_equal(g.id, id);
	member_clear(&g);
	assert_int_equal(member_get_by_code(t->db, "12", &g), ST_NOT_FOUND);
	assert_null(g.code);
	assert_int_equal(member_get_by_id(t->db, id + 5, &g), ST_NOT_FOUND);
	other = add(t->db, "0013", "李四", "");

	before = testdb_dump(t->db);
	m.code = (char *)"0012";
	assert_int_equal(member_add(t->db, &m, NULL), ST_EXISTS);
	assert_string_equal(db_errmsg(t->db),
	    "member code 0012 is already used by 王芳");
	m.code = (char *)"";
	assert_int_equal(member_add(t->db, &m, NULL), ST_INVALID);
	m.code = (char *)"0099";
	m.name = (char *)"  ";
	assert_int_equal(member_add(t->db, &m, NULL), ST_INVALID);
	/* update: a clash, an empty name, no such member */
	m.id = other;
	m.code = (char *)"0012";
	m.name = (char *)"李四";
	assert_int_equal(member_update(t->db, &m), ST_EXISTS);
	m.code = (char *)"0013";
	m.name = NULL;
	assert_int_equal(member_update(t->db, &m), ST_INVALID);
	m.id = 999;
	m.code = (char *)"0099";
	m.name = (char *)"李四";
	assert_int_equal(member_update(t->db, &m), ST_NOT_FOUND);
	assert_int_equal(member_set_active(t->db, 999, 0), ST_NOT_FOUND);
	testdb_assert_same(t->db, before);

	db_set_actor(t->db, 5, "li", 0);
	m.id = other;
	m.code = (char *)"0013";
	m.village = (char *)"河口村";
	m.phone = (char *)"13912345678";
	assert_int_equal(member_update(t->db, &m), ST_OK);
	assert_int_equal(member_get_by_id(t->db, other, &g), ST_OK);
	assert_string_equal(g.village, "河口村");
	assert_string_equal(g.phone, "13912345678");
	member_clear(&g);
	assert_int_equal(member_set_active(t->db, other, 0), ST_OK);
	assert_int_equal(member_get_by_id(t->db, other, &g), ST_OK);
	assert_int_equal(g.active, 0);
	member_clear(&g);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM member WHERE updated_by = 'li'"), 1);
}

struct ids {
	long long *v;
	int n, cap;
	struct member_cursor first, last;
};

static void
ids_push(struct ids *ids, long long id)
{
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 64;
		ids->v = xrealloc(ids->v, (size_t)ids->cap * sizeof *ids->v);
	}
	ids->v[ids->n++] = id;
}

static void
ids_free(struct ids *ids)
{
	free(ids->v);
	member_cursor_clear(&ids->first);
	member_cursor_clear(&ids->last);
	memset(ids, 0, sizeof *ids);
}

static int
collect(const struct member_row *r, void *arg)
{
	struct ids *ids = arg;

	if (ids->n == 0)
		member_cursor_copy(&ids->first, &r->cursor);
	member_cursor_copy(&ids->last, &r->cursor);
	ids_push(ids, r->m.id);
	return 0;
}

static int
scan_match(const char *code, const char *name, const char *village,
    const char *search)
{
	char *q = text_trim(search), *f = text_fold(q), *up = xstrdup(f);
	char *n1 = text_fold(name), *n2 = text_fold(village);
	int m;

	for (char *c = up; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c -= 'a' - 'A';
	m = *q == '\0' || strncmp(code, q, strlen(q)) == 0 ||
	    strncmp(code, f, strlen(f)) == 0 ||
	    strncmp(code, up, strlen(up)) == 0 || strstr(n1, f) != NULL ||
	    strstr(n2, f) != NULL;
	free(q);
	free(f);
	free(up);
	free(n1);
	free(n2);
	return m;
}

static void
scan(struct db *db, const char *search, enum member_sort sort,
    int include_inactive, struct ids *out)
{
	const char *sql = sort == MEMBER_SORT_CODE ?
	    "SELECT id, code, name, village, active FROM member ORDER BY code, id" :
	    "SELECT id, code, name, village, active FROM member ORDER BY name, id";
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!include_inactive && sqlite3_column_int(st, 4) == 0)
			continue;
		if (scan_match((const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3), search))
			ids_push(out, sqlite3_column_int64(st, 0));
	}
	sqlite3_finalize(st);
}

static void
assert_ids_equal(const struct ids *a, const struct ids *b)
{
	assert_int_equal(a->n, b->n);
	for (int i = 0; i < a->n; i++)
		assert_int_equal(a->v[i], b->v[i]);
}

static void
check_search(struct db *db, const char *search, int expect_n)
{
	for (int sort = 0; sort < 2; sort++) {
		for (int inact = 0; inact < 2; inact++) {
			struct ids got = { 0 }, want = { 0 };
			long long n;

			assert_int_equal(member_page(db, search, sort, inact,
			    NULL, 0, 1000, collect, &got), ST_OK);
			scan(db, search, sort, inact, &want);
			assert_ids_equal(&got, &want);
			assert_int_equal(member_count(db, search, inact, &n),
			    ST_OK);
			assert_int_equal(n, want.n);
			if (sort == 0 && inact == 0 && got.n != expect_n)
				fail_msg("search '%s': %d rows, expected %d",
				    search, got.n, expect_n);
			ids_free(&got);
			ids_free(&want);
		}
	}
}

static void
test_search(void **state)
{
	struct testdb *t = *state;
	long long gone;

	add(t->db, "M001", "王芳", "石门村");
	add(t->db, "M002", "王小芳", "河口村");
	add(t->db, "m003", "李建国", "石门村");
	add(t->db, "X-01", "Zhang Wei", "Shimen");
	add(t->db, "007", "赵六", "石门");
	gone = add(t->db, "M004", "王五", "河口村");
	assert_int_equal(member_set_active(t->db, gone, 0), ST_OK);

	check_search(t->db, NULL, 5);
	check_search(t->db, "王", 2);
	check_search(t->db, "王芳", 1);
	check_search(t->db, "王小芳", 1);
	check_search(t->db, "芳", 2);
	check_search(t->db, "石门", 3);
	check_search(t->db, "石门村", 2);
	check_search(t->db, "河口村", 1);
	check_search(t->db, "m", 4); /* Shimen */
	check_search(t->db, "M00", 3);
	check_search(t->db, "x-", 1);
	check_search(t->db, "shimen", 1);
	check_search(t->db, "WEI", 1);
	check_search(t->db, "00", 1);
	check_search(t->db, "%", 0);
}

static void
walk_both_ways(struct db *db, const char *search, enum member_sort sort,
    int page)
{
	struct ids want = { 0 }, fwd = { 0 }, back = { 0 };
	struct member_cursor cur = { 0 };
	int have = 0, n, end;

	scan(db, search, sort, 0, &want);
	do {
		struct ids pg = { 0 };

		assert_int_equal(member_page(db, search, sort, 0,
		    have ? &cur : NULL, 0, page, collect, &pg), ST_OK);
		assert_true(pg.n <= page);
		for (int i = 0; i < pg.n; i++)
			ids_push(&fwd, pg.v[i]);
		if (pg.n > 0) {
			member_cursor_copy(&cur, &pg.last);
			have = 1;
		}
		n = pg.n;
		ids_free(&pg);
	} while (n > 0);
	assert_ids_equal(&fwd, &want);
	have = 0;
	back.v = xcalloc((size_t)want.n + 1, sizeof *back.v);
	back.n = end = want.n;
	do {
		struct ids pg = { 0 };

		assert_int_equal(member_page(db, search, sort, 0,
		    have ? &cur : NULL, 1, page, collect, &pg), ST_OK);
		assert_true(pg.n <= page && pg.n <= end);
		end -= pg.n;
		for (int i = 0; i < pg.n; i++)
			back.v[end + i] = pg.v[i];
		if (pg.n > 0) {
			member_cursor_copy(&cur, &pg.first);
			have = 1;
		}
		n = pg.n;
		ids_free(&pg);
	} while (n > 0);
	assert_int_equal(end, 0);
	assert_ids_equal(&back, &want);
	member_cursor_clear(&cur);
	ids_free(&want);
	ids_free(&fwd);
	ids_free(&back);
}

static void
test_keyset_paging(void **state)
{
	struct testdb *t = *state;
	static const char *const names[] = { "王芳", "李建国", "张伟", "赵六",
		"Wang Fang" };
	struct member_cursor c = { MEMBER_SORT_CODE, NULL, 0 };
	struct ids dummy = { 0 };

	assert_int_equal(db_begin(t->db), ST_OK);
	for (int i = 0; i < 250; i++) {
		char code[16];
		int k = (i * 89) % 250;

		snprintf(code, sizeof code, "%c%03d", k % 2 ? 'M' : '0', k);
		add(t->db, code, names[k % 5], k % 3 ? "石门村" : "河口村");
	}
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(member_set_active(t->db, 42, 0), ST_OK);
	for (int sort = 0; sort < 2; sort++) {
		walk_both_ways(t->db, NULL, sort, 20);
		walk_both_ways(t->db, NULL, sort, 1);
		walk_both_ways(t->db, NULL, sort, 250);
		walk_both_ways(t->db, "石门", sort, 20);
		walk_both_ways(t->db, "m1", sort, 9);
	}
	assert_int_equal(member_page(t->db, NULL, MEMBER_SORT_NAME, 0, &c, 0,
	    20, collect, &dummy), ST_INVALID);
	assert_int_equal(member_page(t->db, NULL, MEMBER_SORT_NAME, 0, NULL, 0,
	    0, collect, &dummy), ST_INVALID);
	assert_int_equal(dummy.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_get_update,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_search, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_keyset_paging, testdb_setup,
		    testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
