#!/bin/sh
# bench/tty.sh - what the screen costs on the wire: coopstock's product
# list on the big database against `less` on a text table of the same
# rows, on the same 80x24 pseudo-terminal, for TERM=xterm-256color and
# TERM=vt100.  Run by `make bench` (bench-tty).
#
#   tty.sh DB TABLE
#
# Each program gets the same key script under tests/tools/ptyrec: 200
# Down, 50 PageDown, then 10 s of no input.  Printed per TERM: bytes of
# the first screen and the time to it (exec to the first quiet screen),
# mean bytes per Down and per PageDown, bytes while idle, peak RSS, with
# coopstock, less and the ratio.  Targets (issue 9): Down <= 1.0x less,
# PageDown <= 1.5x, first screen <= 1.2x, idle 0 bytes, startup < 2x,
# peak RSS < 16 MiB.
#
# COOPSTOCK_LIST_KEYS is the ptyrec script that brings coopstock from its
# first screen to the product list (none by default).  While coopstock
# has no full-screen interface (it says so and exits 2), its column reads
# "n/a".  Nothing is asserted; figures depend on the machine and its load.
set -eu
: "${COOPSTOCK:=./coopstock}"
: "${PTYREC:=tests/tools/ptyrec}"
: "${COOPSTOCK_LIST_KEYS:=}"
DB=$1
TABLE=$2
W=$(mktemp -d "${TMPDIR:-/tmp}/coopstock-tty.XXXXXX")
trap 'rm -rf "$W"' EXIT

{
	printf '%s\n' "$COOPSTOCK_LIST_KEYS"
	echo "mark down"
	echo "key down 200"
	echo "mark pgdn"
	echo "key pgdn 50"
	echo "mark idle"
	echo "idle 10"
} >"$W/keys"

# field NAME FILE: the figure NAME from a ptyrec report.
field() {
	case $1 in
	first) awk '/^first_screen/ { sub("bytes=", "", $2); print $2 }' "$2" ;;
	ms) awk '/^first_screen/ { sub("ms=", "", $3); print $3 }' "$2" ;;
	down | pgdn) awk -v m="$1" '$1 == m { sub("mean=", "", $4); print $4 }' "$2" ;;
	idle) awk '$1 == "idle" { sub("bytes=", "", $3); print $3 }' "$2" ;;
	rss) awk '/^exit/ { sub("peak_rss_kb=", "", $3); print $3 }' "$2" ;;
	status) awk '/^exit/ { sub("status=", "", $2); print $2 }' "$2" ;;
	esac
}

ratio() {
	case $1 in
	n/a | "") echo "n/a" ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print (a > 0 ? "inf" : "-") }' ;;
	esac
}

row() { # LABEL COOPSTOCK LESS TARGET
	printf '%-34s %10s %10s %7s   %s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"
}

for term in xterm-256color vt100; do
	env -u LESS -u LESSOPEN -u LESSCLOSE "$PTYREC" -t "$term" -q 100 \
	    "$W/keys" -- less "$TABLE" >"$W/less.$term"
	env COOPSTOCK_DATADIR="${COOPSTOCK_DATADIR:-}" "$PTYREC" -t "$term" \
	    -q 100 "$W/keys" -- "$COOPSTOCK" --db "$DB" >"$W/cs.$term" 2>&1 || :
	L=$W/less.$term
	C=$W/cs.$term
	have=yes
	if [ "$(field status "$C")" = 2 ]; then
		have=no
	fi
	get() {
		if [ $have = yes ]; then field "$1" "$C"; else echo n/a; fi
	}
	echo
	echo "product list, 80x24, TERM=$term       coopstock       less   ratio   target"
	row "first screen, bytes" "$(get first)" "$(field first "$L")" "<= 1.2x"
	row "Down x200, mean bytes per key" "$(get down)" "$(field down "$L")" "<= 1.0x"
	row "PageDown x50, mean bytes per key" "$(get pgdn)" "$(field pgdn "$L")" "<= 1.5x"
	row "idle 10 s, bytes" "$(get idle)" "$(field idle "$L")" "0"
	row "startup to first screen, ms" "$(get ms)" "$(field ms "$L")" "< 2x"
	row "peak RSS, KiB" "$(get rss)" "$(field rss "$L")" "< 16384 KiB"
	if [ $have = no ]; then
		echo "(coopstock: no full-screen interface in this build; its column waits for it)"
	fi
done
