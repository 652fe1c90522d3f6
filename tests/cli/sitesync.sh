#!/bin/sh
# coopstock export sync / import sync: two sites that start from one
# bundle, work apart (intakes, sales through to shipped, orders left
# confirmed, the same price edited at both) and exchange bundles in both
# orders, then agree: `export stock` is byte-identical, reserved included;
# only an order's own site ships it; a bundle applied twice changes
# nothing; tampered, misaddressed and old bundles are refused with nothing
# written; three sites converge; an oversell (by sales or by a
# reservation) shows at both sites.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to compare databases"

A="$T/village.db"
B="$T/warehouse.db"
q() { "$SQLITE3" "$1" "$2"; }
dump() { "$SQLITE3" "$1" .dump; }
stock() { cs --db "$1" export stock; }
conflicts() { cs --db "$1" report conflicts --csv | tail -n +2; }
# One intake row of member M1: SKU QTY DATE.
intake() {
	printf 'member_code,sku,qty,unit_cost,received_on\nM1,%s,%s,1,%s\n' \
	    "$2" "$3" "$4" >"$T/in.csv"
	cs --db "$1" import intake "$T/in.csv" >/dev/null
}
# Take in: order REF of QTY SKU, left new.
take() {
	printf 'order_ref,channel,sku,qty\n%s,shop,%s,%s\n' "$2" "$3" "$4" \
	    >"$T/o.csv"
	cs --db "$1" import orders "$T/o.csv" >/dev/null
}
# Confirm: order REF of QTY SKU, taken in and confirmed (stock reserved).
confirm() {
	printf 'order_ref,channel,sku,qty\n%s,shop,%s,%s\n' "$2" "$3" "$4" \
	    >"$T/o.csv"
	cs --db "$1" import orders --confirm "$T/o.csv" >/dev/null
}
# Ship the confirmed order REF.
ship() {
	printf 'order_ref,courier,tracking_no\n%s,SF,SF-%s\n' "$2" "$2" \
	    >"$T/t.csv"
	cs --db "$1" import tracking "$T/t.csv" >/dev/null
}
# Sell: order REF of QTY SKU, confirmed, then shipped.
sell() {
	confirm "$@"
	ship "$1" "$2"
}
# Every site's export stock is byte-identical to the first's.
same_stock() {
	first=$1
	shift
	for db in "$@"; do
		stock "$db" >"$T/s2.csv"
		stock "$first" | cmp -s - "$T/s2.csv" || return 1
	done
}
price() {
	printf 'sku,name,unit,price\nHONEY,蜂蜜,jar,%s\n' "$2" >"$T/p.csv"
	cs --db "$1" import products "$T/p.csv" >/dev/null
}

run cs --db "$A" init --site village
is "init --site names the site" "0|this is site village" \
    "$rc|$(printf '%s' "$out" | head -n 1 | sed 's/ (id .*//')"
cs --db "$B" init --site warehouse >/dev/null
printf 'sku,name,unit,price\nHONEY,蜂蜜,jar,38\nWALNUT,核桃,kg,20\n' >"$T/p0.csv"
cs --db "$A" import products "$T/p0.csv" >/dev/null
printf 'code,name,village\nM1,王芳,上河\n' >"$T/m.csv"
cs --db "$A" import members "$T/m.csv" >/dev/null
intake "$A" HONEY 10 2026-03-01
intake "$A" WALNUT 5 2026-03-01

# The warehouse starts from the village's first bundle.
run cs --db "$A" export sync --to warehouse "$T/a1"
is "first bundle: everything" "0|bundle 1 for warehouse in $T/a1: 7 rows" \
    "$rc|$(printf '%s' "$out" | head -n 1)"
run cs --db "$B" import sync "$T/a1"
is "first bundle merged" "0|bundle 1 from village: 7 rows, 7 new" \
    "$rc|$(printf '%s' "$out" | head -n 1)"
is "both start with the same stock" "$(stock "$A")" "$(stock "$B")"

# Apart: each takes produce in, sells, and changes the honey's price.
# Some orders are shipped, some only confirmed (stock reserved), one
# left new.
intake "$A" HONEY 4 2026-03-02
sell "$A" A1 HONEY 2
confirm "$A" A2 HONEY 3
take "$A" A3 HONEY 1
price "$A" 40
intake "$B" WALNUT 3 2026-03-02
sell "$B" B1 WALNUT 1
sell "$B" B2 HONEY 1
confirm "$B" B3 WALNUT 2
price "$B" 42
ok "apart, the stock differs" test "$(stock "$A")" != "$(stock "$B")"

