#!/bin/sh
# bench/csv.sh - how fast `coopstock import orders` and `export orders`
# are next to the sqlite3 shell on the same rows.  Run by `make bench`.
#
#   import: N order lines in our layout (1-3 lines per order, 1,000
#   products pre-created) into a fresh database, every check on, against
#   sqlite3's `.import --csv` of the same file into an empty table; and
#   the same lines with the phones in random order, timed alone.
#   export: the same rows out again, against sqlite3's `.mode csv` of the
#   same join.
#
# The import is timed three times (BENCH_RUNS) against sqlite3, in
# pairs, and the medians compared.  BENCH_LINES sets N (1,000,000).
# Prints rows/s of both, the ratios, and the peak RSS of coopstock (from
# /usr/bin/time -v when present).  Targets: import >= 0.5x, export >=
# 1.0x, peak memory < 64 MiB.  Figures depend on the machine; nothing
# here is asserted.  With /usr/bin/time it also prints the CPU time
# (user + system) of both sides and its ratio, which varies much less
# than wall time on a machine other jobs keep busy.
set -eu
: "${COOPSTOCK:=./coopstock}"
: "${SQLITE3:=sqlite3}"
N=${BENCH_LINES:-1000000}
W=$(mktemp -d "${TMPDIR:-/tmp}/coopstock-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
TIME=
if [ -x /usr/bin/time ]; then TIME="/usr/bin/time -v -o $W/rusage"; fi
# The user + system seconds of the last command timed.
cpu() {
	awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
	    END { printf "%.2f", u + s }' "$W/rusage"
}
peak() {
	if [ -n "$TIME" ]; then
		awk -F': ' '/Maximum resident/ { printf "%.1f MiB", $2 / 1024 }' "$W/rusage"
	else
		echo "n/a"
	fi
}

echo "generating $N order lines..."
awk 'BEGIN {
	print "sku,name,unit,price"
	for (i = 1; i <= 1000; i++)
		printf "P%04d,产品%d,kg,%d.%02d\n", i, i, i % 97 + 1, i % 100
}' >"$W/products.csv"
awk -v n="$N" 'BEGIN {
	print "order_ref,channel,date,customer,phone,address,sku,qty,unit_price,note"
	srand(42)
	o = 0; left = 0
	for (i = 0; i < n; i++) {
		if (left == 0) { o++; left = 1 + o % 3 }
		left--
		printf "R%08d,shop,2026-03-%02d 10:%02d:00,客户%d,138%08d,甘肃省陇南市%d号,P%04d,%d,%d.50,\n",
		    o, o % 28 + 1, o % 60, o % 5000, o, o % 900, int(rand() * 1000) + 1, i % 5 + 1, i % 90
	}
}' >"$W/orders.csv"

# timed_import DB FILE: a fresh DB with the products, then `import
# orders FILE` timed: sets took (seconds), rss (peak) and used (CPU).
timed_import() {
	"$COOPSTOCK" --db "$1" init >/dev/null
	"$COOPSTOCK" --db "$1" import products "$W/products.csv" >/dev/null
	t0=$(now)
	$TIME "$COOPSTOCK" --db "$1" import orders "$2" >/dev/null
	t1=$(now)
	took=$(secs "$t0" "$t1")
	rss=$(peak)
	used=
	[ -z "$TIME" ] || used=$(cpu)
}

# The import is timed BENCH_RUNS times (3 unless given), each coopstock
# run right before a sqlite3 run, so both sides see the same moments of a
# busy machine; the medians are compared, and each pair's ratio printed.
RUNS=${BENCH_RUNS:-3}
[ "$RUNS" -ge 1 ] 2>/dev/null || RUNS=1
db="$W/cs.db"
: >"$W/cs.runs"
: >"$W/sq.runs"
k=1
while [ "$k" -le "$RUNS" ]; do
	rm -f "$db" "$db-wal" "$db-shm" "$W/plain.db"
	timed_import "$db" "$W/orders.csv"
	echo "$took ${used:-0} $rss" >>"$W/cs.runs"
	t0=$(now)
	$TIME "$SQLITE3" "$W/plain.db" "CREATE TABLE o(order_ref, channel, date,
	    customer, phone, address, sku, qty, unit_price, note)" \
	    ".import --csv --skip 1 $W/orders.csv o"
	t1=$(now)
	used=0
	[ -z "$TIME" ] || used=$(cpu)
	echo "$(secs "$t0" "$t1") $used" >>"$W/sq.runs"
	k=$((k + 1))
done
# median FILE COLUMN: the middle value of that column.
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
cs_import=$(median "$W/cs.runs" 1) cs_import_cpu=$(median "$W/cs.runs" 2)
sq_import=$(median "$W/sq.runs" 1) sq_import_cpu=$(median "$W/sq.runs" 2)
# the highest peak of the runs, as peak() prints it
cs_import_rss=$(sort -k3,3n "$W/cs.runs" | tail -n 1 | cut -d' ' -f3-)
pairs=$(paste -d' ' "$W/sq.runs" "$W/cs.runs" |
    awk '{ printf "%s%.2fx", (NR > 1 ? " " : ""), $1 / $3 }')

