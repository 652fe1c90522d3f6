#!/bin/sh
# screens.sh - the real program in tmux: first start on an empty database,
# sign-in with the demo PINs, a wrong PIN, switching clerk, Home's counts
# against the command line, Products (Chinese search, sort, add, edit, a
# clerk's price change refused, the ledger, a stock correction), resize,
# a draft kept across SIGHUP, and a hostile product name.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

DB=$T/coop.db

# signin NAME PIN: pick NAME in the list (by search) and type PIN.
signin() {
	tui_wait "Who are you?" >/dev/null
	tui_send /
	tui_type "$1"
	tui_send Enter Enter
	tui_wait "PIN for $1" >/dev/null
	tui_type "$2"
	tui_send Enter
}
# The count shown on Home for a label.
home_count() { tui_screen | grep "  $1 " | awk '{print $NF}'; }

# ---- First start on an empty (missing) database.
tui_start "$COOPSTOCK" --db "$T/new.db"
ok "first start asks who is there" tui_wait "Who are you?"
is "the only clerk is the manager" "1" "$(tui_screen | grep -c '> manager')"
tui_send Enter
ok "a manager without a PIN chooses one" tui_wait "New PIN (4-8 digits)"
tui_type 12
tui_send Enter
ok "a too short PIN is refused" tui_wait "A PIN is 4 to 8 digits."
tui_type 4321
tui_send Enter
tui_wait "The same PIN again" >/dev/null
tui_type 4322
tui_send Enter
ok "two different PINs are refused" tui_wait "are not the same"
tui_type 4321
tui_send Enter
tui_wait "The same PIN again" >/dev/null
tui_type 4321
tui_send Enter
ok "the demo data are offered" tui_wait "The database is empty."
tui_send y
ok "demo data written" tui_wait "Demo data added: 12 products"
ok "Home follows" tui_wait "What needs doing now:"
is "title shows clerk and site" "1" \
    "$(tui_line 0 | grep -c 'coopstock  Home .*Clerk: manager  \[main\]')"
tui_send q
is "q on Home quits with 0" "0" "$(tui_wait_dead)"

# ---- A database that is not one: one line, exit 1, terminal untouched.
echo "not a database" >"$T/junk.db"
run cs --db "$T/junk.db"
is "not a database: exit 1" "1" "$rc"
is "not a database: one line on stderr" "1" "$(printf '%s\n' "$err" | wc -l)"
is "which names the file" "1" "$(printf '%s\n' "$err" | grep -c '^coopstock: .*junk.db')"

# ---- The demo cooperative, made by the command line.
cs --db "$DB" init >/dev/null && cs --db "$DB" demo >/dev/null ||
    { echo "Bail out! demo"; exit 1; }
low=$(cs --db "$DB" report low-stock | sed -n 's/^\([0-9]*\) products\{0,1\} at or below.*/\1/p')

tui_start "$COOPSTOCK" --db "$DB"
tui_wait "Who are you?" >/dev/null
is "the demo clerks are listed" "3" \
    "$(tui_screen | grep -c -e 'manager' -e '李娜' -e '王强')"
signin 李娜 9999
ok "a wrong PIN gets the model's message" tui_wait "wrong name or PIN"
ok "and the PIN is asked again" tui_wait "PIN for 李娜"
tui_type 1111
tui_send Enter
ok "李娜 signs in" tui_wait "Clerk: 李娜"
ok "Home shows the counts" tui_wait "Orders to confirm"
is "orders to confirm (new)" "3" "$(home_count 'Orders to confirm')"
is "orders to pack (confirmed)" "2" "$(home_count 'Orders to pack')"
is "orders to ship (packed)" "1" "$(home_count 'Orders to ship')"
is "low stock as in coopstock report low-stock ($low)" "$low" \
    "$(home_count 'Products at or below reorder level')"
is "one lot past best-before" "1" "$(home_count 'Lots past best-before')"

# Another process confirms orders; Ctrl-L reads the counts again.
cs --db "$DB" orders confirm --all >/dev/null 2>&1
is "counts do not change by themselves" "3" "$(home_count 'Orders to confirm')"
tui_send C-l
ok "Ctrl-L reads them again" tui_wait "Orders to confirm                               1"
is "to pack grew by two" "4" "$(home_count 'Orders to pack')"

# Each line opens its list.
lowskus=$(cs --db "$DB" report low-stock | sed -n '/^SKU/d; s/^\([A-Z][A-Z0-9-]*\) .*/\1/p' | tr '\n' ' ')
tui_send l
ok "l opens the low-stock list" tui_wait "coopstock  Products at or below reorder level"
tui_wait "Reserved" >/dev/null
is "the same products as coopstock report low-stock" "$lowskus" \
    "$(tui_screen | sed -n '4,21s/^[> ] \([A-Z][A-Z0-9-]*\) .*/\1/p' | tr '\n' ' ')"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null
