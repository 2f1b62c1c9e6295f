#!/usr/bin/env bash
# valgrind_test.sh BIN ROOT - a browser session under valgrind: no invalid
# read or write, no use of uninitialised memory, and no leak at exit.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
log=$(mktemp)
out=$(mktemp -d)
trap 'stop_session; rm -rf "$log" "$out"' EXIT
export E2E_WAIT=60
export E2E_WRAP="valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --track-origins=yes --log-file=$log"

start 100 30 --data datasets
expect "starts under valgrind" "All of Denmark · Generelt · 2024"
keys / a a r h u s Enter
expect "search" "Aarhus · Generelt · 2024"
keys 2 '[' ']' 1
expect "areas and years" "Aarhus · Generelt · 2024"
keys m Right
expect_not "the map moves" "Aarhus · Generelt · 2024"
keys m '?'
expect "help" "Help (Esc closes)"
keys Escape c s s
expect "compare, sorted" "Rate 2024 ▼"
keys e
for i in $(seq 1 60); do keys BSpace; done
keys -l "$out/cmp.csv"
keys Enter
expect "export" "Exported to $out/cmp.csv"
keys Escape d Escape t Escape o Escape
resize 60 20
resize 100 30
keys q
expect "quits with status 0 (valgrind found no error)" "EXITED 0"
if grep -q "ERROR SUMMARY: 0 errors" "$log"; then
	pass "valgrind: 0 errors"
else
	fail "valgrind errors"
	sed 's/^/    /' "$log" | tail -40
fi
if grep -qE "definitely lost: [1-9]|indirectly lost: [1-9]" "$log"; then
	fail "valgrind: leaks at exit"
	grep -A12 "definitely lost in" "$log" | head -40
else
	pass "valgrind: no leak at exit"
fi
finish
