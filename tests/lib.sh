# tests/lib.sh - TAP helpers for the shell tests, sourced by each script.
#
# run CMD...      runs a command, keeping its stdout in $out, stderr in
#                 $err and exit status in $rc (never aborts the script)
# is DESC WANT GOT   passes when the strings are equal, else shows both
# ok DESC CMD...     passes when CMD succeeds
# done_testing       prints the plan; the script's status is 0 even when
#                    cases fail (tap-driver counts them)
set -u
t_n=0
T=$(mktemp -d "${TMPDIR:-/tmp}/coopstock-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

pass() { t_n=$((t_n + 1)); echo "ok $t_n - $1"; }
fail() { t_n=$((t_n + 1)); echo "not ok $t_n - $1"; }

run() {
	out=$("$@" 2>"$T/.stderr")
	rc=$?
	err=$(cat "$T/.stderr")
}

is() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1"
		printf '# want: %s\n' "$2" | sed '2,$s/^/#       /'
		printf '# got:  %s\n' "$3" | sed '2,$s/^/#       /'
	fi
}

ok() {
	desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

done_testing() { echo "1..$t_n"; }

cs() { "$COOPSTOCK" "$@"; }

# skip DESC REASON: one case that cannot run here, counted as a TAP skip.
skip() { t_n=$((t_n + 1)); echo "ok $t_n - $1 # SKIP $2"; }
