#!/bin/sh
# bench/wave.sh - the livestream figures: how long `coopstock orders
# confirm --all` takes for N new orders (default 10,000; 1-3 lines each,
# 50 products with 4 lots each, stock for all of them), and how long
# `coopstock wave picklist` takes for a wave of all N.  Also the wave's
# creation and its slips.  Run by `make bench`.  Targets: under 2 s each
# on the 2-core machine; nothing is asserted.
set -eu
: "${COOPSTOCK:=./coopstock}"
N=${BENCH_ORDERS:-10000}
W=$(mktemp -d "${TMPDIR:-/tmp}/coopstock-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
db="$W/w.db"

now() { date +%s.%N; }
# CPU seconds (user + system) of the last timed command, when
# /usr/bin/time is there: the figure that does not depend on what else
# the machine is doing.
TIME=
if [ -x /usr/bin/time ]; then TIME="/usr/bin/time -f %U+%S -o $W/cpu"; fi
cpu() {
	if [ -n "$TIME" ]; then
		awk -F+ '{ printf ", %.3f s CPU", $1 + $2 }' "$W/cpu"
	fi
}
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
cs() { "$COOPSTOCK" --db "$db" "$@"; }
tcs() { $TIME "$COOPSTOCK" --db "$db" "$@"; }

awk 'BEGIN {
	print "sku,name,unit,price,short_code"
	for (p = 1; p <= 50; p++)
		printf "P%02d,产品%d,bag,%d,p%d\n", p, p, 10 + p, p
}' >"$W/p.csv"
awk -v n="$N" 'BEGIN {
	print "sku,qty,received_on,best_before"
	for (p = 1; p <= 50; p++)
		for (k = 1; k <= 4; k++)
			printf "P%02d,%d,2026-11-01,2099-%02d-01\n", p, n * 3 / 50, k
}' >"$W/i.csv"
awk -v n="$N" 'BEGIN {
	print "order_ref,channel,date,customer,phone,address,sku,qty,unit_price,note"
	for (i = 0; i < n; i++) {
		s = i * 7919 % n
		for (l = 0; l <= i % 3; l++)
			printf "L%06d,douyin,2026-11-28 %02d:%02d:%02d,客户%d,139%08d,陇南市 %d 号,P%02d,%d,,\n", i, 8 + int(s / 3600) % 12, int(s / 60) % 60, s % 60, i, i % 5000, i, (i + l * 17) % 50 + 1, 1 + l
	}
}' >"$W/o.csv"
cs init >/dev/null
cs import products "$W/p.csv" >/dev/null
cs import intake "$W/i.csv" >/dev/null
cs import orders "$W/o.csv" >/dev/null

t0=$(now)
tcs orders confirm --all >"$W/confirm.out"
t1=$(now)
echo "batch confirm of $N new orders: $(secs "$t0" "$t1") s$(cpu) ($(tail -1 "$W/confirm.out"))"
t0=$(now)
tcs wave create --all >"$W/create.out"
t1=$(now)
echo "wave create ($(cat "$W/create.out")): $(secs "$t0" "$t1") s$(cpu)"
t0=$(now)
tcs wave picklist 1 "$W/pick.txt"
t1=$(now)
echo "pick list of the $N-order wave: $(secs "$t0" "$t1") s$(cpu) ($(tail -1 "$W/pick.txt"))"
t0=$(now)
tcs wave slips 1 --width 42 "$W/slips.txt" >/dev/null
t1=$(now)
echo "slips of the $N-order wave: $(secs "$t0" "$t1") s$(cpu)"
t0=$(now)
tcs wave packed 1 >/dev/null
t1=$(now)
echo "wave packed ($N orders): $(secs "$t0" "$t1") s$(cpu)"
