#!/usr/bin/env bash
# browser_test.sh BIN ROOT - the browser end to end: search, areas, years,
# numbers against the dataset, trend, help, resizes, quitting.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"

start 100 30 --data datasets
expect "starts on the national row" "All of Denmark · Generelt · 2024"
expect "area tabs" "[1 Generelt]  2 Børnehandicap   3 Voksenhandicap"
expect "year tabs" "2022   2023  [2024]"
expect "coverage in the status line" "Generelt 2024: 6 of 98 municipalities have a figure"

keys / a a r h u s Enter
expect "search finds Aarhus" "Aarhus · Generelt · 2024"
expect "Aarhus rate as published" "Reversal rate 39 %"
expect "split as published" "Remanded 33 %  Changed 6 %"
expect "national rate and difference" "National 45 %  difference -6 points"
expect "trend shows 2020 as a gap" "2020  (no figure)"
expect "trend shows 2021" "2021 █████████ │                         28 %"
expect "trend: 2022 is a gap" "2022  (no figure)"
expect "trend: 2023 is a gap" "2023  (no figure)"
expect "trend shows 2024, its change across the gap since 2021" "39 % ▲  +11  DK 45"
expect_golden aarhus_2024

keys 2
expect "area 2" "Aarhus · Børnehandicap · 2024"
expect "Aarhus børnehandicap 2024" "Reversal rate 32 %"
keys '['
expect "year back to 2023" "Aarhus · Børnehandicap · 2023"
expect "no figure is said, not zero" "No figure is published for Aarhus, Børnehandicap 2023"
keys Right 1
expect "right arrow: next year, area 1" "Aarhus · Generelt · 2024"

keys '?'
expect "help opens" "Help (Esc closes)"
expect "help lists the bindings" "F3, /"
keys Escape
expect_not "help closes" "Help (Esc closes)"

resize 60 20
expect "selection survives 60x20" "Aarhus · Generelt · 2024"
expect_golden aarhus_60x20
resize 200 60
expect "selection survives 200x60" "Aarhus · Generelt · 2024"
expect "room for the remanded pane at 200x60" "Accounts exist for: København 2021 (Generelt)"
resize 30 8
expect "too small notice" "Terminal too small"
resize 100 30
expect_not "notice disappears" "Terminal too small"
expect_golden aarhus_2024

keys s
expect "sort by rate" "Sorted by rate (highest first)"
top=$(screen | sed -n '4,10p' | cut -c1-30 | awk '{print $1}' | tr '\n' ' ')
if [ "$top" = "All Esbjerg Randers Odense Aalborg København Aarhus " ]; then
	pass "rate order: Esbjerg 49, Randers 49, Odense 44, Aalborg 41, København 40, Aarhus 39"
else
	fail "rate order, got: $top"
fi

keys q
expect "quit returns to the shell with status 0" "EXITED 0"
expect_not "quit restores the screen" "Municipality"

start 100 30 --data datasets --kommune norddjurs --area generelt --year 2023
expect "--kommune/--area/--year open the selection" "Norddjurs · Generelt · 2023"
expect "rate from counts" "Reversal rate 40 %  95 % CI 30.0–51.4  n = 77"
expect "counts beside shares" "Remanded 27 % (21)  Changed 13 % (10)  Upheld 59.7 % (46)"
keys 2
expect "small sample spelled out" "Small sample (13 cases): one case more or less moves the rate"

start 120 40 --data datasets --kommune frederikssund --area boernehandicap --year 2021
expect "follow-up tally" "Follow-up: 5 new decision for the citizen · 8 upheld on reconsideration"
expect "tally continues" "withdrawn · 1 appealed again"
keys o
expect "sources overlay" "Every source for Frederikssund, Børnehandicap 2021"
keys Escape q

start 100 30 --data datasets
expect "ready for the mouse" "All of Denmark · Generelt · 2024"
click 3 6
expect "a click on a list row selects that municipality" "Aarhus · Generelt · 2024"
mouse 65 3 6
expect "the wheel moves the selection down three rows" "Assens · Generelt · 2024"
mouse 64 3 6
expect "and back up" "Aarhus · Generelt · 2024"
click 3 1
click 3 7
expect "a click on the tabs is harmless; the next row click still selects" "Albertslund · Generelt · 2024"
keys q

start 100 30 --data datasets --kommune 0 --year 2020
keys o
expect "disagreeing sources listed" "slagelse.info"
keys Escape q

start 100 30 --data datasets --lang da --kommune norddjurs --year 2023
expect "the Danish interface" "Norddjurs · Generelt · 2023"
expect "Danish labels and decimal commas" "Omgørelsesprocent 40 %  95 %-interval 30,0–51,4  n = 77"
expect "Danish key bar" "F1Hjælp F3Søg F6Sortér"
expect "Danish status line" "Generelt 2023: 1 af 98 kommuner har et tal"
keys '?'
expect "Danish help" "Hjælp (Esc lukker)"
keys Escape q

start 120 30 --data datasets --lang da
expect "the Danish key bar at 120 columns keeps Quit: the views' words only while they fit" "FTragt eEksportér F10Afslut"
keys q

start 100 74 --data datasets --lang da
keys '?'
expect "a long key description wraps under itself instead of being cut" "│                         sager   "
keys End # the keys fill more than a screen
expect "the help's closing paragraph is in Danish" "Omgørelsesprocenten er andelen"
keys Escape q

E2E_ENV="LANG=da_DK.UTF-8" start 100 30 --data datasets
expect "LANG=da_DK.UTF-8 gives the Danish interface, locale installed or not" "F1Hjælp F3Søg"
keys q

E2E_ENV="LANG=C NO_COLOR=1" start 100 30 --data datasets --kommune koebenhavn --year 2021
expect "ASCII fallback without UTF-8" "2 Boernehandicap"
expect "transliterated names" "Koebenhavn . Generelt . 2021"
# the list keeps its columns with æ, ø and å (issue 13, 11): the names are
# transliterated before they are fitted, so nothing shifts or is cut
keys g
expect "the list under LANG=C" "Broendby"
bars=$(screen | sed -n 3,20p | awk '{ print index($0, "|") }' | sort -u | wc -l)
dash=$(screen | grep -E "^ (Albertslund|Alleroed|Broendby|Dragoer) " | awk '{ print index($0, "-") }' | sort -u | wc -l)
if [ "$bars" = 1 ] && [ "$dash" = 1 ] && ! screen | sed -n 3,20p | grep -q "~|"; then
	pass "names with æ, ø, å keep the columns aligned, none cut"
else
	fail "columns shift under LANG=C"; screen | sed -n 3,18p | sed 's/^/    /'
fi
keys q

# kommune = norddjurs in the configuration: the browser opens on it, and the
# peer table is for it wherever the selection is (issue 26)
E2E_ENV="XDG_CONFIG_HOME=$ROOT/test/data/config-kommune" start 100 30 --data datasets --year 2023
expect "opens on the configured municipality" "Norddjurs · Generelt · 2023"
keys / a a r h u s Enter t
expect "the peer table is for it, said in its title" "6-byer and Norddjurs, your municipality"
finish
