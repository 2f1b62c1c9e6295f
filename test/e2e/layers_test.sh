#!/usr/bin/env bash
# layers_test.sh BIN ROOT - the user's data beside the shipped datasets in
# the browser: a figure whose sources disagree is marked in the list and
# both numbers are said in the breakdown and in o; counts that agree with
# the published figure give it n. Fixture: test/data/layers/user (synthetic).
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
trap 'stop_session' EXIT

start 120 40 --lang en --data test/data/layers/user --kommune aarhus --year 2024 --area boernehandicap
expect "starts on Aarhus, Børnehandicap 2024" "Aarhus · Børnehandicap · 2024"
row=$(screen | grep -E '^ *Aarhus  ' | head -1)
if grep -q "≠" <<<"$row"; then pass "the list marks the disagreement (≠)"; else fail "no ≠ on Aarhus: $row"; fi
expect "the breakdown says both numbers" "Sources disagree on the rate:"
# the breakdown's words, joined across its wrapped lines (right of the │)
pane() { screen | sed 's/^[^│]*│//' | tr -s ' \n' ' '; }
if pane | grep -qF "Socialforvaltningen publishes 32 %; Statistikbanken TEST1 gives 40.0 % of 50 cases"; then
	pass "the sentence names the published 32 % and the counts' 40.0 % of 50"
else
	fail "the sentence with both numbers"
fi
expect "the published figure stays the one shown" "Reversal rate 32 %"
keys o
expect "o lists every source" "Every source for Aarhus"
expect "o gives the rate the counts give" "the counts give 40.0 %"
expect "o names the layer" "your data"
keys Escape
expect_not "o closed" "Every source for Aarhus"
keys 1
expect "Generelt: the published 39 % with the counts' n" "Reversal rate 39 %"
expect "n lent by the agreeing counts" "n = 200"
if pane | grep -qF "n, the counts and the interval from Statistikbanken TEST1"; then
	pass "the breakdown says where n comes from"
else
	fail "where n comes from"
fi
expect "the status line names both layers" "your data: Statistikbanken TEST1"
stop_session

start 120 40 --lang en --no-shipped --data test/data/layers/user --kommune aarhus --year 2024 --area boernehandicap
expect "--no-shipped: only the user's figure" "Reversal rate 40.0 %"
expect_not "--no-shipped: no disagreement left" "Sources disagree"
stop_session
finish
