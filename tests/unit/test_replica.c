/*
 * test_replica.c - the model side of sync: edits of products and members
 * are logged per field (and a merge's own writes are not); a received
 * field change wins by time, a concurrent one is a conflict recorded
 * once; facts are added once; an order event that is not allowed is a
 * conflict; a reference to a row not here is refused; another site's
 * confirmed order holds its lines here per product, only its own site
 * confirms, packs or ships it, a cancel wins over a confirm it crossed;
 * peer marks.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/member.h"
#include "model/order.h"
#include "model/product.h"
#include "model/setting.h"
#include "model/stock.h"
#include "model/syncstate.h"
#include "model/wave.h"
#include "sync/bundle.h"
#include "testlib.h"

/* Set product id's price through the model, as a clerk would. */
static void
set_price(struct db *db, long long id, int64_t price)
{
	struct product p;

	assert_int_equal(product_get_by_id(db, id, &p), ST_OK);
	p.price = price;
	assert_int_equal(product_update(db, &p), ST_OK);
	product_clear(&p);
}

static void
test_edits_are_logged_per_field(void **state)
{
	struct testdb *t = *state;
	long long id = fx_product(t->db, "HONEY", "jar", 3800);
	struct member m;
	long long mid = fx_member(t->db, "M1");

	set_price(t->db, id, 4000);
	set_price(t->db, id, 4200);
	set_price(t->db, id, 4200); /* no change, no row */
	assert_int_equal(product_set_active(t->db, id, 0), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM field_change"
					   " WHERE entity = 'product'"),
	    3);
	/* the second price edit replaced the first */
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM field_change"
			      " a JOIN field_change b ON b.base ="
			      " a.site || '.' || a.id WHERE"
			      " a.value = '4000' AND b.value = '4200'"
			      " AND a.base IS NULL"),
	    1);
	assert_int_equal(testdb_int(t->db, "SELECT count(*) FROM field_change"
					   " WHERE actor = 'tester' AND site ="
					   " (SELECT value FROM setting WHERE"
					   " key = 'site_id')"),
	    3);
	assert_int_equal(member_get_by_id(t->db, mid, &m), ST_OK);
	free(m.village);
	m.village = strdup("下河");
	assert_int_equal(member_update(t->db, &m), ST_OK);
	member_clear(&m);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM field_change"
			      " WHERE entity = 'member' AND field ="
			      " 'village' AND value = '下河'"),
	    1);
}

static void
test_merge_writes_are_not_logged(void **state)
{
	struct testdb *t = *state;
	char *site = setting_get(t->db, "site_id", NULL);

	fx_product(t->db, "HONEY", "jar", 3800);
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(replica_merge_begin(t->db, site), ST_OK);
	fx_exec(t->db, "UPDATE product SET price = 1");
	assert_int_equal(replica_merge_end(t->db), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM field_change"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM sync_applying"), 0);
	free(site);
}

/* Apply one row inside a merge; returns the status, *added set. */
static enum status
apply(struct db *db, enum replica_kind k, const char *const *cells, int *added)
{
	char *site = setting_get(db, "site_id", NULL);
	enum status s;

	assert_int_equal(db_begin(db), ST_OK);
	assert_int_equal(replica_merge_begin(db, site), ST_OK);
	s = replica_apply(db, k, cells, added);
	replica_merge_end(db);
	if (s == ST_OK)
		assert_int_equal(db_commit(db), ST_OK);
	else
		db_rollback(db);
	free(site);
	return s;
}

