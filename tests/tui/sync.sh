#!/bin/sh
# sync.sh - the sync screens driven through tmux: two sites made with the
# command line (the demo at the village, an empty warehouse), the
# warehouse's manager imports the village's bundle through the screen
# (a tampered copy refused first with nothing written, then the preview's
# counts, then applied), after which both sites' stock exports are
# byte-identical; then both sites sell the same tea and change its price
# while apart, and the next bundle leaves a conflict (listed, marked
# resolved) and an oversold product (on Home, opened from its list);
# last a clerk at the village sees the preview but may not merge.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

A=$T/village.db
B=$T/warehouse.db
cs --db "$A" demo >/dev/null
run cs --db "$A" init --site village
is "the village is named" 0 "$rc"
run cs --db "$B" init --site warehouse
is "the warehouse is named" 0 "$rc"
run cs --db "$A" export sync --all --to warehouse "$T/ab"
is "the village writes a bundle for the warehouse" 0 "$rc"
cp -R "$T/ab" "$T/bad"
sed 's/碧口绿茶/碧口红茶/' "$T/ab/products.csv" >"$T/bad/products.csv"
stock0=$(cs --db "$B" export stock)

start() {
	tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
	    "$COOPSTOCK" --db "$B"
}
# import DIR: from Home, open the sync screen and type DIR.
import() {
	tui_send y
	tui_wait "Sync with another site:" >/dev/null
	tui_send i
	tui_wait "Folder:" >/dev/null
	tui_type "$1"
	tui_send Enter
}

# ---- First start at the warehouse: the manager chooses PIN 1234.
start
tui_wait "Who are you?" >/dev/null
tui_send Enter
tui_wait "New PIN (4-8 digits)" >/dev/null
tui_type 1234
tui_send Enter
tui_wait "The same PIN again" >/dev/null
tui_type 1234
tui_send Enter
tui_wait "The database is empty." >/dev/null
tui_send n
ok "Home" tui_wait "What needs doing now:"
is "the title shows the site named by init --site" "1" \
    "$(tui_line 0 | grep -c 'Clerk: manager  \[warehouse\]')"
ok "Home offers the sync screen" tui_wait "y  Sync with another site"

# ---- A tampered bundle is refused in plain words, nothing written.
import "$T/bad"
ok "the altered file is refused" tui_wait "Bundle refused, nothing written"
is "nothing was written" "$stock0" "$(cs --db "$B" export stock)"

# ---- The real one: preview, then apply.
tui_send i
tui_wait "Folder:" >/dev/null
tui_type "$T/ab"
tui_send Enter
ok "the preview names the bundle" tui_wait "Bundle 1 from village:"
ok "the preview counts the products" tui_wait "products: 12 (12 new)"
ok "and the stock moves" tui_wait "stock moves: 33 (33 new)"
ok "and asks" tui_wait "Conflicts: 0.  Oversold after: 0."
is "nothing written before the answer" "$stock0" \
    "$(cs --db "$B" export stock)"
tui_send y
ok "applied" tui_wait "Bundle 1 from village merged: 169 new rows"
ok "the village is now a known site" tui_wait "village: our bundle 0 sent"
tui_send q
tui_wait_dead >/dev/null
# Reservations stay with the site that confirmed the order (replica.h),
# so the stock on hand is compared: sku, name, unit, on_hand.
cs --db "$A" export stock | cut -d, -f1-4 >"$T/a.csv"
cs --db "$B" export stock | cut -d, -f1-4 >"$T/b.csv"
ok "both sites' stock on hand is byte-identical" cmp "$T/a.csv" "$T/b.csv"

