#!/bin/sh
# orders.sh - the Orders screens driven through tmux on the demo
# cooperative: list, filter by state, open an order, an action refused
# with the model's reason, search by a Chinese customer name, a new
# walk-in order with two lines (3 jars of chili sauce, 1 bag of wood ear)
# confirmed, packed and shipped with a tracking number, the stock and the
# ledger after it, and a packing slip written to a file.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

db=$T/orders.db
run cs --db "$db" demo
is "the demo database is made" 0 "$rc"

# On hand of one SKU in `coopstock report stock`.
on_hand() {
	cs --db "$db" report stock | awk -v s="$1" '$1 == s { print $(NF-4) }'
}
ljj0=$(on_hand LJJ-280)
me0=$(on_hand ME-250)

# signin NAME PIN: pick NAME in the list (by search) and type PIN.
signin() {
	tui_wait "$3" >/dev/null
	tui_send /
	tui_type "$1"
	tui_send Enter Enter
	tui_wait "$4" >/dev/null
	tui_type "$2"
	tui_send Enter
}
start() {
	tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
	    "$COOPSTOCK" --db "$db"
	signin 李娜 1111 "Who are you?" "PIN for 李娜"
}

start
ok "李娜 signs in to Home" tui_wait "What needs doing now:"
tui_send 1
ok "Home's 'Orders to confirm' opens the new orders, oldest first" \
    tui_wait "Orders: New: to confirm (3), oldest first"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
tui_send 2
ok "'Orders to pack' opens the confirmed ones" \
    tui_wait "Orders: Confirmed: to pack (2), oldest first"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
tui_send o
ok "the list shows every order, newest first" \
    tui_wait "Orders: All orders (14), newest first"
is "first row is the newest order, marked" \
    ">     14  " "$(tui_line 3 | cut -c1-10)"
is "key bar of the list" \
    " F1/? Help  Enter Open  n New  / Find  f Filter  c Confirm  p Pack  s Ship" \
    "$(tui_line 23 | sed 's/ *$//')"

# Filter: the choice list, then the orders to confirm, oldest first.
tui_send f
ok "f offers the states" tui_wait "New: to confirm"
tui_send Down Enter
ok "filtered to the new orders" \
    tui_wait "Orders: New: to confirm (3), oldest first"
is "oldest new order first" ">     12  " "$(tui_line 3 | cut -c1-10)"
is "three rows" "3" "$(tui_screen | grep -c ' new *$')"

# Open one; deliver is refused with the model's reason.
tui_send Enter
ok "Enter opens the order" tui_wait "Order 12: new"
ok "its lines are shown" tui_wait "FM-500        土蜂蜜 500g"
ok "and its total" tui_wait "Total: 264.00"
tui_send d
ok "deliver is refused with the model's reason" \
    tui_wait "order 12 is new; only shipped orders can be delivered"
is "the order stayed new" "Order 12: new" \
    "$(tui_line 0 | sed 's/^ coopstock  //; s/ *$//; s/  .*//')"
tui_send Escape
ok "Esc goes back to the list" tui_wait "Orders: New: to confirm (3)"

# Actions work from the list too, on the row under the cursor.
tui_send c
ok "c confirms the order under the cursor" \
    tui_wait "Order 12 confirmed: its stock is reserved"
ok "it leaves the queue of orders to confirm" \
    tui_wait "Orders: New: to confirm (2)"
is "the cursor is on the next one" ">     13  " "$(tui_line 3 | cut -c1-10)"
tui_send p
ok "packing a new order is refused with the model's reason" \
    tui_wait "order 13 is new; only confirmed orders can be packed"

# Back to every order; search by a customer's Chinese name.
tui_send f
tui_wait "All orders" >/dev/null
tui_send Enter
tui_wait "Orders: All orders (14)" >/dev/null
tui_send /
tui_type "何老师"
ok "search by customer name in Chinese" tui_wait "Find: 何老师"
is "one order matches" "1" "$(tui_screen | grep -c '^[ >] *[0-9][0-9]*  2')"
is "and it is order 13" ">     13  " "$(tui_line 3 | cut -c1-10)"
tui_send Enter Escape
ok "Esc clears the search" tui_wait ">     14  "

# A new walk-in order: 3 jars of chili sauce, 1 bag of wood ear.
tui_send n
ok "n opens the new order form" tui_wait "No lines yet"
is "walk-in is the channel to start with" "1" \
    "$(tui_screen | grep -c 'Channel: walk-in')"