static void
test_field_change_wins_by_time_and_conflicts_once(void **state)
{
	struct testdb *t = *state;
	long long id = fx_product(t->db, "HONEY", "jar", 3800);
	char *site = setting_get(t->db, "site_id", NULL);
	char row[64];
	int added, n;

	set_price(t->db, id, 4000);
	fx_exec(t->db, "UPDATE field_change SET at = '2026-01-01 10:00:00'");
	snprintf(row, sizeof row, "%s.%lld", site, id);
	{
		const char *later[] = {"ff.1", "product", row, "price", "4200",
		    "", "ff", "li", "2026-01-01 11:00:00"};
		const char *earlier[] = {"ff.2", "product", row, "name",
		    "老蜂蜜", "", "ff", "li", "2000-01-01 00:00:00"};

		assert_int_equal(
		    apply(t->db, REPLICA_CHANGES, later, &added), ST_OK);
		assert_int_equal(added, 1);
		assert_int_equal(
		    testdb_int(t->db, "SELECT price FROM product"), 4200);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
		assert_int_equal(
		    apply(t->db, REPLICA_CHANGES, later, &added), ST_OK);
		assert_int_equal(added, 0);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
		/* a field nobody else changed: no conflict, it just applies */
		assert_int_equal(
		    apply(t->db, REPLICA_CHANGES, earlier, &added), ST_OK);
		assert_int_equal(testdb_int(t->db, "SELECT name = '老蜂蜜'"
						   " FROM product"),
		    1);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
	}
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM sync_conflict"
			      " WHERE kept_value = '4200' AND"
			      " lost_value = '4000' AND ref = 'HONEY'"),
	    1);
	free(site);
}

static void
test_facts_once_and_references_checked(void **state)
{
	struct testdb *t = *state;
	long long id = fx_product(t->db, "HONEY", "jar", 3800);
	char *site = setting_get(t->db, "site_id", NULL);
	char prod[64];
	int added;
	char *before;

	snprintf(prod, sizeof prod, "%s.%lld", site, id);
	{
		const char *lot[] = {"ff.1", prod, "", "2026-01-01", "2000", "",
		    "0", "0", "", "li", "2026-01-01 08:00:00"};
		const char *move[] = {"ff.1", "intake", prod, "ff.1", "2000",
		    "", "li", "", "2026-01-01 08:00:00"};
		const char *sale[] = {"ff.2", "sale", prod, "ff.1", "-3000", "",
		    "li", "", "2026-01-01 09:00:00"};
		const char *orphan[] = {"ff.3", "sale", prod, "ee.9", "-1", "",
		    "li", "", "2026-01-01 09:00:00"};

		assert_int_equal(
		    apply(t->db, REPLICA_LOTS, lot, &added), ST_OK);
		assert_int_equal(
		    apply(t->db, REPLICA_MOVES, move, &added), ST_OK);
		assert_int_equal(
		    apply(t->db, REPLICA_MOVES, move, &added), ST_OK);
		assert_int_equal(added, 0);
		assert_int_equal(
		    testdb_int(t->db, "SELECT on_hand FROM stock"), 2000);
		/* a sale of more than there is still applies: oversold */
		assert_int_equal(
		    apply(t->db, REPLICA_MOVES, sale, &added), ST_OK);
		assert_int_equal(
		    testdb_int(t->db, "SELECT on_hand FROM stock"), -1000);
		fx_check_clean(t->db);
		assert_int_equal(
		    syncstate_oversold(t->db, NULL, NULL, &added), ST_OK);
		assert_int_equal(added, 1);
		before = fx_snapshot(t->db);
		assert_int_equal(
		    apply(t->db, REPLICA_MOVES, orphan, &added), ST_INVALID);
		assert_non_null(strstr(db_errmsg(t->db), "ee.9"));
		{
			char *after = fx_snapshot(t->db);

			assert_string_equal(before, after);
			free(after);
		}
		free(before);
		/* a manager's adjustment settles it */
		assert_int_equal(
		    stock_adjust(t->db, id, 0, 1000, "counted"), ST_OK);
		assert_int_equal(
		    syncstate_oversold(t->db, NULL, NULL, &added), ST_OK);
		assert_int_equal(added, 0);
		fx_check_clean(t->db);
	}
	free(site);
}

