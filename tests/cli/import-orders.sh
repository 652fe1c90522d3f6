#!/bin/sh
# coopstock import intake / orders / tracking: our layout and the shops'
# (Taobao's two files, Douyin, Pinduoduo), idempotent re-imports, --confirm
# all or nothing, every problem at once with an unchanged database.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to compare databases"

cd "$TESTS_SRCDIR/data/imex" || exit 1
db="$T/o.db"
cs --db "$db" init >/dev/null
dump() { "$SQLITE3" "$db" .dump; }
q() { "$SQLITE3" "$db" "$1"; }
cs --db "$db" import products products.csv >/dev/null
cs --db "$db" import members members.csv >/dev/null

run cs --db "$db" import intake intake.csv
is "intake: summary" "0|intake: 3 new lots, 0 already present" "$rc|$out"
is "intake: lots as given" "HT-500|M001|2026-03-05|10000|500|A|2027-01-01
007|M002|2026-03-05|20000|800||
HJ-1||2026-03-06|3500|0||" "$(q "SELECT p.sku, m.code, l.received_on, l.qty,
    l.unit_cost, l.grade, l.best_before FROM lot l JOIN product p ON p.id =
    l.product_id LEFT JOIN member m ON m.id = l.member_id ORDER BY l.id")"
before=$(dump)
run cs --db "$db" import intake intake.csv
is "intake again: nothing new" "intake: 0 new lots, 3 already present" "$out"
is "intake again: the database is unchanged" "$before" "$(dump)"
printf 'member_code,sku,qty\nM999,HT-500,1\nM001,HT-500,1\nM001,HT-500,1\n' >"$T/i2.csv"
run cs --db "$db" import intake "$T/i2.csv"
is "intake problems" "$T/i2.csv:2: member_code: unknown member 'M999'
$T/i2.csv:4: the same intake is already on line 3 of this file
coopstock: 2 problems; nothing was written" "$err"
is "intake problems: unchanged" "$before" "$(dump)"

before=$(dump)
run cs --db "$db" import orders orders.csv --dry-run
is "dry run: what would be created" "create order T1001 (taobao, 2 lines)
create order D2001 (douyin, 1 line)
create order P3001 (pinduoduo, 1 line)
orders: 3 new, 0 already present (dry run: nothing was written)" "$out"
is "dry run: nothing written" "$before" "$(dump)"
run cs --db "$db" import orders orders.csv
is "orders: summary" "0|orders: 3 new, 0 already present" "$rc|$out"
is "orders: headers as given, masked phone kept" \
"T1001|taobao|2026-03-05 10:00:00|王芳|138****1234|浙江省 杭州市
西湖区 1号|new
D2001|douyin|2026-03-06 09:30:00|=cmd|'/c calc'!A1|+8613800000000|北京|new
P3001|pinduoduo|2026-03-07 00:00:00|李*||上海|new" \
    "$(q "SELECT ext_ref, channel, ordered_at, customer_name, customer_phone,
    customer_address, status FROM orders ORDER BY id")"
is "orders: lines (an empty price takes the product's)" \
"T1001|HT-500|2000|123450
T1001|007|1000|1200
D2001|HJ-1|500|4800
P3001|HT-500|1000|123450" "$(q "SELECT o.ext_ref, p.sku, l.qty, l.unit_price
    FROM order_line l JOIN orders o ON o.id = l.order_id JOIN product p ON
    p.id = l.product_id ORDER BY l.id")"
before=$(dump)
run cs --db "$db" import orders orders.csv
is "orders again" "orders: 0 new, 3 already present" "$out"
is "orders again: the database is unchanged" "$before" "$(dump)"
run cs --db "$db" import orders orders.csv --dry-run
is "dry run of a re-import" "skip order T1001 (already present)
skip order D2001 (already present)
skip order P3001 (already present)
orders: 0 new, 3 already present (dry run: nothing was written)" "$out"

run cs --db "$db" import orders orders-bad.csv
is "bad orders: exit 1" 1 "$rc"
is "bad orders: every problem" \
"orders-bad.csv:2: sku: unknown SKU 'NOPE'
orders-bad.csv:3: date: '05/03/2026' is ambiguous: write the year first, as in 2026-03-05
orders-bad.csv:4: date: '2026-02-30' is out of range
orders-bad.csv:4: qty: 'x' is not written in a form coopstock can read
orders-bad.csv:5: phone: '1.38E+10' looks like a number Excel turned into scientific notation; format the column as Text in Excel and export again
orders-bad.csv:8: order_ref: order E5 appears twice in this import; the rows of one order must follow each other
orders-bad.csv:9: qty: must be more than zero
coopstock: 7 problems; nothing was written" "$err"
is "bad orders: the database is unchanged" "$before" "$(dump)"

run cs --db "$db" import orders orders-unterminated.csv
is "an unterminated quote: the line where it opened" \
"orders-unterminated.csv:3: a quoted field is never closed
coopstock: 1 problem; nothing was written" "$err"
is "unterminated: unchanged" "$before" "$(dump)"
run cs --db "$db" import orders --encoding utf-8 taobao-orders.csv taobao-items.csv
is "a GBK file read as UTF-8 is refused" 1 "$rc"
is "unchanged after an encoding error" "$before" "$(dump)"

run cs --db "$db" import orders --encoding gbk --dry-run taobao-orders.csv taobao-items.csv
is "taobao with --encoding gbk" "0|orders: 2 new, 0 already present (dry run: nothing was written)" "$rc|$(printf '%s' "$out" | tail -n 1)"
run cs --db "$db" import orders taobao-orders.csv taobao-items.csv
is "taobao, recognised by its headers" "0|orders: 2 new, 0 already present|" \
    "$rc|$out|$err"
is "taobao: ids unwrapped, masked name kept, items joined" \
"3812345678901234|taobao|2026-03-05 10:00:01|王**|138****5678|浙江省 杭州市 西湖区 文三路1号|HT-500|2000|123450
3812345678901235|taobao|2026-03-06 11:12:13|赵六|13900001111|四川省 成都市 武侯区|HJ-1|1000|4800" \
    "$(q "SELECT o.ext_ref, o.channel, o.ordered_at, o.customer_name,
    o.customer_phone, o.customer_address, p.sku, l.qty, l.unit_price FROM
    orders o JOIN order_line l ON l.order_id = o.id JOIN product p ON p.id =
    l.product_id WHERE o.channel = 'taobao' AND o.ext_ref LIKE '38%'
    ORDER BY l.id")"
run cs --db "$db" import orders --from taobao taobao-items.csv taobao-orders.csv
is "taobao again, files in either order" "orders: 0 new, 2 already present" "$out"
before=$(dump)
run cs --db "$db" import orders --from taobao taobao-orders.csv taobao-items-bad.csv
is "taobao: unknown SKU, missing lines, stray items" \
"taobao-items-bad.csv:3: 商家编码: unknown SKU 'NO-SUCH'
taobao-orders.csv:3: 订单编号: order 3812345678901235 has no lines in the item report
taobao-items-bad.csv:4: order 3812345678909999 is not in the order list
coopstock: 3 problems; nothing was written" "$err"
run cs --db "$db" import orders --from taobao taobao-orders.csv
is "taobao takes two files" "2|coopstock: --from taobao takes two files: the order list and the item report (see coopstock --help)" "$rc|$err"
is "taobao problems: unchanged" "$before" "$(dump)"

run cs --db "$db" import orders douyin.csv pinduoduo.csv
is "douyin and pinduoduo" "0|orders: 2 new, 0 already present|" "$rc|$out|$err"
is "douyin: tab-prefixed ids, address parts joined; pinduoduo: price from the total" \
"6901234567890123|douyin|陈**|150****0000|广东省深圳市南山区粤海街道科技园1号|别压|HT-500|1000|123450
6901234567890123|douyin|陈**|150****0000|广东省深圳市南山区粤海街道科技园1号|别压|007|4000|1200
260309-123456789012345|pinduoduo|周**|***|湖南省长沙市岳麓区麓山南路2号||HJ-1|2000|4850" \
    "$(q "SELECT o.ext_ref, o.channel, o.customer_name, o.customer_phone,
    o.customer_address, o.note, p.sku, l.qty, l.unit_price FROM orders o
    JOIN order_line l ON l.order_id = o.id JOIN product p ON p.id =
    l.product_id WHERE o.channel IN ('douyin', 'pinduoduo') AND
    length(o.ext_ref) > 6 ORDER BY l.id")"

# --confirm: all or nothing, naming what is short.
printf 'order_ref,channel,sku,qty\nC1,phone,HT-500,3\nC2,phone,HT-500,8\nC3,phone,007,1\nC3,phone,HJ-1,4\n' >"$T/c.csv"
before=$(dump)
run cs --db "$db" import orders --confirm "$T/c.csv"
is "confirm: short stock names the SKU and the amount" \
"$T/c.csv:3: order_ref: order C2: HT-500: short by 1 bag
$T/c.csv:4: order_ref: order C3: HJ-1: short by 0.5 jin
coopstock: 2 problems; nothing was written" "$err"
is "confirm: nothing reserved, nothing created" "$before" "$(dump)"
printf 'order_ref,channel,sku,qty\nC1,phone,HT-500,3\nC3,phone,007,1\n' >"$T/c2.csv"
run cs --db "$db" import orders --confirm "$T/c2.csv"
is "confirm: summary" "orders: 2 new, 0 already present, 2 confirmed" "$out"
is "confirm: stock reserved" "HT-500|10000|3000
007|20000|1000" "$(q "SELECT p.sku, s.on_hand, s.reserved FROM stock s JOIN
    product p ON p.id = s.product_id WHERE s.reserved > 0 ORDER BY p.sku DESC")"

# Tracking numbers ship confirmed orders.
printf '订单号,快递公司,运单号\nC1,顺丰,SF100\nC3,顺丰,SF101\n' >"$T/t.csv"
run cs --db "$db" import tracking "$T/t.csv"
is "tracking: shipped" "0|tracking: 2 shipped, 0 already shipped" "$rc|$out"
is "tracking: stock left the shelf" "HT-500|7000|0" "$(q "SELECT p.sku,
    s.on_hand, s.reserved FROM stock s JOIN product p ON p.id = s.product_id
    WHERE p.sku = 'HT-500'")"
before=$(dump)
run cs --db "$db" import tracking "$T/t.csv"
is "tracking again" "tracking: 0 shipped, 2 already shipped" "$out"
is "tracking again: unchanged" "$before" "$(dump)"
printf 'order_ref,courier,tracking_no\nNOPE,SF,1\nT1001,SF,2\n' >"$T/t2.csv"
run cs --db "$db" import tracking "$T/t2.csv"
is "tracking problems" "$T/t2.csv:2: order_ref: there is no order NOPE
$T/t2.csv:3: order_ref: order T1001: order $(q "SELECT id FROM orders WHERE ext_ref = 'T1001'") is new; only confirmed or packed orders can be shipped
coopstock: 2 problems; nothing was written" "$err"
is "tracking problems: unchanged" "$before" "$(dump)"

run cs --db "$db" check
is "the ledger still checks out" 0 "$rc"

run cs --db "$db" import
is "import without a kind exits 2" 2 "$rc"
run cs --db "$db" import frob x.csv
is "an unknown kind exits 2" "2|coopstock: cannot import 'frob': use products, members, intake, orders or tracking (see coopstock --help)" "$rc|$err"
run cs --db "$db" import orders
is "no file exits 2" 2 "$rc"
run cs --db "$db" import products --confirm products.csv
is "--confirm with products exits 2" 2 "$rc"
run cs --db "$db" import orders --encoding latin1 orders.csv
is "an unknown encoding exits 2" "2|coopstock: unknown encoding 'latin1' (use utf-8 or gbk) (see coopstock --help)" "$rc|$err"
run cs --db "$db" import orders --bogus orders.csv
is "an unknown option exits 2" "2|coopstock: unknown option '--bogus' (see coopstock --help)" "$rc|$err"
run cs --db "$db" import orders orders.csv --from
is "--from without a value exits 2" 2 "$rc"
run cs --db "$db" import orders --from nosuch orders.csv
is "an unknown template" "1|coopstock: no template 'nosuch'
coopstock: 1 problem; nothing was written" "$rc|$err"
done_testing
