#!/usr/bin/env bash
# paragraphs_test.sh BIN ROOT - the paragraph view (issue 25): P opens it
# for the selection, area and year; at 80x24 it scrolls sideways, at
# 200x50 it shows every column; units.csv groups it by unit; s cycles the
# orders; the area and year keys change it; with no rows it says what to
# import; its CSV export is data.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"
out=$(mktemp -d)
trap 'stop_session; rm -rf "$out"' EXIT
mkdir -p "$out/data"
printf '%s\n' 'code,unit,paragraphs' '707,Børne- og Familieområdet,41 43 44-45 52 55 71' \
	'707,Sundhed & Omsorg,83 95 112 113' '707,Socialområdet (voksen),' >"$out/data/units.csv"

start 80 24 --data "$out/data" --kommune norddjurs --year 2023
expect "starts on Norddjurs" "Norddjurs · Generelt · 2023"
keys P
expect "P opens the paragraph view" "Paragraphs: Norddjurs, Generelt 2023, by reversed above national"
expect "grouped by the units of units.csv" "Sundhed & Oms"
expect "the total is the map's figure" "Total (the ar…       77"
expect_golden para_norddjurs_80x24
keys Right Right Right Right
expect "sideways: the columns to the right" "National %"
keys s
expect "s: the next order" "Generelt 2023, by reversed"
keys 2
expect "2: børnehandicap" "Paragraphs: Norddjurs, Børnehandicap 2023"
keys '['
expect "a year without rows says what to import" "No paragraph rows loaded for Norddjurs"
keys ']' 1
expect "back to generelt 2023" "Paragraphs: Norddjurs, Generelt 2023"
resize 200 50
expect "at 200 columns every column" "Above national    p (binom.)    Change pp"
expect_golden para_norddjurs_200x50
keys e
expect "export prompt names the view" "Export to: paragraffer-norddjurs-generelt-2023.md"
for i in $(seq 1 80); do keys BSpace; done
keys -l "$out/para.csv"
keys Enter
expect "exported" "Exported to $out/para.csv"
if head -1 "$out/para.csv" | grep -q "^year,code,kommune,area,row,unit,law,paragraph,paragraphs,cases,upheld,remanded,changed,reversed,rate_pct,ci_low,ci_high,national_rate_pct,excess_reversed,p_national,prev_year,change_pp,sources$" &&
	grep -q '^2023,707,Norddjurs,generelt,paragraph,Sundhed & Omsorg,Serviceloven,§ 83,83,,,,,7,' "$out/para.csv" &&
	grep -q '^2023,707,Norddjurs,generelt,total,,,,,77,46,21,10,31,40.3,' "$out/para.csv"; then
	pass "the CSV export is data, one column a quantity"
else
	fail "the CSV export"; head -4 "$out/para.csv"
fi
keys q
expect "q leaves the view" "Norddjurs · Generelt · 2023"
stop_session
finish
