#!/bin/sh
# widgets.sh - the screen layer's widgets driven through tmux: the table
# (paging, End without walking the list, search as you type, sort), the
# form (Chinese typing and editing, validation), dialogs, F1 help and the
# key bar generated from the key table, resize, SIGHUP, hostile text.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"
UIDEMO=${UIDEMO:-$(dirname "$COOPSTOCK")/tests/tui/uidemo}
[ -x "$UIDEMO" ] || skip_all "tests/tui/uidemo is not built"

UIDEMO_DRAFT=$T/draft
export UIDEMO_DRAFT

# The number after NAME: in the title ("fetched:36").
title_num() { tui_line 0 | sed -n "s/.*$1:\([0-9]*\).*/\1/p"; }

tui_start env "UIDEMO_DRAFT=$UIDEMO_DRAFT" "$UIDEMO"
ok "the list comes up" tui_wait "Sort: No."
is "title shows the clerk and site" "1" \
    "$(tui_line 0 | grep -c 'coopstock  Demo list.*Clerk: 王芳  \[Longnan\]')"
is "key bar on the bottom line, from the key table" \
    " F1/? Help  Enter Open  n New  / Find  o Sort  c Confirm  p Pack  s Ship" \
    "$(tui_line 23 | sed 's/ *$//')"
is "first row carries the '>' marker" ">       1  核桃 1" \
    "$(tui_line 3 | cut -c1-19)"

# Hostile text: placeholders shown, nothing reached the terminal.
ok "escape shown as a visible placeholder" tui_wait "Evil␛]0;pwned␇name␛[2J"
is "the pane title was not changed" "0" "$(tui_title | grep -c pwned)"
is "the screen was not cleared by ESC [2J" "1" "$(tui_screen | grep -c 'No\.  Name')"
is "C1 CSI and U+202E became U+FFFD" "1" "$(tui_line 5 | grep -c '␛\[2J��cba')"

# Bytes on the wire (DESIGN.md: a marker move ~50 bytes, a scroll
# without the terminal's scroll region ~1.7 KB).  Each update here also
# rewrites the demo's "fetched:N held:M" title.
tui_bytes_start
b0=$(tui_bytes)
tui_send Down
tui_wait ">       2  " >/dev/null
b1=$(tui_bytes)
ok "Down costs at most 60 bytes ($((b1 - b0)))" test $((b1 - b0)) -le 60
i=0
while [ $i -lt 16 ]; do tui_send Down; i=$((i + 1)); done
tui_wait ">      18  " >/dev/null
b2=$(tui_bytes)
tui_send Down
tui_wait ">      19  " >/dev/null
b3=$(tui_bytes)
ok "a one-row scroll costs at most 300 bytes ($((b3 - b2)))" \
    test $((b3 - b2)) -le 300
tui_send Home
tui_wait ">       1  核桃 1" >/dev/null
b4=$(tui_bytes)
tui_send C-l
tui_wait ">       1  核桃 1" >/dev/null
b5=$(tui_bytes)
ok "Ctrl-L repaints the whole screen ($((b5 - b4)) bytes)" \
    test $((b5 - b4)) -ge 1000
tui_send Up
tui_wait ">       1  核桃 1" >/dev/null
b6=$(tui_bytes)
is "Up on the first row sends nothing" "0" "$((b6 - b5))"

# Movement.
tui_send Down Down
ok "Down moves the marker" tui_wait ">       3  Evil"
is "row 1 lost its marker" "        1" "$(tui_line 3 | cut -c1-9)"
tui_send PageDown
ok "PgDn shows the next page" tui_wait ">      21  "
is "page starts at row 19" "       19" "$(tui_line 3 | cut -c1-9)"
tui_send C-b
ok "Ctrl-B is PgUp" tui_wait ">       3  Evil"
tui_send End
ok "End shows the last row" tui_wait ">  100000  Mushroom 100000"
fetched=$(title_num fetched)
held=$(title_num held)
ok "End fetched a page, not the list (fetched $fetched)" test "$fetched" -lt 200
ok "rows held stay within three pages (held $held)" test "$held" -le 54
tui_send Up
ok "Up from the end" tui_wait ">   99999  Tea 99999"
i=0
while [ $i -lt 10 ]; do tui_send PageUp; i=$((i + 1)); done
ok "ten PgUp from the end" tui_wait ">   99819  "
held=$(title_num held)
ok "still three pages at most after paging back (held $held)" test "$held" -le 54
tui_send g
ok "g goes to the first row" tui_wait ">       1  核桃 1"

