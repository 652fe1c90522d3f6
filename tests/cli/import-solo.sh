#!/bin/sh
# A big import alone with the database writes with a rollback journal
# (db_journal_solo) and leaves it in WAL mode; with another process that
# has the file open it stays in WAL; killed halfway, the next open puts
# the database back as it was; opened meanwhile, it says to wait.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to look at the database"

db="$T/s.db"
q() { "$SQLITE3" "$db" "$1"; }
wal_bytes() { if [ -f "$db-wal" ]; then wc -c <"$db-wal" | tr -d ' '; else echo 0; fi; }
# n lines of orders, two per order, refs with the prefix $2: about 100
# bytes a line, so 60,000 lines are over the 4 MiB where it starts.
orders() {
	awk -v n="$1" -v p="$2" 'BEGIN {
		print "order_ref,channel,date,customer,phone,address,sku,qty,unit_price"
		for (i = 0; i < n; i++)
			printf "%s%07d,shop,2026-03-05 10:00:00,客户%d,138%08d,甘肃省陇南市武都区%d号,P%d,1,2.50\n",
			    p, int(i / 2), i % 700, int(i / 2), i % 900, i % 2 + 1
	}'
}
cs --db "$db" init >/dev/null
printf 'sku,name,unit,price\nP1,核桃,kg,2.50\nP2,花椒,kg,2.50\n' >"$T/p.csv"
cs --db "$db" import products "$T/p.csv" >/dev/null
orders 60000 A >"$T/a.csv"
orders 60000 B >"$T/b.csv"
orders 60000 C >"$T/c.csv"

q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
run cs --db "$db" import orders "$T/a.csv"
is "alone: imported" "0|orders: 30000 new, 0 already present" "$rc|$out"
is "alone: nothing went through the WAL" 0 "$(wal_bytes)"
is "alone: WAL mode again, no journal left" "wal|" "$(q 'PRAGMA journal_mode')|$(ls "$db-journal" 2>/dev/null)"
is "alone: the database is whole" ok "$(q 'PRAGMA integrity_check')"

# Another process with the file open: the import goes through the WAL,
# and that process reads on meanwhile.
"$SQLITE3" "$db" "SELECT count(*) FROM orders" ".shell touch $T/ready" \
    ".shell while [ ! -f $T/done ]; do sleep 0.02; done" >/dev/null &
reader=$!
i=0
while [ ! -f "$T/ready" ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
run cs --db "$db" import orders "$T/b.csv"
is "not alone: imported" "0|orders: 30000 new, 0 already present" "$rc|$out"
ok "not alone: the pages went through the WAL" [ "$(wal_bytes)" -gt 0 ]
is "not alone: still WAL" wal "$(q 'PRAGMA journal_mode')"
touch "$T/done"
wait $reader

# Killed while the rollback journal is there: the next open rolls back.
"$COOPSTOCK" --db "$db" import orders "$T/c.csv" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -s "$db-journal" ] && [ $i -lt 1000 ]; do sleep 0.005; i=$((i + 1)); done
seen=no
[ -s "$db-journal" ] && seen=yes
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
is "killed while the rollback journal was being written" yes "$seen"
run cs --db "$db" check
is "killed: coopstock check passes" "0|" "$rc|$err"
is "killed: all or nothing" yes "$(q "SELECT CASE count(*) WHEN 0 THEN 'yes'
    WHEN 30000 THEN 'yes' ELSE count(*) END FROM orders WHERE ext_ref LIKE 'C%'")"
# (A journal killed before its header was written is not hot and may
# stay behind: SQLite ignores it.)
is "killed: WAL mode again" wal "$(q 'PRAGMA journal_mode')"
is "killed: the database is whole" ok "$(q 'PRAGMA integrity_check')"
run cs --db "$db" import orders "$T/c.csv"
is "killed: importing again completes it" 0 "$rc"
is "killed: every order once" 90000 "$(q 'SELECT count(*) FROM orders')"
# Opened while a writer in rollback-journal mode holds the file (as a
# long import alone does): after the busy timeout, plain words.
"$SQLITE3" "$db" "PRAGMA journal_mode=DELETE" "BEGIN EXCLUSIVE" \
    ".shell touch $T/locked" \
    ".shell while [ ! -f $T/unlock ]; do sleep 0.02; done" "COMMIT" >/dev/null &
locker=$!
i=0
while [ ! -f "$T/locked" ] && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
run cs --db "$db" check
touch "$T/unlock"
wait $locker
is "opened while locked: the clerk is told to wait" \
    "1|coopstock: $db: another clerk is saving; please try again in a moment" \
    "$rc|$err"
run cs --db "$db" check
is "and afterwards it opens, in WAL mode" "0|wal" "$rc|$(q 'PRAGMA journal_mode')"
done_testing