tui_send Tab
tui_type "张三"
tui_send C-t
ok "Ctrl-T asks for a product" tui_wait "Product (SKU, short code or name)"
tui_type "LJJ-280"
tui_send Enter
ok "the SKU is found, with its stock" tui_wait "LJJ-280 油泼辣椒酱: $ljj0 jar available"
tui_type 3
tui_send Enter
ok "the price starts at the product's" tui_wait "Price per jar: 18.00"
tui_send Enter
ok "the line is added" tui_wait "1  LJJ-280       油泼辣椒酱               3  jar"
ok "running total" tui_wait "1 line   Total: 54.00"
tui_send F3
tui_wait "Product (SKU, short code or name)" >/dev/null
tui_type "木耳"
tui_send Enter
ok "a name finds the product" tui_wait "ME-250 黑木耳"
tui_type 1
tui_send Enter
tui_wait "Price per bag: 28.00" >/dev/null
tui_send C-u
tui_type 25
tui_send Enter
ok "a changed price is a sale price, said so" \
    tui_wait "Line 2: sale price 25.00 on this order; the price of ME-250 stays 28.00"
ok "two lines, running total" tui_wait "2 lines   Total: 79.00"
tui_send F2
ok "save offers to confirm" tui_wait "Order 15 is saved.  Confirm it now"
tui_send y
ok "saved and confirmed" tui_wait "Order 15 saved and confirmed"
ok "the detail of the new order" tui_wait "Order 15: confirmed"
is "customer shown" "1" "$(tui_screen | grep -c 'Customer: 张三')"
is "reserved, still on hand" "$ljj0" "$(on_hand LJJ-280)"

tui_send p
ok "pack" tui_wait "Order 15 packed"
tui_send s
ok "ship asks for the courier" tui_wait "Another courier (type its name)"
tui_send Enter
ok "then the tracking number" tui_wait "Tracking number:"
tui_type "SF1234567890"
tui_send Enter
ok "shipped" tui_wait "Order 15 shipped: the stock has left"
ok "the shipment is shown" \
    tui_wait "Shipped with sf, tracking SF1234567890"
ok "and who shipped it" tui_wait "shipped by 李娜 at"
is "3 jars of chili sauce left the stock" "$((ljj0 - 3))" \
    "$(on_hand LJJ-280)"
is "1 bag of wood ear left the stock" "$((me0 - 1))" "$(on_hand ME-250)"
if [ -n "${SQLITE3:-}" ]; then
	is "the ledger has the two sales" "LJJ-280 -3000|ME-250 -1000" \
	    "$("$SQLITE3" "$db" "SELECT group_concat(sku || ' ' || q, '|') FROM (SELECT p.sku, sum(m.qty) q FROM stock_move m JOIN product p ON p.id = m.product_id WHERE m.order_id = 15 AND m.kind = 'sale' GROUP BY p.sku ORDER BY p.sku)")"
	is "at the sale price" "1800|2500" \
	    "$("$SQLITE3" "$db" "SELECT group_concat(unit_price, '|') FROM (SELECT unit_price FROM order_line WHERE order_id = 15 ORDER BY id)")" 
else
	skip "the ledger has the two sales" "no sqlite3"
	skip "at the sale price" "no sqlite3"
fi

# Shipping again is refused, with the reason.
tui_send s
tui_wait "Another courier" >/dev/null
tui_send Enter
tui_wait "Tracking number:" >/dev/null
tui_type "X1"
tui_send Enter
ok "a second ship is refused" \
    tui_wait "order 15 is shipped; only confirmed or packed orders can be"

# A packing slip to a file, 42 columns.
tui_send w
ok "w offers the slip" tui_wait "File, 42 columns (receipt printer)"
tui_send Down Enter
ok "the path starts at the home directory" \
    tui_wait "File: $T/coopstock-slip-15.txt"
tui_send Enter
ok "slip written" tui_wait "Packing slip written to"
slip=$T/coopstock-slip-15.txt
ok "the slip file exists" test -s "$slip"
is "the slip names the order" "1" "$(grep -c '^Order CS15 ' "$slip")"
is "the slip's lines, CJK aligned in 42 columns" \
    "油泼辣椒酱                3 jar      54.00
黑木耳                    1 bag      25.00" \
    "$(grep -E ' (jar|bag) ' "$slip")"

# Back in the list, the new order is there, refreshed.
tui_send Escape
ok "the list shows the shipped order" tui_wait "张三                   2       79.00  shipped"
ok "and counts it" tui_wait "Orders: All orders (15)"
# A phone the cooperative knows fills in the customer; Esc asks first.
tui_send n
tui_wait "No lines yet" >/dev/null
tui_send Tab Tab
tui_type "13993905521"
tui_send Tab
ok "a known phone names the customer" tui_wait "A customer we know: 何老师"
ok "and fills the name" tui_wait "Customer: 何老师"
ok "and the address" tui_wait "Address: 甘肃省陇南市成县城关镇东大街 12 号"
tui_send Escape
ok "Esc asks before throwing the order away" tui_wait "Throw this order away?"
tui_send y
ok "back to the list" tui_wait "Orders: All orders (15)"