static void
test_event_not_allowed_is_a_conflict(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800);
	long long o = fx_order(t->db, p, 1000);
	char *site = setting_get(t->db, "site_id", NULL);
	char ord[64];
	int added, n;

	snprintf(ord, sizeof ord, "%s.%lld", site, o);
	{
		const char *ship[] = {"ff.7", ord, "packed", "shipped", "li",
		    "", "2026-01-01 09:00:00"};
		const char *cancel[] = {"ff.8", ord, "new", "cancelled", "li",
		    "", "2026-01-01 09:00:00"};

		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, ship, &added), ST_OK);
		assert_int_equal(added, 1);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
		assert_int_equal(testdb_int(t->db, "SELECT status = 'new' FROM"
						   " orders"),
		    1);
		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, cancel, &added), ST_OK);
		assert_int_equal(testdb_int(t->db, "SELECT status = 'cancelled'"
						   " FROM orders"),
		    1);
	}
	free(site);
}

/* Another site's order ff.1 of qty HONEY (product gid prod), taken in
 * and confirmed there: its order, line and two events arrive. */
static void
foreign_confirmed(struct db *db, const char *prod, const char *qty)
{
	const char *order[] = {"ff.1", "shop", "F1", "2026-01-01 08:00:00", "",
	    "", "", "", "li", "2026-01-01 08:00:00"};
	const char *line[] = {"ff.1", "ff.1", prod, qty, "3800"};
	const char *made[] = {
	    "ff.1", "ff.1", "", "new", "li", "", "2026-01-01 08:00:00"};
	const char *conf[] = {"ff.2", "ff.1", "new", "confirmed", "li", "",
	    "2026-01-01 08:01:00"};
	int added;

	assert_int_equal(apply(db, REPLICA_ORDERS, order, &added), ST_OK);
	assert_int_equal(apply(db, REPLICA_ORDER_LINES, line, &added), ST_OK);
	assert_int_equal(apply(db, REPLICA_EVENTS, made, &added), ST_OK);
	assert_int_equal(apply(db, REPLICA_EVENTS, conf, &added), ST_OK);
}

static void
test_foreign_order_is_held_per_product(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800), f, mine, lot;
	char *site = setting_get(t->db, "site_id", NULL);
	char prod[64];
	int added, n;

	snprintf(prod, sizeof prod, "%s.%lld", site, p);
	lot = fx_lot(t->db, p, 5000, NULL);
	foreign_confirmed(t->db, prod, "4000");
	f = testdb_int(t->db, "SELECT id FROM orders WHERE gid = 'ff.1'");
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 4000);
	assert_int_equal(
	    testdb_int(t->db, "SELECT sum(reserved) FROM lot_stock"), 0);
	fx_check_clean(t->db);
	/* the lot has 5 free, but 4 of the product are held: 1 is free */
	mine = fx_order(t->db, p, 2000);
	assert_int_equal(order_confirm(t->db, mine), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 1 jar");
	/* nor may a manager write off what it holds, from any lot */
	assert_int_equal(
	    stock_adjust(t->db, p, lot, -2000, "spilt"), ST_NO_STOCK);
	assert_string_equal(db_errmsg(t->db), "HONEY: short by 1 jar");
	assert_int_equal(
	    stock_adjust(t->db, p, 0, -2000, "spilt"), ST_NO_STOCK);
	assert_int_equal(testdb_int(t->db, "SELECT on_hand FROM stock"), 5000);
	/* only its own site confirms, packs or ships it */
	assert_int_equal(order_pack(t->db, f), ST_BAD_STATE);
	assert_non_null(strstr(db_errmsg(t->db), "taken in at another site"));
	assert_int_equal(order_ship(t->db, f, "SF", "SF1"), ST_BAD_STATE);
	{
		struct wave_in all = {WAVE_ALL, NULL, NULL, 0};
		struct wave_in one = {WAVE_ORDERS, NULL, &f, 1};
		long long w;

		assert_int_equal(
		    wave_create(t->db, &all, &w, NULL), ST_NOT_FOUND);
		assert_int_equal(
		    wave_create(t->db, &one, &w, NULL), ST_BAD_STATE);
		assert_non_null(
		    strstr(db_errmsg(t->db), "taken in at another site"));
	}
	{
		const char *pack[] = {"ee.1", "ff.1", "confirmed", "packed",
		    "wang", "", "2026-01-01 09:00:00"};
		const char *ship[] = {"ff.3", "ff.1", "confirmed", "shipped",
		    "li", "", "2026-01-01 10:00:00"};

		/* a third site's pack of it: a conflict, not applied */
		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, pack, &added), ST_OK);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
		assert_int_equal(testdb_int(t->db, "SELECT status = 'confirmed'"
						   " FROM orders WHERE gid ="
						   " 'ff.1'"),
		    1);
		/* its own site ships it: released */
		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, ship, &added), ST_OK);
		assert_int_equal(
		    testdb_int(t->db, "SELECT reserved FROM stock"), 0);
	}
	fx_check_clean(t->db);
	assert_int_equal(order_confirm(t->db, mine), ST_OK);
	fx_check_clean(t->db);
	free(site);
}

