#!/usr/bin/env bash
# terminal_test.sh BIN ROOT - text from the data never reaches the terminal
# raw: a story and a municipality comment holding ESC ] 0 ; title BEL,
# ESC [ 2 J and a bare carriage return are shown escaped, and the terminal's
# title does not change. Then 50 resizes to random sizes (1x1, 10x3 and
# 300x100 among them) with keys in between: the program lives, the final
# screen is right, and quitting restores the terminal. Last, the terminal
# goes away (with SIGHUP, and without: SIGHUP ignored) and SIGTERM comes:
# the browser ends promptly, restoring the terminal where there is one.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"

start 120 40 --no-shipped --data test/e2e/data/terminal --kommune aarhus --year 2024
$T set-option -t e2e allow-rename on >/dev/null 2>&1
$T set-option -t e2e set-titles on >/dev/null 2>&1
title_before=$($T display-message -p -t e2e '#{pane_title}')
expect "the comment shows its escape escaped" 'Note: Kommentar \x1B[2J ryd skærmen\rog retur'
expect "the source shows the title sequence escaped" 'Source: Kilde\x1B]0;HACKED\x07 med titel'
expect "the story shows everything escaped" 'Historie \x1B]0;HACKED\x07 og \x1B[2J slut\rCR'
expect "the screen was not cleared by the data" "Aarhus · Generelt · 2024"
title_after=$($T display-message -p -t e2e '#{pane_title}')
if [ "$title_before" = "$title_after" ] && [ "${title_after#*HACKED}" = "$title_after" ]; then
	pass "the terminal title did not change ($title_after)"
else
	fail "title changed from '$title_before' to '$title_after'"
fi
keys o
expect "the sources overlay escapes too" 'Kilde\x1B]0;HACKED\x07 med titel'
keys Escape

# resize torture
sizes="1 1
10 3
300 100"
RANDOM=42
for i in $(seq 1 47); do
	sizes="$sizes
$((RANDOM % 250 + 1)) $((RANDOM % 90 + 1))"
done
n=0
while read -r w h; do
	resize "$w" "$h"
	case $((n % 6)) in
	0) keys j ;;
	1) keys Tab ;;
	2) keys m ;;
	3) keys '?' ;;
	4) keys Escape ;;
	5) keys d Escape ;;
	esac
	n=$((n + 1))
done <<<"$sizes"
pass "$n resizes with keys in between"
resize 120 40
# close whatever the random keys left open (the help takes no other key,
# and an Esc followed too soon by another key reads as Alt-key): Esc until
# neither the help nor a view is on screen
sleep 0.5 # the resize settles (150 ms) before the screen is read
for _ in $(seq 20); do
	screen | grep -qE "Help \(Esc closes\)|Year over year:|Compare |Peer table:" || break
	keys Escape
	sleep 0.4
done
expect "alive and drawing after the resizes" "Generelt 2024:"
if screen | grep -q "Map ·"; then keys m; fi
keys g
keys /
keys -l aarhus
keys Enter
expect "the final screen is right" "Aarhus · Generelt · 2024"
expect "with the figures" "Reversal rate 37.5 %"
keys q
expect "quitting restores the terminal" "EXITED 0"
expect_not "no trace of the browser left" "Reversal rate"

# -- terminals that cannot show the browser are refused with a sentence (issue 13, 10)
E2E_ENV="LANG=C.UTF-8 TERM=dumb" start 200 20
expect "TERM=dumb: refused, pointing to print and faktaark" "cannot move the cursor, so the browser cannot draw; use 'ankekort print' or 'ankekort faktaark'"
expect "TERM=dumb: exit 1" "EXITED 1"
E2E_ENV="LANG=C.UTF-8 TERM=no-such-terminal" start 200 20
expect "unknown TERM: refused with a sentence, not ncurses' error" 'the terminal type "no-such-terminal" is not known here'
expect_not "unknown TERM: no raw ncurses message" "Error opening terminal"
expect "unknown TERM: exit 1" "EXITED 1"
# TERM is text from outside: printed escaped, never raw (issue 23)
if command -v script >/dev/null; then
	out=$(cd "$ROOT" && TERM=$'bad\e]0;pwned\a' LANG=C.UTF-8 script -qec "'$BIN' --lang en" /dev/null 2>&1)
	if grep -qF 'the terminal type "bad\x1B]0;pwned\x07" is not known here' <<<"$out" && ! grep -q $'\e' <<<"$out"; then
		pass "a TERM with an escape sequence is printed escaped"
	else
		fail "TERM printed raw: $(printf %q "$out")"
	fi
