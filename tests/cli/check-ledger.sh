#!/bin/sh
# coopstock check proves the stock caches against the ledger and the
# reservations: each problem is one "problem: ..." line naming the SKU,
# and the exit status is 1 when there is any.
. "$TESTS_SRCDIR/lib.sh"

[ -n "${SQLITE3:-}" ] || skip_all "no sqlite3 command"
db="$T/c.db"
cs --db "$db" init >/dev/null || exit 1
"$SQLITE3" "$db" "
INSERT INTO product(id, sku, name, unit, price) VALUES (1, 'HONEY-500', 'honey', 'jar', 3800);
INSERT INTO lot(id, product_id, received_on, qty, actor) VALUES (1, 1, '2026-11-01', 5000, 't');
INSERT INTO stock_move(kind, product_id, lot_id, qty, actor) VALUES ('intake', 1, 1, 5000, 't');
INSERT INTO stock(product_id, on_hand) VALUES (1, 5000);
INSERT INTO lot_stock(lot_id, on_hand) VALUES (1, 5000);" || exit 1

run cs --db "$db" check
is "a consistent ledger passes" 0 "$rc"
is "and says ok" "$db: ok" "$out"

"$SQLITE3" "$db" "UPDATE stock SET on_hand = 5001" || exit 1
run cs --db "$db" check
is "a corrupted cache fails the check" 1 "$rc"
is "the problem names the SKU" \
    "problem: HONEY-500: stock on hand is 5.001 jar but the ledger sums to 5 jar" "$out"
is "one line on stderr" "coopstock: $db: 1 problem found" "$err"

"$SQLITE3" "$db" "UPDATE stock SET on_hand = 5000; UPDATE lot_stock SET reserved = 1000" || exit 1
run cs --db "$db" check
is "a reservation nobody holds fails the check" 1 "$rc"
is "it is named by SKU and lot" \
    "problem: HONEY-500 lot 1: reserved is 1 jar but confirmed and packed orders hold 0 jar" "$out"
done_testing
