/*
 * test_product.c - the catalogue: validation, duplicates, the manager-only
 * price, lookups, and the list query: search (Chinese substrings of one,
 * two and three characters, SKU prefixes) checked against a plain scan
 * done here, and keyset paging in both directions over both sorts.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "testdump.h"
#include "model/product.h"
#include "util/text.h"
#include "util/xalloc.h"

static struct product
mk(const char *sku, const char *name, const char *unit, long long price)
{
	struct product p = { 0 };

	p.sku = (char *)sku;
	p.name = (char *)name;
	p.unit = (char *)unit;
	p.price = price;
	return p;
}

static long long
add(struct db *db, const char *sku, const char *name, const char *name_en,
    const char *code)
{
	struct product p = mk(sku, name, "kg", 1000);
	long long id = 0;

	p.name_en = (char *)name_en;
	p.short_code = (char *)code;
	assert_int_equal(product_add(db, &p, &id), ST_OK);
	assert_true(id > 0);
	return id;
}

static void
test_add_and_get(void **state)
{
	struct testdb *t = *state;
	struct product p = mk("007", "山核桃", "斤", 2650), g;
	long long id;

	p.name_en = (char *)"Hickory nuts";
	p.short_code = (char *)"sht";
	p.reorder_level = 5500;
	p.category = (char *)"干果";
	assert_int_equal(product_add(t->db, &p, &id), ST_OK);
	assert_int_equal(product_get_by_id(t->db, id, &g), ST_OK);
	assert_int_equal(g.id, id);
	assert_string_equal(g.sku, "007");
	assert_string_equal(g.name, "山核桃");
	assert_string_equal(g.name_en, "Hickory nuts");
	assert_string_equal(g.short_code, "sht");
	assert_string_equal(g.unit, "斤");
	assert_int_equal(g.price, 2650);
	assert_int_equal(g.reorder_level, 5500);
	assert_string_equal(g.category, "干果");
	assert_int_equal(g.active, 1);
	assert_string_equal(g.updated_by, "tester");
	assert_int_equal(strlen(g.updated_at), 19);
	product_clear(&g);
	/* stored as text: "007" is not the number 7 */
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM product WHERE sku = '007' AND typeof(sku) = 'text'"),
	    1);
	assert_int_equal(product_get_by_sku(t->db, "007", &g), ST_OK);
	assert_int_equal(g.id, id);
	product_clear(&g);
	assert_int_equal(product_get_by_sku(t->db, "7", &g), ST_NOT_FOUND);
	assert_null(g.sku);
	assert_int_equal(product_get_by_id(t->db, id + 1, &g), ST_NOT_FOUND);
	/* optional text left NULL reads back as "", spaces are trimmed */
	p = mk("  0010 ", " 蜂蜜 ", " jar ", 0);
	assert_int_equal(product_add(t->db, &p, &id), ST_OK);
	assert_int_equal(product_get_by_id(t->db, id, &g), ST_OK);
	assert_string_equal(g.sku, "0010");
	assert_string_equal(g.name, "蜂蜜");
	assert_string_equal(g.unit, "jar");
	assert_string_equal(g.name_en, "");
	assert_string_equal(g.short_code, "");
	assert_string_equal(g.category, "");
	assert_int_equal(g.price, 0);
	product_clear(&g);
	assert_int_equal(testdb_int(t->db,
	    "SELECT count(*) FROM product WHERE short_code IS NULL"), 1);
}