tui_send 5
ok "5 opens the lots past best-before" tui_wait "Best before"
is "one lot, with negative days left" "1" \
    "$(tui_screen | grep -c '^> [0-9-]\{10\}  *-[0-9]')"
tui_send Escape
tui_wait "What needs doing now:" >/dev/null

# ---- Products: Chinese search, sort, help.
tui_send p
ok "p opens Products" tui_wait "Available"
tui_send /
tui_type 核桃
ok "search as you type: the walnut rows" tui_wait "Find: 核桃"
is "exactly the two walnut products" "HT-JIN HT-KG" \
    "$(tui_screen | sed -n 's/^[> ] \(HT-[A-Z]*\) .*/\1/p' | tr '\n' ' ' | sed 's/ $//')"
is "no other product" "0" "$(tui_screen | grep -c 'CY-100')"
tui_send Escape
tui_wait "CY-100" >/dev/null
tui_send o
ok "o sorts by name" tui_wait "Sort: Name"
tui_send o
ok "o again sorts by SKU" tui_wait "Sort: SKU"
tui_send F1
ok "F1 shows the screen's how-to" tui_wait "All the products with their stock."
tui_send Escape
tui_wait "Sort: SKU" >/dev/null

# ---- The ledger of one product.
tui_send / 
tui_type HT-KG
tui_send Enter
tui_wait "> HT-KG" >/dev/null
tui_send Enter
ok "Enter opens the product" tui_wait "Product HT-KG"
ok "its stock level" tui_wait "On hand: 223   Reserved: 3"
ok "its ledger shows the intake" tui_wait "intake"
tui_send a
ok "a clerk may not correct stock" tui_wait "Only a manager may correct stock."

# ---- A clerk changing a price is refused and keeps the typing.
tui_send e
ok "e opens the form filled in" tui_wait "薄皮核桃"
i=0
while [ $i -lt 5 ]; do tui_send Tab; i=$((i + 1)); done
tui_send C-u
tui_type 40
tui_send F2
ok "the model refuses a clerk's price change" tui_wait "only a manager"
is "the form is still open with the typing" "1" \
    "$(tui_screen | grep -c 'Price (yuan).*40')"
tui_send Escape
ok "leaving asks first" tui_wait "Leave without saving"
tui_send y
tui_wait "Product HT-KG" >/dev/null

# ---- Switch clerk with Ctrl-W, from anywhere.
tui_send C-w
ok "Ctrl-W asks who is there" tui_wait "Who are you?"
signin manager 1234
ok "the manager took over" tui_wait "Clerk: manager"
ok "on the same screen" tui_wait "Product HT-KG"
tui_send a
tui_wait "Add (or -take) qty" >/dev/null
tui_type -3
tui_send Enter
tui_wait "Reason" >/dev/null
tui_type "mice"
tui_send Enter
ok "the manager corrects stock" tui_wait "Stock corrected."
ok "the adjustment is in the ledger" tui_wait "mice"
ok "and the level follows" tui_wait "On hand: 220"
tui_send Escape
tui_wait "Sort: SKU" >/dev/null

# ---- Add a product through the form.
tui_send n
ok "n opens an empty form" tui_wait "New product"
tui_type "TEA-1"; tui_send Tab
tui_type "高山红茶"; tui_send Tab
tui_type "Black tea"; tui_send Tab
tui_type "hc"; tui_send Tab
tui_type "BAG"; tui_send Tab
tui_type "¥45.5"; tui_send Tab
tui_send C-u; tui_type "3"; tui_send Tab
tui_type "茶"
tui_send F2
ok "saved" tui_wait "Saved TEA-1."
tui_send /
tui_send C-u
tui_type TEA
tui_send Enter
ok "the list shows it" tui_wait "高山红茶"
is "with its price, the unit written the usual way" "1" "$(tui_screen | grep -c 'TEA-1 .*高山红茶 .*bag .*45.50')"
is "the command line sees it" "1" \
    "$(cs --db "$DB" export products - | grep -c '^TEA-1,高山红茶,Black tea,bag,45.50')"

# ---- A busy database: said in plain words, the typing kept.
if command -v sqlite3 >/dev/null 2>&1; then
	tui_send n
	tui_wait "New product" >/dev/null
	tui_type "BUSY-1"; tui_send Tab
	tui_type "忙"; tui_send Tab Tab Tab
	tui_type "jar"; tui_send Tab
	tui_type "2"
	# Another process holds the write lock past the 5 s busy timeout.
	sqlite3 "$DB" "BEGIN IMMEDIATE;" ".shell touch $T/locked; sleep 7" \
	    "COMMIT;" >/dev/null 2>&1 &
	holder=$!
	i=0
	while [ ! -f "$T/locked" ] && [ $i -lt 100 ]; do tui_tick; i=$((i + 1)); done
	tui_send F2
	ok "a busy database is said in plain words" \
	    tui_wait "Another clerk is saving right now" 10
	is "the form keeps the typing" "1" "$(tui_screen | grep -c 'BUSY-1')"
	wait "$holder"
	tui_send F2
	ok "once free, the save goes through" tui_wait "Saved BUSY-1."
