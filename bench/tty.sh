#!/bin/sh
# bench/tty.sh - what the screen costs on the wire: coopstock's product
# list on the big database against `less` on a text table of the same
# rows, on the same 80x24 pseudo-terminal, for TERM=xterm-256color and
# TERM=vt100.  Run by `make bench` (bench-tty).
#
#   tty.sh DB TABLE
#
# coopstock signs in as "manager" (PIN 1234, set by bench-gen), waits on
# Home for 10 s, opens Products (p); then both programs get the same keys
# under tests/tools/ptyrec: 200 Down, 50 PageDown, 10 s of no input.
# Printed per TERM: bytes of the first screen and the time to it (fork to
# the first screen's last byte; again as the median of 11 starts with no
# keys, in wall-clock time and in the CPU time the program had used by
# then, which the machine's load disturbs less; again for the static
# build when there is one), bytes to Home and to the product list, mean
# bytes per Down and per PageDown, bytes while idle, peak RSS, with
# coopstock, less and the ratio.  Targets (issue 9): Down <= 1.0x less,
# PageDown <= 1.5x, product list <= 1.2x less's first screen, idle 0
# bytes, startup < 2x, peak RSS < 16 MiB.  Nothing is asserted; figures
# depend on the machine and its load.
set -eu
: "${COOPSTOCK:=./coopstock}"
: "${PTYREC:=tests/tools/ptyrec}"
# COOPSTOCK_STATIC: the same program linked from static archives
# (bench/coopstock-static), timed at startup too; empty for none.
STATIC=${COOPSTOCK_STATIC:-}
[ -z "$STATIC" ] || [ -x "$STATIC" ] || STATIC=
STARTS=11
DB=$1
TABLE=$2
W=$(mktemp -d "${TMPDIR:-/tmp}/coopstock-tty.XXXXXX")
trap 'rm -rf "$W"' EXIT

keys() {
	echo "mark down"
	echo "key down 200"
	echo "mark pgdn"
	echo "key pgdn 50"
	echo "mark idle"
	echo "idle 10"
}
keys >"$W/less.keys"
# The PIN check (yescrypt) can outlast the quiet window: the idle lines
# count whatever is still on its way into the right mark.
{
	echo "mark home"
	echo "key enter"
	echo "text 1234"
	echo "key enter"
	echo "idle 2"
	echo "mark home_idle"
	echo "idle 10"
	echo "mark list"
	echo "key p"
	echo "idle 1"
	keys
} >"$W/cs.keys"

# field NAME FILE: the figure NAME from a ptyrec report.
field() {
	case $1 in
	first) awk '/^first_screen/ { sub("bytes=", "", $2); print $2 }' "$2" ;;
	ms) awk '/^first_screen/ { sub("us=", "", $4); printf "%.1f\n", $4 / 1000 }' "$2" ;;
	down | pgdn) awk -v m="$1" '$1 == m { sub("mean=", "", $4); print $4 }' "$2" ;;
	home | home_idle | list | idle)
		awk -v m="$1" '$1 == m { sub("bytes=", "", $3); print $3 }' "$2" ;;
	rss) awk '/^exit/ { sub("peak_rss_kb=", "", $3); print $3 }' "$2" ;;
	cpu) awk '/^first_screen/ { sub("cpu_us=", "", $5); printf "%.2f\n", $5 / 1000 }' "$2" ;;
	status) awk '/^exit/ { sub("status=", "", $2); print $2 }' "$2" ;;
	esac
}

ratio() {
	case $1 in
	n/a | "") echo "n/a" ;;
	*) case $2 in
	   "" | n/a) echo "-" ;;
	   *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print (a > 0 ? "inf" : "-") }' ;;
	   esac ;;
	esac
}

# median FIGURE FILE...: the median of FIGURE over the ptyrec reports.
median() {
	f=$1
	shift
	for r in "$@"; do field "$f" "$r"; done | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# less_rec TERM KEYS OUT: less on the table under ptyrec with the KEYS
# script, its report in OUT; in the locale coopstock gets, so that both
# load the same locale files at start and less shows the Chinese names.
less_rec() {
	env -u LESS -u LESSOPEN -u LESSCLOSE LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	    "$PTYREC" -t "$1" -q 100 "$2" -- less "$TABLE" >"$3"
}

# cs TERM BINARY KEYS OUT: BINARY on the database under ptyrec with the
# KEYS script ("-": none, the first screen, then the hang-up), ptyrec's
# report in OUT.
cs() {
	env COOPSTOCK_DATADIR="${COOPSTOCK_DATADIR:-}" LANG=C.UTF-8 \
	    LC_ALL=C.UTF-8 "$PTYREC" -t "$1" -q 100 "$3" -- \
	    "$2" --db "$DB" >"$4" 2>&1 || :
}

# startup TERM N: N starts of each program, interleaved, as ptyrec
# reports in $W/start.{cs,st,less}.TERM.K (st: the static build).
startup() {
	k=1
	while [ "$k" -le "$2" ]; do
		less_rec "$1" - "$W/start.less.$1.$k"
		cs "$1" "$COOPSTOCK" - "$W/start.cs.$1.$k"
		[ -z "$STATIC" ] || cs "$1" "$STATIC" - "$W/start.st.$1.$k"
		k=$((k + 1))
	done
}

row() { # LABEL COOPSTOCK LESS TARGET
	printf '%-36s %10s %10s %7s   %s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"
}

# start_rows TERM WHO LABEL...: the median wall-clock and CPU rows of the
# starts of WHO (cs or st) against less's, LABEL before each.
start_rows() {
	row "$3" "$(median ms "$W"/start."$2"."$1".*)" \
	    "$(median ms "$W"/start.less."$1".*)" "< 2x"
	row "$4" "$(median cpu "$W"/start."$2"."$1".*)" \
	    "$(median cpu "$W"/start.less."$1".*)" "< 2x"
}

for term in xterm-256color vt100; do
	less_rec "$term" "$W/less.keys" "$W/less.$term"
	cs "$term" "$COOPSTOCK" "$W/cs.keys" "$W/cs.$term"
	L=$W/less.$term
	C=$W/cs.$term
	echo
	printf '%-36s %10s %10s %7s   %s\n' "80x24, TERM=$term" coopstock less \
	    ratio target
	row "first screen (sign-in), bytes" "$(field first "$C")" "$(field first "$L")" ""
	row "signing in to Home, bytes" "$(field home "$C")" "" ""
	row "idle 10 s on Home, bytes" "$(field home_idle "$C")" "" "0"
	row "product list (p), bytes" "$(field list "$C")" "$(field first "$L")" "<= 1.2x"
	row "Down x200, mean bytes per key" "$(field down "$C")" "$(field down "$L")" "<= 1.0x"
	row "PageDown x50, mean bytes per key" "$(field pgdn "$C")" "$(field pgdn "$L")" "<= 1.5x"
	row "idle 10 s on the list, bytes" "$(field idle "$C")" "$(field idle "$L")" "0"
	row "startup to first screen, ms" "$(field ms "$C")" "$(field ms "$L")" "< 2x"
	startup "$term" "$STARTS"
	start_rows "$term" cs "  same, median of $STARTS starts, ms" \
	    "  same, median CPU ms"
	[ -z "$STATIC" ] || start_rows "$term" st \
	    "  linked statically, median ms" "  linked statically, median CPU ms"
	row "peak RSS, KiB" "$(field rss "$C")" "$(field rss "$L")" "< 16384 KiB"
done
