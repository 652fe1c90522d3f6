#!/bin/sh
# siteui.sh - a clerk at the warehouse, which has the village's orders
# from a bundle and one order of its own: Home counts only the
# warehouse's orders to confirm, pack and ship and shows the village's
# apart; the Orders list names the village on its orders and its list to
# confirm holds the warehouse's own; the detail of a village order says
# whose it is and offers no confirm, pack or ship, while cancel stays.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

A=$T/village.db
B=$T/warehouse.db
cs --db "$A" demo >/dev/null
cs --db "$A" init --site village >/dev/null
cs --db "$B" init --site warehouse >/dev/null
cs --db "$A" export sync --all --to warehouse "$T/ab" >/dev/null
run cs --db "$B" import sync "$T/ab"
is "the warehouse merges the village's bundle" 0 "$rc"
printf 'order_ref,channel,sku,qty\nW1,phone,HT-KG,1\n' >"$T/o.csv"
run cs --db "$B" import orders "$T/o.csv"
is "the warehouse takes an order of its own" 0 "$rc"

tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$B"
tui_wait "Who are you?" >/dev/null
tui_send Enter
tui_wait "New PIN (4-8 digits)" >/dev/null
tui_type 1234
tui_send Enter
tui_wait "The same PIN again" >/dev/null
tui_type 1234
tui_send Enter
ok "Home" tui_wait "What needs doing now:"
home_line() { tui_line "$1" | sed 's/ *$//'; }
is "the live counter counts the warehouse's orders" \
    " Since sign-in: 0 new orders; to confirm 1, to pack 0, to ship 0" \
    "$(home_line 3)"
is "one to confirm here, the village's three apart" \
    " > 1  Orders to confirm                               1  (3 at other sites)" \
    "$(home_line 4)"
is "none to pack here, two at the village" \
    "   2  Orders to pack                                  0  (2 at other sites)" \
    "$(home_line 5)"
is "none to ship here, one at the village" \
    "   3  Orders to ship                                  0  (1 at other sites)" \
    "$(home_line 6)"
tui_send C
ok "confirm all offers the warehouse's one order" \
    tui_wait "Confirm all 1 new orders, oldest first?"
tui_send Escape
tui_wait_gone "Confirm all 1" >/dev/null

# ---- All orders: the village's are named, the warehouse's are not.
# Order 15 was taken today, and the demo's order 14 is dated today.
today=$(date +%Y-%m-%d)
tui_send o
ok "all orders, every site's" tui_wait "Orders: All orders (15), newest first"
is "the list has a Site column" \
    "  Number  Date        Channel    Customer  Lines       Total  Status     Site" \
    "$(home_line 2)"
is "the warehouse's own order names no site" \
    ">     15  $today  phone                    1       36.00  new" \
    "$(home_line 3)"
is "the village's order names the village, aligned after Chinese names" \
    "      14  $today  taobao     许诺          1    1,176.00  new        village" \
    "$(home_line 4)"
is "so does every other village order" 14 \
    "$(tui_screen | grep -c '  village$')"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
tui_send 1
ok "the list to confirm holds the warehouse's own" \
    tui_wait "Orders: New: to confirm (1)"
is "only order 15" ">     15  $today  phone                    1       36.00  new" \
    "$(home_line 3)"
is "and nothing else" "" "$(home_line 4)"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null

# ---- The village's order 10: whose it is, and no confirm, pack, ship.
tui_send o
tui_wait "Orders: All orders (15)" >/dev/null
tui_send /
tui_type 10
tui_send Enter
tui_wait "Find: 10" >/dev/null
tui_send Down Enter
ok "the village's order opens" tui_wait "Order 10: confirmed"
is "it says whose it is" \
    " Taken in at: village, which alone confirms, packs and ships it" \
    "$(home_line 8)"
is "the key bar offers no confirm, pack or ship; cancel stays" \
    " F1/? Help  d Deliver  x Cancel  r Return  w Slip  Esc Back" \
    "$(home_line 23)"
tui_send p
tui_send F1
ok "help" tui_wait "Keys on this screen:"
is "help lists no confirm, pack or ship" 0 \
    "$(tui_screen | grep -c '^  [cps]  ')"
ok "but cancel" tui_wait "  x              Cancel: Cancel the order"
tui_send Escape
tui_wait "Order 10: confirmed" >/dev/null
is "p did nothing: order 10 is still confirmed" confirmed \
    "$("$SQLITE3" "$B" "SELECT status FROM orders WHERE id = 10")"
tui_send x
ok "cancel is offered" tui_wait "Cancel the order"
tui_send Escape
tui_wait_gone "Reason" >/dev/null
tui_send Escape
tui_wait "Orders: All orders (15)" >/dev/null
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
tui_send q
is "q quits with 0" "0" "$(tui_wait_dead)"

# ---- The same in Chinese: the note beside the counts, the Site column.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	TUI_LANG=zh_CN.UTF-8
	TUI_LANGUAGE=zh_CN
	tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
	    "$COOPSTOCK" --db "$B"
	tui_wait "您是哪位？" >/dev/null
	tui_send Enter
	tui_wait "manager 的 PIN 码" >/dev/null
	tui_type 1234
	tui_send Enter
	ok "Home in Chinese" tui_wait "现在要做的事："
	is "the village's orders apart, within 80 columns" 1 \
	    "$(home_line 4 | grep -c '  1  （其他站点 3 单）$')"
	tui_send o
	ok "the list in Chinese" tui_wait "站点"
	is "the Site column after the status, by display width" 1 \
	    "$(home_line 4 | grep -c '1,176.00  新订单 *village$')"
	tui_send Escape
	tui_wait "现在要做的事：" >/dev/null
	tui_send q
	is "q quits with 0" "0" "$(tui_wait_dead)"
fi

done_testing
