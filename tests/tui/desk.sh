#!/bin/sh
# desk.sh - the desk screens on the demo database, driven through tmux at
# 80x24: sign in, take in 20 kg of walnuts (HT-KG) from a member and see
# stock and the member's balance change, print the receipt to a file,
# add a member, record a payment, show the stock report and save it as CSV (the same
# bytes as `coopstock report stock --csv`), import a file with errors
# (every error line shown, nothing written) and then a good one; a
# SIGHUP in the middle of an intake keeps a draft that is offered again.
# Runs the coopstock binary: sign-in, then Home's i, m, r and x lines.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"

DB=$T/coop.db
export COOPSTOCK_DB="$DB"
cs demo >/dev/null || { echo "Bail out! coopstock demo failed"; exit 1; }
cp "$TESTS_SRCDIR/data/desk/intake-bad.csv" "$TESTS_SRCDIR/data/desk/intake-good.csv" "$T/"

# The CSV value of column N of the line starting with KEY.
csv_col() { grep "^$2," | cut -d, -f"$1"; }
on_hand() { cs report stock --csv | csv_col 4 "$1"; }
balance() { cs report payouts --csv | csv_col 6 "$1"; }

stock0=$(on_hand HT-KG)
bal0=$(balance M002)

# Run in $T, so the import's file names are short and the picker lists
# the fixtures.
cat >"$T/run.sh" <<RUN
cd "$T" && exec env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "$COOPSTOCK" --db "$DB"
RUN
tui_start sh "$T/run.sh"
ok "sign-in asks who is there" tui_wait "Who are you?"
tui_send /
tui_type "李娜"
tui_send Enter Enter
ok "and the PIN" tui_wait "PIN for 李娜"
tui_type "1111"
tui_send Enter
ok "signed in as 李娜; Home is shown" tui_wait "Clerk: 李娜"
ok "Home lists Intake" tui_wait "Intake: a member brings produce"

# Intake (i on Home): member by name search, product by SKU.
tui_send i
ok "the intake form opens" tui_wait "Best-before:"
tui_type "李秀英"
tui_send Tab
ok "a name finds the member" tui_wait "Member: M002 李秀英"
tui_type "ht-kg"
tui_send Tab
ok "a SKU in any case finds the product" tui_wait "Product: HT-KG 薄皮核桃"
tui_type "20"
tui_send Tab
tui_type "一级"
tui_send Tab
tui_type "30"
tui_send Tab
ok "money is shown in its canonical form" tui_wait "Unit cost: 30.00"
ok "the amount owed for the lot is shown" tui_wait "20 x 30.00 = 600.00 owed to the member"
tui_send F2
ok "saving offers the receipt" tui_wait "Save to file (empty: printer):"
tui_type "$T/receipt.txt"
tui_send Enter
ok "the lot is saved and the receipt printed" tui_wait "saved; receipt printed."
is "stock of HT-KG grew by 20 kg" "$((stock0 + 20))" "$(on_hand HT-KG)"
want_bal=$(echo "$bal0" | awk '{ printf "%.2f", $1 + 600 }')
is "M002 is owed 600.00 more" "$want_bal" "$(balance M002)"
is "the receipt names the member" "Member      M002 李秀英" "$(sed -n 6p "$T/receipt.txt")"
is "the receipt has quantity and unit" "Quantity    20 kg" "$(sed -n 8p "$T/receipt.txt")"
is "the receipt has what is owed" "Owed        600.00" "$(sed -n 11p "$T/receipt.txt")"
is "the receipt has the clerk" "Handled by  李娜" "$(sed -n 12p "$T/receipt.txt")"
is "the receipt is 32 columns wide" "--------------------------------" "$(sed -n 3p "$T/receipt.txt")"

# The model's reason when it refuses: a best-before before the receipt.
stock1=$(on_hand HT-KG)
tui_type "M003"
tui_send Tab
tui_type "HT-KG"
tui_send Tab
tui_type "5"
tui_send Tab Tab
tui_type "10"
tui_send Tab Tab
tui_type "2020-01-01"
tui_send F2
ok "the model's reason is on the message line" \
    tui_wait "the best-before date 2020-01-01 is before the receipt date"
is "nothing was taken in" "$stock1" "$(on_hand HT-KG)"
tui_send C-u
tui_send F2
ok "without the best-before it saves" tui_wait "Save to file (empty: printer):"
tui_send Escape
ok "Esc skips the receipt" tui_wait "Member: a code or part of a name."
is "5 kg more" "$((stock1 + 5))" "$(on_hand HT-KG)"

# Members: the balance in the list, the lot on the member's page.
tui_send Escape
tui_wait "Intake: a member brings produce" >/dev/null
tui_send m
ok "the members list comes up" tui_wait "M012"
shown_bal=$(echo "$want_bal" | awk '{ s = sprintf("%.2f", $1); if ($1 >= 1000) s = sprintf("%d,%06.2f", int($1 / 1000), $1 - 1000 * int($1 / 1000)); print s }')
ok "the list shows M002's new balance ($shown_bal)" tui_wait "$shown_bal"
tui_send n
ok "n opens the member form" tui_wait "New member"
tui_type "M013"
tui_send Tab
tui_type "赵新民"
tui_send Tab
tui_type "成县 纸坊镇"
tui_send F2
ok "the new member is saved" tui_wait "Member M013 saved."
ok "and listed" tui_wait "M013      赵新民"
is "the model has it" "M013,赵新民" "$(cs export members - | grep '^M013,' | cut -d, -f1-2)"
tui_send /
tui_type "李秀"
ok "search as you type narrows the list" tui_wait_gone "M001"
tui_send Enter Enter
ok "the member's page shows the new lot" tui_wait "20 kg  一级"
ok "and the balance" tui_wait "Balance $shown_bal"
tui_send P
ok "P asks for a payment" tui_wait "Amount:"
tui_type "100"
tui_send Enter
tui_wait "Note:" >/dev/null
tui_type "现金"
tui_send Enter
ok "the payment is recorded" tui_wait "Paid 100.00 to 李秀英."
want_bal2=$(echo "$want_bal" | awk '{ printf "%.2f", $1 - 100 }')
is "the model agrees: balance down by 100" "$want_bal2" "$(balance M002)"

