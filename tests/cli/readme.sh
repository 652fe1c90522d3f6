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
# The burst routine's evening: three more Douyin orders (one of two
# sub-orders), then SF's waybills for every order of wave 1, the three
# orders the daily routine left confirmed and these three.
{
	head -n 1 "$d/douyin.csv"
	printf '\t%s,\t%s,%s,%s,%s,%s,%s,%s,%s,待发货,%s,%s,%s\n' \
	    6902000000000001 6902000000000002 核桃 500g 2 HT-500 1234.50 2481.00 \
	    '2026-03-10 20:01:00' '林**' '138****5678' '浙江省,杭州市,西湖区,西溪街道,文三路8号,' \
	    6902000000000001 6902000000000003 蜂蜜 1瓶 1 007 12.00 2481.00 \
	    '2026-03-10 20:01:00' '林**' '138****5678' '浙江省,杭州市,西湖区,西溪街道,文三路8号,' \
	    6902000000000011 6902000000000012 蜂蜜 1瓶 3 007 12.00 36.00 \
	    '2026-03-10 20:03:00' '赵**' '139****4321' '四川省,成都市,武侯区,玉林街道,玉林北路5号,快点发' \
	    6902000000000021 6902000000000022 核桃 500g 1 HT-500 1234.50 1234.50 \
	    '2026-03-10 20:07:00' '吴**' '137****2468' '北京市,北京市,海淀区,中关村街道,中关村大街27号,'
} >"$T/work/douyin-export.csv"
{
	printf '订单号,快递公司,运单号\n'
	n=0
	for ref in 3812345678901234 3812345678901235 260309-123456789012345 \
	    6902000000000001 6902000000000011 6902000000000021; do
		n=$((n + 1))
		printf '%s,顺丰速运,SF100000000000%d\n' "$ref" "$n"
	done
} >"$T/work/sf-waybills.csv"
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
ok "the burst routine printed the pick list" test -s "$T/work/pick.txt"
ok "the burst routine printed the slips" test -s "$T/work/slips.txt"
ok "the burst routine wrote SF's manifest" test -s "$T/work/sf.csv"
run coopstock wave show 1
is "wave 1: every order shipped" \
    "Now: 0 confirmed, 0 packed, 6 shipped, 0 other" "$(printf '%s\n' "$out" | sed -n 2p)"
run coopstock check
is "the database passes check after the routine" 0 "$rc"
done_testing
