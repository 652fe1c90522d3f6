#!/bin/sh
# frozen.sh - a frozen clerk: the TUI is stopped with SIGSTOP in the middle
# of the new order form (a line half typed), while 4 processes import
# intakes and orders and confirm orders; every one of their writes exits 0
# (none gets "database is busy"), since no transaction is held across
# terminal I/O.  Then SIGCONT: the clerk saves the order, and the ledger
# invariants hold.  make check: 3 rounds per writer; make stress: 50.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed"
rounds=3
[ -n "${COOPSTOCK_STRESS:-}" ] && rounds=50

db=$T/frozen.db
cs --db "$db" demo >/dev/null
# Enough of everything that every confirmation succeeds.
{ echo member_code,sku,qty,grade
  "$SQLITE3" "$db" "SELECT 'M001,' || sku || ',1000,PLENTY' FROM product"
} >"$T/plenty.csv"
cs --db "$db" import intake "$T/plenty.csv" >/dev/null
tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$db"
tui_wait "Who are you?" >/dev/null
tui_send /
tui_type 李娜
tui_send Enter Enter
tui_wait "PIN for 李娜" >/dev/null
tui_type 1111
tui_send Enter
ok "the clerk signs in" tui_wait "What needs doing now:"
tui_send o
tui_wait "Orders: All orders" >/dev/null
tui_send n
ok "the new order form is open" tui_wait "No lines yet"
tui_send Tab
tui_type "冻结"
tui_send C-t
ok "a product is being asked for" tui_wait "Product (SKU, short code or name)"
tui_type "LJJ-280"
tui_send Enter
tui_wait "LJJ-280" >/dev/null
pid=$(tui_pane_pid)
kill -STOP "$pid"
# SIGSTOP is delivered asynchronously: on a loaded machine the state can
# still read S just after kill returns, so poll (every 50 ms, at most 10 s).
stopped() {
	grep -q "^State:.*T" /proc/$1/status 2>/dev/null ||
	    ps -o stat= -p "$1" | grep -q T
}
i=0
while ! stopped "$pid" && [ $i -lt 200 ]; do
	i=$((i + 1))
	sleep 0.05
done
ok "the clerk's process is stopped" stopped "$pid"

writer() {
	w=$1 n=0
	: >"$T/fail.$w"
	while [ $n -lt "$rounds" ]; do
		n=$((n + 1))
		printf 'member_code,sku,qty,grade\nM001,LJJ-280,%d,F%d\n' $n $w >"$T/i.$w.csv"
		printf 'order_ref,channel,sku,qty\nF%d-%d,phone,LJJ-280,1\n' $w $n >"$T/o.$w.csv"
		for op in "import intake $T/i.$w.csv" "import orders $T/o.$w.csv" \
		    "orders confirm --all"; do
			# shellcheck disable=SC2086
			"$COOPSTOCK" --db "$db" $op >/dev/null 2>"$T/err.$w" ||
			    echo "writer $w round $n: $op: $(cat "$T/err.$w")" >>"$T/fail.$w"
		done
	done
}
pids=
for w in 1 2 3 4; do
	writer $w &
	pids="$pids $!"
done
# shellcheck disable=SC2086
wait $pids
is "every write of the others finishes while the clerk is frozen" "" \
    "$(cat "$T"/fail.*)"
is "every writer's order is in" $((4 * rounds)) \
    "$("$SQLITE3" "$db" "SELECT count(*) FROM orders WHERE ext_ref LIKE 'F%'")"
kill -CONT "$pid"
tui_type 1
tui_send Enter
tui_wait "Price per jar" >/dev/null
tui_send Enter
ok "the clerk goes on with the line" tui_wait "1 line"
tui_send F2
ok "and saves the order" tui_wait "Confirm it now"
tui_send y
ok "confirmed after the others' writes" tui_wait "saved and confirmed"
run cs --db "$db" check
is "the ledger invariants hold" 0 "$rc"
done_testing