fi

# -- the terminal goes away (issue 13, 9): with SIGHUP, without it (ignored,
# as under nohup: the read sees the end of input), and SIGTERM. The process
# must end promptly, never spin.
pid_of() { # SESSION: the browser's pid in that session (the pane's process or its child)
	local i pane child
	for i in $(seq 100); do
		pane=$($T display-message -p -t "$1" '#{pane_pid}' 2>/dev/null)
		if [ -n "$pane" ]; then
			if tr '\0' ' ' <"/proc/$pane/cmdline" 2>/dev/null | grep -q "^$BIN"; then
				echo "$pane"
				return
			fi
			child=$(pgrep -P "$pane" -f "^$BIN" | head -1)
			[ -n "$child" ] && { echo "$child"; return; }
		fi
		sleep 0.05
	done
}
gone_within() { # PID SECONDS
	local i
	for i in $(seq $(($2 * 20))); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	return 1
}
for how in hup ignored; do
	$T kill-server 2>/dev/null
	SESSIONS=$((SESSIONS + 1))
	T="tmux -L ak-e2e-$$-$SESSIONS -f /dev/null"
	trap_cmd=""
	[ $how = ignored ] && trap_cmd="trap '' HUP;"
	$T new-session -d -s gone -x 100 -y 30 "cd '$ROOT' && $trap_cmd LANG=C.UTF-8 exec '$BIN'"
	pid=$(pid_of gone)
	for i in $(seq 100); do $T capture-pane -p -t gone 2>/dev/null | grep -q F10Quit && break; sleep 0.05; done
	$T kill-session -t gone
	if [ -n "$pid" ] && gone_within "$pid" 3; then
		pass "terminal closed ($how): the browser ends within 3 s"
	else
		cpu=$(ps -o time= -p "$pid" 2>/dev/null)
		fail "terminal closed ($how): the browser is still running (CPU $cpu)"
		kill -9 "$pid" 2>/dev/null
	fi
done
start 100 30
wait_for "F10Quit" || true
pid=$(pid_of e2e)
kill -TERM "$pid"
expect "SIGTERM: the browser ends, killed by the signal" "EXITED 143"
expect_not "SIGTERM: the terminal is restored" "F10Quit"
# -- every other signal that ends a process (issue 23): the terminal is put
# back, mouse reports off and the alternate screen left, and the browser
# ends by that signal (a fault sent by kill: it ends, however a sanitizer
# reports it)
modes() { $T display-message -p -t e2e '#{alternate_on} #{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}'; }
for sig in VTALRM PROF XCPU XFSZ IO PWR RTMIN SEGV BUS ABRT; do
	start 100 30
	wait_for "F10Quit" || true
	pid=$(pid_of e2e)
	on=$(modes)
	kill -s "$sig" "$pid"
	if [ "$sig" = SEGV ] || [ "$sig" = BUS ] || [ "$sig" = ABRT ]; then
		# (a sanitizer's report may fill the screen: the process is asked)
		if gone_within "$pid" 10; then pass "SIG$sig: the browser ends"; else fail "SIG$sig: the browser ends"; fi
	else
		expect "SIG$sig: the browser ends, killed by the signal" "EXITED $((128 + $(kill -l "$sig")))"
	fi
	off=$(modes)
	if [ "${on%% *}" = 1 ] && [ "$off" = "0 0000" ]; then
		pass "SIG$sig: the alternate screen and mouse reports are off ($on -> $off)"
	else
		fail "SIG$sig: the terminal is left in its modes ($on -> $off)"
	fi
done
finish
