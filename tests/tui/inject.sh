#!/bin/sh
# inject.sh - terminal injection through a pseudo-terminal: products,
# members (as the lots' members) and orders whose text holds OSC title and
# clipboard sequences, DCS, a cursor report request, clear screen, a C1
# CSI, a lone trailing ESC, CR, BS and a right-to-left override are
# imported verbatim (invalid UTF-8 is refused with a clear error); the TUI
# lists and opens them and prints a slip to a file while tests/tools/ptyrec
# records every byte; none of the sequences may appear in what was written
# to the terminal or in the slip.
. "$TESTS_SRCDIR/lib.sh"

PTYREC=${PTYREC:-$(dirname "$COOPSTOCK")/tests/tools/ptyrec}
[ -x "$PTYREC" ] || skip_all "tests/tools/ptyrec is not built"
[ -n "$SQLITE3" ] || skip_all "sqlite3 is needed"

db=$T/inject.db
cs --db "$db" demo >/dev/null || { echo "Bail out! demo"; exit 1; }

# The payloads, one per line of $T/payloads as printf formats; each starts
# with a tag, so the sanitised form can be found on the screen too.
cat >"$T/payloads" <<'EOF'
Q1\033]0;PWNED\007
Q2\033]52;c;SGVsbG8=\007
Q3\033P1$qm\033\\
Q4\033[6n
Q5\033[2J
Q6\302\23331m
QLONE\033
QAB\rCD
QEF\bGH
QRTL\342\200\256evil
EOF
# What must never reach the terminal, as printf formats.
cat >"$T/needles" <<'EOF'
\033]0;
\033]52;
\033P1$q
\033[6n
\033[2J
\302\233
QLONE\033
QAB\rCD
QEF\bGH
\342\200\256
EOF

# A CSV field with the payload, quoted (payloads hold no quote).
field() { printf '"'; printf "$1"; printf '"'; }
{
	echo 'sku,name,unit,price'
	n=0
	while read -r p; do
		n=$((n + 1)); printf 'H%d,' $n; field "$p"; echo ',bag,1'
	done <"$T/payloads"
} >"$T/products.csv"
{
	echo 'code,name,village,phone'
	n=0
	while read -r p; do
		n=$((n + 1)); printf 'X%d,' $n; field "$p"; printf ','; field "$p"; echo ','
	done <"$T/payloads"
} >"$T/members.csv"
{
	echo 'member_code,sku,qty'
	n=0
	while read -r p; do n=$((n + 1)); echo "X$n,H$n,100"; done <"$T/payloads"
} >"$T/intake.csv"
{
	echo 'order_ref,channel,customer,address,sku,qty,note'
	n=0
	while read -r p; do
		n=$((n + 1)); printf 'J%d,phone,' $n; field "$p"; printf ','
		field "$p"; printf ',H%d,1,' $n; field "$p"; echo
	done <"$T/payloads"
} >"$T/orders.csv"

run cs --db "$db" import products "$T/products.csv"
is "hostile product names import" "0|products: 10 created, 0 updated, 0 unchanged" "$rc|$out"
run cs --db "$db" import members "$T/members.csv"
is "hostile member names import" 0 "$rc"
run cs --db "$db" import intake "$T/intake.csv"
is "their lots import" 0 "$rc"
run cs --db "$db" import orders --confirm "$T/orders.csv"
is "hostile orders import and confirm" 0 "$rc"
is "the names are kept verbatim" 51311B5D303B50574E454407 \
    "$("$SQLITE3" "$db" "SELECT hex(name) FROM product WHERE sku = 'H1'")"
is "a CR inside a name is kept verbatim" 5141420D4344 \
    "$("$SQLITE3" "$db" "SELECT hex(customer_name) FROM orders WHERE ext_ref = 'J8'")"
printf 'sku,name,unit,price\nH99,"BAD\377\376X",bag,1\n' >"$T/bad.csv"
run cs --db "$db" import products "$T/bad.csv"
is "invalid UTF-8 is refused in one clear line" \
    "1|$T/bad.csv:2: the text is neither UTF-8 nor GB18030 (GBK)
coopstock: 1 problem; nothing was written" "$rc|$err"

# Sign in, Products (every row shown, several opened), All orders (the
# newest opened, its slip printed to a file), quit.
cat >"$T/script" <<'SCRIPT'
key enter
text 1234
key enter
key p
key enter
key esc
key down
key enter
key esc
key down
key enter
key esc
key down
key enter
key esc
key esc
key o
key enter
key w
key down
key enter
key enter
key esc
key down
key enter
key esc
key down
key enter
key esc
key esc
key q
SCRIPT
run env LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$T" "$PTYREC" -q 250 -s 120x60 \
    -t linux -o "$T/raw" "$T/script" -- "$COOPSTOCK" --db "$db"
printf '%s\n' "$out" | sed 's/^/# /'
ok "the program wrote to the terminal" test -s "$T/raw"
slip=$(ls "$T"/coopstock-slip-*.txt 2>/dev/null | head -n 1)
ok "a slip was printed to a file" test -s "${slip:-/nonexistent}"

# has FILE FORMAT: FILE holds the bytes printf FORMAT makes.
has() { printf "$2" >"$T/needle"; LC_ALL=C grep -q -a -F -f "$T/needle" "$1"; }
hasnt() { ! has "$@"; }
ok "the sanitised names were shown (Q1 then ESC's picture)" has "$T/raw" 'Q1\342\220\233]0;'
ok "the customers were shown" has "$T/raw" 'QRTL\357\277\275evil'
ok "the slip is a hostile order's" has "${slip:-/dev/null}" 'QRTL'
n=0
while read -r needle; do
	n=$((n + 1))
	ok "not on the terminal: sequence $n of tests/tui/inject.sh" hasnt "$T/raw" "$needle"
	ok "not in the slip: sequence $n" hasnt "${slip:-/dev/null}" "$needle"
done <"$T/needles"
done_testing
