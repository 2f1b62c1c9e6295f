#!/usr/bin/env bash
# cycle_test.sh BIN ROOT - the § 79 b cycle record in the browser (issue 27,
# 1), on the synthetic record of test/data/cycle (never in datasets/) as of
# a fixed day: the status line says what is due for the municipality
# selected, in English and Danish; nothing for one the record does not name;
# a step added from the command line shows on the next start; the view on
# key a shows the steps and what is due, and exports them.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'stop_session; rm -rf "$dir"' EXIT
cp "$ROOT/test/data/cycle/cycle.csv" "$dir/cycle.csv"

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20"
start 200 40 --data datasets --kommune norddjurs --cycle "$dir/cycle.csv"
expect "the status line says what is due" "2024 maps: discussed in committee 12 Nov, no council meeting recorded; the deadline is 31 Dec |"
keys Home
expect_not "nothing for a municipality the record does not name" "2024 maps:"
stop_session

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20" "$BIN" --data "$ROOT/datasets" cycle add council -k norddjurs -y 2024 --date 2025-11-19 --cycle "$dir/cycle.csv" >/dev/null
start 200 40 --data datasets --kommune norddjurs --cycle "$dir/cycle.csv"
expect "the council meeting recorded: the decision is due" "2024 maps: discussed by the council 19 Nov, no decision on an action plan recorded; the deadline is 31 Dec"
stop_session

E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2026-01-05"
start 200 40 --lang da --data datasets --kommune frederikssund --cycle "$dir/cycle.csv"
expect "in Danish, with the year once it is past" "2024-kortene: besluttet 29. okt. 2025: ingen handleplan; Ankestyrelsen ikke orienteret"
stop_session

# the cycle view (a): the steps and what is due, by year; its export
E2E_ENV="LANG=C.UTF-8 ANKEKORT_TODAY=2025-11-20"
start 100 40 --data datasets --kommune frederikssund --cycle "$dir/cycle.csv"
keys a
expect "a opens the cycle view" "§ 79 b cycle · Frederikssund  as of 20 Nov 2025"
expect "the steps recorded up to the day and after" "29 Oct 2025: decision on an action plan: no action plan"
expect "what is due, with the provision" "Not yet recorded: 2024 maps: decided 29 Oct: no action plan; Ankestyrelsen"
keys e
expect "its export proposes a file name" "forloeb-frederikssund"
keys C-u
keys -l "$dir/forloeb.md"
keys Enter
expect "exported" "Exported to $dir/forloeb.md"
if grep -q "^# § 79 b cycle: Frederikssund" "$dir/forloeb.md" && grep -q "^- 2 Feb 2026: order from Ankestyrelsen, deadline 1 May 2026" "$dir/forloeb.md"; then
	pass "the export holds the steps"
else
	fail "the export holds the steps"
	cat "$dir/forloeb.md"
fi
keys a
expect "a again closes it" "Generelt 2024:"
finish
