# tests/tui/lib.sh - drive a full-screen program in tmux, for TAP tests.
# Source tests/lib.sh first.
#
# tui_start CMD...      start CMD in a detached tmux session, 80x24, on a
#                       new private server (-L, -f /dev/null); LANG is
#                       $TUI_LANG or C.UTF-8 (LANGUAGE $TUI_LANGUAGE or
#                       en), TERM is $TUI_TERM or screen
# tui_wait TEXT [SECS]  poll the screen every 50 ms until TEXT (a fixed
#                       string) appears; returns 1 and dumps the screen as
#                       TAP comments when it does not within SECS (5)
# tui_wait_gone TEXT [SECS]  the same, until TEXT is no longer shown
# tui_send KEYS...      tmux send-keys names (Enter, Escape, F1, C-w, Down)
# tui_type TEXT         type TEXT literally (UTF-8 included)
# tui_screen            print the screen as text
# tui_line N            print screen line N (0-based)
# tui_resize W H        resize the window
# tui_pane_pid          the pid of the program in the pane
# tui_wait_dead [SECS]  wait until the program has exited; prints its
#                       exit status (128+N when a signal N killed it)
# tui_title             the pane title (what OSC 0/2 would set)
# The server is killed on exit, and then the program if it lingers.
tui_n=0
tui_sock="coopstock-tui-$$-0"
tui_t() { "${TMUX_BIN:-tmux}" -L "$tui_sock" -f /dev/null "$@"; }

tui_have_tmux() {
	[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] && return 0
	TMUX_BIN=$(command -v tmux 2>/dev/null) && [ -n "$TMUX_BIN" ]
}

# Whether process $1 still runs (a zombie no one reaps does not).
tui_alive() {
	[ -r "/proc/$1/status" ] || return 1
	! grep -q "^State:.*Z" "/proc/$1/status" 2>/dev/null
}

# Kill the server, then make sure its program is gone: one that does not
# exit on the hangup within 2 s is killed.  Seen with LeakSanitizer: its
# exit-time leak check, after the SIGSTOP and SIGCONT of frozen.sh, can
# spin for ever waiting on its own tracer, and would outlive the test.
tui_stop() {
	tui_t kill-server 2>/dev/null
	[ -s "$T/tui.pid" ] || return 0
	tui_pid=$(cat "$T/tui.pid")
	i=0
	while tui_alive "$tui_pid" && [ $i -lt 40 ]; do
		tui_tick
		i=$((i + 1))
	done
	! tui_alive "$tui_pid" || kill -9 "$tui_pid" 2>/dev/null
	return 0
}

tui_cleanup() {
	tui_stop
	rm -rf "$T"
}

tui_start() {
	trap tui_cleanup EXIT
	unset TMUX
	# A fresh server for each program: a dying one may still hold the
	# old socket.
	tui_stop
	tui_n=$((tui_n + 1))
	tui_sock="coopstock-tui-$$-$tui_n"
	rm -f "$T/tui.pid" "$T/tui.status"
	# The program runs in the foreground of a shell that records its
	# pid (the inner sh execs it) and its exit status: tmux's own
	# pane_dead_status is not always filled in.
	cat >"$T/tui-run.sh" <<'TUIRUN'
sh -c 'echo $$ >"$TUI_PIDFILE"; exec "$@"' tui "$@"
echo $? >"$TUI_STATUSFILE.tmp" && mv "$TUI_STATUSFILE.tmp" "$TUI_STATUSFILE"
TUIRUN
	tui_t new-session -d -s tui -x 80 -y 24 \
	    "exec env LANG=${TUI_LANG:-C.UTF-8} LC_ALL=${TUI_LANG:-C.UTF-8} LANGUAGE=${TUI_LANGUAGE:-en} TERM=${TUI_TERM:-screen} TUI_PIDFILE=$T/tui.pid TUI_STATUSFILE=$T/tui.status sh $T/tui-run.sh $*" \; \
	    set-option -t tui remain-on-exit on
}

tui_screen() { tui_t capture-pane -p -t tui; }
tui_line() { tui_screen | sed -n "$(($1 + 1))p"; }

# Poll without sleep(1): 50 ms steps through a short read timeout.
tui_tick() { sleep 0.05; }

tui_wait() {
	text=$1
	limit=$(( ${2:-5} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		if tui_screen | grep -qF -- "$text"; then
			return 0
		fi
		tui_tick
		i=$((i + 1))
	done
	echo "# timed out waiting for: $text"
	tui_screen | sed 's/^/# | /'
	return 1
}

tui_wait_gone() {
	text=$1
	limit=$(( ${2:-5} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		if ! tui_screen | grep -qF -- "$text"; then
			return 0
		fi
		tui_tick
		i=$((i + 1))
	done
	echo "# timed out waiting for this to go: $text"
	tui_screen | sed 's/^/# | /'
	return 1
}

tui_send() { tui_t send-keys -t tui "$@"; }
tui_type() { tui_t send-keys -t tui -l -- "$1"; }
tui_resize() { tui_t resize-window -t tui -x "$1" -y "$2"; }
# tui_bytes_start       record from now on what the program sends (pipe-pane)
# tui_bytes             print the byte count so far, once the output has
#                       settled (unchanged over four 50 ms polls)
tui_bytes_start() {
	: >"$T/tui.bytes"
	tui_t pipe-pane -O -t tui "cat >>'$T/tui.bytes'"
}

tui_bytes() {
	last=-1
	same=0
	while [ $same -lt 4 ]; do
		n=$(wc -c <"$T/tui.bytes")
		if [ "$n" = "$last" ]; then
			same=$((same + 1))
		else
			same=0
			last=$n
		fi
		tui_tick
	done
	echo "$n"
}

tui_pane_pid() {
	i=0
	while [ ! -s "$T/tui.pid" ] && [ $i -lt 100 ]; do
		tui_tick
		i=$((i + 1))
	done
	cat "$T/tui.pid"
}
tui_title() { tui_t display-message -p -t tui '#{pane_title}'; }

tui_wait_dead() {
	limit=$(( ${1:-5} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		if [ -f "$T/tui.status" ]; then
			cat "$T/tui.status"
			return 0
		fi
		tui_tick
		i=$((i + 1))
	done
	echo "# the program did not exit"
	tui_screen | sed 's/^/# | /'
	return 1
}
