#!/bin/sh
# The README's commands work as written.  Every line of a code block (an
# indented block or a ``` fence) of README.md that starts with `coopstock`
# or `./coopstock` is run, in order, in a temp directory holding the CSV
# files the README names, against a temp database ($COOPSTOCK_DB), and
# must exit 0.  Left out: synopsis lines (with [ ] or |) and the
# full-screen interface (no command).  README.zh_CN.md must show the same
# commands, so the two guides cannot drift apart.
. "$TESTS_SRCDIR/lib.sh"

# commands FILE: the runnable coopstock lines of FILE's code blocks,
# without indentation, trailing comments and the leading ./ .
commands() {
	awk '
	/^ *```/ { fence = !fence; next }
	fence || /^(    |\t)/ { sub(/^[ \t]+/, ""); print }' "$1" |
	grep -E '^(\./)?coopstock( |$)' | grep -v '[][|]' |
	sed -e 's/^\.\///' -e 's/[ \t]*#[^%]*$//' |
	grep -Ev '^coopstock( --db [^ ]+)?$'
}

commands "$TOP_SRCDIR/README.md" >"$T/readme.cmds"
commands "$TOP_SRCDIR/README.zh_CN.md" >"$T/readme-zh.cmds"
n=$(wc -l <"$T/readme.cmds")
ok "README.md shows at least 12 commands to run ($n)" test "$n" -ge 12
is "README.zh_CN.md shows the same commands as README.md" \
    "$(cat "$T/readme.cmds")" "$(cat "$T/readme-zh.cmds")"

# The files the README's commands name, from the import fixtures.
d=$TESTS_SRCDIR/data/imex
mkdir "$T/work" "$T/bin"
cp "$d/products.csv" "$d/members.csv" "$d/intake.csv" "$d/douyin.csv" \
    "$d/pinduoduo.csv" "$T/work/"
cp "$d/taobao-orders.csv" "$T/work/ExportOrderList.csv"
cp "$d/taobao-items.csv" "$T/work/ExportOrderDetailList.csv"
printf 'order_ref,courier,tracking_no\n6901234567890123,顺丰速运,SF1234567890123\n' \
    >"$T/work/tracking.csv"
ln -s "$COOPSTOCK" "$T/bin/coopstock"

COOPSTOCK_DB=$T/coop.db
PATH=$T/bin:$PATH
export COOPSTOCK_DB PATH
# The database is made by the README's own `coopstock init`.
while IFS= read -r line; do
	run sh -c "cd '$T/work' && $line"
	is "README: $line" 0 "$rc"
	[ "$rc" = 0 ] || printf '# %s\n' "$err"
done <"$T/readme.cmds"

ok "the routine made the manifest" test -f "$T/work/manifest.csv"
ok "the routine exported the stock" test -s "$T/work/stock.csv"
ok "the routine made a backup" sh -c 'ls "$1"/coopstock-*.db >/dev/null' - "$T/work"
run coopstock check
is "the database passes check after the routine" 0 "$rc"
done_testing