# The same orders with their customers' phones in no order, as a shop's
# file has them: each order's customer upsert lands on its own page.
# Its time and peak are printed, not compared (memory must stay < 64 MiB).
awk -F, 'BEGIN { OFS = ","; srand(7) } NR == 1 { print; next }
    $1 != last { last = $1; ph = sprintf("13%09d", int(rand() * 1e9)) }
    { $5 = ph; print }' "$W/orders.csv" >"$W/orders-rp.csv"
timed_import "$W/rp.db" "$W/orders-rp.csv"
cs_rp=$took cs_rp_rss=$rss
rm -f "$W/rp.db" "$W/orders-rp.csv"

# The floor this schema sets: the same rows moved by plain SQL from the
# imported table into a fresh coopstock database (same indexes and random
# gids, no checks, no per-order transaction).
db2="$W/floor.db"
"$COOPSTOCK" --db "$db2" init >/dev/null
"$COOPSTOCK" --db "$db2" import products "$W/products.csv" >/dev/null
t0=$(now)
"$SQLITE3" "$db2" "ATTACH '$W/plain.db' AS p" "PRAGMA cache_size = -32768" \
    "BEGIN" \
    "INSERT INTO orders(channel, ext_ref, ordered_at, customer_name,
	customer_phone, customer_address, note, created_by) SELECT channel,
	order_ref, date, customer, phone, address, note, 'bench' FROM p.o
	GROUP BY order_ref ORDER BY min(rowid)" \
    "INSERT INTO order_line(order_id, product_id, qty, unit_price) SELECT
	(SELECT id FROM orders WHERE channel = o.channel AND ext_ref =
	o.order_ref), (SELECT id FROM product WHERE sku = o.sku), qty * 1000,
	CAST(unit_price * 100 AS INTEGER) FROM p.o" \
    "INSERT INTO order_event(order_id, to_status, actor) SELECT id, 'new',
	'bench' FROM orders" \
    "COMMIT"
t1=$(now)
sq_floor=$(secs "$t0" "$t1")

t0=$(now)
$TIME "$COOPSTOCK" --db "$db" export orders "$W/out.csv"
t1=$(now)
cs_export=$(secs "$t0" "$t1")
cs_export_rss=$(peak)
[ -z "$TIME" ] || cs_export_cpu=$(cpu)

t0=$(now)
$TIME "$SQLITE3" -csv -header "$db" "SELECT coalesce(o.ext_ref, ''), o.channel,
    o.ordered_at, o.customer_name, o.customer_phone, o.customer_address,
    p.sku, l.qty, l.unit_price, o.note FROM orders o JOIN order_line l ON
    l.order_id = o.id JOIN product p ON p.id = l.product_id
    ORDER BY o.id, l.id" >"$W/sq.csv"
t1=$(now)
sq_export=$(secs "$t0" "$t1")
[ -z "$TIME" ] || sq_export_cpu=$(cpu)

lines=$(($(wc -l <"$W/out.csv") - 1))
rate() { div "$N" "$1" | awk '{ printf "%.0f", $1 }'; }
echo "order lines: $N (exported back: $lines)"
printf 'import  coopstock %8s rows/s (%.2f s, peak %s)\n' \
    "$(rate "$cs_import")" "$cs_import" "$cs_import_rss"
printf 'import  sqlite3   %8s rows/s (%.2f s)\n' "$(rate "$sq_import")" "$sq_import"
printf 'import  ratio     %.2fx (target >= 0.5x; medians of %d runs, each pair %s)\n' \
    "$(div "$sq_import" "$cs_import")" "$RUNS" "$pairs"
[ -z "$TIME" ] || printf 'import  cpu       %.2fx (coopstock %.2f s, sqlite3 %.2f s of user + system time)\n' \
    "$(div "$sq_import_cpu" "$cs_import_cpu")" "$cs_import_cpu" "$sq_import_cpu"
printf 'import  random phones %4s rows/s (%.2f s, peak %s; not compared)\n' \
    "$(rate "$cs_rp")" "$cs_rp" "$cs_rp_rss"
printf 'import  floor     %8s rows/s (%.2f s: plain SQL into this schema; ratio to it %.2fx)\n' \
    "$(rate "$sq_floor")" "$sq_floor" "$(div "$sq_floor" "$cs_import")"
printf 'export  coopstock %8s rows/s (%.2f s, peak %s)\n' \
    "$(rate "$cs_export")" "$cs_export" "$cs_export_rss"
printf 'export  sqlite3   %8s rows/s (%.2f s)\n' "$(rate "$sq_export")" "$sq_export"
printf 'export  ratio     %.2fx (target >= 1.0x)\n' "$(div "$sq_export" "$cs_export")"
[ -z "$TIME" ] || printf 'export  cpu       %.2fx (coopstock %.2f s, sqlite3 %.2f s of user + system time)\n' \
    "$(div "$sq_export_cpu" "$cs_export_cpu")" "$cs_export_cpu" "$sq_export_cpu"
