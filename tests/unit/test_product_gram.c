/*
 * test_product_gram.c - the search index (product_gram, 011) gives the
 * same answers as a plain scan.
 *
 * 2,600 generated products whose names come from a small alphabet
 * (Chinese, ASCII in both cases, full-width letters, digits, spaces), so
 * characters repeat inside names, many names are one character long and
 * some characters are in nearly every name (the dense path, which walks
 * the sort index) while others are rare (the postings path).  Some names
 * are changed afterwards and some products made inactive.  Every query
 * (each character, pairs, substrings of real names, SKU prefixes, text
 * found nowhere) is answered by product_page, page by page in both
 * directions and both sorts, and by product_count and product_count_upto,
 * and compared with a scan done here in C: strstr on ASCII-lowered names,
 * prefix on the SKU.  The index itself is compared with the grams
 * recomputed here after every change.  A last set adds 2,100 products
 * whose shared grams (龘, zzq) sort after every other product in both
 * orders, so the walk over the sort index gives up and the postings
 * answer.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "model/product.h"
#include "model/search.h"
#include "util/xalloc.h"

#define NPRODUCTS 2600
#define NCLUSTER 2100 /* more than the model's GRAM_SPARSE and WALK_WINDOW */

static const char *const alphabet[] = {
	"蜂", "蜜", "土", "核", "桃", "花", "椒", "油", "山", "a", "B", "c",
	"1", "0", " ", "Ｈ", "x",
};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

struct item {
	long long id;
	char sku[16], *name, *name_en;
	int active;
};

static struct item items[NPRODUCTS + NCLUSTER];
static int nitems;
static unsigned long long rng = 42;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

/* A name of 1..8 characters: the first character of the alphabet in
 * most names (dense), the others drawn at random, runs repeated. */
static char *
gen_name(int i)
{
	char buf[64] = "";
	unsigned len = i % 7 == 0 ? 1 : 1 + rnd(8);

	if (i % 10 != 0)
		strcat(buf, "蜂");
	for (unsigned k = strlen(buf) > 0; k < len; k++) {
		const char *c = alphabet[rnd(NALPHA)];

		strcat(buf, c);
		if (rnd(5) == 0)
			strcat(buf, c);
	}
	if (buf[0] == ' ' || buf[strlen(buf) - 1] == ' ')
		strcat(buf, "桃");
	return xstrdup(buf[0] == ' ' ? "桃" : buf);
}

static char *
gen_name_en(void)
{
	static const char *const w[] = { "Honey", "walnut", "OIL", "pepper",
		"xx", "Wild", "a1" };
	char buf[64] = "";

	if (rnd(3) == 0)
		return xstrdup("");
	strcat(buf, w[rnd(7)]);
	if (rnd(2))
		strcat(strcat(buf, " "), w[rnd(7)]);
	return xstrdup(buf);
}

