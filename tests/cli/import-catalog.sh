#!/bin/sh
# coopstock import products / members: our layouts with English or
# Chinese headers, GBK and BOM files, CRLF, quoted newlines; every problem
# reported at once with an unchanged database; re-imports change nothing.
. "$TESTS_SRCDIR/lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed to compare databases"

cd "$TESTS_SRCDIR/data/imex" || exit 1
db="$T/c.db"
cs --db "$db" init >/dev/null
dump() { "$SQLITE3" "$db" .dump; }
q() { "$SQLITE3" "$db" "$1"; }

run cs --db "$db" import products products.csv products-gbk.csv
is "products: exit 0" 0 "$rc"
is "products: summary" "products: 6 created, 0 updated, 0 unchanged" "$out"
is "products: no notes" "" "$err"
is "a formula-looking name is stored as it came" '=HYPERLINK("http://x")' \
    "$(q "SELECT name FROM product WHERE sku = '007'")"
is "an SQL-looking name is stored verbatim" "'); DROP TABLE product; --" \
    "$(q "SELECT name FROM product WHERE sku = 'X1'")"
is "1,234.50 is 123450 fen; 2 is 2000 thousandths" "123450|2000" \
    "$(q "SELECT price, reorder_level FROM product WHERE sku = 'HT-500'")"
is "full-width digits and 元" "1200" \
    "$(q "SELECT price FROM product WHERE sku = '007'")"
is "a quoted newline is kept" "$(printf '调料\n香料')" \
    "$(q "SELECT category FROM product WHERE sku = 'HJ-1'")"
is "GBK with a four-byte GB18030 character, CRLF" "𠮷野家 蜂蜜|瓶|3550" \
    "$(q "SELECT name, unit, price FROM product WHERE sku = 'GB-1'")"
is "a doubled quote inside a GBK cell" '王芳的"土"鸡蛋' \
    "$(q "SELECT name FROM product WHERE sku = 'GB-2'")"

before=$(dump)
run cs --db "$db" import products products.csv products-gbk.csv
is "again: summary" "products: 0 created, 0 updated, 6 unchanged" "$out"
is "again: the database is unchanged" "$before" "$(dump)"

sed 's/^HT-500,核桃 500g,Walnuts,bag,"1,234.50"/HT-500,核桃 500g,Walnuts,bag,"1,300"/' \
    products.csv >"$T/p2.csv"
run cs --db "$db" import products "$T/p2.csv" --dry-run
is "dry run: exit 0" 0 "$rc"
is "dry run: what would happen" "update product HT-500 (price)
skip product 007 (unchanged)
skip product X1 (unchanged)
skip product HJ-1 (unchanged)
products: 0 created, 1 updated, 3 unchanged (dry run: nothing was written)" "$out"
is "dry run: the database is unchanged" "$before" "$(dump)"
run cs --db "$db" import products "$T/p2.csv"
is "one price changed: summary" "products: 0 created, 1 updated, 3 unchanged" "$out"
is "the new price" "130000" "$(q "SELECT price FROM product WHERE sku = 'HT-500'")"

before=$(dump)
run cs --db "$db" import products products-bad.csv
is "bad products: exit 1" 1 "$rc"
is "bad products: every problem, then the verdict" \
"products-bad.csv:2: sku: '1.5E+12' looks like a number Excel turned into scientific notation; format the column as Text in Excel and export again
products-bad.csv:3: price: '12.345' has too many decimal places
products-bad.csv:4: price: '-3' must not be negative
products-bad.csv:5: the row has 3 fields; the header has 4
products-bad.csv:7: name: is empty
products-bad.csv:8: price: '1 2' is not written in a form coopstock can read
products-bad.csv:9: sku: 'HT-500' is already on line 6 of this file
coopstock: 7 problems; nothing was written" "$err"
is "bad products: nothing printed on stdout" "" "$out"
is "bad products: the database is unchanged" "$before" "$(dump)"

run cs --db "$db" import members members.csv
is "members (BOM, CRLF): summary" "members: 3 created, 0 updated, 0 unchanged" "$out"
is "members: rows as given" "M001|李四|上村
三组|13800000001
M002|张三|下村|
M003|@王五||+8613900000003" "$(q "SELECT code, name, replace(village, char(13), ''), phone FROM member ORDER BY code")"
run cs --db "$db" import members members.csv
is "members again" "members: 0 created, 0 updated, 3 unchanged" "$out"

printf 'code,name\nM002,张三丰\n' >"$T/m2.csv"
run cs --db "$db" import members "$T/m2.csv"
is "a file without village and phone keeps them" \
    "members: 0 created, 1 updated, 0 unchanged|张三丰|下村" \
    "$out|$(q "SELECT name, village FROM member WHERE code = 'M002'")"

printf '社员编号,姓名,电话\nM010,赵七,1.39E+10\nM011,钱八,\n,孙九,1\n' >"$T/m3.csv"
before=$(dump)
run cs --db "$db" import members "$T/m3.csv"
is "Chinese headers, bad rows: every problem" \
"$T/m3.csv:2: 电话: '1.39E+10' looks like a number Excel turned into scientific notation; format the column as Text in Excel and export again
$T/m3.csv:4: 社员编号: is empty
coopstock: 2 problems; nothing was written" "$err"
is "members: unchanged after problems" "$before" "$(dump)"

printf 'sku,name,unit,price\n' >"$T/empty.csv"
run cs --db "$db" import products "$T/empty.csv"
is "a header alone is fine" "0|products: 0 created, 0 updated, 0 unchanged" "$rc|$out"
printf 'sku,title\nA,b\n' >"$T/nocol.csv"
run cs --db "$db" import products "$T/nocol.csv"
is "missing columns are named with their aliases" \
"$T/nocol.csv:1: no 'name' column (also accepted: 商品名称, 名称, 品名, 商品)
$T/nocol.csv:1: no 'unit' column (also accepted: 单位, 计量单位)
$T/nocol.csv:1: no 'price' column (also accepted: 单价, 价格, 售价)
coopstock: 1 problem; nothing was written" "$err"
done_testing