static void
test_cancel_wins_over_a_crossed_confirm(void **state)
{
	struct testdb *t = *state;
	long long p = fx_product(t->db, "HONEY", "jar", 3800), o, f;
	char *site = setting_get(t->db, "site_id", NULL);
	char prod[64], ord[64];
	int added, n;

	snprintf(prod, sizeof prod, "%s.%lld", site, p);
	fx_lot(t->db, p, 5000, NULL);
	o = fx_order(t->db, p, 1000);
	snprintf(ord, sizeof ord, "%s.%lld", site, o);
	{
		const char *conf[] = {"ff.8", ord, "new", "confirmed", "li", "",
		    "2026-01-01 09:00:00"};
		const char *cancel[] = {"ff.9", ord, "new", "cancelled", "li",
		    "", "2026-01-01 09:00:00"};

		/* another site may not confirm this site's order */
		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, conf, &added), ST_OK);
		assert_int_equal(
		    syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
		assert_int_equal(n, 1);
		assert_int_equal(testdb_int(t->db, "SELECT status = 'new'"
						   " FROM orders"),
		    1);
		/* it was confirmed here while the other site cancelled it */
		assert_int_equal(order_confirm(t->db, o), ST_OK);
		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, cancel, &added), ST_OK);
		assert_int_equal(testdb_int(t->db, "SELECT status = 'cancelled'"
						   " FROM orders"),
		    1);
	}
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 0);
	assert_int_equal(
	    testdb_int(t->db, "SELECT count(*) FROM order_alloc"), 0);
	fx_check_clean(t->db);
	/* any site may cancel another's order: what it held is released */
	foreign_confirmed(t->db, prod, "3000");
	f = testdb_int(t->db, "SELECT id FROM orders WHERE gid = 'ff.1'");
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 3000);
	assert_int_equal(order_cancel(t->db, f, "called"), ST_OK);
	assert_int_equal(testdb_int(t->db, "SELECT reserved FROM stock"), 0);
	fx_check_clean(t->db);
	{
		/* its site's pack, made before it heard of the cancel */
		const char *pack[] = {"ff.4", "ff.1", "confirmed", "packed",
		    "li", "", "2026-01-01 10:00:00"};

		assert_int_equal(
		    apply(t->db, REPLICA_EVENTS, pack, &added), ST_OK);
		assert_int_equal(
		    testdb_int(t->db, "SELECT reserved FROM stock"), 0);
		assert_int_equal(
		    testdb_int(t->db, "SELECT status = 'cancelled'"
				      " FROM orders WHERE id = "
				      "(SELECT max(id) FROM orders)"),
		    1);
	}
	fx_check_clean(t->db);
	free(site);
}

