#!/bin/sh
# Upgrading a schema-12 database that holds a cooperative's data to 13,
# which builds orders and stock_move again (013-check-lists.sql): every
# row comes through unchanged, the checks and triggers still hold, the
# foreign keys still point at the same rows, and Home's counts still use
# orders_live.  A database whose rows already refer to missing rows is
# refused and left exactly as it was.
. "$TESTS_SRCDIR/lib.sh"
LC_ALL=C.UTF-8
export LC_ALL
[ -n "${SQLITE3:-}" ] || skip_all "no sqlite3 shell"

# A data directory whose newest migration is 12.
mkdir -p "$T/old/sql"
cp -R "$COOPSTOCK_DATADIR/." "$T/old/"
rm -f "$T/old/sql/013-"*.sql
old() { COOPSTOCK_DATADIR="$T/old" "$COOPSTOCK" "$@"; }
q() { "$SQLITE3" "$1" "$2"; }
# The shell's error without its prefix, which differs between versions.
why() { printf '%s\n' "$err" | sed '1s/^Error: \(stepping, \)\{0,1\}//; 1s/^Runtime error near line [0-9]*: //'; }
# Every row of the rebuilt tables and of those that refer to them.
rows() {
	for t in orders stock_move order_line order_event shipment; do
		"$SQLITE3" -line "$1" "SELECT '$t' AS t, * FROM $t ORDER BY id"
	done
	"$SQLITE3" -line "$1" "SELECT * FROM order_alloc ORDER BY 1, 2"
}

db="$T/coop.db"
run old --db "$db" demo
is "a schema-12 demo database" 0 "$rc"
is "at version 12" 12 "$(q "$db" 'PRAGMA user_version')"
rows "$db" >"$T/before"

run cs --db "$db" init
is "init upgrades it" 0 "$rc"
is "and says so" "$db: ready (schema version 13)" "$out"
rows "$db" >"$T/after"
ok "every order, line, event and stock move kept" cmp -s "$T/before" "$T/after"
is "the orders are all there" 14 "$(q "$db" 'SELECT count(*) FROM orders')"
is "no foreign key broken" "" "$(q "$db" 'PRAGMA foreign_key_check')"
is "the file is sound" ok "$(q "$db" 'PRAGMA integrity_check')"
run cs --db "$db" check
is "the ledger checks out" "$db: ok" "$out"
is "no IN list is left in the rebuilt tables' checks" 0 \
    "$(q "$db" "SELECT count(*) FROM sqlite_schema WHERE name IN
	('orders', 'stock_move', 'orders_live') AND (sql LIKE '%status IN%' OR sql LIKE '%kind IN%')")"
is "the leftover tables are gone" 0 \
    "$(q "$db" "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_new'")"

run q "$db" "UPDATE orders SET status = 'lost' WHERE id = 1"
is "a status outside the list is still refused" \
    "CHECK constraint failed: status = 'new'
	    OR status = 'confirmed' OR status = 'packed' OR status = 'shipped'
	    OR status = 'delivered' OR status = 'cancelled' OR status = 'returned' (19)" "$(why)"
run q "$db" "INSERT INTO stock_move(kind, product_id, lot_id, qty, actor)
    VALUES ('gift', 1, 1, 1000, 'x')"
is "so is a stock move of an unknown kind" \
    "CHECK constraint failed: kind = 'intake' OR kind = 'sale'
	    OR kind = 'return' OR kind = 'adjust' (19)" "$(why)"
run q "$db" "UPDATE stock_move SET qty = 1 WHERE id = 1"
is "stock moves are still append-only" \
    "stock moves are append-only (19)" "$(why)"
run q "$db" "PRAGMA foreign_keys = ON; INSERT INTO order_line(order_id,
    product_id, qty, unit_price) VALUES (999, 1, 1000, 100)"
is "order lines still refer to orders" \
    "FOREIGN KEY constraint failed (19)" "$(why)"
is "Home's live counts read orders_live" \
    "SEARCH orders USING COVERING INDEX orders_live (status=? AND gid=?)" \
    "$(q "$db" "EXPLAIN QUERY PLAN SELECT count(*) FROM orders WHERE
	(status = 'new' OR status = 'confirmed' OR status = 'packed')
	AND status = 'new' AND gid IS NULL" | sed -n 's/^`--//p')"

# A damaged schema-12 file: an order line whose order is gone.
bad="$T/bad.db"
old --db "$bad" demo >/dev/null
q "$bad" "PRAGMA foreign_keys = OFF; INSERT INTO order_line(order_id,
    product_id, qty, unit_price) VALUES (999, 1, 1000, 100)"
rows "$bad" >"$T/bad-before"
run cs --db "$bad" init
is "init refuses to carry the damage forward" 1 "$rc"
is "with one line that says why" \
    "coopstock: $bad: cannot update the schema: some rows refer to rows that are missing; 'coopstock check' lists them" "$err"
is "still at version 12" 12 "$(q "$bad" 'PRAGMA user_version')"
rows "$bad" >"$T/bad-after"
ok "and no row changed" cmp -s "$T/bad-before" "$T/bad-after"
is "the old check is still there" 1 \
    "$(q "$bad" "SELECT count(*) FROM sqlite_schema WHERE name = 'orders'
	AND sql LIKE '%status IN%'")"
done_testing
