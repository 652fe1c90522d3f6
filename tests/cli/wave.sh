#!/bin/sh
# A livestream burst through the command line: 500 orders from a shop
# export in our layout against limited stock, confirmed oldest first with
# the exact shortfall list; then a wave of the confirmed ones picked,
# slipped, packed, handed to the courier and shipped when the tracking
# numbers come back.
. "$TESTS_SRCDIR/lib.sh"
LC_ALL=C.UTF-8
export LC_ALL

db="$T/w.db"
cs --db "$db" init >/dev/null || exit 1
printf 'sku,name,unit,price,short_code\nHT-500,核桃 500g,bag,30,ht\nFM-500,土蜂蜜 500g,jar,68,fm\n' >"$T/p.csv"
printf 'sku,qty,received_on,best_before\nHT-500,20,2026-11-01,2099-02-01\nHT-500,10,2026-11-01,2099-01-01\nFM-500,25,2026-11-01,\n' >"$T/i.csv"
cs --db "$db" import products "$T/p.csv" >/dev/null || exit 1
cs --db "$db" import intake "$T/i.csv" >/dev/null || exit 1

# Order i (id i+1) arrives at second i*7 mod 500 after 20:00: the file
# is not in time order.  Even orders want 1-3 bags of walnuts, odd ones
# 1-2 jars of honey.
awk 'BEGIN {
	print "order_ref,channel,date,customer,phone,address,sku,qty,unit_price,note"
	for (i = 0; i < 500; i++) {
		s = i * 7 % 500
		sku = i % 2 ? "FM-500" : "HT-500"
		q = i % 2 ? 1 + i % 4 / 2 : 1 + i % 3
		printf "B%03d,douyin,2026-11-28 20:%02d:%02d,客户%d,139%08d,陇南市 %d 号,%s,%d,,\n", i, s / 60, s % 60, i, i, i, sku, int(q)
	}
}' >"$T/burst.csv"
# What the batch must do: oldest first, each order filled whole or left.
awk -F, 'NR > 1 { print $3 "," $1 "," $7 "," $8 "," NR - 1 }' "$T/burst.csv" |
	sort | awk -F, 'BEGIN { free["HT-500"] = 30; free["FM-500"] = 25
		unit["HT-500"] = "bag"; unit["FM-500"] = "jar" }
	{ if ($4 <= free[$3]) { free[$3] -= $4; ok++ }
	  else printf "order %d (douyin %s, 客户%d): %s short by %d %s\n", $5, $2, substr($2, 2) + 0, $3, $4 - free[$3], unit[$3] }
	END { printf "%d orders confirmed\n", ok > "/dev/stderr" }' \
	>"$T/want-short" 2>"$T/want-ok"

run cs --db "$db" import orders "$T/burst.csv"
is "the burst is imported" "0|orders: 500 new, 0 already present" "$rc|$out"
run cs --db "$db" orders confirm --all
is "some orders are left new" 1 "$rc"
is "the shortfall list names exactly the unfilled orders and quantities" \
    "$(cat "$T/want-short")
$(cat "$T/want-ok")" "$out"
nshort=$(wc -l <"$T/want-short")
is "one line on stderr" "coopstock: $nshort orders left new: not enough stock" "$err"
run cs --db "$db" check
is "the ledger checks out" "$db: ok" "$out"
nok=$(sed 's/ .*//' "$T/want-ok")

run cs --db "$db" wave create --all --channel douyin
is "one selection only" 2 "$rc"
run cs --db "$db" wave create --channel douyin
is "a wave of the confirmed orders" "0|wave 1: $nok orders" "$rc|$out"
run cs --db "$db" wave create --all
is "nothing left for a second wave" "1|coopstock: not found: there are no confirmed orders to put in a wave" "$rc|$err"

run cs --db "$db" wave picklist 1 --width 42 "$T/pick.txt"
is "the pick list is written" "0|" "$rc|$out"
is "the pick list: each product once, its lots FEFO" "Pick list: wave 1, $nok orders
Product / lot, best before        Quantity
==========================================
FM-500  土蜂蜜 500g                 25 jar
  [ ] lot 3  -                      25 jar
HT-500  核桃 500g                   30 bag
  [ ] lot 2  2099-01-01             10 bag
  [ ] lot 1  2099-02-01             20 bag