# The bundles cross: both are written before either is read.
cs --db "$A" export sync --to warehouse "$T/a2" >/dev/null
cs --db "$B" export sync --to village "$T/b1" >/dev/null
run cs --db "$A" import sync "$T/b1"
is "village merges the warehouse's bundle" "0||1 new conflict: see coopstock report conflicts" \
    "$rc|$err|$(printf '%s' "$out" | tail -n 1)"
run cs --db "$B" import sync "$T/a2"
is "warehouse merges the village's" "0|" "$rc|$err"
ok "export stock is byte-identical at both sites" same_stock "$A" "$B"
is "the stock is every site's moves, reserved is every site's confirmed orders" \
    "sku,name,unit,on_hand,reserved,available
HONEY,蜂蜜,jar,11,3,8
WALNUT,核桃,kg,7,2,5" "$(stock "$B")"
is "the price agrees" "$(q "$A" "SELECT price FROM product WHERE sku = 'HONEY'")" \
    "$(q "$B" "SELECT price FROM product WHERE sku = 'HONEY'")"
is "orders agree" "A1|shipped
A2|confirmed
A3|new
B1|shipped
B2|shipped
B3|confirmed" "$(q "$B" "SELECT ext_ref, status FROM orders ORDER BY ext_ref")"
is "orders agree at the village" "$(q "$B" "SELECT ext_ref, status FROM orders ORDER BY ext_ref")" \
    "$(q "$A" "SELECT ext_ref, status FROM orders ORDER BY ext_ref")"
run cs --db "$A" check
is "check passes at the village" "0" "$rc"
run cs --db "$B" check
is "check passes at the warehouse" "0" "$rc"
is "the price conflict, once at the village" "1" "$(conflicts "$A" | wc -l)"
is "and once at the warehouse" "1" "$(conflicts "$B" | wc -l)"
is "the conflict names both prices" "field,product,HONEY,price" \
    "$(conflicts "$A" | cut -d, -f1-4)"
is "the same prices at both sites" \
    "$(conflicts "$A" | cut -d, -f5,8 | tr , '\n' | sort | tr '\n' ' ')" \
    "$(conflicts "$B" | cut -d, -f5,8 | tr , '\n' | sort | tr '\n' ' ')"
is "the kept and the lost price" "40.00 42.00 " \
    "$(conflicts "$B" | cut -d, -f5,8 | tr , '\n' | sort | tr '\n' ' ')"

