#!/usr/bin/env bash
# quarters_test.sh BIN ROOT - the quarterly view (K) on the synthetic
# quarters of test/data/quarters (issue 27, 2): preliminary, year to date
# against the same quarters a year before, the rolling four quarters, too
# few cases and missing quarters said in words; its export; and the view
# on data without quarters.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'stop_session; rm -rf "$out"' EXIT

start 200 40 --data test/data/quarters --no-shipped --kommune norddjurs
expect "starts on Norddjurs" "Norddjurs · Generelt · 2024"
keys K
expect "the view is labelled preliminary" "Quarters, Norddjurs as of Q2 2025 (preliminary; the June map is the reference)"
expect "year to date: 22 of 52" "Generelt        Norddjurs       Year to date           Q1–Q2 2025             52          22                           42.3  29.9–55.8"
expect "the same quarters a year before" "Same quarters 2024     Q1–Q2 2024             42          11                           26.2"
expect "the rolling four quarters" "Rolling four quarters  Q3 2024–Q2 2025        90          35                           38.9"
expect "the nation beside it, named in the interface's language" "All of Denmark  Year to date           Q1–Q2 2025           4000        1535"
expect "below 10 cases no rate" "5           3  too few cases to say anything"
expect "10 cases: a rate" "Rolling four quarters  Q3 2024–Q2 2025        10           5                           50.0"
expect "a quarter without counts is named" "missing: Q2 2024"
expect "the note says what the figures are" "Preliminary: quarterly counts as imported (quarters.csv)"
keys e
expect "export prompt with a proposed name" "Export to: kvartaler-norddjurs.md"
for i in $(seq 1 40); do keys BSpace; done
keys -l "$out/q.csv"
keys Enter
expect "exported" "Exported to $out/q.csv"
if grep -q "^707,Norddjurs,generelt,ytd,2025,1,2025,2,52,22,42.3,29.9,55.8,0,0," "$out/q.csv" &&
	grep -q "^707,Norddjurs,voksenhandicap,ytd,2025,1,2025,2,5,3,,,,0,1," "$out/q.csv"; then
	pass "the export is the data: one column per quantity"
else
	fail "export content"; cat "$out/q.csv"
fi
keys K
expect "K closes it" "Norddjurs · Generelt · 2024"

start 200 40 --data test/data/quarters --no-shipped --kommune norddjurs --lang da
keys K
expect "in Danish" "Kvartaler, Norddjurs pr. 2. kvt. 2025 (foreløbigt; danmarkskortet fra juni er referencen)"
expect "too few in Danish" "for få sager til at sige noget"

start 120 30 --data datasets --kommune aarhus
keys K
expect "without quarters the view says so" "Quarters (preliminary; the June map is the reference): none loaded"
expect "and how to get them" "No quarterly figures are loaded: import a quarterly table"
finish