# Search as you type.
tui_send /
ok "/ opens the search line" tui_wait "Find: "
tui_type "蜂"
ok "typing one character filters at once" tui_wait_gone "Walnut 6"
ok "matching rows shown" tui_wait "蜂蜜 3"
tui_type "蜜 9999"
ok "search text shown" tui_wait "Find: 蜂蜜 9999"
ok "the one match" tui_wait ">   99993  蜂蜜 99993"
is "only one row matches" "1" "$(tui_screen | grep -v Find: | grep -c '蜂蜜')"
tui_type "x"
ok "no match message" tui_wait 'Nothing matches "蜂蜜 9999x".'
tui_send BSpace Enter
ok "Enter keeps the filter" tui_wait ">   99993  蜂蜜 99993"
tui_send Escape
ok "Esc clears the filter" tui_wait "Walnut 6"

# Sort.
tui_send o
ok "o sorts by the next column" tui_wait "Sort: Name"
is "first by name is the E... row" ">       3  Evil" "$(tui_line 3 | cut -c1-15)"
tui_send o
ok "o again sorts by number" tui_wait "Sort: No."
ok "back to row 1" tui_wait ">       1  核桃 1"

# The form: Chinese typing, editing, validation.
tui_send n
ok "n opens the form" tui_wait "Best before:"
tui_type "核桃王芳"
ok "CJK typed into the field" tui_wait "Name: 核桃王芳"
tui_send Left Left BSpace
tui_type "X"
ok "cursor moves and deletes by character" tui_wait "Name: 核X王芳"
tui_send Tab
tui_type "12.345"
tui_send Tab
ok "bad money refused with a message" \
    tui_wait "Price has too many decimal places"
ok "the typing is kept" tui_wait "Price: 12.345"
tui_send BSpace Tab
ok "the message goes after the next key" tui_wait_gone "too many decimal"
tui_send BTab
tui_send C-u
tui_type "¥1,234.5"
tui_send Tab
ok "money written canonically on leaving" tui_wait "Price: 1234.50"
tui_type "2.5"
tui_send Tab
tui_type "2026年3月5日"
tui_send Tab
ok "date written as ISO" tui_wait "Best before: 2026-03-05"
tui_type "ji"
tui_send Tab
ok "choice completed from a prefix" tui_wait "Unit: jin"
tui_send BTab Space
ok "Space shows the next choice" tui_wait "Unit: jar"
tui_send Tab
tui_type "1.5"
tui_send Tab
ok "a whole number refuses decimals" tui_wait "Count has too many decimal places"
tui_send C-u
tui_type "-3"
tui_send Tab
tui_type "abc"
tui_send Enter
ok "lookup field rejects" tui_wait "SKU must start with SKU-"
tui_send C-u
tui_type "sku-7"
tui_send F2
ok "F2 saves and the form closes" tui_wait "Saved: 核X王芳 / 1234.50"
ok "the list is drawn again" tui_wait ">       1  核桃 1"
tui_send Enter
ok "Enter opens the form on the row" tui_wait "Name: 核桃 1"
tui_send Escape
ok "Esc leaves the form" tui_wait "Sort: No."

# Dialogs.
tui_send c
ok "confirm dialog" tui_wait "Confirm order 10231 for 王芳?"
ok "confirm key bar" tui_wait " y Yes  n No"
tui_send n
ok "n answers no" tui_wait "Answer: no"
tui_send c
tui_wait "y = Yes" >/dev/null
tui_send Enter
ok "Enter answers yes" tui_wait "Answer: yes"
tui_send p
ok "PIN prompt" tui_wait "PIN: "
tui_type "4321"
is "the PIN is not shown" "0" "$(tui_screen | grep -c 4321)"
tui_send Enter
ok "the hidden prompt returns what was typed" tui_wait "PIN: 4321"
tui_send p
tui_wait "PIN: " >/dev/null
tui_send Escape
ok "Esc cancels the prompt" tui_wait "PIN: (cancelled)"
tui_send s
ok "choice list" tui_wait "Courier"
tui_send Down Enter
ok "Down Enter picks the second" tui_wait "Chose: 核桃"
tui_send s
tui_wait "Courier" >/dev/null
tui_send / 
tui_type "ho"
tui_send Enter Enter
ok "the choice list filters" tui_wait "Chose: Honey"
tui_send d
ok "message box" tui_wait "This is a message box."
tui_send Enter
ok "Enter closes it" tui_wait "Alert closed"