# The line drops in the middle of a new order: the next New order offers
# what was typed.
tui_send n
tui_wait "No lines yet" >/dev/null
tui_send Tab
tui_type "李四"
tui_send Tab
tui_type "13700000000"
tui_send C-t
tui_wait "Product (SKU, short code or name)" >/dev/null
tui_type "ljj"
tui_send Enter
tui_wait "Quantity (jar):" >/dev/null
tui_type 2
tui_send Enter
tui_wait "Price per jar: 18.00" >/dev/null
tui_send Enter
ok "a line typed" tui_wait "1 line   Total: 36.00"
tui_send Tab
tui_type "湖南"
tui_wait "Address: 湖南" >/dev/null
kill -HUP "$(tui_pane_pid)"
is "SIGHUP ends the program as a hangup" "129" "$(tui_wait_dead)"
start
ok "the draft is offered" tui_wait "You were typing an order when the line"
tui_send y
ok "the order is back" tui_wait "The order you were typing is back"
ok "with its customer" tui_wait "Customer: 李四"
ok "its half-typed address" tui_wait "Address: 湖南"
ok "and its line" tui_wait "1  LJJ-280       油泼辣椒酱               2  jar"
tui_send Escape
tui_wait "Throw this order away?" >/dev/null
tui_send y
tui_wait "Orders: All orders (15)" >/dev/null
tui_send n
tui_wait "No lines yet" >/dev/null
is "a draft is offered once" "0" "$(tui_screen | grep -c 'You were typing')"
tui_send Escape
ok "nothing typed: Esc leaves at once" tui_wait "Orders: All orders (15)"

# Hostile text in a customer's name and a product's name is shown as
# placeholders in the list, the detail and the slip, never sent raw.
if [ -n "${SQLITE3:-}" ]; then
	"$SQLITE3" "$db" "UPDATE orders SET customer_name = 'Evil' || char(27) || ']0;pwned' || char(7) || 'x' || char(27) || '[2J' || char(8238) || 'cba' WHERE id = 1; UPDATE product SET name = 'Bad' || char(27) || '[2Jname' WHERE sku = 'HT-KG'"
	tui_send End
	ok "hostile name in the list, as placeholders" \
	    tui_wait "Evil␛]0;pwned␇x␛~      2      140.00  delivered"
	tui_send Enter
	ok "and in the detail" tui_wait "Customer: Evil␛]0;pwned␇x␛[2J�cba"
	ok "a hostile product name too" tui_wait "HT-KG         Bad␛[2Jname"
	is "the pane title was not changed" "0" "$(tui_title | grep -c pwned)"
	is "the screen was not cleared" "1" "$(tui_screen | grep -c 'coopstock  Order 1: delivered')"
	tui_send w
	tui_wait "File, 80 columns" >/dev/null
	tui_send Enter
	tui_wait "File: " >/dev/null
	tui_send Enter
	tui_wait "Packing slip written to" >/dev/null
	is "no escape byte in the slip" "0" \
	    "$(tr -d '\n' <"$T/coopstock-slip-1.txt" | tr -dc '\033\007' | wc -c | tr -d ' ')"
	tui_send Escape
	tui_wait "Orders: All orders (15)" >/dev/null
else
	skip "hostile names" "no sqlite3"
fi

tui_send q
is "q leaves" "0" "$(tui_wait_dead)"

# In Chinese: the same screens, translated and aligned.
TUI_LANG=zh_CN.UTF-8
TUI_LANGUAGE=zh_CN
tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$db"
signin 李娜 1111 "您是哪位？" "李娜 的 PIN 码"
tui_wait "现在要做的事：" >/dev/null
tui_send o
ok "the list in Chinese" tui_wait "订单：全部订单（15），新的在前"
is "its header" "    单号  日期        渠道       客户                行数        合计  状态" \
    "$(tui_line 2 | sed 's/ *$//')"
# Order 14 was taken on this screen today, so it carries today's date.
is "channels and states in Chinese, aligned" \
    "      14  $(date +%Y-%m-%d)  淘宝       许诺                   1    1,176.00  新订单" \
    "$(tui_line 4 | sed 's/ *$//')"
tui_send Down Enter
ok "an order in Chinese" tui_wait "订单 14：新订单"
tui_send d
ok "the refusal in Chinese" tui_wait "只有已发货的订单可以标记送达"
tui_send F10
is "F10 leaves from the detail" "0" "$(tui_wait_dead)"
done_testing
