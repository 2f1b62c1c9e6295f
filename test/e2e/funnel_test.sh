#!/usr/bin/env bash
# funnel_test.sh BIN ROOT - the funnel plot (issue 15, 2): F opens it, the
# arrows walk the municipalities by cases and by rate, the selection's
# place is said in words, the screen matches its golden copy, the data
# without case counts say so, and the export writes the plotted points.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'stop_session; rm -rf "$out"' EXIT

# synthetic figures for 40 municipalities (test/data/funnel), with counts
start 120 36 --no-shipped --data test/data/funnel --kommune københavn
expect "starts on København" "København · Generelt · 2024"
keys F
expect "F opens the funnel plot" "Funnel plot · Generelt 2024"
expect "the national line and limits are named" "national 30.0 %"
expect "the selection's place in words" "København: 35.5 % of 1200 cases, above the 99.8 % limit: clearly higher than the national rate (p < 0.001"
expect_golden funnel_kbh_120x36
keys Left
expect "Left: the next fewer cases" "Roskilde: 30.3 % of 829 cases, within the 95 % limits"
keys Home
expect "Home: the fewest cases" "Frederiksberg: 21.7 % of 23 cases"
# selection_line - the sentence on the selection
selection_line() { screen | grep -E "^ [A-ZÆØÅ].*% of [0-9]+ cases" || true; }
# changes_to_other FROM - wait until the sentence differs from FROM
changes_to_other() {
	local i
	for i in $(seq 1 50); do [ "$(selection_line)" != "$1" ] && return 0; sleep 0.1; done
	return 1
}
start_line=$(selection_line)
keys Up
if changes_to_other "$start_line"; then pass "Up moves to another rate"; else fail "Up moves"; fi
keys Down
if wait_for "$start_line"; then pass "Down moves back by rate"; else fail "Down moves back by rate"; fi
keys 2
expect "another area without counts: said so" "The funnel plot needs the national rate; none is loaded for Børnehandicap 2024."
keys 1
keys e
expect "export prompt names the view" "Export to: tragt-generelt-2024.md"
for i in $(seq 1 80); do keys BSpace; done
keys -l "$out/tragt.csv"
keys Enter
expect "exported" "Exported to $out/tragt.csv"
if head -1 "$out/tragt.csv" | grep -q "^code,kommune,year,area,cases,reversed,rate_pct,national_rate_pct,p_national,lower_95,upper_95,lower_99_8,upper_99_8,position,sources$" &&
	grep -q "^101,København,2024,generelt,1200,426,35.5,30.0,0.0000,.*,above_99_8,.*" "$out/tragt.csv"; then
	pass "the CSV export holds the points as data"
else
	fail "the CSV export"; head -3 "$out/tragt.csv"
fi
keys q
expect "q leaves the plot, the selection kept" "Frederiksberg · Generelt · 2024"
stop_session

# the shipped data: few case counts
start 100 30 --data datasets --kommune aarhus --year 2024
keys F
expect "without counts: said in words" "The funnel plot needs case counts; none are published for Generelt 2024"
stop_session
start 100 30 --data datasets --kommune norddjurs --year 2023
keys F
expect "one municipality with counts is plotted" "Norddjurs: 40.3 % of 77 cases, within the 95 % limits"
keys Left
expect "Aarhus has no count: said" "of 77 cases"
finish
