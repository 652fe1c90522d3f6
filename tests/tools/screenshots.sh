#!/bin/sh
# screenshots.sh - the README's text screenshots, taken from the real
# program so that they stay true.  It makes the demo cooperative in a temp
# directory, runs coopstock in tmux at 80x24 in English and in Chinese,
# signs in as 李娜 and captures Home, Products, the Orders list, one order
# and the Intake form.  Each one is written into README.md (English) and
# README.zh_CN.md (Chinese) between the marker comments
#     <!-- screen:NAME -->
#     <!-- /screen:NAME -->
# as a ```text block; nothing else in the READMEs is touched.
#
# The demo's dates are relative to today, so every ISO date on a screen
# is moved by the same number of days to what it would be on $SHOT_DAY
# (2026-12-04), and every clock time (HH:MM:SS: when an order was taken,
# which is when the demo was made) is shown as hh:mm:ss: the shots come
# out the same on any day, at any hour.
#
#   tests/tools/screenshots.sh           rewrite the READMEs' screenshots
#   tests/tools/screenshots.sh --check   compare only: exit 1, with a diff,
#                                        when a README differs from the
#                                        program (make check runs this,
#                                        see tests/tui/screenshots.sh)
#
# Environment: COOPSTOCK (default ./coopstock), TOP_SRCDIR (default: the
# checkout holding this script), README_DIR (where the two READMEs are,
# default $TOP_SRCDIR), COOPSTOCK_DATADIR (default $TOP_SRCDIR/share),
# TMUX_BIN; the zh_CN.UTF-8 locale must be installed.  Exit status 0, 1
# when --check found a difference, 2 when the shots could not be taken.
mode=write
[ "${1:-}" = "--check" ] && mode=check
TOP_SRCDIR=${TOP_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
COOPSTOCK=${COOPSTOCK:-$TOP_SRCDIR/coopstock}
COOPSTOCK_DATADIR=${COOPSTOCK_DATADIR:-$TOP_SRCDIR/share}
README_DIR=${README_DIR:-$TOP_SRCDIR}
SHOT_DAY=2026-12-04
SCREENS="home products orders order intake"
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tui/lib.sh"

die() { echo "screenshots.sh: $*" >&2; exit 2; }
tui_have_tmux || die "tmux is not installed"
[ -x "$COOPSTOCK" ] || die "no program at $COOPSTOCK (make first)"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
    die "the zh_CN.UTF-8 locale is not installed"

# settled: the screen once two captures 50 ms apart agree.
settled() {
	prev=
	cur=$(tui_screen)
	while [ "$cur" != "$prev" ]; do
		tui_tick
		prev=$cur
		cur=$(tui_screen)
	done
	printf '%s\n' "$cur"
}

# shoot NAME TEXT: wait for TEXT, keep the settled screen as $T/LANG/NAME.
shoot() {
	tui_wait "$2" >&2 || die "$lang: $1: the screen did not show '$2'"
	settled | sed 's/ *$//' >"$T/$lang/$1"
}

# take LANG LANGUAGE then the texts each screen is known by, in order.
take() {
	lang=$1
	mkdir -p "$T/$lang"
	TUI_LANG=$2
	TUI_LANGUAGE=$3
	rm -f "$T/shots.db"
	"$COOPSTOCK" --db "$T/shots.db" demo >/dev/null || die "demo failed"
	tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
	    "$COOPSTOCK" --db "$T/shots.db"
	tui_wait "$4" >&2 || die "$lang: no sign-in"
	tui_send /
	tui_type "李娜"
	tui_send Enter Enter
	tui_wait "$5" >&2 || die "$lang: no PIN prompt"
	tui_type 1111
	tui_send Enter
	shoot home "$6"
	tui_send p
	shoot products "$7"
	tui_send Escape
	tui_wait "$6" >&2 || die "$lang: Esc did not go back to Home"
	tui_send o
	shoot orders "$8"
	# Order 12 is new: two lines, nothing done to it yet.
	tui_send Down Down Enter
	shoot order "$9"
	tui_send Escape
	tui_wait "$8" >&2 || die "$lang: Esc did not go back to the list"
	tui_send Escape
	tui_wait "$6" >&2 || die "$lang: Esc did not go back to Home"
	tui_send i
	shoot intake "${10}"
	tui_send F10
	tui_wait_dead >/dev/null
}

take en C.UTF-8 en "Who are you?" "PIN for 李娜" "What needs doing now:" \
    "Available" "Orders: All orders (14)" "Order 12: new" "Best-before:"
take zh zh_CN.UTF-8 zh_CN "您是哪位？" "李娜 的 PIN 码" "现在要做的事：" \
    "可用" "订单：全部订单（14）" "订单 12：新订单" "保质期至:"

# Move every ISO date by (SHOT_DAY - today) days: a map of each date seen
# to its shifted one, applied in one pass so that no date moves twice;
# then mask the clock times.
today=$(date +%Y-%m-%d)
shift_days=$(( ($(date -u -d "$SHOT_DAY" +%s) - $(date -u -d "$today" +%s)) / 86400 ))
cat "$T"/en/* "$T"/zh/* | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' | sort -u |
while read -r d; do
	printf '%s %s\n' "$d" "$(date -u -d "$d $shift_days days" +%Y-%m-%d)"
done >"$T/dates"
for f in "$T"/en/* "$T"/zh/*; do
	awk 'NR == FNR { map[$1] = $2; next }
	{
		out = ""
		while (match($0, /[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/)) {
			d = substr($0, RSTART, RLENGTH)
			out = out substr($0, 1, RSTART - 1) ((d in map) ? map[d] : d)
			$0 = substr($0, RSTART + RLENGTH)
		}
		$0 = out $0
		gsub(/[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/, "hh:mm:ss")
		print
	}' "$T/dates" "$f" >"$f.shifted" && mv "$f.shifted" "$f"
done

# fill README LANG OUT: README with each marked block replaced by the
# LANG shot of that name; fails when a screen has no marker pair.
fill() {
	for name in $SCREENS; do
		grep -qxF "<!-- screen:$name -->" "$1" &&
		    grep -qxF "<!-- /screen:$name -->" "$1" ||
		    die "$1 has no <!-- screen:$name --> ... <!-- /screen:$name -->"
	done
	awk -v dir="$T/$2" '
	/^<!-- screen:[a-z]+ -->$/ {
		print
		name = $0
		sub(/^<!-- screen:/, "", name)
		sub(/ -->$/, "", name)
		print "```text"
		while ((getline line < (dir "/" name)) > 0)
			print line
		close(dir "/" name)
		print "```"
		skip = 1
		next
	}
	/^<!-- \/screen:[a-z]+ -->$/ { skip = 0 }
	!skip { print }' "$1" >"$3"
}

rc=0
for pair in README.md:en README.zh_CN.md:zh; do
	readme=$README_DIR/${pair%%:*}
	fill "$readme" "${pair##*:}" "$T/new.md"
	if [ $mode = check ]; then
		if ! cmp -s "$readme" "$T/new.md"; then
			echo "${pair%%:*}: the screenshots differ from the program" \
			    "(run tests/tools/screenshots.sh):"
			diff -u "$readme" "$T/new.md" | sed 1,2d
			rc=1
		fi
	elif ! cmp -s "$readme" "$T/new.md"; then
		cat "$T/new.md" >"$readme"
		echo "${pair%%:*}: screenshots written"
	fi
done
exit $rc