static void
test_add_refused(void **state)
{
	struct testdb *t = *state;
	struct product p;
	char *before;

	add(t->db, "007", "核桃", "Walnuts", "ht");
	before = testdb_dump(t->db);
	p = mk("", "x", "kg", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	assert_string_equal(db_errmsg(t->db), "the SKU is empty");
	p = mk(" ", "x", "kg", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	p = mk(NULL, "x", "kg", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	p = mk("A1", "", "kg", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	assert_string_equal(db_errmsg(t->db), "the name is empty");
	p = mk("A1", "x", "", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	assert_string_equal(db_errmsg(t->db), "the unit is empty");
	p = mk("A1", "x", "kg", -1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	p = mk("A1", "x", "kg", 1);
	p.reorder_level = -1;
	assert_int_equal(product_add(t->db, &p, NULL), ST_INVALID);
	p = mk("007", "另一个", "kg", 1);
	assert_int_equal(product_add(t->db, &p, NULL), ST_EXISTS);
	assert_string_equal(db_errmsg(t->db), "SKU 007 is already used by 核桃");
	p = mk("008", "另一个", "kg", 1);
	p.short_code = (char *)"HT";
	assert_int_equal(product_add(t->db, &p, NULL), ST_EXISTS);
	assert_string_equal(db_errmsg(t->db),
	    "short code HT is already used by 核桃 (SKU 007)");
	testdb_assert_same(t->db, before);
	/* "07" and "7" are other SKUs than "007" */
	add(t->db, "07", "核桃 二级", "", NULL);
	add(t->db, "7", "核桃 三级", "", "");
}

static void
test_update(void **state)
{
	struct testdb *t = *state;
	long long id = add(t->db, "007", "核桃", "Walnuts", "ht");
	long long other = add(t->db, "008", "花椒", "Sichuan pepper", "hj");
	struct product p, g;
	char *before;

	assert_int_equal(product_get_by_id(t->db, id, &p), ST_OK);
	/* a clerk may edit everything but the price */
	db_set_actor(t->db, 5, "li", 0);
	free(p.name);
	p.name = xstrdup("薄皮核桃");
	p.reorder_level = 2000;
	assert_int_equal(product_update(t->db, &p), ST_OK);
	assert_int_equal(product_get_by_id(t->db, id, &g), ST_OK);
	assert_string_equal(g.name, "薄皮核桃");
	assert_int_equal(g.reorder_level, 2000);
	assert_string_equal(g.updated_by, "li");
	product_clear(&g);
	before = testdb_dump(t->db);
	p.price = 1200;
	assert_int_equal(product_update(t->db, &p), ST_DENIED);
	assert_string_equal(db_errmsg(t->db), "only a manager may change a price");
	p.price = 1000;
	free(p.sku);
	p.sku = xstrdup("008");
	assert_int_equal(product_update(t->db, &p), ST_EXISTS);
	free(p.sku);
	p.sku = xstrdup("007");
	free(p.short_code);
	p.short_code = xstrdup("HJ");
	assert_int_equal(product_update(t->db, &p), ST_EXISTS);
	free(p.short_code);
	p.short_code = xstrdup("ht");
	free(p.unit);
	p.unit = xstrdup("");
	assert_int_equal(product_update(t->db, &p), ST_INVALID);
	free(p.unit);
	p.unit = xstrdup("kg");
	p.id = 999;
	assert_int_equal(product_update(t->db, &p), ST_NOT_FOUND);
	testdb_assert_same(t->db, before);
	/* keeping its own SKU and short code is no clash */
	p.id = id;
	assert_int_equal(product_update(t->db, &p), ST_OK);
	/* a manager changes the price */
	db_set_actor(t->db, 0, "boss", 1);
	p.price = 1200;
	assert_int_equal(product_update(t->db, &p), ST_OK);
	assert_int_equal(product_get_by_id(t->db, id, &g), ST_OK);
	assert_int_equal(g.price, 1200);
	assert_string_equal(g.updated_by, "boss");
	product_clear(&g);
	product_clear(&p);
	(void)other;
}

static void
test_find_code_and_active(void **state)
{
	struct testdb *t = *state;
	long long a = add(t->db, "HT-01", "核桃", "Walnuts", "ht");
	long long b = add(t->db, "ht", "花椒", "", "HJ");
	long long c = add(t->db, "FM-1", "蜂蜜", "", NULL);
	struct product g;
	char *before;

	assert_int_equal(product_find_code(t->db, "HT-01", &g), ST_OK);
	assert_int_equal(g.id, a);
	product_clear(&g);
	/* an exact SKU wins over a short code */
	assert_int_equal(product_find_code(t->db, "ht", &g), ST_OK);
	assert_int_equal(g.id, b);
	product_clear(&g);
	assert_int_equal(product_find_code(t->db, " HT ", &g), ST_OK);
	assert_int_equal(g.id, a);
	product_clear(&g);
	assert_int_equal(product_find_code(t->db, "hj", &g), ST_OK);
	assert_int_equal(g.id, b);
	product_clear(&g);
	assert_int_equal(product_find_code(t->db, "fm-1", &g), ST_OK);
	assert_int_equal(g.id, c);
	product_clear(&g);
	assert_int_equal(product_find_code(t->db, "xx", &g), ST_NOT_FOUND);
	assert_int_equal(product_find_code(t->db, "", &g), ST_NOT_FOUND);
	assert_int_equal(product_find_code(t->db, NULL, &g), ST_NOT_FOUND);
	db_set_actor(t->db, 5, "li", 0);
	assert_int_equal(product_set_active(t->db, c, 0), ST_OK);
	assert_int_equal(product_find_code(t->db, "FM-1", &g), ST_OK);
	assert_int_equal(g.active, 0);
	assert_string_equal(g.updated_by, "li");
	product_clear(&g);
	before = testdb_dump(t->db);
	assert_int_equal(product_set_active(t->db, 999, 0), ST_NOT_FOUND);
	testdb_assert_same(t->db, before);
	assert_int_equal(product_set_active(t->db, c, 1), ST_OK);
}

/* A failing call inside the caller's transaction undoes only itself. */
static void
test_inside_callers_transaction(void **state)
{
	struct testdb *t = *state;
	struct product p = mk("007", "x", "kg", 1);

	assert_int_equal(db_begin(t->db), ST_OK);
	add(t->db, "001", "核桃", "", "ht");
	assert_int_equal(product_add(t->db, &p, NULL), ST_OK);
	p.sku = (char *)"001";
	assert_int_equal(product_add(t->db, &p, NULL), ST_EXISTS);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM product"), 2);
	assert_int_equal(db_begin(t->db), ST_OK);
	add(t->db, "002", "花椒", "", NULL);
	db_rollback(t->db);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM product"), 2);
}

/* The list as product_page gives it, as ids. */
struct ids {
	long long *v;
	int n, cap;
	struct product_cursor first, last;
	int64_t avail_sum;
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
	product_cursor_clear(&ids->first);
	product_cursor_clear(&ids->last);
	memset(ids, 0, sizeof *ids);
}

static int
collect(const struct product_row *r, void *arg)
{
	struct ids *ids = arg;

	if (ids->n == 0)
		product_cursor_copy(&ids->first, &r->cursor);
	product_cursor_copy(&ids->last, &r->cursor);
	ids_push(ids, r->p.id);
	ids->avail_sum += r->available;
	return 0;
}

/* The same question asked of every row by a plain scan, in C. */
static int
scan_match(const char *sku, const char *name, const char *name_en,
    const char *search)
{
	char *q = text_trim(search), *f = text_fold(q), *up = xstrdup(f);
	char *n1 = text_fold(name), *n2 = text_fold(name_en);
	int m;

	for (char *c = up; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c -= 'a' - 'A';
	m = *q == '\0' || strncmp(sku, q, strlen(q)) == 0 ||
	    strncmp(sku, f, strlen(f)) == 0 ||
	    strncmp(sku, up, strlen(up)) == 0 || strstr(n1, f) != NULL ||
	    strstr(n2, f) != NULL;
	free(q);
	free(f);
	free(up);
	free(n1);
	free(n2);
	return m;
}

/* Expected ids for search by a full scan, ordered by sort. */
static void
scan(struct db *db, const char *search, enum product_sort sort,
    int include_inactive, struct ids *out)
{
	const char *sql = sort == PRODUCT_SORT_SKU ?
	    "SELECT id, sku, name, name_en, active FROM product ORDER BY sku, id" :
	    "SELECT id, sku, name, name_en, active FROM product ORDER BY name, id";
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

			assert_int_equal(product_page(db, search, sort, inact,
			    NULL, 0, 1000, collect, &got), ST_OK);
			scan(db, search, sort, inact, &want);
			assert_ids_equal(&got, &want);
			assert_int_equal(product_count(db, search, inact, &n),
			    ST_OK);
			assert_int_equal(n, want.n);
			if (sort == 0 && inact == 0 && expect_n >= 0 &&
			    got.n != expect_n)
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

	add(t->db, "HT-001", "核桃", "Walnuts", "ht");
	add(t->db, "HT-002", "核桃仁", "Walnut kernels", NULL);
	add(t->db, "HT-003", "山核桃", "Hickory", NULL);
	add(t->db, "ht-9", "薄皮核桃", "", NULL);
	add(t->db, "HJ-001", "花椒", "Sichuan pepper", "hj");
	add(t->db, "HJ-002", "花椒粉", "Pepper powder", NULL);
	add(t->db, "FM-001", "蜂蜜", "Honey", NULL);
	add(t->db, "FM-002", "土蜂蜜", "Wild honey", NULL);
	add(t->db, "007", "木耳", "Wood ear", NULL);
	add(t->db, "0071", "黑木耳", "Black fungus", NULL);
	add(t->db, "Ab1", "苹果", "Apples", NULL);
	gone = add(t->db, "HT-004", "核桃油", "Walnut oil", NULL);
	assert_int_equal(product_set_active(t->db, gone, 0), ST_OK);

	check_search(t->db, NULL, 11);
	check_search(t->db, "", 11);
	check_search(t->db, "  ", 11);
	check_search(t->db, "核", 4);
	check_search(t->db, "核桃", 4);
	check_search(t->db, "核桃仁", 1);
	check_search(t->db, "山核桃", 1);
	check_search(t->db, "蜂", 2);
	check_search(t->db, "蜂蜜", 2);
	check_search(t->db, "土蜂蜜", 1);
	check_search(t->db, "椒", 2);
	check_search(t->db, "木耳", 2);
	check_search(t->db, "HT", 4);
	check_search(t->db, "ht", 4);
	check_search(t->db, "Ht-00", 3);
	check_search(t->db, "ＨＴ", 4);
	check_search(t->db, "007", 2);
	check_search(t->db, "0071", 1);
	check_search(t->db, "00", 2);
	check_search(t->db, "WALNUT", 2);
	check_search(t->db, "walnut", 2);
	check_search(t->db, "honey", 2);
	check_search(t->db, "pepper", 2);
	/* a SKU prefix matches as typed, in upper or in lower case */
	check_search(t->db, "Ab", 1);
	check_search(t->db, "ab", 0);
	check_search(t->db, "AB1", 0);
	check_search(t->db, "apple", 1);
	check_search(t->db, "核桃酥", 0);
	check_search(t->db, "%", 0);
	check_search(t->db, "_", 0);
	check_search(t->db, "\xff", 0);
	check_search(t->db, "\xef\xbf\xbf", 0);
}

/* Stock columns come from the stock table; no row means zero. */
static void
test_stock_columns(void **state)
{
	struct testdb *t = *state;
	long long a = add(t->db, "A", "核桃", "", NULL);
	struct ids got = { 0 };
	char *sql;

	add(t->db, "B", "花椒", "", NULL);
	sql = sqlite3_mprintf("INSERT INTO stock(product_id, on_hand, reserved) "
	    "VALUES (%lld, 5000, 1500)", a);
	assert_int_equal(db_exec(t->db, sql), ST_OK);
	sqlite3_free(sql);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_SKU, 0, NULL, 0,
	    1, collect, &got), ST_OK);
	assert_int_equal(got.n, 1);
	assert_int_equal(got.v[0], a);
	assert_int_equal(got.avail_sum, 3500);
	ids_free(&got);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_SKU, 0, NULL, 0,
	    10, collect, &got), ST_OK);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.avail_sum, 3500);
	ids_free(&got);
}

static int
stop_after_two(const struct product_row *r, void *arg)
{
	(void)r;
	return ++*(int *)arg == 2;
}

static void
test_page_arguments(void **state)
{
	struct testdb *t = *state;
	struct product_cursor c = { PRODUCT_SORT_SKU, NULL, 0 };
	int calls = 0;

	for (int i = 0; i < 5; i++) {
		char sku[8];

		snprintf(sku, sizeof sku, "S%d", i);
		add(t->db, sku, "名", "", NULL);
	}
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_SKU, 0, NULL, 0,
	    0, stop_after_two, &calls), ST_INVALID);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_NAME, 0, &c, 0,
	    5, stop_after_two, &calls), ST_INVALID);
	assert_int_equal(calls, 0);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_SKU, 0, NULL, 0,
	    5, stop_after_two, &calls), ST_OK);
	assert_int_equal(calls, 2);
	calls = 0;
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_SKU, 0, NULL, 1,
	    5, stop_after_two, &calls), ST_OK);
	assert_int_equal(calls, 2);
}

