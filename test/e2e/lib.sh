# lib.sh - drive the built ankekort in a real terminal (tmux) and assert on
# what the screen shows. Sourced by the *_test.sh scripts.
#   BIN   the ankekort binary      ROOT  the source root (cwd for the program)
set -u
# the locale comes from each test's LANG alone
unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE
SESSIONS=0
T="tmux -L ak-e2e-$$-0 -f /dev/null"
FAILS=0
PASSES=0
trap 'stop_session' EXIT

# stop_session - end the session and what it left running. The program is
# killed first: a sanitizer build's exit-time leak check can hang for good
# when its terminal disappears at the same moment, and must not outlive the
# test (a finished test has read the exit status it needed).
stop_session() {
	local pane
	pane=$($T display-message -p -t e2e '#{pane_pid}' 2>/dev/null)
	[ -n "$pane" ] && pkill -KILL -P "$pane" 2>/dev/null
	$T kill-server 2>/dev/null
	return 0
}

# start WIDTH HEIGHT ARGS... - run ankekort in a fresh session; when it exits
# the shell prints "EXITED <status>" and stays, so we can see the terminal.
start() {
	local w=$1 h=$2
	shift 2
	stop_session
	SESSIONS=$((SESSIONS + 1))
	T="tmux -L ak-e2e-$$-$SESSIONS -f /dev/null"
	$T new-session -d -s e2e -x "$w" -y "$h" \
		"cd '$ROOT' && ${E2E_ENV:-LANG=C.UTF-8} ${E2E_WRAP:-} '$BIN' $* ; echo EXITED \$?; sleep 30"
	$T set-option -g status off >/dev/null
	$T resize-window -t e2e -x "$w" -y "$h" 2>/dev/null
}

screen() { $T capture-pane -p -t e2e; }
keys() { $T send-keys -t e2e "$@"; }
resize() { $T resize-window -t e2e -x "$1" -y "$2"; }

# mouse BUTTON X Y - send an xterm (X10-encoded) mouse report for the 0-based
# cell X,Y as the terminal would: BUTTON 0 = left press, 3 = release, 64/65 =
# wheel up/down. click X Y is a press and a release.
mouse() { $T send-keys -t e2e -H 1b 5b 4d $(printf '%x %x %x' $((32 + $1)) $((33 + $2)) $((33 + $3))); }
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }

# wait_for TEXT [SECONDS] - poll the screen until it shows TEXT.
wait_for() {
	local text=$1 limit=${2:-${E2E_WAIT:-5}} i=0
	local tries=$((limit * 20))
	while [ $i -lt $tries ]; do
		screen | grep -qF -- "$text" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT - poll until the screen no longer shows TEXT.
wait_gone() {
	local text=$1 i=0
	while [ $i -lt $((${E2E_WAIT:-5} * 20)) ]; do
		screen | grep -qF -- "$text" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

pass() { PASSES=$((PASSES + 1)); echo "ok - $1"; }
fail() {
	FAILS=$((FAILS + 1))
	echo "not ok - $1"
	echo "--- screen:"
	screen | sed 's/^/    /'
}

# expect DESCRIPTION TEXT - the screen shows TEXT (polling).
expect() { if wait_for "$2"; then pass "$1"; else fail "$1: expected \"$2\""; fi; }
expect_not() { if wait_gone "$2"; then pass "$1"; else fail "$1: did not expect \"$2\""; fi; }

# expect_golden NAME - the screen equals test/e2e/golden/NAME.screen (polling,
# so the last frame counts). UPDATE_GOLDEN=1 rewrites it.
expect_golden() {
	local golden="$ROOT/test/e2e/golden/$1.screen" i=0
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		sleep 0.3
		screen >"$golden"
		pass "golden $1 (rewritten)"
		return
	fi
	while [ $i -lt 100 ]; do
		screen | diff -q - "$golden" >/dev/null && { pass "golden $1"; return; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "golden $1"
	screen | diff -u "$golden" - | sed 's/^/    /'
}

finish() {
	echo "$PASSES passed, $FAILS failed"
	[ "$FAILS" -eq 0 ]
}