/* ASCII lower case, as SQLite's lower(). */
static char *
lower(const char *s)
{
	char *l = xstrdup(s);

	for (char *c = l; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return l;
}

static int
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* The plain scan: does item it match search q? */
static int
matches(const struct item *it, const char *q)
{
	char *f = search_fold(q), *up = xstrdup(f), *n, *e;
	int m;

	for (char *c = up; *c != '\0'; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	n = lower(it->name);
	e = lower(it->name_en);
	m = *f == '\0' || has_prefix(it->sku, q) || has_prefix(it->sku, up) ||
	    has_prefix(it->sku, f) || strstr(n, f) != NULL ||
	    strstr(e, f) != NULL;
	free(f);
	free(up);
	free(n);
	free(e);
	return m;
}

static enum product_sort cmp_sort;

static int
cmp_items(const void *a, const void *b)
{
	const struct item *x = *(struct item *const *)a;
	const struct item *y = *(struct item *const *)b;
	int c = cmp_sort == PRODUCT_SORT_SKU ? strcmp(x->sku, y->sku)
	    : strcmp(x->name, y->name);

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/* The expected ids, in order; returns how many. */
static int
expect(const char *q, enum product_sort sort, int inactive, long long *ids)
{
	struct item *sel[NPRODUCTS + NCLUSTER];
	int n = 0;

	for (int i = 0; i < nitems; i++)
		if ((inactive || items[i].active) && matches(&items[i], q))
			sel[n++] = &items[i];
	cmp_sort = sort;
	qsort(sel, (size_t)n, sizeof *sel, cmp_items);
	for (int i = 0; i < n; i++)
		ids[i] = sel[i]->id;
	return n;
}

struct page {
	long long ids[64];
	int n;
	struct product_cursor first, last;
};

static int
take(const struct product_row *r, void *arg)
{
	struct page *p = arg;

	if (p->n == 0)
		product_cursor_copy(&p->first, &r->cursor);
	product_cursor_copy(&p->last, &r->cursor);
	p->ids[p->n++] = r->p.id;
	return 0;
}

/* Walk every page forward, then backward from the end, and compare. */
static void
check_query(struct db *db, const char *q, enum product_sort sort,
    int inactive, int limit)
{
	static long long want[NPRODUCTS + NCLUSTER], got[NPRODUCTS + NCLUSTER];
	int n = expect(q, sort, inactive, want), k = 0;
	struct product_cursor at = { 0 };
	long long count;

	for (int more = 1; more;) {
		struct page p = { .n = 0 };

		assert_int_equal(product_page(db, q, sort, inactive,
		    k ? &at : NULL, 0, limit, take, &p), ST_OK);
		for (int i = 0; i < p.n; i++)
			got[k++] = p.ids[i];
		if (p.n > 0)
			product_cursor_copy(&at, &p.last);
		more = p.n == limit;
		product_cursor_clear(&p.first);
		product_cursor_clear(&p.last);
	}
	if (k != n)
		fail_msg("query '%s' sort %d: %d rows, expected %d", q, sort, k, n);
	assert_memory_equal(got, want, sizeof *got * (size_t)n);
	for (int end = n, first = 1; end > 0; first = 0) {
		struct page p = { .n = 0 };

		assert_int_equal(product_page(db, q, sort, inactive,
		    first ? NULL : &at, 1, limit, take, &p), ST_OK);
		assert_int_equal(p.n, end < limit ? end : limit);
		assert_memory_equal(p.ids, want + end - p.n,
		    sizeof *p.ids * (size_t)p.n);
		end -= p.n;
		product_cursor_copy(&at, &p.first);
		product_cursor_clear(&p.first);
		product_cursor_clear(&p.last);
	}
	product_cursor_clear(&at);
	assert_int_equal(product_count(db, q, inactive, &count), ST_OK);
	assert_int_equal(count, n);
	assert_int_equal(product_count_upto(db, q, inactive, 5, &count), ST_OK);
	assert_int_equal(count, n < 5 ? n : 5);
}

/* Add gram g (owned) to seen[] unless it is there; return 1 if added. */
static int
seen_add(char **seen, int *nseen, char *g)
{
	for (int s = 0; s < *nseen; s++)
		if (strcmp(seen[s], g) == 0) {
			free(g);
			return 0;
		}
	seen[(*nseen)++] = g;
	return 1;
}

/* Check that st (gram ?1, product ?2) finds each gram of text: each
 * character, each pair, each ASCII triple; new ones go to seen[]. */
static void
check_grams(sqlite3_stmt *st, long long id, const char *text, char **seen,
    int *nseen)
{
	char *l = lower(text);

	for (size_t a = 0; l[a] != '\0';) {
		size_t end[3], e = a;

		for (int w = 0; w < 3; w++) {
			if (l[e] != '\0')
				for (e++; ((unsigned char)l[e] & 0xc0) == 0x80;)
					e++;
			end[w] = e;
		}
		for (int w = 0; w < 3; w++) {
			char *g;

			if ((w > 0 && end[w] == end[w - 1]) ||
			    (w == 2 && end[2] - a != 3)) /* not three ASCII */
				continue;
			g = xstrndup(l + a, end[w] - a);
			if (!seen_add(seen, nseen, g))
				continue;
			sqlite3_bind_text(st, 1, g, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, id);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			if (sqlite3_column_int(st, 0) != 1)
				fail_msg("gram '%s' of %lld missing", g, id);
			sqlite3_reset(st);
		}
		a = end[0];
	}
	free(l);
}

/* The grams that are not ASCII are in product_gram_sku and _name with
 * the current SKU and name, and nothing else is. */
static void
check_sorted(struct db *db)
{
	long long total = testdb_int(db, "SELECT count(*) FROM product_gram "
	    "WHERE length(CAST(gram AS BLOB)) > length(gram)");

	assert_true(total > 0);
	assert_int_equal(testdb_int(db, "SELECT count(*) FROM product_gram_sku"),
	    total);
	assert_int_equal(testdb_int(db, "SELECT count(*) FROM product_gram_sku "
	    "s JOIN product p ON p.id = s.product_id AND p.sku = s.sku JOIN "
	    "product_gram g ON g.gram = s.gram AND g.product_id = p.id"), total);
	assert_int_equal(testdb_int(db,
	    "SELECT count(*) FROM product_gram_name"), total);
	assert_int_equal(testdb_int(db, "SELECT count(*) FROM "
	    "product_gram_name s JOIN product p ON p.id = s.product_id AND "
	    "p.name = s.name JOIN product_gram g ON g.gram = s.gram AND "
	    "g.product_id = p.id"), total);
}

/* Every product's grams, recomputed here, are exactly the table. */
static void
check_index(struct db *db)
{
	long long total = 0;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), "SELECT count(*) "
	    "FROM product_gram WHERE gram = ?1 AND product_id = ?2", -1, &st,
	    NULL), SQLITE_OK);
	for (int i = 0; i < nitems; i++) {
		char **seen = xcalloc(128, sizeof *seen);
		int nseen = 0;

		check_grams(st, items[i].id, items[i].name, seen, &nseen);
		check_grams(st, items[i].id, items[i].name_en, seen, &nseen);
		total += nseen;
		for (int k = 0; k < nseen; k++)
			free(seen[k]);
		free(seen);
	}
	sqlite3_finalize(st);
	assert_int_equal(testdb_int(db, "SELECT count(*) FROM product_gram"),
	    total);
	check_sorted(db);
}