/* Walk all pages forward, then all backward from the end; both must give
 * every row of the plain scan exactly once, in order. */
static void
walk_both_ways(struct db *db, const char *search, enum product_sort sort,
    int page)
{
	struct ids want = { 0 }, fwd = { 0 }, back = { 0 };
	struct product_cursor cur = { 0 };
	int have = 0;

	scan(db, search, sort, 0, &want);
	for (;;) {
		struct ids pg = { 0 };
		int n;

		assert_int_equal(product_page(db, search, sort, 0,
		    have ? &cur : NULL, 0, page, collect, &pg), ST_OK);
		assert_true(pg.n <= page);
		for (int i = 0; i < pg.n; i++)
			ids_push(&fwd, pg.v[i]);
		if (pg.n > 0) {
			product_cursor_copy(&cur, &pg.last);
			have = 1;
		}
		n = pg.n;
		ids_free(&pg);
		if (n == 0)
			break;
	}
	assert_ids_equal(&fwd, &want);
	have = 0;
	back.v = xcalloc((size_t)want.n + 1, sizeof *back.v);
	back.n = want.n;
	for (int end = want.n;;) {
		struct ids pg = { 0 };
		int n;

		assert_int_equal(product_page(db, search, sort, 0,
		    have ? &cur : NULL, 1, page, collect, &pg), ST_OK);
		assert_true(pg.n <= page && pg.n <= end);
		end -= pg.n;
		for (int i = 0; i < pg.n; i++)
			back.v[end + i] = pg.v[i];
		if (pg.n > 0) {
			product_cursor_copy(&cur, &pg.first);
			have = 1;
		}
		n = pg.n;
		ids_free(&pg);
		if (n == 0) {
			assert_int_equal(end, 0);
			break;
		}
	}
	assert_ids_equal(&back, &want);
	product_cursor_clear(&cur);
	ids_free(&want);
	ids_free(&fwd);
	ids_free(&back);
}