# A bundle applied twice changes nothing.
for pair in "$A:$T/b1" "$B:$T/a2"; do
	db=${pair%%:*}
	dir=${pair#*:}
	before=$(dump "$db")
	run cs --db "$db" import sync "$dir"
	is "re-applying $(basename "$dir") changes nothing" "$before" "$(dump "$db")"
done
is "a re-applied bundle: nothing new" "0|bundle 2 from village: 24 rows, 0 new" \
    "$rc|$(printf '%s' "$out" | head -n 1)"

# The other order: the warehouse's bundle first, then the village's back,
# which acknowledges it; each holds only what is new.
intake "$B" HONEY 6 2026-03-03
intake "$A" WALNUT 2 2026-03-03
# Only the site that took an order in confirms, packs or ships it.
printf 'order_ref,courier,tracking_no\nA2,SF,SF-A2\n' >"$T/t.csv"
before=$(dump "$B")
run cs --db "$B" import tracking "$T/t.csv"
is "the warehouse cannot ship the village's order" \
    "1|order $(q "$B" "SELECT id FROM orders WHERE ext_ref = 'A2'") was taken in at another site; only that site can confirm, pack or ship it" \
    "$rc|$(printf '%s\n' "$out" "$err" | grep -o 'order [0-9]* was taken.*' | head -n 1)"
is "refused shipping: unchanged" "$before" "$(dump "$B")"
run cs --db "$B" orders confirm --all
is "confirming every new order leaves the village's alone" "0|A3|new" \
    "$rc|$(q "$B" "SELECT ext_ref, status FROM orders WHERE ext_ref = 'A3'")"
ship "$A" A2
cs --db "$A" orders confirm --all >/dev/null
ship "$B" B3
run cs --db "$B" export sync --to village "$T/b2"
is "the village has not acknowledged b1 yet: it comes again, without the village's own rows" \
    "bundle 2 for village in $T/b2: 26 rows" "$(printf '%s' "$out" | head -n 1)"
cs --db "$A" import sync "$T/b2" >/dev/null
cs --db "$A" export sync --to warehouse "$T/a3" >/dev/null
run cs --db "$B" import sync "$T/a3"
is "the village's bundle back" "0|" "$rc|$err"
ok "export stock is byte-identical again" same_stock "$A" "$B"
is "shipped and newly confirmed orders, read in the other order" \
    "sku,name,unit,on_hand,reserved,available
HONEY,蜂蜜,jar,14,1,13
WALNUT,核桃,kg,7,0,7" "$(stock "$A")"
for db in "$A" "$B"; do
	run cs --db "$db" check
	is "check passes again at $(basename "$db")" "0" "$rc"
done
is "no new conflict" "1|1" "$(conflicts "$A" | wc -l)|$(conflicts "$B" | wc -l)"
run cs --db "$B" export sync --to village "$T/b3"
is "acknowledged both ways: the next bundle is empty" \
    "bundle 3 for village in $T/b3: 0 rows" "$(printf '%s' "$out" | head -n 1)"

# Old, tampered and misaddressed bundles: refused, nothing written.
before=$(dump "$B")
run cs --db "$B" import sync "$T/a2"
is "an older bundle is refused" "1|coopstock: bundle 2 from village is older than bundle 3, which was merged already; nothing was written" "$rc|$err"
is "older: unchanged" "$before" "$(dump "$B")"
cs --db "$A" import sync "$T/b3" >/dev/null
intake "$A" HONEY 1 2026-03-04
cs --db "$A" export sync --to warehouse "$T/a4" >/dev/null
cp -R "$T/a4" "$T/bad"
sed 's/,1000,/,9000,/' "$T/a4/stock_moves.csv" >"$T/bad/stock_moves.csv"
ok "the tampered file differs by one byte" test "$(cmp "$T/a4/stock_moves.csv" "$T/bad/stock_moves.csv" | wc -l)" = 1
before=$(dump "$B")
run cs --db "$B" import sync "$T/bad"
is "a tampered bundle is refused" "1|coopstock: $T/bad/stock_moves.csv: altered: its SHA-256 does not match the manifest; nothing was written" "$rc|$err"
is "tampered: unchanged" "$before" "$(dump "$B")"
rm "$T/bad/lots.csv"
run cs --db "$B" import sync "$T/bad"
is "a missing file is refused" "1|coopstock: $T/bad/lots.csv: missing; nothing was written" "$rc|$err"
is "missing: unchanged" "$before" "$(dump "$B")"
cs --db "$T/other.db" init --site shop >/dev/null
before=$(dump "$T/other.db")
run cs --db "$T/other.db" import sync "$T/a4"
is "a bundle for another site is refused" "1|coopstock: this bundle is for site warehouse, and this site is shop; nothing was written" "$rc|$err"
is "misaddressed: unchanged" "$before" "$(dump "$T/other.db")"
run cs --db "$A" import sync "$T/a4"
is "a site's own bundle is refused" "1|coopstock: this bundle was written by this site; nothing was written" "$rc|$err"
before=$(dump "$B")
run cs --db "$B" import sync "$T/a4" --dry-run
is "a dry run says what would come" "0|bundle 4 from village: 2 rows, 2 new (dry run: nothing was written)" \
    "$rc|$(printf '%s' "$out" | head -n 1)"
is "dry run: unchanged" "$before" "$(dump "$B")"
run cs --db "$B" import sync "$T/a4"
is "the good copy is merged" "0|stock agrees" "$rc|$(test "$(stock "$A")" = "$(stock "$B")" && echo stock agrees)"

# Three sites: two villages and the warehouse between them.  Bundles
# travel only village <-> warehouse; all three end with the same stock.
VA="$T/va.db"
VB="$T/vb.db"
W="$T/w.db"
cs --db "$VA" init --site 上河村 >/dev/null
cs --db "$VB" init --site 下河村 >/dev/null
cs --db "$W" init --site 县城仓库 >/dev/null
cs --db "$W" import products "$T/p0.csv" >/dev/null
cs --db "$W" import members "$T/m.csv" >/dev/null
intake "$W" HONEY 20 2026-04-01
cs --db "$W" export sync --to 上河村 "$T/w-va1" >/dev/null
cs --db "$W" export sync --to 下河村 "$T/w-vb1" >/dev/null
cs --db "$VA" import sync "$T/w-va1" >/dev/null
cs --db "$VB" import sync "$T/w-vb1" >/dev/null
intake "$VA" WALNUT 4 2026-04-02
sell "$VA" VA1 HONEY 3
confirm "$VA" VA2 HONEY 2
intake "$VB" HONEY 2 2026-04-02
sell "$VB" VB1 HONEY 5
confirm "$VB" VB2 HONEY 1
sell "$W" W1 HONEY 1
confirm "$W" W2 HONEY 4
cs --db "$VA" export sync --to 县城仓库 "$T/va-w1" >/dev/null
cs --db "$VB" export sync --to 县城仓库 "$T/vb-w1" >/dev/null
run cs --db "$W" import sync "$T/vb-w1"
is "the warehouse merges village B" "0|" "$rc|$err"
run cs --db "$W" import sync "$T/va-w1"
is "and village A" "0|" "$rc|$err"
cs --db "$W" export sync --to 上河村 "$T/w-va2" >/dev/null
cs --db "$W" export sync --to 下河村 "$T/w-vb2" >/dev/null
run cs --db "$VB" import sync "$T/w-vb2"
is "village B hears of village A through the warehouse" "0|" "$rc|$err"
run cs --db "$VA" import sync "$T/w-va2"
is "village A hears of village B" "0|" "$rc|$err"
is "three sites: the warehouse's stock, every site's reservations" \
    "sku,name,unit,on_hand,reserved,available
HONEY,蜂蜜,jar,13,7,6
WALNUT,核桃,kg,4,0,4" "$(stock "$W")"
is "three sites: village A agrees" "$(stock "$W")" "$(stock "$VA")"
is "three sites: village B agrees" "$(stock "$W")" "$(stock "$VB")"
ok "three sites: export stock is byte-identical" same_stock "$W" "$VA" "$VB"
is "three sites: every order everywhere" \
    "VA1|shipped VA2|confirmed VB1|shipped VB2|confirmed W1|shipped W2|confirmed " \
    "$(q "$VB" "SELECT ext_ref, status FROM orders ORDER BY ext_ref" | tr '\n' ' ')"
for db in "$VA" "$VB" "$W"; do
	run cs --db "$db" check
	is "three sites: check passes at $(basename "$db")" "0" "$rc"
done
cs --db "$VA" export sync --to 县城仓库 "$T/va-w2" >/dev/null
run cs --db "$W" import sync "$T/va-w2"
is "three sites: only rows the warehouse forwarded come back; nothing is new" \
    "bundle 2 from 上河村: 13 rows, 0 new" \
    "$(printf '%s' "$out" | head -n 1)"

# Both sites sell the last jar while apart: both sales stand, and both
# sites show the product as oversold until a manager adjusts it.
X="$T/x.db"
Y="$T/y.db"
cs --db "$X" init --site x >/dev/null
cs --db "$Y" init --site y >/dev/null
cs --db "$X" import products "$T/p0.csv" >/dev/null
cs --db "$X" import members "$T/m.csv" >/dev/null
intake "$X" HONEY 1 2026-05-01
cs --db "$X" export sync --to y "$T/x1" >/dev/null
cs --db "$Y" import sync "$T/x1" >/dev/null
sell "$X" X1 HONEY 1
sell "$Y" Y1 HONEY 1
price "$X" 39
price "$Y" 41
cs --db "$X" export sync --to y "$T/x2" >/dev/null
cs --db "$Y" export sync --to x "$T/y1" >/dev/null
# this time the site that received the first bundle reads first
run cs --db "$Y" import sync "$T/x2"
is "the merge says so" "0|1 product is oversold: see coopstock report oversold" \
    "$rc|$(printf '%s' "$out" | tail -n 1)"
cs --db "$X" import sync "$T/y1" >/dev/null
is "read in the other order: the price conflict, once at each site" "1|1" \
    "$(conflicts "$X" | wc -l)|$(conflicts "$Y" | wc -l)"
is "and the same price at both" "$(q "$X" "SELECT price FROM product WHERE sku = 'HONEY'")" \
    "$(q "$Y" "SELECT price FROM product WHERE sku = 'HONEY'")"
for db in "$X" "$Y"; do
	run cs --db "$db" report oversold --csv
	is "oversold at $(basename "$db")" "sku,name,unit,on_hand,reserved
HONEY,蜂蜜,jar,-1,0" "$out"
	run cs --db "$db" check
	is "check at $(basename "$db"): passes, noting it" "0|oversold: HONEY: -1 jar on hand; a manager should adjust it" \
	    "$rc|$(printf '%s' "$out" | head -n 1)"
done
is "oversold: the stock agrees" "$(stock "$X")" "$(stock "$Y")"

# A reservation can oversell too: one site confirms the last jar for a
# customer while the other sells it.  After the merge both show the jar
# reserved and none on hand, and neither can confirm more than is free.
P="$T/p.db"
Q="$T/q.db"
cs --db "$P" init --site p >/dev/null
cs --db "$Q" init --site q >/dev/null
cs --db "$P" import products "$T/p0.csv" >/dev/null
cs --db "$P" import members "$T/m.csv" >/dev/null
intake "$P" HONEY 1 2026-05-01
cs --db "$P" export sync --to q "$T/p1" >/dev/null
cs --db "$Q" import sync "$T/p1" >/dev/null
sell "$P" P1 HONEY 1
confirm "$Q" Q1 HONEY 1
cs --db "$P" export sync --to q "$T/p2" >/dev/null
cs --db "$Q" export sync --to p "$T/q1" >/dev/null
cs --db "$P" import sync "$T/q1" >/dev/null
cs --db "$Q" import sync "$T/p2" >/dev/null
for db in "$P" "$Q"; do
	run cs --db "$db" report oversold --csv
	is "reserved beyond on hand: oversold at $(basename "$db")" \
	    "sku,name,unit,on_hand,reserved
HONEY,蜂蜜,jar,0,1" "$out"
	run cs --db "$db" check
	is "reserved beyond on hand: check passes at $(basename "$db"), noting it" \
	    "0|oversold: HONEY: 0 jar on hand but 1 jar reserved; a manager should adjust it or cancel an order" \
	    "$rc|$(printf '%s' "$out" | head -n 1)"
done
ok "reserved beyond on hand: export stock is byte-identical" same_stock "$P" "$Q"
# A new jar at p is the one q's customer holds: p cannot confirm it again.
intake "$P" HONEY 1 2026-05-02
take "$P" P2 HONEY 1
run cs --db "$P" orders confirm --all
is "p's confirm is short by the jar q's customer holds" \
    "1|order 3 (shop P2, ): HONEY short by 1 jar" \
    "$rc|$(printf '%s' "$out" | head -n 1)"
is "the other site's reservation counts at p" "P2|new|HONEY,蜂蜜,jar,1,1,0" \
    "$(q "$P" "SELECT ext_ref, status FROM orders WHERE ext_ref = 'P2'")|$(stock "$P" | grep "^HONEY")"

# A manifest that lies about a row count, or that cannot be read.
cs --db "$X" export sync --to y --all "$T/x3" >/dev/null
cp -R "$T/x3" "$T/x3-rows"
sed 's/^file,lots.csv,1,/file,lots.csv,2,/' "$T/x3/manifest.csv" >"$T/x3-rows/manifest.csv"
before=$(dump "$Y")
run cs --db "$Y" import sync "$T/x3-rows"
is "a wrong row count is refused" "1|coopstock: $T/x3-rows/lots.csv: 1 rows, but the manifest says 2; nothing was written" "$rc|$err"
is "wrong row count: unchanged" "$before" "$(dump "$Y")"
cp -R "$T/x3" "$T/x3-junk"
printf 'entry,value,rows,after,upto,sha256\nformat,coopstock-sync-1,,,,\nsurprise,1,,,,\n' >"$T/x3-junk/manifest.csv"
run cs --db "$Y" import sync "$T/x3-junk"
is "an unreadable manifest is refused" "1|coopstock: $T/x3-junk/manifest.csv:3: not understood; nothing was written" "$rc|$err"
run cs --db "$Y" import sync "$T/no-such-folder"
is "no bundle there" "1|coopstock: $T/no-such-folder/manifest.csv: missing: this is not a bundle folder; nothing was written" "$rc|$err"
is "refusals: unchanged" "$before" "$(dump "$Y")"
run cs --db "$Y" import sync "$T/x3"
is "the whole bundle again (--all) adds nothing" "0|bundle 3 from x: 13 rows, 0 new" \
    "$rc|$(printf '%s' "$out" | head -n 1)"
is "--all: nothing but the note of what was merged changed" \
    "$(printf '%s\n' "$before" | grep -v '^INSERT INTO sync_peer')" \
    "$(dump "$Y" | grep -v '^INSERT INTO sync_peer')"

done_testing