# Reports: the stock report, saved as CSV.  Esc: the member's page, the
# search, the list.
tui_send Escape Escape Escape
ok "Esc goes back to Home" tui_wait "Intake: a member brings produce"
tui_send r
ok "the reports form opens" tui_wait "Report: stock"
tui_send F2
ok "the stock report is shown in the table" tui_wait "Report: stock "
ok "with HT-KG's stock" tui_wait "HT-KG "
tui_send F2
tui_wait "File:" >/dev/null
tui_type "$T/stock.csv"
tui_send Enter
ok "the report is saved" tui_wait "Saved to $T/stock.csv."
cs report stock --csv >"$T/stock-cli.csv"
ok "the CSV has the same bytes as coopstock report stock --csv" \
    cmp "$T/stock.csv" "$T/stock-cli.csv"

# Import: a file with errors writes nothing; every error line shown.
tui_send Escape Escape
tui_wait "Intake: a member brings produce" >/dev/null
tui_send x
ok "the import/export form opens" tui_wait "Encoding:"
tui_send Tab Space Space
ok "Space picks the kind" tui_wait "Kind: intake"
tui_send F2
ok "an empty File offers the .csv files here" tui_wait "Which file?"
tui_send /
tui_type "bad"
tui_send Enter
tui_wait "> intake-bad.csv" >/dev/null
tui_send Enter
ok "the picked file is in the form" tui_wait "File: intake-bad.csv"
before=$(cs report stock --csv)
tui_send F2
ok "the dry run counts the problems" tui_wait "Dry run: 3 problems"
(cd "$T" && cs import intake intake-bad.csv --dry-run 2>"$T/cli-errors" >/dev/null)
sed '$d' "$T/cli-errors" | sed 's/^/!  /' >"$T/want-errors"
tui_screen | sed -n 's/^[> ] \(!  .*[^ ]\) *$/\1/p' >"$T/got-errors"
is "every error line is shown, as the CLI prints it" \
    "$(cat "$T/want-errors")" "$(cat "$T/got-errors")"
is "three of them" "3" "$(wc -l <"$T/got-errors" | tr -d ' ')"
tui_send R
ok "R refuses while there are problems" tui_wait "Fix the problems in the file first"
is "nothing was written" "$before" "$(cs report stock --csv)"
tui_send Escape
tui_wait "Encoding:" >/dev/null
tui_send C-u
tui_type "intake-good.csv"
tui_send F2
ok "a good file passes the dry run" tui_wait "Dry run: no problems; R imports"
ok "the dry run says what it would do" tui_wait "intake: 2 new lots, 0 already present (dry run"
is "the dry run wrote nothing" "$before" "$(cs report stock --csv)"
tui_send R
ok "R imports" tui_wait "Imported intake-good.csv"
ok "with a summary" tui_wait "intake: 2 new lots, 0 already present"
is "HT-KG grew by 5 kg more" "$((stock0 + 30))" "$(on_hand HT-KG)"

tui_send F10
is "the program exits cleanly" "0" "$(tui_wait_dead)"

# A dropped line in the middle of an intake keeps a draft; the next
# sign-in by the same clerk offers it, and it saves.
signin() {
	tui_wait "Who are you?" >/dev/null
	tui_send /
	tui_type "$1"
	tui_send Enter Enter
	tui_wait "PIN for $1" >/dev/null
	tui_type "$2"
	tui_send Enter
}
stock2=$(on_hand HT-KG)
tui_start sh "$T/run.sh"
signin 王强 2222
tui_wait "Intake: a member brings produce" >/dev/null
tui_send i
tui_wait "Best-before:" >/dev/null
tui_type "M003"
tui_send Tab
tui_wait "Member: M003 王德明" >/dev/null
tui_type "HT-KG"
tui_send Tab
tui_type "7"
tui_send Tab Tab
tui_type "25"
tui_wait "Unit cost: 25" >/dev/null
kill -HUP "$(tui_pane_pid)"
is "SIGHUP ends the program (129)" "129" "$(tui_wait_dead)"
is "nothing was taken in" "$stock2" "$(on_hand HT-KG)"
tui_start sh "$T/run.sh"
signin 王强 2222
ok "the intake draft is offered" \
    tui_wait "You were taking in produce when the connection dropped."
tui_send y
ok "the form comes back with the member" tui_wait "Member: M003 王德明"
ok "the product" tui_wait "Product: HT-KG 薄皮核桃"
ok "and the quantity" tui_wait "Quantity: 7"
tui_send F2
ok "the draft saves" tui_wait "Save to file (empty: printer):"
tui_send Escape
tui_wait "Member: a code or part of a name." >/dev/null
is "7 kg taken in" "$((stock2 + 7))" "$(on_hand HT-KG)"
tui_send Escape
tui_wait "Intake: a member brings produce" >/dev/null
tui_send q
tui_wait_dead >/dev/null
done_testing