static void
test_keyset_paging(void **state)
{
	struct testdb *t = *state;
	static const char *const words[] = { "核桃", "花椒", "蜂蜜", "木耳",
		"Apple", "apple", "红枣" };
	int order[250];

	/* insert in a scrambled order so ids and SKUs disagree, with many
	 * equal names so the id decides ties */
	for (int i = 0; i < 250; i++)
		order[i] = (i * 97) % 250;
	assert_int_equal(db_begin(t->db), ST_OK);
	for (int i = 0; i < 250; i++) {
		char sku[16], name[64];
		int k = order[i];

		snprintf(sku, sizeof sku, "%s%03d", k % 3 ? "P" : "0", k);
		snprintf(name, sizeof name, "%s%s", words[k % 7],
		    k % 5 == 0 ? "" : "一级");
		add(t->db, sku, name, "", NULL);
	}
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(product_set_active(t->db, 17, 0), ST_OK);
	for (int sort = 0; sort < 2; sort++) {
		walk_both_ways(t->db, NULL, sort, 20);
		walk_both_ways(t->db, NULL, sort, 1);
		walk_both_ways(t->db, NULL, sort, 249);
		walk_both_ways(t->db, NULL, sort, 250);
		walk_both_ways(t->db, NULL, sort, 1000);
		walk_both_ways(t->db, "核", sort, 20);
		walk_both_ways(t->db, "p1", sort, 7);
		walk_both_ways(t->db, "apple", sort, 20);
	}
}

/* Going forward one page and back one page returns the first page. */
static void
test_page_back_and_forth(void **state)
{
	struct testdb *t = *state;
	struct ids p1 = { 0 }, p2 = { 0 }, back = { 0 };

	for (int i = 0; i < 50; i++) {
		char sku[16];

		snprintf(sku, sizeof sku, "K%02d", i);
		add(t->db, sku, i % 2 ? "同名" : "名", "", NULL);
	}
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_NAME, 0, NULL, 0,
	    20, collect, &p1), ST_OK);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_NAME, 0,
	    &p1.last, 0, 20, collect, &p2), ST_OK);
	assert_int_equal(p2.n, 20);
	assert_int_equal(product_page(t->db, NULL, PRODUCT_SORT_NAME, 0,
	    &p2.first, 1, 20, collect, &back), ST_OK);
	assert_ids_equal(&back, &p1);
	ids_free(&p1);
	ids_free(&p2);
	ids_free(&back);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_get, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_add_refused, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_update, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_find_code_and_active,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_inside_callers_transaction,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_search, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_stock_columns, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_page_arguments, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_keyset_paging, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_page_back_and_forth,
		    testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
