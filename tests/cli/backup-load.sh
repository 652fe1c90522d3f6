#!/bin/sh
# Backups under load: 5 processes import intakes and orders and confirm
# orders in loops while `coopstock backup` runs again and again; every
# backup passes integrity_check and `coopstock check`, and every writer's
# every operation exits 0 (a backup never makes a writer give up).
# make check: 5 backups back to back; make stress: 60, one a second.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to check the backups"

backups=5
[ -n "${COOPSTOCK_STRESS:-}" ] && backups=60
db="$T/live.db"
cs --db "$db" init >/dev/null
cs --db "$db" import products "$TESTS_SRCDIR/data/imex/products.csv" >/dev/null
cs --db "$db" import members "$TESTS_SRCDIR/data/imex/members.csv" >/dev/null
printf 'member_code,sku,qty,grade\nM001,HT-500,1000000,BASE\n' >"$T/base.csv"
cs --db "$db" import intake "$T/base.csv" >/dev/null

# writer W: until the stop file exists, an intake, an order import and a
# confirmation per round; any failing exit is logged in $T/fail.W.
writer() {
	w=$1 n=0
	: >"$T/fail.$w"
	while [ ! -e "$T/stop" ]; do
		n=$((n + 1))
		printf 'member_code,sku,qty,grade\nM002,HT-500,%d,W%d\n' $n $w >"$T/i.$w.csv"
		printf 'order_ref,channel,sku,qty\nW%d-%d,phone,HT-500,1\n' $w $n >"$T/o.$w.csv"
		for op in "import intake $T/i.$w.csv" "import orders $T/o.$w.csv" \
		    "orders confirm --all"; do
			# shellcheck disable=SC2086
			"$COOPSTOCK" --db "$db" $op >/dev/null 2>"$T/err.$w" ||
			    echo "writer $w round $n: $op: $(cat "$T/err.$w")" >>"$T/fail.$w"
		done
	done
	echo $n >"$T/rounds.$w"
}
pids=
for w in 1 2 3 4 5; do
	writer $w &
	pids="$pids $!"
done

b=0 bad=0
while [ $b -lt $backups ]; do
	b=$((b + 1))
	[ -n "${COOPSTOCK_STRESS:-}" ] && sleep 1
	out=$("$COOPSTOCK" --db "$db" backup "$T/b$b.db" 2>&1) ||
	    { fail "backup $b: $out"; bad=$((bad + 1)); continue; }
	ic=$("$SQLITE3" "$T/b$b.db" 'PRAGMA integrity_check')
	[ "$ic" = ok ] || { fail "backup $b: integrity_check: $ic"; bad=$((bad + 1)); }
	out=$("$COOPSTOCK" --db "$T/b$b.db" check 2>&1) ||
	    { fail "backup $b: check: $out"; bad=$((bad + 1)); }
	rm -f "$T/b$b.db"
done
touch "$T/stop"
# shellcheck disable=SC2086
wait $pids
is "every backup is whole and passes check" 0 "$bad"
is "no writer failed" "" "$(cat "$T"/fail.*)"
run cs --db "$db" check
is "the live database passes check" 0 "$rc"
is "every writer's orders are confirmed" 0 \
    "$("$SQLITE3" "$db" "SELECT count(*) FROM orders WHERE status = 'new'")"
echo "# writers' rounds: $(cat "$T"/rounds.* | tr '\n' ' ')"
done_testing