==========================================
Products: 2  Lots: 3" "$(cat "$T/pick.txt")"
run cs --db "$db" wave slips 1 --width 80 "$T/slips.txt"
is "slips: one per order" "0|$nok packing slips written to $T/slips.txt" "$rc|$out"
is "slips: counted in the file" "$nok" "$(grep -c '^PACKING SLIP' "$T/slips.txt")"
is "slips: no line ends in a space" 0 "$(grep -c ' $' "$T/slips.txt")"
is "slips: in the wave's order, oldest first" "B000 B143" \
    "$(grep '^Order B' "$T/slips.txt" | head -2 | awk '{ printf "%s%s", (NR > 1 ? " " : ""), $2 }')"

run cs --db "$db" wave manifest 1 --courier generic "$T/m.csv"
is "no manifest before packing" "1|coopstock: wave 1 has no packed orders: pack it first" "$rc|$err"
run cs --db "$db" wave packed 1
is "the wave is packed in one step" "0|wave 1: $nok orders packed" "$rc|$out"
run cs --db "$db" wave manifest 1 --courier generic "$T/m.csv"
is "the manifest is written" "0|wave 1: manifest of $nok orders written to $T/m.csv" "$rc|$out"
is "one row per order" "$((nok + 1))" "$(wc -l <"$T/m.csv" | tr -d ' ')"

awk -F, 'NR > 1 { printf "%s,generic,YT%04d\n", $1, NR }
	BEGIN { print "order_ref,courier,tracking_no" }' "$T/m.csv" >"$T/t.csv"
run cs --db "$db" import tracking "$T/t.csv"
is "tracking numbers mark every order shipped" "0|tracking: $nok shipped, 0 already shipped" "$rc|$out"
run cs --db "$db" wave show 1
is "the wave's history" "Wave 1: $nok orders chosen by channel douyin
Now: 0 confirmed, 0 packed, $nok shipped, 0 other
created with $nok orders
packed $nok orders
manifest of $nok orders for generic: $T/m.csv
tracking numbers back: $nok orders shipped by generic
Orders:" "$(printf '%s\n' "$out" | sed -n '1,7p' | sed '3,$s/^.\{16\}  [^ ]* (command line)  //')"
is "the wave's orders, oldest first, with their tracking numbers" \
    "       1  B000                  客户0         shipped   generic YT0" \
    "$(printf '%s\n' "$out" | sed -n '8p' | sed 's/YT0[0-9]*/YT0/')"
is "one line per order" "$nok" "$(printf '%s\n' "$out" | sed '1,7d' | wc -l | tr -d ' ')"
run cs --db "$db" check
is "the ledger checks out after shipping" "$db: ok" "$out"
is "the stock left is the unfilled remainder" "0" \
    "$(cs --db "$db" report stock --csv | awk -F, 'NR > 1 { s += $4 } END { print s + 0 }')"

run cs --db "$db" wave list
is "wave list" "  Wave  Created           Chosen by            Orders Confirmed Packed Shipped" \
    "$(printf '%s\n' "$out" | head -1)"
is "wave list: one wave" "1|channel douyin|$nok|0|0|$nok" \
    "$(printf '%s\n' "$out" | awk 'NR == 2 { print $1 "|" $4 " " $5 "|" $6 "|" $7 "|" $8 "|" $9 }')"

run cs --db "$db" wave create --orders 1,2
is "listed orders: each in no wave yet" "1|coopstock: not allowed in the order's current state: order 1 is already in wave 1" "$rc|$err"
run cs --db "$db" wave create --orders 1,x
is "listed orders: numbers" "2|coopstock: --orders: 'x' is not an order number (see coopstock --help)" "$rc|$err"
run cs --db "$db" wave
is "wave alone is a usage error" 2 "$rc"
run cs --db "$db" wave slips x
is "a wave needs a number" "2|coopstock: wave slips needs a wave number (see coopstock --help)" "$rc|$err"
run cs --db "$db" wave slips 1 --width 50
is "two widths" "2|coopstock: --width is 80 or 42, not '50' (see coopstock --help)" "$rc|$err"
run cs --db "$db" wave show 9
is "an unknown wave" "1|coopstock: not found: there is no wave 9" "$rc|$err"
done_testing
