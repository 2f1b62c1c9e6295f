#!/usr/bin/env bash
# bilag_test.sh BIN ROOT - the København 2024 fact sheet against the paper it
# is made for: Københavns Kommune, Socialforvaltningen, Bilag 1 for 2024
# (seeds/001). `--cells papers` must hold the Bilag's 6-byer table cell for
# cell, its caption under that table, and its links, with nothing a
# committee secretary would delete (issue 26).
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir

# The Bilag's table as printed (its "40 pct" and "1 pct ændrede" written
# "pct." as in the rest of it; "Heraf" in lower case inside the bracket).
cat >"$dir/bilag" <<'TABLE'
Aarhus|39 pct. (heraf 33 pct. hjemviste og 6 pct. ændrede)|32 pct. (heraf 31 pct. hjemviste og 1 pct. ændrede)|39 pct. (heraf 30 pct. hjemviste og 9 pct. ændrede)
Aalborg|41 pct. (heraf 32 pct. hjemviste og 9 pct. ændrede)|46 pct. (heraf 36 pct. hjemviste og 11 pct. ændrede)|35 pct. (heraf 25 pct. hjemviste og 10 pct. ændrede)
Esbjerg|49 pct. (heraf 39 pct. hjemviste og 10 pct. ændrede)|54 pct. (heraf 46 pct. hjemviste og 7 pct. ændrede)|33 pct. (heraf 33 pct. hjemviste og 0 pct. ændrede)
Odense|44 pct. (heraf 37 pct. hjemviste og 7 pct. ændrede)|68 pct. (heraf 61 pct. hjemviste og 8 pct. ændrede)|37 pct. (heraf 37 pct. hjemviste og 0 pct. ændrede)
Randers|49 pct. (heraf 40 pct. hjemviste og 9 pct. ændrede)|53 pct. (heraf 47 pct. hjemviste og 6 pct. ændrede)|54 pct. (heraf 39 pct. hjemviste og 15 pct. ændrede)
København|40 pct. (heraf 31 pct. hjemviste og 9 pct. ændrede)|34 pct. (heraf 28 pct. hjemviste og 6 pct. ændrede)|33 pct. (heraf 19 pct. hjemviste og 15 pct. ændrede)
Danmark i alt|45 pct. (heraf 38 pct. hjemviste og 7 pct. ændrede)|49 pct. (heraf 41 pct. hjemviste og 8 pct. ændrede)|40 pct. (heraf 36 pct. hjemviste og 5 pct. ændrede)
TABLE
urls="https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-socialomraadet-i-2024
https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-boernehandicapomraadet-i-2024
https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-voksenhandicapomraadet-i-2024"

"$bin" --lang da faktaark --data datasets -k København -y 2024 --cells papers >"$dir/md"
# the peer table's rows, "| A | B | C | D |" read back as "A|B|C|D"
sed -n '/^## Sammenligning: 6-byer, 2024$/,/^## /p' "$dir/md" | grep '^| ' | sed -n '3,$p' |
	sed 's/^| //; s/ |$//; s/ | /|/g' | sort >"$dir/ours"
sort "$dir/bilag" >"$dir/want"
check_details=$dir/diff
diff "$dir/want" "$dir/ours" >"$dir/diff"
check "the 6-byer table holds the Bilag's 21 cells and no other row" '[ ! -s "$dir/diff" ]'
check_details=
check "the columns are headed as the Bilag heads them" 'grep -qx "| Kommune | Socialområdet – generelt (omgørelsesprocenten) | Handicapområdet – Børn (omgørelsesprocenten) | Handicapområdet – Voksen (omgørelsesprocenten) |" "$dir/md"'
# the caption: under the 6-byer table, and only there
caption="Tallene er fra danmarkskortet for 2024 (Ankestyrelsens og Social- og Boligministeriets hjemmesider), gengivet i hele procent."
under=$(sed -n '/^## Sammenligning: 6-byer, 2024$/,/^## /p' "$dir/md" | grep -A2 '^| Danmark i alt' | tail -1)
check "the caption sits under the 6-byer table" '[ "$under" = "$caption" ]'
check "the caption is said once in the sheet" '[ "$(grep -cF "danmarkskortet for 2024 (Ankestyrelsens" "$dir/md")" -eq 1 ]'
# the links as the Bilag gives them, the addresses printed in HTML
links=$(sed -n '/^## Link til danmarkskortene for 2024$/,$p' "$dir/md")
check "the links section is headed with the year" '[ -n "$links" ]'
check "the links name the maps as the Bilag does" 'grep -qF "[Danmarkskort for socialområdet generelt](" <<<"$links" && grep -qF "[Danmarkskort for børnehandicapområdet](" <<<"$links" && grep -qF "[Danmarkskort for voksenhandicapområdet](" <<<"$links"'
"$bin" --lang da faktaark --data datasets -k København -y 2024 --cells papers --format html >"$dir/html"
for u in $urls; do
	check "the address is printed in HTML: ${u##*/}" 'grep -qF ">$u</a>" "$dir/html" && grep -qF "$u" <<<"$links"'
done
# what a secretary would delete
check "no 'Note:' in front of the caption" '! grep -q "^Note" "$dir/md"'
check "no line saying, for every area, that no count is published" '! grep -q "ikke offentliggjort et antal sager" "$dir/md"'
check "no explanation of cells that explain themselves" '! grep -q "^Hver celle" "$dir/md"'
check "no source that gives no figure shown (Norddjurs, Frederikssund)" '! grep -qE "Norddjurs|Frederikssund" "$dir/md"'
check "no trend row without a figure for København (2020, 2022, 2023)" '! grep -qE "^\| 20(20|22|23) \|" "$dir/md"'
check "no 'the addresses as cited in' the Bilag itself" '! grep -q "Adresserne som de er angivet" "$dir/md"'
check "no [Socialforvaltningen] before a sentence that names it" '! grep -qF "\[Socialforvaltningen\] Socialforvaltningen" "$dir/md"'
check "no interval promised where none is shown" '! grep -q "intervallet" "$dir/md"'
check "no empty list: never two blank lines" '! grep -qzP "\n\n\n" "$dir/md"'
check_done
