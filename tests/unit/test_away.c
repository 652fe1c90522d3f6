/*
 * test_away.c - other sites' orders on the screens' model: Home's counts
 * (summary_get) and the live counter (burst_counts_get) count only this
 * site's orders to confirm, pack and ship, and the others apart; the
 * Orders lists to confirm, pack and ship hold this site's own, "All
 * orders" every site's with the site named; order_get names the site and
 * order_fulfils_here says who fulfils.  Other sites' orders arrive as a
 * merge delivers them (replica_apply), on a real temp database.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/burst.h"
#include "model/order.h"
#include "model/order_list.h"
#include "model/replica.h"
#include "model/setting.h"
#include "model/summary.h"
#include "testlib.h"
#include "util/xalloc.h"

/* Apply one received row of kind k in its own merge transaction. */
static void
apply(struct db *db, enum replica_kind k, const char *const *cells)
{
	char *site = setting_get(db, "site_id", NULL);
	int added;

	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(replica_merge_begin(db, site), ST_OK);
	assert_int_equal(replica_apply(db, k, cells, &added), ST_OK);
	replica_merge_end(db);
	assert_int_equal(db_commit(db), ST_OK);
	free(site);
}

/* Site ff's order ff.N of 1 of product prod (a gid), taken in there and,
 * when confirm, confirmed there. */
static void
away_order(struct db *db, const char *prod, int n, int confirm)
{
	char gid[32], made_gid[32], conf_gid[32];
	const char *order[] = {gid, "shop", gid, "2026-01-01 08:00:00", "", "",
	    "", "", "li", "2026-01-01 08:00:00"};
	const char *line[] = {gid, gid, prod, "1000", "3800"};
	const char *made[] = {
	    made_gid, gid, "", "new", "li", "", "2026-01-01 08:00:00"};
	const char *conf[] = {
	    conf_gid, gid, "new", "confirmed", "li", "", "2026-01-01 08:01:00"};

	snprintf(gid, sizeof gid, "ff.%d", n);
	snprintf(made_gid, sizeof made_gid, "ff.%d", 100 + n);
	snprintf(conf_gid, sizeof conf_gid, "ff.%d", 200 + n);
	apply(db, REPLICA_ORDERS, order);
	apply(db, REPLICA_ORDER_LINES, line);
	apply(db, REPLICA_EVENTS, made);
	if (confirm)
		apply(db, REPLICA_EVENTS, conf);
}

struct seen {
	char text[256];
};

/* "id:site " per listed order. */
static int
collect(const struct order_list_row *r, void *arg)
{
	struct seen *x = arg;
	size_t n = strlen(x->text);

	snprintf(x->text + n, sizeof x->text - n, "%lld:%s ", r->id, r->site);
	return 0;
}

static const char *
listed(struct db *db, int status, struct seen *x)
{
	struct order_list_query q = {status, NULL, ORDER_LIST_OLDEST};

	x->text[0] = '\0';
	assert_int_equal(order_list_page(db, &q, 0, 1, 20, collect, x), ST_OK);
	return x->text;
}

/* This site: orders 1 (new) and 2 (confirmed); site ff: 3 (new) and 4
 * (confirmed). */
static void
two_sites(struct db *db)
{
	long long p = fx_product(db, "HONEY", "jar", 3800);
	char *site = setting_get(db, "site_id", NULL);
	char prod[64];

	snprintf(prod, sizeof prod, "%s.%lld", site, p);
	free(site);
	fx_lot(db, p, 10000, NULL);
	assert_int_equal(fx_order(db, p, 1000), 1);
	assert_int_equal(fx_order(db, p, 1000), 2);
	assert_int_equal(order_confirm(db, 2), ST_OK);
	away_order(db, prod, 1, 0);
	away_order(db, prod, 2, 1);
	assert_int_equal(testdb_int(db, "SELECT count(*) FROM orders"
					" WHERE gid IS NOT NULL AND id > 2"),
	    2);
}