static void
count_peer(const struct syncstate_peer_row *r, void *arg)
{
	assert_string_equal(r->name, "warehouse");
	assert_string_equal(r->site_id, "");
	assert_int_equal(r->sent_seq, 2);
	(*(int *)arg)++;
}

static void
test_peers_and_resolving(void **state)
{
	struct testdb *t = *state;
	struct syncstate_peer p;
	int n = 0, found;

	memset(&p, 0, sizeof p);
	p.name = strdup("warehouse");
	p.site_id = strdup("");
	p.sent_seq = 2;
	p.acked[REPLICA_MOVES] = 7;
	assert_int_equal(db_begin(t->db), ST_OK);
	assert_int_equal(syncstate_peer_put(t->db, &p), ST_OK);
	assert_int_equal(db_commit(t->db), ST_OK);
	syncstate_peer_clear(&p);
	assert_int_equal(syncstate_peers(t->db, count_peer, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(
	    syncstate_peer_get(t->db, "warehouse", &p, &found), ST_OK);
	assert_int_equal(found, 1);
	assert_int_equal(p.acked[REPLICA_MOVES], 7);
	syncstate_peer_clear(&p);
	fx_exec(t->db, "INSERT INTO sync_conflict(kind, entity, ref, field,"
		       " kept_by, kept_at, lost_by, lost_at, a, b) VALUES"
		       " ('field', 'product', 'X', 'price', '', '', '', '',"
		       " 'a', 'b')");
	assert_int_equal(syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(syncstate_conflict_resolve(t->db, 1), ST_OK);
	assert_int_equal(syncstate_conflicts(t->db, NULL, NULL, &n), ST_OK);
	assert_int_equal(n, 0);
	assert_int_equal(syncstate_conflict_resolve(t->db, 1), ST_NOT_FOUND);
}

static void
test_bundle_merge_is_for_managers(void **state)
{
	struct testdb *t = *state;
	struct bundle_counts c;
	char *err = NULL;

	db_set_actor(t->db, 1, "li", 0);
	assert_int_equal(bundle_apply(t->db, t->dir, &c, &err), ST_DENIED);
	assert_string_equal(err, "only a manager may merge a bundle");
	free(err);
	bundle_counts_clear(&c);
	/* a preview writes nothing: anyone may look */
	assert_int_equal(bundle_preview(t->db, t->dir, &c, &err), ST_FILE);
	assert_non_null(strstr(err, "manifest.csv: missing"));
	free(err);
	bundle_counts_clear(&c);
}

static void
test_marks(void **state)
{
	long long m[REPLICA__COUNT], back[REPLICA__COUNT];
	char *s;

	(void)state;
	for (int i = 0; i < REPLICA__COUNT; i++)
		m[i] = i * 1000LL;
	s = syncstate_marks_format(m);
	assert_int_equal(syncstate_marks_parse(s, back), ST_OK);
	assert_memory_equal(m, back, sizeof m);
	free(s);
	assert_int_equal(syncstate_marks_parse("1 2", back), ST_INVALID);
	assert_int_equal(syncstate_marks_parse("", back), ST_OK);
	assert_int_equal(back[3], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
		test_edits_are_logged_per_field, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_merge_writes_are_not_logged,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_field_change_wins_by_time_and_conflicts_once, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_facts_once_and_references_checked, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_event_not_allowed_is_a_conflict, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_foreign_order_is_held_per_product, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_cancel_wins_over_a_crossed_confirm, testdb_setup,
		testdb_teardown),
	    cmocka_unit_test_setup_teardown(
		test_peers_and_resolving, testdb_setup, testdb_teardown),
	    cmocka_unit_test_setup_teardown(test_bundle_merge_is_for_managers,
		testdb_setup, testdb_teardown),
	    cmocka_unit_test(test_marks),
	};

	return TESTLIB_RUN(tests);
}
