#!/bin/sh
# coopstock export: our layouts read back by our importer byte for byte
# (products, members, orders, stock), formula neutralisation on text cells
# only, --excel, courier manifests, payouts.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to set up orders"

cd "$TESTS_SRCDIR/data/imex" || exit 1
a="$T/a.db"
b="$T/b.db"
cs --db "$a" init >/dev/null
cs --db "$b" init >/dev/null
cs --db "$a" import products products.csv products-gbk.csv >/dev/null
cs --db "$a" import members members.csv >/dev/null
cs --db "$a" import intake intake.csv >/dev/null
cs --db "$a" import orders orders.csv >/dev/null
cs --db "$a" import orders taobao-orders.csv taobao-items.csv >/dev/null
cs --db "$a" import orders douyin.csv pinduoduo.csv >/dev/null

run cs --db "$a" export products
is "products: exit 0" 0 "$rc"
is "products: our layout, formulas neutralised, numbers plain" \
'sku,name,name_en,unit,price,reorder_level,category,short_code
007,"'"'"'=HYPERLINK(""http://x"")",,jar,12.00,0,蜂蜜,
GB-1,𠮷野家 蜂蜜,,瓶,35.50,0,,
GB-2,"王芳的""土""鸡蛋",,盒,20.00,0,,
HJ-1,"花椒, 大红袍",Sichuan pepper,jin,48.00,1.25,"调料
香料",hj
HT-500,核桃 500g,Walnuts,bag,1234.50,2,干果,ht
X1,'"'"'); DROP TABLE product; --,,kg,3.00,0.5,,' "$out"

for kind in products members; do
	cs --db "$a" export $kind "$T/$kind-1.csv"
	cs --db "$b" import $kind "$T/$kind-1.csv" >/dev/null
	cs --db "$b" export $kind "$T/$kind-2.csv"
	ok "$kind: export, import, export gives the same bytes" \
	    cmp -s "$T/$kind-1.csv" "$T/$kind-2.csv"
	run cs --db "$a" import $kind "$T/$kind-1.csv"
	is "$kind: our export re-imported changes nothing" 0 \
	    "$(printf '%s' "$out" | grep -c ' [1-9][0-9]* \(created\|updated\)')"
done

cs --db "$a" export orders "$T/orders-1.csv"
run cs --db "$b" import orders "$T/orders-1.csv"
is "orders: our export imports" "orders: 7 new, 0 already present" "$out"
cs --db "$b" export orders "$T/orders-2.csv"
ok "orders: export, import, export gives the same bytes" \
    cmp -s "$T/orders-1.csv" "$T/orders-2.csv"
is "orders: the neutralised customer came back as it was" "=cmd|'/c calc'!A1" \
    "$("$SQLITE3" "$b" "SELECT customer_name FROM orders WHERE ext_ref = 'D2001'")"
run cs --db "$a" import orders "$T/orders-1.csv"
is "orders: re-imported into their own database" "orders: 0 new, 7 already present" "$out"
is "orders: the formula cell is neutralised in the file" \
    "D2001,douyin,2026-03-06 09:30:00,'=cmd|'/c calc'!A1,'+8613800000000,北京,HJ-1,0.5,48.00,请尽快" \
    "$(grep '^D2001' "$T/orders-1.csv")"

cs --db "$a" export orders "$T/orders-x1.csv" --excel
c="$T/c.db"
cs --db "$c" init >/dev/null
cs --db "$c" import products "$T/products-1.csv" >/dev/null
run cs --db "$c" import orders "$T/orders-x1.csv"
is "orders --excel: imports" "orders: 7 new, 0 already present" "$out"
cs --db "$c" export orders "$T/orders-x2.csv" --excel
ok "orders --excel: export, import, export gives the same bytes" \
    cmp -s "$T/orders-x1.csv" "$T/orders-x2.csv"

cs --db "$a" export stock "$T/stock-1.csv"
is "stock: on hand, reserved, available" 'sku,name,unit,on_hand,reserved,available
007,"'"'"'=HYPERLINK(""http://x"")",jar,20,0,20
GB-1,𠮷野家 蜂蜜,瓶,0,0,0
GB-2,"王芳的""土""鸡蛋",盒,0,0,0
HJ-1,"花椒, 大红袍",jin,3.5,0,3.5
HT-500,核桃 500g,bag,10,0,10
X1,'"'"'); DROP TABLE product; --,kg,0,0,0' "$(cat "$T/stock-1.csv")"
cs --db "$a" import products "$T/products-1.csv" >/dev/null
cs --db "$a" import orders "$T/orders-1.csv" >/dev/null
cs --db "$a" export stock "$T/stock-2.csv"
ok "stock: unchanged by re-importing our own exports" \
    cmp -s "$T/stock-1.csv" "$T/stock-2.csv"

cs --db "$a" export members "$T/m-x.csv" --excel
is "--excel starts with a BOM" "efbbbf" "$(head -c 3 "$T/m-x.csv" | od -An -tx1 | tr -d ' \n')"
is "--excel ends lines with CRLF" "code,name,village,phone\r" \
    "$(head -n 1 "$T/m-x.csv" | sed 's/^\xef\xbb\xbf//; s/\r$/\\r/')"
run cs --db "$b" import members "$T/m-x.csv"
is "an --excel file reads back unchanged" "members: 0 created, 0 updated, 3 unchanged" "$out"

"$SQLITE3" "$a" "UPDATE setting SET value = '青山合作社' WHERE key = 'coop_name';
    UPDATE setting SET value = '0931-1234567' WHERE key = 'coop_phone';
    UPDATE setting SET value = '甘肃省陇南市' WHERE key = 'coop_address'"
cs --db "$a" import orders --confirm "$TESTS_SRCDIR/data/imex/orders.csv" >/dev/null
printf 'order_ref,channel,sku,qty\nK1,phone,HT-500,1\nK1,phone,007,2\n' >"$T/k.csv"
cs --db "$a" import orders --confirm "$T/k.csv" >/dev/null
"$SQLITE3" "$a" "UPDATE orders SET status = 'packed' WHERE ext_ref = 'K1';
    UPDATE orders SET status = 'packed', ext_ref = NULL WHERE ext_ref = 'T1001'"
tid=$("$SQLITE3" "$a" "SELECT id FROM orders WHERE ext_ref IS NULL")
run cs --db "$a" export manifest "$T/man.csv"
is "manifest: a masked phone is noted" "order CS$tid: the shop masked the recipient's phone; fill it in from the shop's back office before the courier needs it" "$err"
is "manifest: packed orders, sender from settings, BOM and CRLF" \
"$(printf '\357\273\277订单号,收件人,收件电话,收件地址,物品,数量,寄件人,寄件电话,寄件地址,备注\r
CS%s,王芳,138****1234,"浙江省 杭州市
西湖区 1号","核桃 500g ×2 bag; =HYPERLINK(""http://x"") ×1 jar",3,青山合作社,0931-1234567,甘肃省陇南市,\r
K1,,,,"核桃 500g ×1 bag; =HYPERLINK(""http://x"") ×2 jar",3,青山合作社,0931-1234567,甘肃省陇南市,\r
' "$tid")" "$(cat "$T/man.csv"; echo)"
run cs --db "$a" export manifest --courier sf
is "manifest for SF: its own columns" "用户订单号,寄件人,寄件电话,寄件公司,寄件详细地址,收件人,收件电话,收件公司,收件详细地址,托寄物内容,托寄物数量,件数,实际重量(KG),付款方式,业务类型,备注" \
    "$(printf '%s\n' "$out" | head -n 1 | sed 's/^\xef\xbb\xbf//; s/\r$//')"
printf 'order_ref,courier,tracking_no\nCS%s,SF,SF9\nK1,SF,SF10\n' "$tid" >"$T/tr.csv"
run cs --db "$a" import tracking "$T/tr.csv"
is "the manifest's numbers come back as tracking" "tracking: 2 shipped, 0 already shipped" "$out"
run cs --db "$a" export manifest --courier nosuch
is "an unknown courier" "1|coopstock: no template 'courier-nosuch'" "$rc|$err"

"$SQLITE3" "$a" "INSERT INTO payment(member_id, amount, paid_on, actor)
    SELECT id, 20000, '2026-03-07', 't' FROM member WHERE code = 'M002'"
run cs --db "$a" export payouts
is "payouts: owed, paid, balance; a negative number is not neutralised" \
'code,name,village,owed,paid,balance
M001,李四,"上村
三组",50.00,0.00,50.00
M002,张三,下村,160.00,200.00,-40.00
M003,'"'"'@王五,,0.00,0.00,0.00' "$(printf '%s' "$out" | tr -d '\r')"

# The demo cooperative: counter orders (no shop reference) travel as CS<id>.
d="$T/d.db"
e="$T/e.db"
cs --db "$d" init >/dev/null
cs --db "$d" demo >/dev/null
cs --db "$e" init >/dev/null
for kind in products members orders; do
	cs --db "$d" export $kind "$T/d-$kind.csv"
	cs --db "$e" import $kind "$T/d-$kind.csv" >/dev/null
	cs --db "$e" export $kind "$T/e-$kind.csv"
	ok "demo $kind: export, import, export gives the same bytes" \
	    cmp -s "$T/d-$kind.csv" "$T/e-$kind.csv"
done
is "demo: a counter order is named CS<id>" "CS1,walk-in" \
    "$(sed -n 2p "$T/d-orders.csv" | cut -d, -f1,2)"
before=$("$SQLITE3" "$d" .dump)
run cs --db "$d" import orders "$T/d-orders.csv"
is "demo: its own orders export is already present" \
    "orders: 0 new, 14 already present" "$out"
is "demo: unchanged" "$before" "$("$SQLITE3" "$d" .dump)"

run cs --db "$a" export
is "export without a kind exits 2" 2 "$rc"
run cs --db "$a" export lots
is "an unknown kind exits 2" 2 "$rc"
run cs --db "$a" export products --courier sf
is "--courier with products exits 2" 2 "$rc"
run cs --db "$a" export products a.csv b.csv
is "two files exit 2" 2 "$rc"
run cs --db "$a" export products "$T/no/such/dir/p.csv"
is "an unwritable file exits 1" 1 "$rc"
done_testing
