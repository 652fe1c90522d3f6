#!/bin/sh
# The kill loop: random intakes, order imports, order confirmations and
# shipments through the command line against one database, each process
# killed with SIGKILL after a random delay (in microseconds, from a fixed
# seed so a failure reproduces: KILL_SEED=n).  After every kill:
# integrity_check is ok, `coopstock check` passes, every operation seen to
# exit 0 is there, and every import is all or nothing (its rows counted by
# a marker: the lots' grade K<i>, the orders' ref K<i>-<j>, the shipments'
# tracking number S<i>-<j>).  make check: 200 kills; make stress: 5,000.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to check the database"

kills=200
[ -n "${COOPSTOCK_STRESS:-}" ] && kills=5000
seed=${KILL_SEED:-20261128}
db="$T/k.db"
q() { "$SQLITE3" "$db" "$1"; }

cs --db "$db" init >/dev/null
cs --db "$db" import products "$TESTS_SRCDIR/data/imex/products.csv" >/dev/null
cs --db "$db" import members "$TESTS_SRCDIR/data/imex/members.csv" >/dev/null
printf 'member_code,sku,qty,grade\nM001,HT-500,1000000,BASE\n' >"$T/base.csv"
run cs --db "$db" import intake "$T/base.csv"
is "the base intake is in" 0 "$rc"

# One line per operation: kind (0 intake, 1 orders, 2 confirm, 3 tracking),
# row count 1..4, delay in microseconds 0..6000.
awk -v n="$kills" -v s="$seed" 'BEGIN { srand(s); for (i = 1; i <= n; i++)
    printf "%d %d %d\n", int(rand() * 4), 1 + int(rand() * 4),
    int(rand() * 6000) }' >"$T/plan"

: >"$T/expect"  # kind key rows committed
confirmed_upto=0
killed=0
bad=0
i=0
while read -r kind k delay; do
	i=$((i + 1))
	f="$T/op.csv"
	case $kind in
	0)	printf 'member_code,sku,qty,grade\n' >"$f"
		j=1; while [ $j -le "$k" ]; do
			printf 'M002,HT-500,%d,K%d\n' $j $i >>"$f"; j=$((j + 1))
		done
		set -- import intake "$f"; key="L K$i";;
	1)	printf 'order_ref,channel,sku,qty\n' >"$f"
		j=1; while [ $j -le "$k" ]; do
			printf 'K%d-%d,phone,HT-500,1\n' $i $j >>"$f"; j=$((j + 1))
		done
		set -- import orders "$f"; key="O K$i";;
	2)	upto=$(q "SELECT coalesce(max(id), 0) FROM orders")
		set -- orders confirm --all; key="";;
	3)	printf 'order_ref,courier,tracking_no\n' >"$f"
		q "SELECT ext_ref FROM orders WHERE status = 'confirmed'
		    ORDER BY id LIMIT $k" >"$T/refs"
		k=0
		while read -r ref; do
			k=$((k + 1))
			printf '%s,SF,S%d-%d\n' "$ref" $i $k >>"$f"
		done <"$T/refs"
		[ $k -gt 0 ] || continue
		set -- import tracking "$f"; key="S S$i";;
	esac
	"$COOPSTOCK" --db "$db" "$@" >/dev/null 2>"$T/op.err" &
	pid=$!
	sleep "$(awk -v d="$delay" 'BEGIN { printf "%.6f", d / 1e6 }')"
	kill -KILL $pid 2>/dev/null
	wait $pid
	rc=$?
	case $rc in
	137)	killed=$((killed + 1)); committed=0;;
	0)	committed=1;;
	*)	fail "operation $i ($*) exits $rc: $(cat "$T/op.err")"
		bad=$((bad + 1)); committed=0;;
	esac
	[ -n "$key" ] && echo "$key $k $committed" >>"$T/expect"
	[ "$kind" = 2 ] && [ $committed = 1 ] && confirmed_upto=$upto

	ic=$(q 'PRAGMA integrity_check')
	[ "$ic" = ok ] || { fail "after operation $i: integrity_check: $ic"; bad=$((bad + 1)); }
	cs --db "$db" check >"$T/check.out" 2>&1 ||
	    { fail "after operation $i: check: $(cat "$T/check.out")"; bad=$((bad + 1)); }
	q "SELECT 'L', grade, count(*) FROM lot WHERE grade LIKE 'K%' GROUP BY grade;
	    SELECT 'O', substr(ext_ref, 1, instr(ext_ref, '-') - 1), count(*)
	    FROM orders WHERE ext_ref LIKE 'K%' GROUP BY 2;
	    SELECT 'S', substr(tracking_no, 1, instr(tracking_no, '-') - 1),
	    count(*) FROM shipment WHERE tracking_no LIKE 'S%' GROUP BY 2;
	    SELECT 'C', '-', count(*) FROM orders WHERE status = 'new'
	    AND id <= $confirmed_upto" >"$T/got"
	if ! awk -F'|' -v i="$i" 'NR == FNR { got[$1 " " $2] = $3; next }
	    { g = ($1 " " $2) in got ? got[$1 " " $2] : 0
	      if (g != 0 && g != $3) { print "half-applied: " $0 " has " g; e = 1 }
	      if ($4 == 1 && g != $3) { print "lost: " $0 " has " g; e = 1 } }
	    END { if (got["C -"] != 0) { print "confirmed orders back to new"; e = 1 }
	      exit e }' "$T/got" FS=' ' "$T/expect" >"$T/diff"; then
		fail "after operation $i: $(cat "$T/diff")"
		bad=$((bad + 1))
	fi
	[ $bad -gt 5 ] && break
done <"$T/plan"
is "every operation checked" "$kills" "$i"
is "no problem after any kill" 0 "$bad"
echo "# $killed of $i processes were killed before they finished (seed $seed)"
done_testing
