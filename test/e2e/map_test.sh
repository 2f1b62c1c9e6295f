#!/usr/bin/env bash
# map_test.sh BIN ROOT - the map pane at 80x24 and 200x60: every municipality
# shown once, arrows follow geography, the selection drives the other panes.
BIN=$1 ROOT=$2
. "$(dirname "$0")/lib.sh"

tiles() { screen | sed -n '4,$p' | cut -c1-"$1" | grep -oE '[A-Z]{3}[1-5.]' | sort -u | wc -l; }
# wait_tiles WIDTH - poll until the map pane shows 98 tiles; prints the count
wait_tiles() {
	local i n=0
	for i in $(seq 1 100); do
		n=$(tiles "$1")
		[ "$n" -eq 98 ] && break
		sleep 0.05
	done
	echo "$n"
}
# lon NAME, lat NAME - the centroid longitude and latitude of a municipality
lon() { awk -F, -v n="$1" '$2 == n { print $5 }' "$ROOT/datasets/municipalities.csv"; }
lat() { awk -F, -v n="$1" '$2 == n { print $4 }' "$ROOT/datasets/municipalities.csv"; }
selected() { screen | sed -n '3p' | sed 's/.*│ \(.*\) · Generelt · 2024.*/\1/'; }

start 80 24 --data datasets --kommune esbjerg
expect "starts on Esbjerg" "Esbjerg · Generelt · 2024"
keys m
expect "m shows the map" "Map · Generelt 2024"
expect "Esbjerg's tile shows its rate class" "ESB4"
expect "the legend" "1 <20  2 20-30  3 30-40  4 40-50  5 50+ %"
n=$(wait_tiles 49)
if [ "$n" -eq 98 ]; then pass "all 98 municipalities on the map at 80x24"; else fail "tiles at 80x24: $n"; fi
keys Right
expect_not "the selection moved" "Esbjerg · Generelt · 2024"
east=$(selected)
if awk -v a="$(lon "$east")" -v b="$(lon Esbjerg)" 'BEGIN { exit !(a > b) }'; then
	pass "right from Esbjerg goes east ($east)"
else
	fail "right from Esbjerg went to '$east'"
fi
keys Up
expect_not "up moves the selection again" "$east · Generelt · 2024"
north=$(selected)
# up follows the screen's grid (issue 13, 15): the new tile stands on a line
# above the old one, in the same slot or the one beside it
tile_pos() { # NAME: "line column" of the tile whose letters begin the name
	local abbr
	abbr=$(printf '%s' "$1" | cut -c1-3 | tr '[:lower:]' '[:upper:]')
	screen | awk -v t="$abbr" '{ i = index($0, t); if (i) { print NR, i; exit } }'
}
read -r l1 c1 <<<"$(tile_pos "$east")"
read -r l2 c2 <<<"$(tile_pos "$north")"
if [ -n "${l2:-}" ] && [ "$l2" -lt "$l1" ] && [ $((c2 - c1)) -le 4 ] && [ $((c1 - c2)) -le 4 ]; then
	pass "up from $east goes to the tile above on the screen ($north)"
else
	fail "up from $east went to '$north' (line ${l2:-?} col ${c2:-?}, from line $l1 col $c1)"
fi
keys Enter
expect "Enter opens the breakdown of the selection" "$north · Generelt · 2024"
# a click on Odense's tile, found on the screen, selects Odense
pos=$(screen | awk '{ i = index($0, "ODE4"); if (i) { print i - 1, NR - 1; exit } }')
if [ -n "$pos" ]; then
	click $pos
	expect "a click on a tile selects its municipality" "Odense · Generelt · 2024"
else
	fail "Odense's tile is not on the map"
fi
keys Tab Tab Tab
resize 200 60
expect "the map at 200x60" "Map · Generelt 2024"
n=$(wait_tiles 124)
if [ "$n" -eq 98 ]; then pass "all 98 municipalities on the map at 200x60"; else fail "tiles at 200x60: $n"; fi
resize 60 20
expect "a small terminal says the map needs room" "The map needs a larger"
resize 80 24
keys m
expect "m brings the list back" "Rate  Cases"
keys q
expect "quits" "EXITED 0"
finish
