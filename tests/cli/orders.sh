#!/bin/sh
# coopstock orders confirm --all: every new order of the demo, oldest
# first; the one the stock cannot fill is listed with what it lacks, and
# the exit status is 1 with one line on stderr.
. "$TESTS_SRCDIR/lib.sh"
# The expected text is the untranslated English.
LC_ALL=C.UTF-8
export LC_ALL

db="$T/o.db"
cs --db "$db" demo >/dev/null || exit 1

run cs --db "$db" orders confirm
is "without --all it is a usage error" 2 "$rc"
is "saying what is missing" "coopstock: orders confirm needs --all (see coopstock --help)" "$err"
run cs --db "$db" orders ship
is "an unknown action is a usage error" 2 "$rc"

run cs --db "$db" orders confirm --all --channel douyin
is "a channel with no new orders: exit 0" 0 "$rc"
is "nothing confirmed" "0 orders confirmed" "$out"

run cs --db "$db" orders confirm --all
is "a short order gives exit 1" 1 "$rc"
is "the shortfall list names the order and what it lacks" \
    "order 14 (taobao 3736028174659203, 许诺): DS-500 short by 2 bag
2 orders confirmed" "$out"
is "one line on stderr" "coopstock: 1 order left new: not enough stock" "$err"

run cs --db "$db" check
is "the ledger checks out" "$db: ok" "$out"

run cs --db "$db" orders confirm --all
is "again: only the short one is left" "order 14 (taobao 3736028174659203, 许诺): DS-500 short by 2 bag
0 orders confirmed" "$out"
done_testing
