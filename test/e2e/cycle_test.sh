#!/usr/bin/env bash
# cycle_test.sh BIN ROOT - the § 79 b cycle record in the browser (issue 27,
# 1), on the synthetic record of test/data/cycle (never in datasets/) as of
# a fixed day: the status line says what is due for the municipality
# selected, in English and Danish; nothing for one the record does not name;
# a step added from the command line shows on the next start.
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
finish