static void
fill(struct db *db)
{
	assert_int_equal(db_begin(db), ST_OK);
	for (int i = 0; i < NPRODUCTS; i++) {
		struct product p = { 0 };

		snprintf(items[i].sku, sizeof items[i].sku, "%s%04d",
		    i % 3 == 0 ? "FM" : i % 3 == 1 ? "ht" : "X", (i * 7919) % 10000);
		items[i].name = gen_name(i);
		items[i].name_en = gen_name_en();
		items[i].active = 1;
		p.sku = items[i].sku;
		p.name = items[i].name;
		p.name_en = items[i].name_en;
		p.unit = (char *)"kg";
		assert_int_equal(product_add(db, &p, &items[i].id), ST_OK);
	}
	assert_int_equal(db_commit(db), ST_OK);
	nitems = NPRODUCTS;
}

/* Add NCLUSTER products sharing the grams of "龘" and "zzq" that sort
 * after all others by SKU and by name: dense grams whose matches are
 * all beyond the first rows of either order. */
static void
fill_cluster(struct db *db)
{
	assert_int_equal(db_begin(db), ST_OK);
	for (int i = nitems; i < NPRODUCTS + NCLUSTER; i++) {
		struct product p = { 0 };

		snprintf(items[i].sku, sizeof items[i].sku, "zz%04d", i);
		items[i].name = xasprintf("龘%d", i % 7);
		items[i].name_en = xstrdup(i % 2 ? "zzq" : "Zzq honey");
		items[i].active = 1;
		p.sku = items[i].sku;
		p.name = items[i].name;
		p.name_en = items[i].name_en;
		p.unit = (char *)"kg";
		assert_int_equal(product_add(db, &p, &items[i].id), ST_OK);
	}
	assert_int_equal(db_commit(db), ST_OK);
	nitems = NPRODUCTS + NCLUSTER;
}

static void
items_free(void)
{
	for (int i = 0; i < nitems; i++) {
		free(items[i].name);
		free(items[i].name_en);
	}
	nitems = 0;
}

/* Rename every 13th product (every 26th gets a new SKU too) and retire
 * every 11th. */