else
	skip "a busy database" "no sqlite3 command"
	skip "the form keeps the typing" "no sqlite3 command"
	skip "once free, the save goes through" "no sqlite3 command"
fi

# ---- Resize below 80x24 and back.
tui_resize 60 20
ok "60x20 says the terminal is too small" tui_wait "Terminal too small"
tui_resize 80 24
ok "80x24 shows Products again" tui_wait "Available"
ok "with the key bar" tui_wait "F1/? Help"

# ---- SIGHUP in the middle of a new-product form keeps a draft.
tui_send n
tui_wait "New product" >/dev/null
tui_type "DRAFT-9"; tui_send Tab
tui_type "半截花椒"
tui_wait "半截花椒" >/dev/null
kill -HUP "$(tui_pane_pid)"
is "SIGHUP ends the program (129)" "129" "$(tui_wait_dead)"
is "nothing was saved as a product" "0" \
    "$(cs --db "$DB" export products - | grep -c DRAFT-9)"
tui_start "$COOPSTOCK" --db "$DB"
signin manager 1234
ok "the draft is offered" \
    tui_wait "You were adding a product when the connection dropped."
tui_send y
ok "the form comes back" tui_wait "New product"
ok "with the SKU typed" tui_wait "DRAFT-9"
ok "and the name" tui_wait "半截花椒"
tui_send Escape
tui_wait "Leave without saving" >/dev/null
tui_send y
tui_wait "Sort: SKU" >/dev/null
tui_send q
tui_wait_dead >/dev/null
tui_start "$COOPSTOCK" --db "$DB"
signin manager 1234
tui_wait "What needs doing now:" >/dev/null
is "a draft is offered once" "0" "$(tui_screen | grep -c 'connection dropped')"
tui_send q
tui_wait_dead >/dev/null

# ---- A hostile product name, shown harmlessly.
printf 'sku,name,unit,price\nEVIL-1,Evil\033]0;pwned\007x\033[2Jy\302\233z\342\200\256cba,jar,1.00\n' \
    >"$T/evil.csv"
cs --db "$DB" import products "$T/evil.csv" >/dev/null
tui_start "$COOPSTOCK" --db "$DB"
signin manager 1234
tui_wait "What needs doing now:" >/dev/null
tui_send p
tui_wait "Available" >/dev/null
tui_send /
tui_type EVIL
tui_send Enter
ok "the list shows placeholders" tui_wait "> EVIL-1      Evil␛]0;pwned␇x␛~"
is "the pane title was not changed" "0" "$(tui_title | grep -c pwned)"
is "the screen was not cleared" "1" "$(tui_screen | grep -c 'SKU .*Name')"
tui_send Enter
ok "the detail shows them too" tui_wait "EVIL-1  Evil␛]0;pwned␇x␛[2Jy"
is "C1 CSI and U+202E are placeholders on the detail" "1" \
    "$(tui_line 2 | grep -c 'y�z�cba')"
is "the pane title is still unchanged" "0" "$(tui_title | grep -c pwned)"
tui_send q
is "q quits from anywhere with 0" "0" "$(tui_wait_dead)"

# ---- SIGTERM while changing a product keeps a draft too.
tui_start "$COOPSTOCK" --db "$DB"
signin 王强 2222
tui_wait "What needs doing now:" >/dev/null
tui_send p
tui_wait "Sort: SKU" >/dev/null
tui_send /
tui_type CY-100
tui_send Enter
tui_wait "Find: CY-100" >/dev/null
tui_send e
tui_wait "Change a product" >/dev/null
tui_send Tab Tab
tui_send C-u
tui_type "Green tea of Bikou"
tui_wait "Green tea of Bikou" >/dev/null
kill -TERM "$(tui_pane_pid)"
is "SIGTERM ends the program (143)" "143" "$(tui_wait_dead)"
tui_start "$COOPSTOCK" --db "$DB"
signin manager 1234
tui_wait "What needs doing now:" >/dev/null
is "another clerk is not offered 王强's draft" "0" \
    "$(tui_screen | grep -c 'connection dropped')"
tui_send C-w
signin 王强 2222
ok "王强 is offered it after switching in" \
    tui_wait "You were changing product CY-100 when the connection"
tui_send y
ok "the change form comes back" tui_wait "Change a product"
ok "with the typing" tui_wait "Green tea of Bikou"
tui_send F2
ok "and it saves" tui_wait "Saved CY-100."
is "the command line sees the new English name" "1" \
    "$(cs --db "$DB" export products - | grep -c '^CY-100,.*,Green tea of Bikou,')"
tui_send q
tui_wait_dead >/dev/null

done_testing
