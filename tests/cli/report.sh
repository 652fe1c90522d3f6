#!/bin/sh
# coopstock report: every report of the demo cooperative, as text and as
# CSV, compared byte for byte with tests/data/report-*.  The demo's dates
# are relative to today, so dates in the output are first rewritten as
# offsets from today ("2026-11-28" -> "D+0", the day before -> "D-1").
. "$TESTS_SRCDIR/lib.sh"
# The expected text is the untranslated English.
LC_ALL=C.UTF-8
export LC_ALL

db="$T/r.db"
cs --db "$db" demo >/dev/null || exit 1

# A sed script mapping the dates from 60 days ago to 10 days ahead.
n=-60
while [ $n -le 10 ]; do
	d=$(date -d "$n day" +%Y-%m-%d) || skip_all "date -d is not GNU date"
	case $n in -*) o=$n ;; *) o=+$n ;; esac
	echo "s/$d/D$o/g"
	n=$((n + 1))
done >"$T/dates.sed"

# golden NAME ARGS...: run the report, normalise, compare with the file.
golden() {
	name=$1
	shift
	cs --db "$db" report "$@" >"$T/raw" 2>"$T/err"
	rc=$?
	sed -f "$T/dates.sed" "$T/raw" >"$T/$name"
	if [ $rc -eq 0 ] && [ ! -s "$T/err" ] &&
	    cmp -s "$TESTS_SRCDIR/data/$name" "$T/$name"; then
		pass "report $* matches $name"
	else
		fail "report $* matches $name (exit $rc)"
		diff "$TESTS_SRCDIR/data/$name" "$T/$name" | sed 's/^/# /'
		sed 's/^/# stderr: /' "$T/err"
	fi
}

golden report-stock.txt stock
golden report-stock.csv stock --csv
golden report-low-stock.txt low-stock
golden report-low-stock.csv low-stock --csv
golden report-sales.txt sales
golden report-sales.csv sales --csv
golden report-payouts.txt payouts
golden report-payouts.csv payouts --csv
from=$(date -d "-18 day" +%Y-%m-%d)
to=$(date -d "-14 day" +%Y-%m-%d)
golden report-sales-range.txt sales --from "$from" --to "$to"

run cs --db "$db" report sales --from "$to" --to "$from"
is "a range that ends before it starts fails" 1 "$rc"
is "saying so" "coopstock: the value is not valid: the report starts on $to, after it ends on $from" "$err"
run cs --db "$db" report stock --from "$from"
is "only sales takes dates" 2 "$rc"
run cs --db "$db" report nonsense
is "an unknown report is a usage error" 2 "$rc"
is "naming the reports" "coopstock: unknown report 'nonsense' (stock, low-stock, sales or payouts) (see coopstock --help)" "$err"
run cs --db "$db" report
is "report needs a name" 2 "$rc"

# An empty database gives headers and nothing else.
cs --db "$T/e.db" init >/dev/null || exit 1
run cs --db "$T/e.db" report payouts --csv
is "an empty CSV report is its header" "code,name,village,owed,paid,balance" "$out"
done_testing