static void
test_home_counts_this_sites_orders(void **state)
{
	struct testdb *t = *state;
	struct summary s;
	struct burst_counts c;

	two_sites(t->db);
	assert_int_equal(summary_get(t->db, 14, &s), ST_OK);
	assert_int_equal(s.orders_new, 1);
	assert_int_equal(s.orders_confirmed, 1);
	assert_int_equal(s.orders_packed, 0);
	assert_int_equal(s.away_new, 1);
	assert_int_equal(s.away_confirmed, 1);
	assert_int_equal(s.away_packed, 0);
	assert_int_equal(burst_counts_get(t->db, 0, &c), ST_OK);
	assert_int_equal(c.last_id, 4);
	assert_int_equal(c.arrived, 2); /* the two taken in here */
	assert_int_equal(c.to_confirm, 1);
	assert_int_equal(c.to_pack, 1);
	assert_int_equal(c.to_ship, 0);
	/* after order 1: only order 2 arrived here since */
	assert_int_equal(burst_counts_get(t->db, 1, &c), ST_OK);
	assert_int_equal(c.arrived, 1);
}

static void
test_lists_to_do_hold_this_sites_orders(void **state)
{
	struct testdb *t = *state;
	struct seen x;
	long long n;
	int away;

	assert_int_equal(order_list_has_away(t->db, &away), ST_OK);
	assert_int_equal(away, 0);
	two_sites(t->db);
	assert_int_equal(order_list_has_away(t->db, &away), ST_OK);
	assert_int_equal(away, 1);
	/* an unknown site goes by its id */
	assert_string_equal(listed(t->db, -1, &x), "1: 2: 3:ff 4:ff ");
	fx_exec(t->db, "INSERT INTO sync_peer(name, site_id)"
		       " VALUES ('warehouse', 'ff')");
	assert_string_equal(
	    listed(t->db, -1, &x), "1: 2: 3:warehouse 4:warehouse ");
	assert_string_equal(listed(t->db, ORDER_NEW, &x), "1: ");
	assert_string_equal(listed(t->db, ORDER_CONFIRMED, &x), "2: ");
	assert_string_equal(listed(t->db, ORDER_PACKED, &x), "");
	assert_int_equal(order_list_count(t->db, ORDER_NEW, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(order_list_count(t->db, ORDER_CONFIRMED, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(order_list_count(t->db, -1, &n), ST_OK);
	assert_int_equal(n, 4);
	/* a state no site moves on from lists every site's */
	assert_int_equal(order_cancel(t->db, 3, "no"), ST_OK);
	assert_string_equal(listed(t->db, ORDER_CANCELLED, &x), "3:warehouse ");
	assert_int_equal(order_list_count(t->db, ORDER_CANCELLED, &n), ST_OK);
	assert_int_equal(n, 1);
}

static void
test_order_names_its_site(void **state)
{
	struct testdb *t = *state;
	struct order *o;

	two_sites(t->db);
	fx_exec(t->db, "INSERT INTO sync_peer(name, site_id)"
		       " VALUES ('warehouse', 'ff')");
	assert_int_equal(order_get(t->db, 4, &o), ST_OK);
	assert_string_equal(o->site, "warehouse");
	assert_false(order_fulfils_here(o));
	order_free(o);
	assert_int_equal(order_get(t->db, 2, &o), ST_OK);
	assert_string_equal(o->site, "");
	assert_true(order_fulfils_here(o));
	order_free(o);
	/* the model's rule the screen follows */
	assert_int_equal(order_pack(t->db, 4), ST_BAD_STATE);
	assert_int_equal(order_pack(t->db, 2), ST_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_home_counts_this_sites_orders,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_lists_to_do_hold_this_sites_orders, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_order_names_its_site, testdb_setup, testdb_teardown),
	};

	return TESTLIB_RUN(tests);
}
