#!/usr/bin/env bash
# xlsx_export_test.sh BIN ROOT - the fact sheet as a workbook (-o FILE.xlsx),
# read back with Python's zipfile and XML (test/xlsx_read.py): a sheet per
# table, numbers as numbers with their number format, a share's count in a
# column of its own, the sources on the last sheet (issue 26).
set -u
. "$(dirname "$0")/lib_check.sh"
bin=$1 root=$2
cd "$root" || exit 1
check_tmpdir dir
read_xlsx() { python3 test/xlsx_read.py "$1"; }

"$bin" --lang da faktaark --data datasets -k norddjurs --years 2021-2023 -o "$dir/n.xlsx"
check "writes a workbook" 'read_xlsx "$dir/n.xlsx" >"$dir/n.cells"'
sheets=$(grep "^== " "$dir/n.cells" | tr '\n' '|')
check "a sheet per year's table, the sources last" '[[ "$sheets" == *"== Omgørelsesprocenter 2023|== Omgørelsesprocenter 2022|== Omgørelsesprocenter 2021|"* ]] && [[ "$sheets" == *"|== Kilder|" ]]'
sed -n '/^== Omgørelsesprocenter 2023$/,/^== /p' "$dir/n.cells" >"$dir/t2023"
check "Norddjurs 2023 generelt: 40 pct. a number in percent, 31 its count" 'grep -qP "^A3\ts\tNorddjurs: Generelt$" "$dir/t2023" && grep -qP "^B3\tn\t0.4\t0%$" "$dir/t2023" && grep -qP "^C3\tn\t31\t0$" "$dir/t2023"'
check "the count's column is named" 'grep -qP "^C2\ts\tOmgjort \(antal\)$" "$dir/t2023"'
check "the national 38,5 pct. keeps its decimal" 'grep -qP "^B5\tn\t0.385\t0.0%$" "$dir/t2023"'
check "cases a number" 'grep -qP "^H3\tn\t77\t0$" "$dir/t2023"'
check "the interval is two numbers in percent, not the text 30,0–51,4" 'grep -qP "^I2\ts\t95 %-interval \(nedre\)$" "$dir/t2023" && grep -qP "^J2\ts\t95 %-interval \(øvre\)$" "$dir/t2023" && grep -qP "^I3\tn\t0.3\t0.0%$" "$dir/t2023" && grep -qP "^J3\tn\t0.514\t0.0%$" "$dir/t2023" && ! grep -q "–51" "$dir/t2023"'
check "the difference after the interval keeps its place" 'grep -qP "^K2\ts\tForskel \(point\)$" "$dir/t2023" && grep -qP "^K3\tn\t2\t0$" "$dir/t2023"'
check "the dash is an empty cell, not text" '! grep -qP "\ts\t–$" "$dir/t2023"'
sed -n '/^== Sammenligning Region/,/^== /p' "$dir/n.cells" >"$dir/peers"
check "the peer table: a number a column, Norddjurs 40 pct. (31) of 77" 'grep -qP "^A3\ts\tNorddjurs$" "$dir/peers" && grep -qP "^B3\tn\t0.4\t0%$" "$dir/peers" && grep -qP "^C3\tn\t31\t0$" "$dir/peers" && grep -qP "^D2\ts\tGenerelt: hjemvist$" "$dir/peers" && grep -qP "^E3\tn\t21\t0$" "$dir/peers" && grep -qP "^H3\tn\t77\t0$" "$dir/peers"'
check "the peer table has no text cell of figures" '! grep -qP "^[B-Z][0-9]+\ts\t[0-9]" "$dir/peers"'
sed -n '/^== Udvikling/,/^== /p' "$dir/n.cells" >"$dir/trend"
check "the trend: rates and counts as numbers, Norddjurs 2023 40 pct. (31)" 'grep -qP "^A6\tn\t2023\t0$" "$dir/trend" && grep -qP "^B6\tn\t0.4\t0%$" "$dir/trend" && grep -qP "^C6\tn\t31\t0$" "$dir/trend" && grep -qP "^D6\tn\t0.385\t0.0%$" "$dir/trend" && ! grep -qP "^[B-Z][0-9]+\ts\t[0-9]" "$dir/trend"'
sed -n '/^== Omgørelsesprocenter 2021$/,/^== /p' "$dir/n.cells" >"$dir/t2021"
check "2021: the counts published without n" 'grep -qP "^C3\tn\t15\t0$" "$dir/t2021" && grep -qP "^E3\tn\t4\t0$" "$dir/t2021" && grep -qP "^G3\tn\t11\t0$" "$dir/t2021"'
check "the sources sheet names the paper" 'sed -n "/^== Kilder$/,\$p" "$dir/n.cells" | grep -q "Norddjurs Kommune: Ankestyrelsens omgørelsesprocenter"'
# text from data never raw: a control character in a name is escaped
mkdir "$dir/data"
cp datasets/*.csv "$dir/data/"
sed -i 's/^707,Norddjurs,/707,"Nord\x1bdjurs",/' "$dir/data/municipalities.csv"
"$bin" faktaark --no-shipped --data "$dir/data" --lenient -k 707 -y 2023 -o "$dir/h.xlsx" 2>/dev/null
check "a control character in a name is escaped in the workbook" 'read_xlsx "$dir/h.xlsx" | grep -q "Nord\\\\x1Bdjurs" && ! read_xlsx "$dir/h.xlsx" | grep -q "$(printf "\\033")"'
"$bin" faktaark --data datasets -k norddjurs --format xlsx >"$dir/out" 2>"$dir/err"
rc=$?
check "no workbook on standard output: --format xlsx is refused (exit 2)" '[ $rc -eq 2 ] && [ ! -s "$dir/out" ]'
check "no temporary file is left" '[ -z "$(ls "$dir" | grep tmp)" ]'
check_done
