#!/bin/sh
# coopstock demo fills an empty database through the model (check passes
# afterwards), with orders in every state, and refuses a database that
# already holds products or members, writing nothing.
. "$TESTS_SRCDIR/lib.sh"
# The expected text is the untranslated English.
LC_ALL=C.UTF-8
export LC_ALL

db="$T/demo.db"
run cs --db "$db" demo
is "demo succeeds" 0 "$rc"
is "and says what it wrote" \
    "$db: demo cooperative written: 12 products, 12 members, 15 lots, 14 orders, 2 payments" "$out"
run cs --db "$db" check
is "the ledger checks out" "$db: ok" "$out"

run cs --db "$db" demo
is "a second demo is refused" 1 "$rc"
is "with one line" \
    "coopstock: $db: the demo goes only into an empty database, and this one has 12 products and 12 members" "$err"

if [ -n "${SQLITE3:-}" ]; then
	is "orders in every state" \
	    "cancelled 1|confirmed 2|delivered 4|new 3|packed 1|returned 1|shipped 2" \
	    "$("$SQLITE3" "$db" "SELECT group_concat(status || ' ' || n, '|') FROM (SELECT status, count(*) n FROM orders GROUP BY status ORDER BY status)")"
	is "every channel" "douyin|phone|pinduoduo|taobao|walk-in" \
	    "$("$SQLITE3" "$db" "SELECT group_concat(channel, '|') FROM (SELECT DISTINCT channel FROM orders ORDER BY channel)")"
	is "clerks with PINs" "manager 1|李娜 1|王强 1" \
	    "$("$SQLITE3" "$db" "SELECT group_concat(name || ' ' || (pin_hash IS NOT NULL), '|') FROM (SELECT * FROM clerk ORDER BY id)")"
	is "one expired lot" 1 \
	    "$("$SQLITE3" "$db" "SELECT count(*) FROM lot WHERE best_before < date('now', 'localtime')")"
	is "nothing more after the refusal" 14 \
	    "$("$SQLITE3" "$db" "SELECT count(*) FROM orders")"
fi
done_testing
