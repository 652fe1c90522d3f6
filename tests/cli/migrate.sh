#!/bin/sh
# Upgrading a schema-12 database that holds a cooperative's data to the
# newest schema: 13 builds orders and stock_move again
# (013-check-lists.sql), 14 writes the search index's and the field
# logs' triggers again (014-short-triggers.sql), 15 copies the list's
# keys into product_key (015-product-key.sql).  Every row comes through
# unchanged, the checks and triggers still hold, the foreign keys still
# point at the same rows, Home's counts still use orders_live, and a
# renamed product is posted under its new grams and logged, and
# product_key follows every insert, update and delete of a product.  A
# database whose rows already refer to missing rows is refused and left
# exactly as it was.
. "$TESTS_SRCDIR/lib.sh"
LC_ALL=C.UTF-8
export LC_ALL
[ -n "${SQLITE3:-}" ] || skip_all "no sqlite3 shell"

# A data directory whose newest migration is 12.
mkdir -p "$T/old/sql"
cp -R "$COOPSTOCK_DATADIR/." "$T/old/"
rm -f "$T/old/sql/013-"*.sql "$T/old/sql/014-"*.sql "$T/old/sql/015-"*.sql
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
	"$SQLITE3" "$1" "SELECT * FROM product_gram ORDER BY 1, 2"
	for t in product_gram_sku product_gram_name; do
		"$SQLITE3" "$1" "SELECT * FROM $t ORDER BY 1, 2, 3"
	done
	"$SQLITE3" -line "$1" "SELECT * FROM field_change ORDER BY id"
}

db="$T/coop.db"
run old --db "$db" demo
is "a schema-12 demo database" 0 "$rc"
is "at version 12" 12 "$(q "$db" 'PRAGMA user_version')"
rows "$db" >"$T/before"

run cs --db "$db" init
is "init upgrades it" 0 "$rc"
is "and says so" "$db: ready (schema version 15)" "$out"
rows "$db" >"$T/after"
ok "every order, line, event, stock move and gram kept" cmp -s "$T/before" "$T/after"
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

grams() { q "$db" "SELECT group_concat(g, '|') FROM (SELECT $1 AS g
	FROM $2 WHERE product_id = 1 ORDER BY gram)"; }
q "$db" "UPDATE product SET name = '蜂蜜 ab', name_en = '', updated_by = 't'
    WHERE id = 1"
is "a renamed product is posted under its new name's grams alone" \
    " | a| ab|a|ab|b|蜂|蜂蜜|蜜|蜜 " "$(grams gram product_gram)"
is "and in name order under those that are not ASCII" \
    "蜂:蜂蜜 ab|蜂蜜:蜂蜜 ab|蜜:蜂蜜 ab|蜜 :蜂蜜 ab" \
    "$(grams "gram || ':' || name" product_gram_name)"
is "the search finds it" 1 "$(q "$db" "SELECT count(*) FROM product_gram
    WHERE gram = '蜂蜜' AND product_id = 1")"
is "and the field log has both new names, in order, by t" \
    "name=蜂蜜 ab,name_en=" "$(q "$db" "SELECT group_concat(f, ',') FROM
	(SELECT field || '=' || value AS f FROM field_change WHERE
	entity = 'product' AND row_id = 1 AND actor = 't' ORDER BY id)")"

# product_key against product: the rows in one and not the other.
keys_differ() { q "$db" "SELECT count(*) FROM (SELECT * FROM (SELECT id,
    active, name, sku FROM product EXCEPT SELECT * FROM product_key)
    UNION ALL SELECT * FROM (SELECT * FROM product_key EXCEPT SELECT id,
    active, name, sku FROM product))"; }
is "product_key holds every product's keys" \
    "$(q "$db" 'SELECT count(*) FROM product')|0" \
    "$(q "$db" 'SELECT count(*) FROM product_key')|$(keys_differ)"
q "$db" "UPDATE product SET active = 0 WHERE id = 2;
    UPDATE product SET sku = 'X-' || sku WHERE id = 3;
    INSERT INTO product(id, sku, name, unit, price) VALUES
	(900, 'N-1', '新品', 'kg', 100), (901, 'N-2', '新品二', 'kg', 100);
    UPDATE product SET id = 902 WHERE id = 901;
    DELETE FROM product WHERE id = 900"
is "and follows an insert, a change of active, SKU, name and id, and a delete" \
    "1:1:HT-KG:蜂蜜 ab 2:0:HT-JIN:核桃 一斤装 3:1:X-GLY-500:武都橄榄油 500ml 902:1:N-2:新品二" \
    "$(q "$db" "SELECT group_concat(k, ' ') FROM (SELECT id || ':' ||
	active || ':' || sku || ':' || name AS k FROM product_key
	WHERE id IN (1, 2, 3, 900, 901, 902) ORDER BY id)")"
is "with no row differing" 0 "$(keys_differ)"

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
