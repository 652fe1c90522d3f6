#!/bin/sh
# quick.sh - livestream bursts in the TUI on the demo cooperative: three
# phone orders through quick entry (one for a repeat customer whose name
# and address fill in), the parsed lines and total shown as typed, a bad
# token's reason on the message line, the live counter on Home, and batch
# confirm with one order short of stock on the shortfall list.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

db=$T/quick.db
run cs --db "$db" demo
is "the demo database is made" 0 "$rc"
last0=$(sqlite3 "$db" 'SELECT max(id) FROM orders')

signin() {
	tui_wait "Who are you?" >/dev/null
	tui_send /
	tui_type "$1"
	tui_send Enter Enter
	tui_wait "PIN for $1" >/dev/null
	tui_type "$2"
	tui_send Enter
}
tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$db"
signin 李娜 1111
ok "李娜 signs in to Home" tui_wait "What needs doing now:"
ok "Home shows the live counter" \
    tui_wait "Since sign-in: 0 new orders; to confirm 3,"
tui_send h
ok "h opens quick phone order" tui_wait "Quick phone order: 0 saved here"

# 1: a repeat customer (赵磊's phone from a demo order).
tui_type 13991234567
tui_send Tab
ok "the repeat customer's address fills in" \
    tui_wait "陕西省西安市雁塔区小寨东路 126 号"
ok "and the name" tui_wait "赵磊"
tui_send Tab Tab
tui_type "ht 2, fm 1"
ok "the lines show as typed" tui_wait "HT-KG      薄皮核桃"
ok "with the running total" tui_wait "Total: 140.00 yuan"
tui_type ", zz"
ok "a bad token's reason is on the message line" \
    tui_wait "'zz': no product has this code or SKU"
tui_send BSpace BSpace BSpace BSpace
tui_send Enter
ok "Enter saves the order" tui_wait "Order $((last0 + 1)) saved."
ok "the form is cleared for the next" tui_wait "Quick phone order: 1 saved here"

# 2: a new customer.
tui_type 13700000001
tui_send Tab
ok "a new phone is a new customer" tui_wait "A new customer."
tui_type "钱七"
tui_send Tab
tui_type "甘肃省陇南市武都区 1 号"
tui_send Tab
tui_type "gly 1"
tui_wait "Total: 128.00 yuan" >/dev/null
tui_send F2
ok "F2 saves the second order" tui_wait "Order $((last0 + 2)) saved."

# 3: more walnuts than the cooperative has.
tui_type 13700000002
tui_send Tab
tui_wait "A new customer." >/dev/null
tui_type "孙八"
tui_send Tab Tab
tui_type "ht 99999"
tui_wait "Total:" >/dev/null
tui_send Enter
ok "the third order is saved" tui_wait "Order $((last0 + 3)) saved."

lines=$(sqlite3 "$db" "SELECT o.id, o.channel, o.customer_name, p.sku, l.qty
    FROM orders o JOIN order_line l ON l.order_id = o.id
    JOIN product p ON p.id = l.product_id
    WHERE o.id > $last0 ORDER BY l.id")
is "the three orders exist with their lines" \
"$((last0 + 1))|phone|赵磊|HT-KG|2000
$((last0 + 1))|phone|赵磊|FM-500|1000
$((last0 + 2))|phone|钱七|GLY-500|1000
$((last0 + 3))|phone|孙八|HT-KG|99999000" "$lines"
is "the repeat customer's address went on the order" \
    "陕西省西安市雁塔区小寨东路 126 号" \
    "$(sqlite3 "$db" "SELECT customer_address FROM orders WHERE id = $((last0 + 1))")"

tui_send Escape
ok "back on Home the counter counts them" \
    tui_wait "Since sign-in: 3 new orders; to confirm 6,"
tui_send 1
tui_wait "Orders: New: to confirm (6), oldest first" >/dev/null
tui_send C
ok "C in the orders to confirm asks before confirming all" \
    tui_wait "Confirm all 6 new orders, oldest first?"
tui_send y
ok "the shortfall list says partial shipment is not supported" \
    tui_wait "2 left new, short of stock (no partial shipment)"
ok "it names the short orders and by how much" \
    tui_wait "Order $((last0 + 3)) 孙八: short of HT-KG 99781 kg"
ok "oldest first: the demo's order 14 is short of dried bamboo" \
    tui_wait "Order 14 许诺: short of DS-500 2 bag"
tui_send Escape
ok "the message line counts what was confirmed" \
    tui_wait "4 orders confirmed, 2 short of stock."
ok "the list shows the two short orders left" \
    tui_wait "Orders: New: to confirm (2), oldest first"
tui_send Escape
ok "Home's counter follows" \
    tui_wait "Since sign-in: 3 new orders; to confirm 2, to pack 6,"
is "the short order stays new" new \
    "$(sqlite3 "$db" "SELECT status FROM orders WHERE id = $((last0 + 3))")"
is "the others are confirmed" confirmed \
    "$(sqlite3 "$db" "SELECT status FROM orders WHERE id = $((last0 + 2))")"

# A wave of the confirmed orders: pick list to a file, then packed.
tui_send w
ok "w opens the packing waves" tui_wait "No waves yet: press n"
tui_send n
tui_wait "Make a wave of" >/dev/null
tui_send Enter
ok "a wave of all confirmed orders is made" \
    tui_wait "Wave 1 made of 6 orders."
tui_send Enter
ok "Enter opens the wave" tui_wait "Wave 1: 6 orders, 6 to pack, 0 packed"
ok "with its orders" tui_wait "Order $((last0 + 2))"
ok "and its history" tui_wait "made the wave of 6 orders"
tui_send w
tui_wait "Pick list" >/dev/null
tui_send Enter
tui_wait "42 columns" >/dev/null
tui_send Enter
tui_wait "Print to a file" >/dev/null
tui_send C-u
tui_type "$T/pick.txt"
tui_send Enter
ok "the pick list is written" tui_wait "Written to $T/pick.txt."
run cs --db "$db" wave picklist 1 --width 80
is "it is the pick list the CLI prints, totals and all" "$out" \
    "$(cat "$T/pick.txt")"
tui_send p
tui_wait "Mark every order of wave 1 packed?" >/dev/null
tui_send y
ok "p packs the whole wave" tui_wait "6 orders packed."
is "the wave's orders are packed" 6 \
    "$(sqlite3 "$db" "SELECT count(*) FROM wave_order w JOIN orders o
	ON o.id = w.order_id WHERE w.wave_id = 1 AND o.status = 'packed'")"
tui_send q
tui_wait_dead >/dev/null
run cs --db "$db" check
is "coopstock check holds" 0 "$rc"
done_testing
