#!/usr/bin/env bash
# screen_test.sh BIN ROOT - the screen reads right (issue 26, 2): the list's
# rate and case count never touch, at every width, and counts carry the
# language's thousands separator, as print writes them.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
data=$(mktemp -d)
trap 'stop_session; rm -rf "$data"' EXIT

cp "$ROOT/datasets/municipalities.csv" "$data/"
head -1 "$ROOT/datasets/2024.csv" >"$data/2024.csv"
src='Statistikbanken ANKEAST1 (test),statistics,2025,,'
cat >>"$data/2024.csv" <<CSV
0,Hele landet,generelt,,21467,,,,7196,,,,,,,,$src
751,Aarhus,generelt,,987,,,,100,,,,,,,,$src
CSV

for width in 80 60 120; do
	start "$width" 24 --no-shipped --data "$data" --year 2024
	expect "starts at $width columns" "All of Denmark"
	if screen | grep -E "^ ?All of (Denmark|De…|Den…|D…) +33\.5 +21467 " >/dev/null &&
		screen | grep -E "^ ?Aarhus +10\.1 +987 " >/dev/null; then
		pass "rate and cases apart at $width columns"
	else
		fail "rate and cases run together at $width columns"
		screen | head -8
	fi
done
E2E_ENV="LANG=C.UTF-8 LANGUAGE=da" start 80 24 --no-shipped --data "$data" --year 2024 --lang da
expect "Danish: the thousands point" "33,5 21.467"
if screen | grep -E "^ ?Danmark i(…| alt| a…) +33,5 +21\.467 " >/dev/null; then
	pass "Danish: 21.467 apart from 33,5"
else
	fail "Danish list row"
fi
keys q
finish