# Help from the key table.
tui_send F1
ok "F1 opens help" tui_wait "Keys on this screen:"
ok "a help line for Find, generated from the key table" \
    tui_wait "  /              Find: Type to narrow the list; Enter keeps it, Esc clears it"
ok "the screen's how-to" tui_wait "A list of 100,000 made-up products."
tui_send Escape
ok "Esc closes help" tui_wait "Sort: No."
tui_send ?
ok "? opens help too" tui_wait "Keys on this screen:"
tui_send q
ok "q closes help" tui_wait "Sort: No."
tui_send C-w
ok "Ctrl-W without a clerk switcher says so" \
    tui_wait "Switching clerks is not available here yet"

# Resize.
tui_resize 60 20
ok "too small: message" tui_wait "Terminal too small: need 80x24, have 60x20"
is "only the message is drawn" "1" "$(tui_screen | grep -c .)"
tui_resize 1 1
tui_resize 80 24
ok "back to 80x24: table redrawn" tui_wait ">       1  核桃 1"
ok "key bar redrawn" tui_wait " F1/? Help  Enter Open"
tui_resize 100 30
ok "bigger: more rows" tui_wait ">       1  核桃 1"
ok "bigger: row 24 shown" tui_wait "      24  "
tui_resize 80 24
ok "80x24 again" tui_wait "Sort: No."

# SIGHUP in the form: draft kept, terminal restored, process gone.
tui_send n
tui_wait "Best before:" >/dev/null
tui_type "草稿"
tui_wait "Name: 草稿" >/dev/null
kill -HUP "$(tui_pane_pid)"
status=$(tui_wait_dead)
is "SIGHUP: exits with 128+1" "129" "$status"
is "SIGHUP: the form kept a draft" "Name=草稿" "$(head -n 1 "$UIDEMO_DRAFT")"
is "SIGHUP: the terminal left the full screen" "0" \
    "$(tui_screen | grep -c 'Demo')"
tui_t kill-server 2>/dev/null

# A vt100 in monochrome: the same screen, and q quits.
TUI_TERM=vt100
export NO_COLOR=1
tui_start "$UIDEMO"
ok "vt100: the list comes up" tui_wait ">       1  核桃 1"
ok "vt100: key bar" tui_wait " F1/? Help  Enter Open"
tui_send Down
ok "vt100: Down" tui_wait ">       2  "
tui_send q
is "q quits with status 0" "0" "$(tui_wait_dead)"
tui_t kill-server 2>/dev/null

# SIGTERM is a hangup too.
tui_start "$UIDEMO"
ok "started again" tui_wait ">       1  核桃 1"
kill -TERM "$(tui_pane_pid)"
is "SIGTERM: exits with 128+15" "143" "$(tui_wait_dead)"
tui_t kill-server 2>/dev/null

# Input at EOF counts as a hangup: the program exits, never spins.
tui_start sh -c "'exec $UIDEMO </dev/null'"
is "EOF on the terminal: exits as on a hangup" "129" "$(tui_wait_dead)"
tui_t kill-server 2>/dev/null

# An unknown terminal type: a clear message through fatal(), exit 1.
# (ncurses itself leaks its half-made screen when newterm() fails, so
# LeakSanitizer is told to look away for this one run.)
ASAN_OPTIONS=detect_leaks=0 TERM=no-such-terminal "$UIDEMO" </dev/null \
    >"$T/out" 2>"$T/err"
is "unknown TERM exits 1" "1" "$?"
is "unknown TERM says what to do" \
    'coopstock: cannot use terminal type "no-such-terminal"; try TERM=vt100' \
    "$(cat "$T/err")"

done_testing