static void
change(struct db *db)
{
	for (int i = 0; i < NPRODUCTS; i += 13) {
		struct product p;

		assert_int_equal(product_get_by_id(db, items[i].id, &p), ST_OK);
		free(items[i].name);
		free(items[i].name_en);
		items[i].name = gen_name(i + 1);
		items[i].name_en = gen_name_en();
		free(p.name);
		free(p.name_en);
		p.name = xstrdup(items[i].name);
		p.name_en = xstrdup(items[i].name_en);
		if (i % 26 == 0) {
			items[i].sku[0] = 'Z';
			free(p.sku);
			p.sku = xstrdup(items[i].sku);
		}
		assert_int_equal(product_update(db, &p), ST_OK);
		product_clear(&p);
	}
	for (int i = 0; i < NPRODUCTS; i += 11) {
		assert_int_equal(product_set_active(db, items[i].id, 0), ST_OK);
		items[i].active = 0;
	}
}

static void
test_same_as_scan(void **state)
{
	struct testdb *t = *state;
	static const char *const fixed[] = { "", "蜂蜂", "蜂蜜", "土蜂蜜",
		"蜜蜂", "核桃油", "  蜂 ", "ＨＨ", "hh", "H", "ｈ", "oil", "OI",
		"honey", "x", "xx", "xxx", "FM", "fm0", "Ht1", "X00", "ht", "桃 ",
		"a1", "1", "B c", "不在", "蜂蜜蜂蜜蜂蜜蜂蜜", "\xe8\x9c", NULL };
	char q[64];

	fill(t->db);
	check_index(t->db);
	change(t->db);
	check_index(t->db);
	for (int i = 0; fixed[i] != NULL; i++)
		for (int s = 0; s < 2; s++)
			check_query(t->db, fixed[i], s, i % 2, 50);
	for (size_t a = 0; a < NALPHA; a++) {
		check_query(t->db, alphabet[a], a % 2, a % 3 == 0, 50);
		for (size_t b = 0; b < NALPHA; b += 3) {
			snprintf(q, sizeof q, "%s%s", alphabet[a], alphabet[b]);
			check_query(t->db, q, (a + b) % 2, 0, 40);
		}
	}
	for (int i = 0; i < 60; i++) {
		const char *n = items[rnd(NPRODUCTS)].name;
		size_t len = strlen(n), from = rnd((unsigned)len);

		while (from > 0 && ((unsigned char)n[from] & 0xc0) == 0x80)
			from--;
		snprintf(q, sizeof q, "%.9s", n + from);
		while (strlen(q) > 0 && ((unsigned char)q[strlen(q) - 1] & 0xc0) >= 0x80) {
			size_t l = strlen(q);

			/* cut a split character off the end */
			while (l > 0 && ((unsigned char)q[l - 1] & 0xc0) == 0x80)
				l--;
			q[l > 0 ? l - 1 : 0] = '\0';
		}
		check_query(t->db, q, i % 2, i % 4 == 0, 50);
	}
	items_free();
}

/* One page with a small limit, many pages: keyset paging on the
 * postings path (a rare pair) and on the walk (a dense character). */
static void
test_small_pages(void **state)
{
	struct testdb *t = *state;

	fill(t->db);
	check_query(t->db, "桃油", PRODUCT_SORT_NAME, 0, 3);
	check_query(t->db, "桃油", PRODUCT_SORT_SKU, 1, 2);
	check_query(t->db, "x1", PRODUCT_SORT_SKU, 0, 7);
	items_free();
}

/* Dense grams whose matches sort last: the walk gives up and the
 * postings answer. */
static void
test_dense_clustered(void **state)
{
	struct testdb *t = *state;
	static const char *const q[] = { "zzq", "zq", "ZZ", "zz00", "龘", "龘3",
		"q h", "honey", NULL };

	fill(t->db);
	fill_cluster(t->db);
	check_index(t->db);
	for (int i = 0; q[i] != NULL; i++)
		for (int s = 0; s < 2; s++)
			check_query(t->db, q[i], s, 0, 50);
	items_free();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_as_scan, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_small_pages, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_dense_clustered,
		    testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