# ---- Apart, both sell all the tea and change its price.
sell() {
	printf 'order_ref,channel,sku,qty\n%s,shop,CY-100,18\n' "$2" >"$T/o.csv"
	cs --db "$1" import orders --confirm "$T/o.csv" >/dev/null
	printf 'order_ref,courier,tracking_no\n%s,SF,SF-%s\n' "$2" "$2" \
	    >"$T/t.csv"
	cs --db "$1" import tracking "$T/t.csv" >/dev/null
}
price() {
	printf 'sku,name,unit,price\nCY-100,碧口绿茶,tin,%s\n' "$2" >"$T/p.csv"
	cs --db "$1" import products "$T/p.csv" >/dev/null
}
sell "$B" W1
price "$B" 92
sell "$A" V1
price "$A" 90
run cs --db "$A" export sync --to warehouse "$T/ab2"
is "the village writes its second bundle" 0 "$rc"

start
tui_wait "Who are you?" >/dev/null
tui_send Enter
tui_wait "PIN for manager" >/dev/null
tui_type 1234
tui_send Enter
tui_wait "What needs doing now:" >/dev/null
import "$T/ab2"
ok "the preview warns of the conflict and the oversold tea" \
    tui_wait "Conflicts: 1.  Oversold after: 1."
tui_send y
ok "applied" tui_wait "Bundle 2 from village merged"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
is "Home shows the oversold product" "1" \
    "$(tui_screen | grep -c 'v  Oversold products (after a sync)  *1$')"
is "and the conflict" "1" \
    "$(tui_screen | grep -c 'c  Sync conflicts to look at  *1$')"

# ---- The conflict: listed with both prices, marked resolved.
tui_send c
ok "the conflicts list" tui_wait "Conflicts (1): m marks one resolved"
ok "it names the tea and its field" tui_wait "product CY-100  price"
is "both prices are shown, with both sites" "1" \
    "$(tui_screen | grep 'CY-100' | grep -c '9[02]\.00  *9[02]\.00  *\(village/warehouse\|warehouse/village\)')"
tui_send m
ok "the manager marks it resolved" tui_wait "Marked resolved."
ok "the list is empty" tui_wait "No conflicts to look at."
is "the model has no open conflict" "" \
    "$(cs --db "$B" report conflicts --csv | tail -n +2)"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null

# ---- The oversold tea: its list opens the product.
tui_send v
ok "the oversold list" tui_wait "Oversold products (1)"
ok "shows the tea below zero" tui_wait "-18"
tui_send Enter
ok "Enter opens the product to adjust" tui_wait "Product CY-100"
tui_send a
tui_wait "Add (or -take) qty" >/dev/null
tui_type 18
tui_send Enter
tui_wait "Reason" >/dev/null
tui_type "counted after sync"
tui_send Enter
ok "the manager corrects the stock" tui_wait "Stock corrected."
tui_send Escape
ok "back on the list, the tea is no longer oversold" \
    tui_wait "No product is oversold."
is "nor in the model" "" "$(cs --db "$B" report oversold --csv | tail -n +2)"
tui_send q
is "q quits with 0" "0" "$(tui_wait_dead)"

# ---- At the village a clerk may look, but only a manager may merge.
run cs --db "$B" export sync --to village "$T/ba"
is "the warehouse writes a bundle for the village" 0 "$rc"
stockA=$(cs --db "$A" export stock)
tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$A"
tui_wait "Who are you?" >/dev/null
tui_send /
tui_type 李娜
tui_send Enter Enter
tui_wait "PIN for 李娜" >/dev/null
tui_type 1111
tui_send Enter
tui_wait "What needs doing now:" >/dev/null
is "the village's title line" "1" "$(tui_line 0 | grep -c '\[village\]')"
import "$T/ba"
ok "the clerk sees the preview" tui_wait "Bundle 1 from warehouse:"
tui_send y
ok "and a plain refusal" \
    tui_wait "Only a manager may import a bundle: ask one to sign in"
is "nothing was merged at the village" "$stockA" \
    "$(cs --db "$A" export stock)"
tui_send q
is "q quits with 0" "0" "$(tui_wait_dead)"

done_testing
